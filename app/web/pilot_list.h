/*
 * What the pilot overview (web/pilot_list.c) and /lessen
 * (web/lesson_list.c) share (web/pilot_list_facets.c): the facet panel
 * built from the QPL_FACET rows of db/q_pilot_list.h, the messages for
 * refused filter values, and small text pieces of a result row.
 */
#ifndef BRON_WEB_PILOT_LIST_H
#define BRON_WEB_PILOT_LIST_H

#include "core/facet.h"
#include "core/i18n.h"
#include "core/sbuf.h"

#define PLIST_PER_PAGE	20

struct fv;
struct kore_pgsql;

/* One QPL_FACET row. */
struct plist_value {
	enum facet_key	 key;
	char		*value;
	char		*label;
	char		*count;
	int		 selected;
};

struct plist_panel {
	struct plist_value	*v;
	size_t			 n;
	size_t			 cap;
};

void	plist_panel_init(struct plist_panel *);
void	plist_panel_free(struct plist_panel *);
/* Copy QPL_FACET row r; -1 if its key is no facet key. */
int	plist_panel_add(struct plist_panel *, struct kore_pgsql *, int);
/*
 * Chosen values of keys the query checks by name (keys: FACET_BIT()s)
 * that came back as no selected row name nothing: drop them from the
 * state and mark their key in f->bad.
 */
void	plist_panel_confirm(const struct plist_panel *, struct facet *,
	    unsigned);
/*
 * The facet panel: for each key of order (in that order) its values as
 * toggle links on base, with counts and the chosen state in text, and
 * a "clear" link when something is chosen.
 */
int	plist_panel_render(struct sbuf *, enum locale, const char *,
	    const struct facet *, const struct plist_panel *,
	    const enum facet_key *, size_t);
/* A message in the error summary per refused key and for the limits. */
void	plist_errors(struct fv *, const struct facet *);
/* "01-03-2020 tot 30-09-2021", "vanaf 01-03-2020" or "Niet ingevuld". */
/* "1-3-2024 tot en met 30-6-2025", "vanaf ...", or "Niet ingevuld". */
void	plist_period(struct sbuf *, enum locale, const char *, const char *);
/* "N pilots gevonden" with the one and the many message. */
void	plist_count(struct sbuf *, enum locale, long, enum msg_id,
	    enum msg_id);
/* The empty state; past the last page, with a link to the first. */
int	plist_empty(struct sbuf *, enum locale, enum msg_id, const char *,
	    const struct facet *);
/* The pager under a list: pages of base + the state. */
int	plist_pager(struct sbuf *, enum locale, const char *,
	    const struct facet *, long);

#endif
