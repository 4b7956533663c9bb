/*
 * What the discussion pages share (web/topic*.c, post*.c): the
 * community head every page query starts with (db/q_topic.h), the gate
 * that turns it into 404 or the members-only page, the message page,
 * author links and the checks of a Markdown body.
 */
#ifndef BRON_TOPIC_H
#define BRON_TOPIC_H

#include "core/i18n.h"
#include "core/path.h"
#include "core/sbuf.h"
#include "db/db.h"
#include "web/fv.h"

#define TOPIC_TITLE_MAX		200	/* topic.title */
#define TOPIC_BODY_MAX		20000	/* post.body_md, characters */
#define TOPIC_ID_MAX		18	/* digits of an id in a path */
#define TOPIC_PAGE_MAX		100000	/* ?pagina= beyond this: 404 */
#define TOPIC_HREF_MAX		(PATH_SLUG_MAX + 96)

/* The community of a page and the reader's rights in it. */
struct topic_comm {
	int	found;
	char	id[24];
	char	slug[PATH_SLUG_MAX + 1];
	char	*name;			/* kore_strdup'd; topic_comm_free() */
	char	membership[16];		/* open, aanvraag, uitnodiging */
	char	visibility[16];
	int	see;
	int	read;
	int	post;
	int	moderate;
	char	state[16];		/* lid, aanvraag, uitgenodigd or "" */
};

/* Copy the QT_C_* columns of row r (once: later rows are the same). */
void	topic_comm_read(struct topic_comm *, struct kore_pgsql *, int);
void	topic_comm_free(struct topic_comm *);
/*
 * May the reader read the community's discussions? 1: yes. 0: the
 * response was sent: 404 when the community does not exist for them,
 * else the members-only page (403) with the way to join.
 */
int	topic_gate(struct http_request *, enum locale, struct topic_comm *);
/* The same for a POST: the members-only page shows typed (if any) back. */
int	topic_gate_typed(struct http_request *, enum locale,
	    struct topic_comm *, const char *);
/*
 * The members-only page (403) with lead as its message, the way in
 * (topic_join_html) and the text typed in a refused form (or NULL), so
 * that it can be kept.
 */
void	topic_members_page(struct http_request *, enum locale,
	    struct topic_comm *, enum msg_id, const char *);

/*
 * How the reader can get in: a sign-in link, or the form to accept an
 * invitation, join or ask to join (posted to the community's
 * /lidmaatschap route), or why not (a pending request, invitation
 * only). 0, or -1 on a template error.
 */
int	topic_join_html(struct sbuf *, struct http_request *, enum locale,
	    struct topic_comm *);

/* A page that says why something was refused, with one link back. */
int	topic_message(struct http_request *, enum locale, int, enum msg_id,
	    enum msg_id, const char *, enum msg_id);

/* "Name" linking to /mensen/{id}, or "voormalig lid" without a link. */
void	topic_author(struct sbuf *, enum locale, const char *,
	    const char *);


/* ?pagina=N: 1 when absent; 0 if it is not a page number. */
int	topic_page_arg(struct http_request *, long *);
/* An id of at most TOPIC_ID_MAX digits at s, ending at end or '/'. */
int	topic_id_at(const char *, char *, size_t, const char **);

/*
 * The checks of a post body (empty, too long, bad characters), with
 * the message next to field. 1 if it is fine.
 */
int	topic_body_ok(struct fv *, const char *, const char *);
/* The body as HTML (md_render, cmark safe mode); -1 if too long. */
int	topic_body_html(struct sbuf *, const char *);

#endif
