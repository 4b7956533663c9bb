/*
 * Function validators named in conf/validators.conf. Kore drops a field
 * that fails (STYLE.md c5), so these only enforce hard limits; the
 * checks that give the user a message are in the handlers.
 */
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"

/*
 * A Markdown body: any text that fits in a request. Longer than
 * MD_MAX_INPUT still passes, so the editor can say "te lang" next to
 * the field and give the text back instead of losing it.
 */
int
v_md(struct http_request *req, const void *data)
{
	(void)req;
	return (strlen(data) <= 1048576 ? KORE_RESULT_OK : KORE_RESULT_ERROR);
}
