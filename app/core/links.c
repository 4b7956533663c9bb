/*
 * Links to Bron items, from Markdown (cmark's link nodes, so text that
 * only looks like a link, code and images do not count) and from the
 * editor's list of related items; and the members' images a body shows
 * (image nodes whose URL is /bestanden/<token>). Repeats are dropped with a small
 * hash set, so a body with thousands of links stays linear.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "links.h"
#include "md.h"
#include "path.h"
#include "sbuf.h"

#define LINKS_OPTIONS	CMARK_OPT_VALIDATE_UTF8

struct links_kind {
	const char	*path;		/* "/artikelen/" */
	const char	*kind;		/* "artikel" */
};

static const struct links_kind	kinds[] = {
	{ "/artikelen/", "artikel" },
	{ "/pilots/", "pilot" },
	{ "/verhalen/", "verhaal" },
	{ "/masterminds/", "mastermind" },
	{ "/bronnen/", "bron" },
};

#define NKINDS	(sizeof(kinds) / sizeof(kinds[0]))

/* A lesson of a pilot: /lessen/<id>, kind "les", the id as its slug. */
#define LESSON_PATH	"/lessen/"
#define LESSON_KIND	"les"

/*
 * A member's image shown in a body: /bestanden/<token>, kind
 * "afbeelding", the token as its slug (upload_may_read() in
 * sql/009_resource.sql reads item_ref for it).
 */
#define IMAGE_PATH	"/bestanden/"
#define IMAGE_KIND	"afbeelding"
#define IMAGE_TOKEN	32

/* Slugs the site uses for pages of its own (item_save() skips them). */
static const char *const reserved[] = { "nieuw", "mijn", "feed" };

/*
 * A session's path has its series in it: /masterminds/{serie}/{sessie}
 * names the session {sessie}. The pages under a series that are no
 * session (mm_slug_reserved() in sql/007_mastermind.sql).
 */
#define MM_KIND		"mastermind"
static const char *const mm_reserved[] = { "nieuw", "mijn", "feed",
	"bewerken", "acties", "agenda", "verslag", "aanvullingen",
	"addendum" };

/* The lines this call wrote to out, by hash of their text. */
struct links_seen {
	struct sbuf	*out;
	size_t		*off;		/* line offsets + 1; 0 is empty */
	size_t		 cap;
	size_t		 n;
};

static uint32_t	links_hash(const char *, size_t);
static size_t	links_linelen(const struct links_seen *, size_t);
static int	links_add(struct links_seen *, const char *, const char *);
static void	links_seen_init(struct links_seen *, struct sbuf *);
static int	links_slug(size_t, const char *, char *, size_t, char *,
		    size_t);
static int	links_item_line(const char *, const char *, char *, size_t,
		    char *, size_t);
static int	links_lesson(const char *, char *, size_t, char *, size_t);
static const char *links_local(const char *, const char *);
static int	links_image(const char *, const char *, char *, size_t);

static uint32_t
links_hash(const char *p, size_t n)
{
	uint32_t	h = 2166136261u;
	size_t		i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= 16777619u;
	}
	return (h);
}

static void
links_seen_init(struct links_seen *s, struct sbuf *out)
{
	s->out = out;
	s->off = NULL;
	s->cap = 0;
	s->n = 0;
}

/* Length of the line at offset off of out, without its "\n". */
static size_t
links_linelen(const struct links_seen *s, size_t off)
{
	const char	*p = s->out->data + off, *nl;

	nl = memchr(p, '\n', s->out->len - off);
	return (nl == NULL ? s->out->len - off : (size_t)(nl - p));
}

/*
 * Appends "kind/slug\n" unless it is there already. Returns 1 if it
 * was added, 0 if it was a repeat.
 */
static int
links_add(struct links_seen *s, const char *kind, const char *slug)
{
	char	 line[LINKS_KIND_MAX + LINKS_SLUG_MAX + 2];
	size_t	 len, i, j, ncap, *noff, off;

	len = strlen(kind) + 1 + strlen(slug);
	if (len >= sizeof(line))
		return (0);
	memcpy(line, kind, strlen(kind));
	line[strlen(kind)] = '/';
	memcpy(line + strlen(kind) + 1, slug, strlen(slug));

	/* Grow at half load: open addressing with linear probing. */
	if ((s->n + 1) * 2 > s->cap) {
		ncap = s->cap ? s->cap * 2 : 64;
		if ((noff = calloc(ncap, sizeof(*noff))) == NULL)
			abort();
		for (i = 0; i < s->cap; i++) {
			if (s->off[i] == 0)
				continue;
			off = s->off[i] - 1;
			j = links_hash(s->out->data + off,
			    links_linelen(s, off)) & (ncap - 1);
			while (noff[j] != 0)
				j = (j + 1) & (ncap - 1);
			noff[j] = s->off[i];
		}
		free(s->off);
		s->off = noff;
		s->cap = ncap;
	}
	j = links_hash(line, len) & (s->cap - 1);
	while (s->off[j] != 0) {
		off = s->off[j] - 1;
		if (links_linelen(s, off) == len &&
		    memcmp(s->out->data + off, line, len) == 0)
			return (0);
		j = (j + 1) & (s->cap - 1);
	}
	s->off[j] = s->out->len + 1;
	s->n++;
	sbuf_add(s->out, line, len);
	sbuf_putc(s->out, '\n');
	return (1);
}

