/*
 * Following (issue 6):
 *
 *   follow_button()   the form other pages show
 *   POST /volgen      _csrf, what, id, on, terug: follow_set() in SQL,
 *                     then 303 back to terug (a local path only)
 */
#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "web/follow.h"
#include "web/view.h"

void
follow_button(struct sbuf *out, enum locale loc, const char *csrf,
    const char *what, const char *id, int following, const char *back)
{
	struct tpl_bind	 b[] = {
		{ "csrf", csrf, TPL_TEXT },
		{ "what", what, TPL_TEXT },
		{ "id", id, TPL_TEXT },
		{ "on", following ? "0" : "1", TPL_TEXT },
		{ "back", back != NULL ? back : "/", TPL_TEXT },
		{ "label", i18n_get(loc, following ?
		    MSG_follow_off : MSG_follow_on), TPL_TEXT },
	};

	(void)view_append(out, VIEW_follow_button, loc, b, NBINDS(b));
}
