/*
 * What the revision pages share (article_history.c, article_diff.c,
 * article_revision.c): the item with the reader's rights, and who saved
 * a revision.
 */
#ifndef BRON_HISTORY_H
#define BRON_HISTORY_H

#include "core/path.h"
#include "db/db.h"
#include "web/flow.h"

#define HIST_HREF_MAX	(PATH_SLUG_MAX + 96)

/* The item and the reader's rights, the same in every row. */
struct hist_head {
	const struct flow_kind	*fk;		/* set before the query */
	int			 found;
	char			*title;
	char			 status[16];
	long			 revision;
	int			 may;
	int			 editor;
	int			 readable;	/* item_may_read() */
	char			 href[HIST_HREF_MAX];	/* the item */
	char			 hist[HIST_HREF_MAX];	/* its history */
};

/* Takes the QFH_* item columns of the first row it sees. */
void	hist_head_row(struct hist_head *, const char *, struct kore_pgsql *,
	    int);
void	hist_head_free(struct hist_head *);
/*
 * 1 and a response sent if the reader may not see the revisions: a
 * visitor is asked to sign in (published only), a member gets 403 on a
 * published item or one they may read (a resource they suggested, in
 * review); other drafts, reviews and archived ones are 404.
 */
int	hist_refuse(struct http_request *, struct db_ctx *, enum locale,
	    struct hist_head *);
/* Who saved a revision, as text. */
const char	*hist_author_name(enum locale, struct kore_pgsql *, int);
/* The same as HTML: a link to the profile if there is one. */
int	hist_author(struct sbuf *, enum locale, struct kore_pgsql *, int);
/* A message with one or two %s filled in (b may be NULL). */
void	hist_fmt(struct sbuf *, enum locale, enum msg_id, const char *,
	    const char *);

#endif