/*
 * The part of a URL after "/artikelen/" (kind i): a slug, then the end
 * or "#..." or "?...".
 */
static int
links_slug(size_t i, const char *p, char *kind, size_t kindsz, char *slug,
    size_t slugsz)
{
	const char	*slash;
	size_t		 n, r;

	n = strcspn(p, "#?");
	/* /masterminds/{serie}/{sessie}: the session, by its own slug. */
	if (strcmp(kinds[i].kind, MM_KIND) == 0 &&
	    (slash = memchr(p, '/', n)) != NULL) {
		if ((size_t)(slash - p) > LINKS_SLUG_MAX ||
		    !path_slug_ok(p, (size_t)(slash - p)))
			return (-1);
		n -= (size_t)(slash - p) + 1;
		p = slash + 1;
		if (n > LINKS_SLUG_MAX || !path_slug_ok(p, n))
			return (-1);
		for (r = 0; r < sizeof(mm_reserved) / sizeof(mm_reserved[0]);
		    r++)
			if (strlen(mm_reserved[r]) == n &&
			    memcmp(mm_reserved[r], p, n) == 0)
				return (-1);
	}
	if (n > LINKS_SLUG_MAX || !path_slug_ok(p, n))
		return (-1);
	if (strlen(kinds[i].kind) >= kindsz || n >= slugsz)
		return (-1);
	for (r = 0; r < sizeof(reserved) / sizeof(reserved[0]); r++)
		if (strlen(reserved[r]) == n && memcmp(reserved[r], p, n) == 0)
			return (-1);
	memcpy(kind, kinds[i].kind, strlen(kinds[i].kind) + 1);
	memcpy(slug, p, n);
	slug[n] = '\0';
	return (0);
}

/*
 * The part of a URL after "/lessen/": an id (digits, no leading zero,
 * as the lesson pages write it), then the end or "#..." or "?...".
 */
static int
links_lesson(const char *p, char *kind, size_t kindsz, char *slug,
    size_t slugsz)
{
	size_t	n;

	n = strcspn(p, "#?");
	if (n == 0 || n > LINKS_LESSON_MAX || p[0] == '0' ||
	    strspn(p, "0123456789") != n)
		return (-1);
	if (sizeof(LESSON_KIND) > kindsz || n >= slugsz)
		return (-1);
	memcpy(kind, LESSON_KIND, sizeof(LESSON_KIND));
	memcpy(slug, p, n);
	slug[n] = '\0';
	return (0);
}

/* The path of url: after the base URL when it starts with it. */
static const char *
links_local(const char *url, const char *base)
{
	size_t	blen;

	if (base != NULL && *base != '\0') {
		blen = strlen(base);
		while (blen > 0 && base[blen - 1] == '/')
			blen--;
		if (blen > 0 && strncmp(url, base, blen) == 0 &&
		    url[blen] == '/')
			return (url + blen);
	}
	return (url);
}

/*
 * An image URL naming an uploaded file: [base]/bestanden/<32 lowercase
 * hex>, then the end or "#..." or "?...". Writes the token; 0 or -1.
 */
static int
links_image(const char *url, const char *base, char *token, size_t tokensz)
{
	const char	*p;
	size_t		 n;

	p = links_local(url, base);
	if (strncmp(p, IMAGE_PATH, strlen(IMAGE_PATH)) != 0)
		return (-1);
	p += strlen(IMAGE_PATH);
	n = strcspn(p, "#?");
	if (n != IMAGE_TOKEN || strspn(p, "0123456789abcdef") < n ||
	    n >= tokensz)
		return (-1);
	memcpy(token, p, n);
	token[n] = '\0';
	return (0);
}

