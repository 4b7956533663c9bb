/*
 * Request path parsing. Kore compiles route regexes without captures
 * (STYLE.md c3), so handlers take their ids and slugs from req->path.
 */
#ifndef BRON_PATH_H
#define BRON_PATH_H

#include <stddef.h>

#define PATH_SLUG_MAX	120

/*
 * "/prefix/slug" -> slug, if path starts with prefix + "/" and the rest
 * is a valid slug: [a-z0-9]+ joined by single hyphens, at most
 * PATH_SLUG_MAX bytes. Returns 0 and fills out (NUL-terminated), or -1.
 */
int	path_slug(const char *, const char *, char *, size_t);
/* 1 if s is a valid slug. */
int	path_slug_ok(const char *, size_t);
/*
 * A local return path for redirects: must start with one "/", no "//"
 * or "/\" prefix, no control bytes or backslashes, at most 512 bytes.
 */
int	path_local_ok(const char *);
/*
 * How many arguments a query string holds ('&'-separated; NULL or "" is
 * 0). Kore reads only the first 20 and drops the rest silently, so
 * handlers refuse strings with more than their forms can send.
 */
size_t	path_query_args(const char *);
/*
 * 1 if the raw query string has name=<something>. Kore drops a value
 * that fails its validator without a word (STYLE.md c5); this tells a
 * dropped value from an absent or empty one.
 */
int	path_query_has(const char *, const char *);
/*
 * "/prefix/slug/more" -> slug: the path segment after prefix (which ends
 * in "/"), up to the next "/" or the end, if it is a valid slug. Returns
 * 0 and fills out, or -1.
 */
int	path_slug_seg(const char *, const char *, char *, size_t);

#endif
