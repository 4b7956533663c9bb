/*
 * Following: the "Volgen" / "Niet meer volgen" button any page can show
 * (POST /volgen, web/follow.c). Followers get notifications about what
 * they follow (sql/005_community.sql: follow, notification).
 */
#ifndef BRON_FOLLOW_H
#define BRON_FOLLOW_H

#include "core/i18n.h"

struct sbuf;

/*
 * Append a small POST form to /volgen. what is "gemeenschap", "gesprek",
 * "thema" or "item"; id the decimal id of that thing; following says
 * whether the reader follows it now (the button turns it around); back
 * is the local path to return to (with its query, if any).
 */
void	follow_button(struct sbuf *, enum locale, const char *,
	    const char *, const char *, int, const char *);
/*
 * After the button: POST /volgen answers 303 to the page with
 * ?gedaan=gevolgd or ?gedaan=ontvolgd. Given that word, append the
 * notice ("Je volgt dit nu.") and return 1; any other word (or NULL)
 * appends nothing and returns 0; -1 on a template error.
 */
int	follow_notice(struct sbuf *, enum locale, const char *);

#endif