int
links_parse(const char *url, const char *base, char *kind, size_t kindsz,
    char *slug, size_t slugsz)
{
	const char	*p;
	size_t		 plen, i;

	p = links_local(url, base);
	for (i = 0; i < NKINDS; i++) {
		plen = strlen(kinds[i].path);
		if (strncmp(p, kinds[i].path, plen) == 0)
			return (links_slug(i, p + plen, kind, kindsz, slug,
			    slugsz));
	}
	plen = strlen(LESSON_PATH);
	if (strncmp(p, LESSON_PATH, plen) == 0)
		return (links_lesson(p + plen, kind, kindsz, slug, slugsz));
	return (-1);
}

size_t
links_tree(struct sbuf *out, cmark_node *root, const char *base)
{
	struct links_seen	 seen;
	cmark_iter		*it;
	cmark_node		*n;
	cmark_event_type	 ev;
	const char		*url;
	char			 kind[LINKS_KIND_MAX], slug[LINKS_SLUG_MAX + 1];
	size_t			 count = 0;
	int			 images = 0;

	links_seen_init(&seen, out);
	if ((it = cmark_iter_new(root)) == NULL)
		abort();
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		/*
		 * A link in an image's description is only alt text, and
		 * so is an image there (cmark shows only the outer one).
		 */
		if (cmark_node_get_type(n) == CMARK_NODE_IMAGE) {
			if (ev == CMARK_EVENT_ENTER && images == 0 &&
			    (url = cmark_node_get_url(n)) != NULL &&
			    links_image(url, base, slug, sizeof(slug)) == 0)
				count += (size_t)links_add(&seen, IMAGE_KIND,
				    slug);
			images += ev == CMARK_EVENT_ENTER ? 1 : -1;
			continue;
		}
		if (ev != CMARK_EVENT_ENTER || images > 0 ||
		    cmark_node_get_type(n) != CMARK_NODE_LINK)
			continue;
		if ((url = cmark_node_get_url(n)) == NULL ||
		    links_parse(url, base, kind, sizeof(kind), slug,
		    sizeof(slug)) == -1)
			continue;
		count += (size_t)links_add(&seen, kind, slug);
	}
	cmark_iter_free(it);
	free(seen.off);
	return (count);
}

size_t
links_extract(struct sbuf *out, const char *md, size_t len, const char *base)
{
	cmark_node	*root;
	size_t		 count;

	if (len > MD_MAX_INPUT)
		return (0);
	if ((root = cmark_parse_document(md, len, LINKS_OPTIONS)) == NULL)
		abort();
	count = links_tree(out, root, base);
	cmark_node_free(root);
	return (count);
}

/*
 * A line of the related list: a URL or path as links_parse() takes it,
 * or "kind/slug" as links_extract() writes it (so a saved list can be
 * shown and sent again).
 */
static int
links_item_line(const char *line, const char *base, char *kind,
    size_t kindsz, char *slug, size_t slugsz)
{
	const char	*p;
	size_t		 i, n;

	if (links_parse(line, base, kind, kindsz, slug, slugsz) == 0)
		return (0);
	if ((p = strchr(line, '/')) == NULL)
		return (-1);
	n = (size_t)(p - line);
	for (i = 0; i < NKINDS; i++) {
		if (strlen(kinds[i].kind) == n &&
		    memcmp(kinds[i].kind, line, n) == 0)
			return (links_slug(i, p + 1, kind, kindsz, slug,
			    slugsz));
	}
	return (-1);
}

size_t
links_list(struct sbuf *out, struct sbuf *bad, const char *text,
    const char *base)
{
	struct links_seen	 seen;
	const char		*p, *e, *nl;
	char			*line;
	char			 kind[LINKS_KIND_MAX], slug[LINKS_SLUG_MAX + 1];
	size_t			 nbad = 0, n;

	links_seen_init(&seen, out);
	for (p = text; *p != '\0'; p = nl) {
		nl = p + strcspn(p, "\n");
		e = nl;
		if (*nl == '\n')
			nl++;
		while (p < e && (*p == ' ' || *p == '\t' || *p == '\r'))
			p++;
		while (e > p && (e[-1] == ' ' || e[-1] == '\t' ||
		    e[-1] == '\r'))
			e--;
		if ((n = (size_t)(e - p)) == 0)
			continue;
		if ((line = strndup(p, n)) == NULL)
			abort();
		if (links_item_line(line, base, kind, sizeof(kind), slug,
		    sizeof(slug)) == 0)
			links_add(&seen, kind, slug);
		else {
			sbuf_add(bad, line, n);
			sbuf_putc(bad, '\n');
			nbad++;
		}
		free(line);
	}
	free(seen.off);
	return (nbad);
}
