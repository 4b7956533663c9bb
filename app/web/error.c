/*
 * The catch-all 404 (last route in routes.conf) and /fout/{status}, the
 * error pages nginx shows in place of Kore's bodiless 405 and 413 and
 * of its own 5xx (conf/nginx.conf: proxy_intercept_errors).
 */
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "web/resp.h"

int
not_found(struct http_request *req)
{
	resp_error(req, 404);
	return (KORE_RESULT_OK);
}

int
error_show(struct http_request *req)
{
	static const int	 known[] = { 400, 403, 404, 405, 413, 500, 503 };
	const char		*p;
	size_t			 i;
	int			 status;

	/* The route regex allows exactly three digits after /fout/. */
	p = req->path + strlen("/fout/");
	status = atoi(p);
	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		if (known[i] == status) {
			resp_error(req, status);
			return (KORE_RESULT_OK);
		}
	}
	resp_error(req, 404);
	return (KORE_RESULT_OK);
}
