/*
 * Communities of practice (issue 6): what the community pages share
 * (web/community_common.c). The pages themselves:
 *   community.c          /gemeenschappen
 *   community_form.c     /gemeenschappen/nieuw, .../{slug}/bewerken
 *   community_show.c     .../{slug} and .../{slug}/lidmaatschap
 *   community_member.c   .../{slug}/leden and .../{slug}/uitnodigen
 *   community_invite.c   /gemeenschappen/uitnodiging?token=
 *   community_feed.c     /feeds/gemeenschappen/{slug}.atom
 */
#ifndef BRON_COMMUNITY_H
#define BRON_COMMUNITY_H

#include "core/i18n.h"
#include "core/path.h"
#include "core/sbuf.h"
#include "db/db.h"
#include "web/fv.h"

#define COMM_PREFIX		"/gemeenschappen/"
#define COMM_NAME_MAX		200	/* community.name CHECK */
#define COMM_SUMMARY_MAX	300	/* B1: one or two sentences */
#define COMM_PURPOSE_MAX	20000	/* community.purpose_md CHECK */
#define COMM_NOTE_MAX		500	/* member.note CHECK */
#define COMM_WHO_MAX		254	/* e-mail address; names: 60 */
#define COMM_HREF_MAX		(sizeof(COMM_PREFIX) + PATH_SLUG_MAX + 64)

/* The head row of every page about one community (db/q_community.h). */
struct comm_head {
	int		 found;
	char		 id[24];
	char		 slug[PATH_SLUG_MAX + 1];
	struct sbuf	 name;
	struct sbuf	 summary;
	struct sbuf	 purpose;	/* HTML, or Markdown for the form */
	char		 visibility[16];
	char		 membership[16];
	char		 revision[16];
	char		 state[16];	/* viewer's "" or member.state */
	int		 is_mod;	/* the viewer moderates it */
	int		 may_read;
	int		 may_mod;	/* moderator or editor */
	int		 may_post;
	int		 following;
	char		 members[24];
	char		 requests[24];
	char		 topics[24];
	char		 mailed[24];
};

void		 comm_head_init(struct comm_head *);
void		 comm_head_free(struct comm_head *);
/* Copy the head row r (QCH_HEAD) of the result. */
void		 comm_head_read(struct comm_head *, struct kore_pgsql *,
		    int);

/*
 * The slug of "/gemeenschappen/<slug>[/...]", 0; -1 if there is none.
 */
int		 comm_path_slug(const char *, char *, size_t);
/* Labels of community.visibility and community.membership values. */
const char	*comm_vis_label(enum locale, const char *);
const char	*comm_mem_label(enum locale, const char *);
/* 1 for "t" or "true" (a boolean column, or one cast to text). */
int		 comm_bool(const char *);

/*
 * A page that says why something did not happen, with a link back.
 * Returns HTTP_STATE_COMPLETE.
 */
int		 comm_message(struct http_request *, enum locale, int,
		    enum msg_id, enum msg_id, const char *, enum msg_id);
/*
 * The notice for a ?gedaan= word of a community page (ours and
 * /volgen's); nothing for an unknown word. -1 on a template error.
 */
int		 comm_notice(struct sbuf *, enum locale, const char *);
/* ?pagina=N (1 when absent or not a number). */
long		 comm_page(struct http_request *);
/*
 * "Vorige" / "Volgende" and "Pagina x van y" (base + "?pagina=N"),
 * nothing when everything fits on one page.
 */
int		 comm_pager(struct sbuf *, enum locale, const char *, long,
		    long, int, int);

/* Record a length error with the maximum as its %s. */
void		 comm_error_max(struct fv *, const char *, enum msg_id,
		    size_t);

/*
 * The membership section of a community: what the viewer's state is
 * and the buttons that change it (join, ask to join with a note,
 * accept or decline an invitation, leave). note and fv: the request
 * form as typed (a refused request comes back with its text).
 */
int		 comm_join_box(struct sbuf *, enum locale, const char *,
		    const struct comm_head *, int, const char *, struct fv *);

#endif
