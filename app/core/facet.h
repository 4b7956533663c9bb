/*
 * facet: the filter state of the pilot overview, /lessen and the
 * compare page, read from the raw query string and written back as one
 * canonical href per state.
 *
 * Kore's params keep one value per key and drop the rest silently
 * (STYLE.md c5), so these pages parse req->query_string themselves.
 * Both "regio=a,b" and "regio=a&regio=b" select a and b; values are
 * percent-decoded, checked per key, deduplicated and kept sorted; at
 * most FACET_KEY_VALUES per key and FACET_VALUES in all. Unknown keys,
 * and keys the page does not use, are ignored; a refused value is
 * left out of the state and its key is marked in bad, so the page can
 * say "Onbekende waarde voor regio".
 *
 * The writer puts the keys in enum order, each once with its values
 * comma-separated in sorted order, then sorteer (unless the default),
 * then pagina (unless 1): parse(write(s)) == s for every state.
 */
#ifndef BRON_FACET_H
#define BRON_FACET_H

#include <stddef.h>

struct sbuf;

enum facet_key {
	/* Keys that take a set of values. */
	FACET_REGIO,		/* a province (or landelijk): slug */
	FACET_SETTING,		/* slug */
	FACET_FASE,		/* a pilot phase (core/pilot.h) */
	FACET_THEMA,		/* slug */
	FACET_PROJECT,		/* slug of a change goal */
	FACET_JAAR,		/* 1990..2100 */
	FACET_SOORT,		/* a lesson kind (core/pilot.h) */
	FACET_IDS,		/* item ids: 1..18 digits, no leading 0 */
	/* Keys that take one value (the first one given counts). */
	FACET_SORTEER,		/* one of facet_conf.sorts */
	FACET_PAGINA,		/* 1..FACET_PAGE_MAX */
	FACET__MAX
};

#define FACET_SETS		FACET_SORTEER	/* keys below take sets */
#define FACET_BIT(k)		(1u << (k))
#define FACET_VALUE_MAX		120	/* bytes of one value */
#define FACET_KEY_VALUES	10
#define FACET_VALUES		20
#define FACET_PAGE_MAX		100000L
#define FACET_YEAR_MIN		1990
#define FACET_YEAR_MAX		2100

/* What one page understands. */
struct facet_conf {
	unsigned		 keys;	/* FACET_BIT()s; other keys ignored */
	/* Sort words, NULL-terminated, the first the default; or NULL. */
	const char *const	*sorts;
};

struct facet_value {
	enum facet_key	key;
	char		v[FACET_VALUE_MAX + 1];
};

struct facet {
	const struct facet_conf	*conf;
	struct facet_value	 vals[FACET_VALUES];	/* by key, value */
	size_t			 n;
	size_t			 sort;		/* index in conf->sorts */
	long			 page;		/* 1.. */
	unsigned		 bad;		/* keys with a refused value */
	unsigned		 over;		/* keys that hit a limit */
};

/* The key's name in URLs ("regio"); NULL for FACET__MAX or more. */
const char	*facet_key_name(enum facet_key);
/* An empty state (page 1, default sort) for conf. */
void		 facet_init(struct facet *, const struct facet_conf *);
/* Parse a raw query string (NULL or "" is the empty state). */
void		 facet_parse(struct facet *, const struct facet_conf *,
		    const char *);
/* 1 if v is a well-formed value of key k (conf's sorts for sorteer). */
int		 facet_value_ok(const struct facet_conf *, enum facet_key,
		    const char *, size_t);
size_t		 facet_count(const struct facet *, enum facet_key);
int		 facet_has(const struct facet *, enum facet_key,
		    const char *);
/*
 * Add a value to a set key: 1 added, 0 already there, -1 refused (not
 * well-formed, not a set key, the page does not use the key, or a
 * limit: then over is marked).
 */
int		 facet_add(struct facet *, enum facet_key, const char *);
/* Remove a value: 1 removed, 0 it was not there. */
int		 facet_remove(struct facet *, enum facet_key, const char *);
/* Key k's values comma-separated ("" for none), for SQL. */
void		 facet_csv(struct sbuf *, const struct facet *,
		    enum facet_key);
/* 1 if a and b select the same values, sort and page. */
int		 facet_same(const struct facet *, const struct facet *);

/* base + the canonical query of the state. */
void		 facet_write(struct sbuf *, const char *,
		    const struct facet *);
/* The href of this state with value v of key k on (or off), page 1. */
void		 facet_href_toggle(struct sbuf *, const char *,
		    const struct facet *, enum facet_key, const char *);
/* The href of this state sorted by conf->sorts[sort], page 1. */
void		 facet_href_sort(struct sbuf *, const char *,
		    const struct facet *, size_t);
/* The href of this state at page p. */
void		 facet_href_page(struct sbuf *, const char *,
		    const struct facet *, long);
/* The href without any set value (sort kept), page 1. */
void		 facet_href_clear(struct sbuf *, const char *,
		    const struct facet *);

#endif
