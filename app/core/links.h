/*
 * Links to Bron items. A link names an item when its URL is a path of
 * an item page ("/artikelen/slug", "/pilots/slug", "/verhalen/slug",
 * "/masterminds/slug", "/bronnen/slug"), optionally after the site's
 * own base URL ("https://bron.example.nl/artikelen/slug"), optionally
 * followed by "#fragment" or "?query". A lesson of a pilot
 * ("/lessen/42") is named the same way, as kind "les" with its id as
 * the slug: item_save() keeps it in item_ref, so the lesson shows where
 * it is cited, while item_refs() and item_link, which hold items only,
 * pass it by. Everything else is external.
 *
 * An image in a body whose URL is a member's uploaded file
 * ("/bestanden/<token>", optionally after the base URL) is recorded the
 * same way, as kind "afbeelding" with the token as the slug: then the
 * image may be fetched by whoever may read the item.
 */
#ifndef BRON_LINKS_H
#define BRON_LINKS_H

#include <stddef.h>

#include <cmark.h>

#include "slug.h"

#define LINKS_KIND_MAX	16
#define LINKS_SLUG_MAX	120
#define LINKS_LESSON_MAX 18	/* digits of a lesson id (routes) */

struct sbuf;

/*
 * If url names a Bron item, writes its item.kind ("artikel") and slug
 * (or "les" and the lesson's id) and returns 0; else -1. base may be
 * NULL or "" (relative paths only).
 */
int	links_parse(const char *url, const char *base, char *kind,
	    size_t kindsz, char *slug, size_t slugsz);

/*
 * Every Bron item linked from the Markdown source, as "kind/slug\n"
 * lines appended to out, each at most once, in order of appearance
 * (the format item_save() takes). Returns the number of lines.
 */
size_t	links_extract(struct sbuf *out, const char *md, size_t len,
	    const char *base);

/*
 * links_extract() on a document parsed already (md.c shares its parse).
 * Skips the reserved slugs "nieuw", "mijn" and "feed"; images are not
 * links, but an image of /bestanden/<token> adds "afbeelding/<token>"
 * (not one inside another image's description: cmark shows that as
 * text).
 */
size_t	links_tree(struct sbuf *out, cmark_node *root, const char *base);

/*
 * The same for a plain list typed by a person (one URL or path per
 * line, as in the editor's "gerelateerd" field; "kind/slug" lines as
 * links_extract() writes them are taken too, so a stored list can be
 * put back in the form): known lines are appended to out as
 * "kind/slug\n", each once; lines are trimmed of blanks and "\r", empty
 * ones skipped; each line that is not a Bron item
 * is appended to bad (as typed, trimmed, "\n" after each). A lesson's
 * path counts as known ("les/42"): the caller tells the person that a
 * lesson cannot be a related item. Returns the number of bad lines.
 */
size_t	links_list(struct sbuf *out, struct sbuf *bad, const char *text,
	    const char *base);

#endif
