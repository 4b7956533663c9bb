/*
 * Shared by the workflow and history pages (article_flow.c,
 * article_history.c).
 */
#ifndef BRON_FLOW_H
#define BRON_FLOW_H

#include "core/i18n.h"

struct http_request;

/*
 * A page that says why something was refused, with a link back (to
 * back, or to all articles when back is NULL). Returns
 * HTTP_STATE_COMPLETE.
 */
int	flow_page(struct http_request *, enum locale, int, enum msg_id,
	    enum msg_id, const char *, enum msg_id);
/* A revision number from a v_num field (1..9 digits), or -1. */
long	flow_num(const char *);

#endif
