/*
 * links_parse, links_list and links_extract on arbitrary bytes (the
 * input split at its first NUL into text and base URL). Every item
 * found is a known kind and a valid, non-reserved slug that really is
 * in the URL (a lesson: kind "les", 1-18 digits without a leading
 * zero); lists hold each "kind/slug" once; links_list accounts for
 * every non-empty line exactly once (item or bad). links_extract may
 * also name a member's image (kind "afbeelding", a 32-hex token that is
 * in the text); links_parse and links_list never do.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/links.h"
#include "core/md.h"
#include "core/path.h"
#include "core/sbuf.h"
#include "fuzz.h"

static const char *const kinds[][2] = {
	{ "artikel", "/artikelen/" }, { "pilot", "/pilots/" },
	{ "verhaal", "/verhalen/" }, { "mastermind", "/masterminds/" },
	{ "bron", "/bronnen/" }, { "les", "/lessen/" },
};

static const char	*kind_path(const char *);
static void		 check_item(const char *, const char *);
static size_t		 check_lines(const struct sbuf *, int);

/* The path prefix of a kind, NULL if unknown. */
static const char *
kind_path(const char *kind)
{
	size_t	i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kinds[i][0], kind) == 0)
			return (kinds[i][1]);
	return (NULL);
}

static void
check_item(const char *kind, const char *slug)
{
	if (strcmp(kind, "afbeelding") == 0) {
		CHECK(strlen(slug) == 32);
		CHECK(strspn(slug, "0123456789abcdef") == 32);
		return;
	}
	CHECK(kind_path(kind) != NULL);
	if (strcmp(kind, "les") == 0) {
		CHECK(*slug >= '1' && *slug <= '9');
		CHECK(strlen(slug) <= LINKS_LESSON_MAX);
		CHECK(strspn(slug, "0123456789") == strlen(slug));
		return;
	}
	CHECK(strlen(slug) <= LINKS_SLUG_MAX);
	CHECK(path_slug_ok(slug, strlen(slug)));
	CHECK(strcmp(slug, "nieuw") != 0 && strcmp(slug, "mijn") != 0 &&
	    strcmp(slug, "feed") != 0);
}

/*
 * Every line "kind/slug" and valid, none twice; returns the count.
 * images: whether "afbeelding" lines may be there.
 */
static size_t
check_lines(const struct sbuf *sb, int images)
{
	char	*copy, *line, *next, *slash;
	char	**seen = NULL;
	size_t	 n = 0, i;

	if (sb->len == 0)
		return (0);
	CHECK(sb->data[sb->len - 1] == '\n');
	copy = strndup(sb->data, sb->len);
	CHECK(copy != NULL);
	for (line = copy; *line != '\0'; line = next) {
		next = strchr(line, '\n');
		CHECK(next != NULL);
		*next++ = '\0';
		CHECK((slash = strchr(line, '/')) != NULL);
		*slash = '\0';
		CHECK(images || strcmp(line, "afbeelding") != 0);
		check_item(line, slash + 1);
		*slash = '/';
		for (i = 0; i < n; i++)
			CHECK(strcmp(seen[i], line) != 0);
		seen = realloc(seen, (n + 1) * sizeof(*seen));
		CHECK(seen != NULL);
		seen[n++] = line;
	}
	free(seen);
	free(copy);
	return (n);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sbuf	 ok, bad;
	char		*s, *base, *p, *q, *e, kind[LINKS_KIND_MAX];
	char		 slug[LINKS_SLUG_MAX + 1], small[4];
	const char	*path;
	size_t		 n, nbad, lines, blen;

	/* Long inputs add nothing but time to the quadratic checks. */
	if (size > 8192)
		return (0);
	if ((s = malloc(size + 1)) == NULL)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	n = strlen(s);
	base = n < size ? s + n + 1 : NULL;

	if (links_parse(s, base, kind, sizeof(kind), slug, sizeof(slug)) == 0) {
		check_item(kind, slug);
		path = kind_path(kind);
		/* The URL is [base] path slug [# or ? ...]. */
		p = s;
		if (strncmp(p, path, strlen(path)) != 0) {
			CHECK(base != NULL);
			blen = strlen(base);
			while (blen > 0 && base[blen - 1] == '/')
				blen--;
			CHECK(blen > 0 && strncmp(p, base, blen) == 0);
			p += blen;
		}
		CHECK(strncmp(p, path, strlen(path)) == 0);
		p += strlen(path);
		/* A session's path has its series first: serie/sessie. */
		/*
		 * (Whether a second segment is there, not whether the
		 * series starts with the session's slug: /masterminds/en/e.)
		 */
		q = p + strcspn(p, "/#?");
		if (strcmp(kind, "mastermind") == 0 && *q == '/') {
			CHECK(path_slug_ok(p, (size_t)(q - p)));
			p = q + 1;
		}
		CHECK(strncmp(p, slug, strlen(slug)) == 0);
		p += strlen(slug);
		CHECK(*p == '\0' || *p == '#' || *p == '?');
		/* Too small buffers fail cleanly. */
		CHECK(links_parse(s, base, small, sizeof(small), slug,
		    sizeof(slug)) == (strlen(kind) < sizeof(small) ? 0 : -1));
		CHECK(links_parse(s, base, kind, sizeof(kind), small,
		    sizeof(small)) == (strlen(slug) < sizeof(small) ? 0 : -1));
	}

	/* links_list: each non-empty trimmed line is an item or bad. */
	sbuf_init(&ok);
	sbuf_init(&bad);
	nbad = links_list(&ok, &bad, s, base);
	lines = 0;
	for (p = s; *p != '\0'; p = *e == '\n' ? e + 1 : e) {
		e = p + strcspn(p, "\n");
		while (p < e && (*p == ' ' || *p == '\t' || *p == '\r'))
			p++;
		lines += p < e;
	}
	CHECK(check_lines(&ok, 0) + nbad <= lines);
	CHECK(nbad <= lines);
	CHECK(bad.len == 0 || bad.data[bad.len - 1] == '\n');
	for (n = 0, p = bad.data; p != NULL && *p != '\0'; p = e + 1) {
		e = strchr(p, '\n');
		CHECK(e != NULL && e > p);
		CHECK(*p != ' ' && *p != '\t' && *p != '\r');
		CHECK(e[-1] != ' ' && e[-1] != '\t' && e[-1] != '\r');
		n++;
	}
	CHECK(n == nbad);
	sbuf_free(&ok);
	sbuf_free(&bad);

	/* links_extract: every line valid, none twice. */
	sbuf_init(&ok);
	n = links_extract(&ok, s, strlen(s), base);
	CHECK(check_lines(&ok, 1) == n);
	sbuf_free(&ok);
	free(s);
	return (0);
}
