/*
 * Slugs from titles: Dutch (and other Latin) diacritics folded to ASCII
 * ("Suïcidepreventie" -> "suicidepreventie", "ĳ" -> "ij"), lowercase,
 * every run of other characters one hyphen, no hyphen at either end,
 * cut at a hyphen to at most SLUG_MAX bytes. The result always matches
 * the SQL domain slug: ^[a-z0-9]+(-[a-z0-9]+)*$. Uniqueness is the
 * database's job (item_save() appends -2, -3, ...).
 */
#ifndef BRON_SLUG_H
#define BRON_SLUG_H

#include <stddef.h>

#define SLUG_MAX	80

/*
 * Writes the slug of the NUL-terminated UTF-8 text in to out (size
 * outsz, at least SLUG_MAX + 1 for a full slug). Returns its length:
 * 0 when nothing usable remains ("!!!", "", only emoji); out is "" then.
 */
size_t	slug_make(const char *in, char *out, size_t outsz);

#endif
