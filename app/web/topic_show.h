/*
 * The topic page (topic_show.c: requests, the reply; topic_view.c: the
 * posts and the page). Shared by those two files only.
 */
#ifndef BRON_TOPIC_SHOW_H
#define BRON_TOPIC_SHOW_H

#include "core/token.h"
#include "web/topic.h"

struct ts_ctx {
	struct db_ctx		 db;
	enum locale		 loc;
	char			 slug[PATH_SLUG_MAX + 1];
	char			 id[TOPIC_ID_MAX + 1];
	char			 page_s[24];
	char			 citeer[TOPIC_ID_MAX + 1];
	long			 page;
	int			 bad;
	int			 post;		/* a reply was sent */
	const char		*gedaan;
	const char		*csrf;
	char			 href[TOPIC_HREF_MAX];	/* the topic */

	/* The reply as typed. */
	const char		*body;
	char			 nonce[TOK_LEN + 1];
	char			 quote[TOPIC_ID_MAX + 1];

	/* The page query. */
	struct topic_comm	 comm;
	int			 found;
	char			*title;
	int			 closed;
	int			 pinned;
	int			 hidden;
	char			 author_id[24];
	long			 pages;
	long			 cur;		/* the page shown */
	int			 following;
	int			 nposts;
	struct sbuf		 quoted;	/* the reply box's first text */
	struct sbuf		 posts;		/* rendered */

	/* The save. */
	struct sbuf		 html;
	char			 new_id[24];
	long			 new_n;
	struct fv		 fv;
};

/* topic_view.c */
void	ts_row(struct db_ctx *, struct kore_pgsql *, int);
int	ts_render(struct http_request *, struct ts_ctx *, int);

#endif
