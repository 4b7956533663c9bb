/*
 * The pieces the minutes workflow, amendment, addendum and action pages
 * (issue 8, part C) share: the session a path names, loaded with the
 * reader's rights; message pages; owners and statuses as text.
 */
#ifndef BRON_MM_FLOW_H
#define BRON_MM_FLOW_H

#include <stddef.h>

#include "core/i18n.h"
#include "core/path.h"
#include "core/sbuf.h"
#include "db/db.h"

#define MMF_PATH	"/masterminds"
#define MMF_ID_MAX	18

/* A session as q_mmf_session gives it (strings owned, kore_free). */
struct mmf_sess {
	int		 found;
	char		 id[24];
	char		 serie[PATH_SLUG_MAX + 1];	/* from the path */
	char		 sessie[PATH_SLUG_MAX + 1];
	char		*title;
	char		*series;
	char		 state[16];
	char		 until[24];	/* DD-MM-YYYY HH:MM, or "" */
	int		 open;		/* amendering and window open */
	int		 see;
	int		 read;
	int		 run;
	int		 part;
	int		 nopen;		/* open amendments */
	char		*open_ids;	/* "id:section,..." or "" */
	char		 days[8];
	char		*case_md;
	char		*body_md;
	char		*agree_md;
};

/* Every handler ctx of these pages starts with this. */
struct mmf_head {
	struct db_ctx	 db;
	struct mmf_sess	 s;
};

/*
 * "/masterminds/{serie}/{sessie}" + suffix (e.g. "/verslag"; when
 * suffix ends in "/", an id of at most MMF_ID_MAX digits follows and is
 * copied to id). 0, or -1 when the path is not of that shape.
 */
int	mmf_path(const char *, const char *, struct mmf_sess *, char *,
	    size_t);
/* From a done callback: load h->s (by its serie, sessie) for the user. */
int	mmf_load(struct http_request *, struct mmf_head *, db_done_fn);
void	mmf_sess_free(struct mmf_sess *);
/*
 * The refusal for a reader who may not see the session (404) or read
 * its minutes (404 as well: they do not exist for them). 1 when sent.
 */
int	mmf_refuse_unread(struct http_request *, struct mmf_sess *);
/* The session's path, with ?gedaan=word and #anchor when not NULL. */
void	mmf_href(struct sbuf *, const struct mmf_sess *, const char *,
	    const char *);
/* The session's Markdown text of a section ("" for algemeen). */
const char *mmf_section_md(const struct mmf_sess *, const char *);
/*
 * A page with a heading, a text, optional trusted HTML (links made
 * here) and a link back, with status.
 */
void	mmf_message(struct http_request *, enum locale, int, const char *,
	    const char *, const char *, const char *, const char *);
/*
 * Who owns an action: a member's name linking to them, an external
 * name for signed-in readers (with "geen lid van Bron"), else "iemand
 * buiten Bron"; "" when nobody. -1 on a template error.
 */
int	mmf_owner(struct sbuf *, enum locale, int, const char *,
	    const char *, const char *);
/* The status as words, "Te laat" added when overdue. */
int	mmf_status(struct sbuf *, enum locale, const char *, int);
/* The <option>s of the three statuses, cur selected. */
int	mmf_status_options(struct sbuf *, enum locale, const char *);
/*
 * mm_action_save()'s error column as a message next to its field
 * (what, owner, due, status, note, evidence); 'frozen' for the form.
 */
struct fv;
void	mmf_action_error(struct fv *, const char *);

#endif
