/*
 * The story page (issue 9): web/story_show.c takes the request and runs
 * the one query, story_show_view.c renders what every reader of the
 * story sees (the visitor's page is cached) and story_show_panel.c what
 * depends on who reads: the storyteller's panel, the editors' links,
 * the notices, follow and report.
 */
#ifndef BRON_STORY_SHOW_H
#define BRON_STORY_SHOW_H

#include "core/i18n.h"
#include "core/sbuf.h"
#include "db/q_story_show.h"

#define STORY_PATH	"/verhalen"

/* One row of q_story_page, copied out of the PGresult. */
struct story_row {
	int	 type;
	char	*c[QSS_COLS];	/* NULL for SQL NULL */
};

struct story_rows {
	struct story_row	*v;
	size_t			 n;
	size_t			 cap;
};

/* What the page needs besides the rows. */
struct story_view {
	enum locale	 loc;
	int		 signed_in;
	const char	*csrf;
	const char	*nonce;		/* for the reply form */
	int		 tonen;		/* ?tonen=1 */
	const char	*gedaan;	/* ?gedaan= word, "" for none */
};

void	story_rows_add(struct story_rows *, struct kore_pgsql *, int);
void	story_rows_free(struct story_rows *);
const struct story_row	*story_rows_first(const struct story_rows *, int);
/* Column i (0 = QSS_C1) as text, "" for NULL or no row. */
const char	*story_col(const struct story_row *, int);
int		 story_true(const struct story_row *, int);

/*
 * The page's main part: the article (title, pseudonym, meta, help
 * banner, summary, warnings and the body behind its gate) with
 * personal (HTML we made, may be "") after its header, then the
 * replies. Appends the title as plain text to title. -1 on a template
 * error.
 */
int	story_main(struct sbuf *out, struct sbuf *title,
	    const struct story_view *, const struct story_rows *,
	    const char *personal);
/*
 * The part that depends on who reads (nothing for visitors): notices,
 * hidden banner, the storyteller's panel, editors' links, follow and
 * report. -1 on a template error.
 */
int	story_personal(struct sbuf *, const struct story_view *,
	    const struct story_rows *);
/*
 * A reply's author (a QSS_REPLY or QSS_WAIT row): a link to their
 * profile, "voormalig lid", or for the storyteller "<pseudonym>
 * (verteller)". -1 on a template error.
 */
int	story_reply_author(struct sbuf *, enum locale,
	    const struct story_row *, const char *pseudonym);
/* "Let op, dit verhaal gaat over:" names, comma-separated, plain text. */
void	story_warning_names(struct sbuf *, enum locale, const char *codes);

/*
 * The account's "altijd meteen tonen" per warning (web/story_show_cw.c,
 * for web/account.c): the repeated checkbox "cw" of a request as codes
 * in story_warnings[] order, comma-separated, into buf ("" for none);
 * -1 when a value is no warning (the rest is kept). And the seven
 * checkboxes, ticked as list says.
 */
struct http_request;
int	story_cw_read(struct http_request *, char *buf, size_t len);
int	story_cw_choices(struct sbuf *, enum locale, const char *list);

#endif
