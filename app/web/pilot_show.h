/*
 * The pilot page (web/pilot_show.c: the request and the parts that
 * depend on who reads; web/pilot_show_main.c: what every reader sees)
 * and the pieces the lesson pages (web/lesson*.c) and the contact page
 * share with it.
 */
#ifndef BRON_PILOT_SHOW_H
#define BRON_PILOT_SHOW_H

#include "core/i18n.h"
#include "core/sbuf.h"
#include "web/article.h"

#define PILOT_PATH	"/pilots"
#define LESSON_PATH	"/lessen"

/*
 * The pilot as its readers see it, from the rows of one q_pilot_page
 * result: appends the <article> to out and its title (plain text) to
 * title. may_edit adds the edit and remove links of each lesson (never
 * for visitors, whose page is cached). -1 when the rows hold no pilot
 * or a template failed.
 */
int	pilot_main(struct sbuf *out, struct sbuf *title, enum locale,
	    const struct article_rows *, int may_edit);

/*
 * The sections after "Kenmerken" (pilot_show_sections.c), a the
 * QA_ARTICLE row; may_edit as for pilot_main().
 */
int	pilot_sections(struct sbuf *, enum locale,
	    const struct article_rows *, const struct article_row *a,
	    int may_edit);

/* Column i (0 = QA_C1) of a row, or of none (NULL), as text; "" for NULL. */
const char	*pilot_col(const struct article_row *, int);

/* A <dt>/<dd> pair (VIEW_article_meta); value is HTML we made. */
int	pilot_meta(struct sbuf *, enum locale, const char *label,
	    const char *value_html);
/* "Twente (Overijssel)", or the region alone; plain text. */
void	pilot_region_text(struct sbuf *, const char *region,
	    const char *province);
/* The name of a phase (core/pilot.h), or the SQL value if unknown. */
const char	*pilot_phase_name(enum locale, const char *);
/* The name of a lesson kind, or the SQL value if unknown. */
const char	*pilot_lesson_kind_name(enum locale, const char *);

#endif
