/*
 * /healthz: 200 with a small JSON body when the database answers, 503
 * (with Retry-After) when it does not. Also the benchmark's ceiling: one
 * trivial query through the same async layer as every page.
 */
#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/jw.h"
#include "db/q.h"
#include "web/resp.h"

static int	health_done(struct http_request *, struct db_ctx *);
static int	health_fail(struct http_request *, struct db_ctx *, int);
static void	health_send(struct http_request *, int);

int
health_show(struct http_request *req)
{
	struct db_ctx	*db;

	if (!http_state_exists(req)) {
		db = http_state_create(req, sizeof(*db), NULL);
		db_start(req, db, &q_health_ping, NULL, health_done);
		db->fail = health_fail;
	}
	return (db_run(req));
}

static void
health_send(struct http_request *req, int ok)
{
	struct sbuf	sb;

	sbuf_init(&sb);
	jw_obj_open(&sb);
	jw_kv_str(&sb, 1, "status", ok ? "ok" : "unavailable");
	jw_kv_str(&sb, 0, "database", ok ? "ok" : "unreachable");
	jw_obj_close(&sb);
	resp_json(req, ok ? 200 : 503, &sb);
	sbuf_free(&sb);
}

static int
health_done(struct http_request *req, struct db_ctx *db)
{
	health_send(req, db->nrows == 1);
	return (HTTP_STATE_COMPLETE);
}

static int
health_fail(struct http_request *req, struct db_ctx *db, int status)
{
	(void)db;
	(void)status;
	health_send(req, 0);
	return (HTTP_STATE_COMPLETE);
}
