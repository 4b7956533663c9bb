/*
 * links: which URLs name a Bron item (relative, absolute with the base
 * URL, foreign hosts, fragment and query, reserved and bad slugs) or a
 * lesson (/lessen/<id>: kind "les", the id as slug), the links of a
 * Markdown body (images and code are no links, repeats go; an image of
 * a member's upload, /bestanden/<token>, is kind "afbeelding"), and
 * the editor's list with its bad lines.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/links.h"
#include "core/sbuf.h"

#define BASE	"https://bron.example.nl"
/* Upload tokens (members' images). */
#define TOK	"0123456789abcdef0123456789abcdef"
#define TOK2	"ffffffffffffffffffffffffffffffff"

#define ITEM(url, base, k, s)	check_parse(url, base, k, s, __FILE__, \
				    __LINE__)
#define NOT(url, base)		check_parse(url, base, NULL, NULL, \
				    __FILE__, __LINE__)
#define EXTRACT(md, want)	check_extract(md, want, __FILE__, __LINE__)

static void	check_parse(const char *, const char *, const char *,
		    const char *, const char *, int);
static void	check_extract(const char *, const char *, const char *, int);

static void
check_parse(const char *url, const char *base, const char *k,
    const char *s, const char *file, int line)
{
	char	kind[LINKS_KIND_MAX], slug[LINKS_SLUG_MAX + 1];
	int	rc;

	rc = links_parse(url, base, kind, sizeof(kind), slug, sizeof(slug));
	if (k == NULL) {
		if (rc == 0)
			print_error("\"%s\" parsed as %s/%s\n", url, kind, slug);
		_assert_int_equal(rc, -1, file, line);
		return;
	}
	_assert_int_equal(rc, 0, file, line);
	_assert_string_equal(kind, k, file, line);
	_assert_string_equal(slug, s, file, line);
}

static void
check_extract(const char *md, const char *want, const char *file, int line)
{
	struct sbuf	out;
	size_t		n, lines = 0;
	const char	*p;

	for (p = want; *p != '\0'; p++)
		lines += *p == '\n';
	sbuf_init(&out);
	n = links_extract(&out, md, strlen(md), BASE "/");
	_assert_string_equal(sbuf_cstr(&out), want, file, line);
	_assert_int_equal(n, lines, file, line);
	sbuf_free(&out);
}

static void
t_relative(void **state)
{
	(void)state;
	ITEM("/artikelen/zorg-thuis", NULL, "artikel", "zorg-thuis");
	ITEM("/pilots/buurt-1", NULL, "pilot", "buurt-1");
	ITEM("/verhalen/v", "", "verhaal", "v");
	ITEM("/masterminds/m2", BASE, "mastermind", "m2");
	ITEM("/bronnen/b", BASE, "bron", "b");
	/* Fragment and query are not part of the slug. */
	ITEM("/artikelen/x#kop", NULL, "artikel", "x");
	ITEM("/artikelen/x?a=1#b", NULL, "artikel", "x");
	ITEM("/artikelen/x#", NULL, "artikel", "x");
	/* Not item pages. */
	NOT("/artikelen/nieuw", NULL);
	NOT("/artikelen/mijn", NULL);
	NOT("/artikelen/x/bewerken", NULL);
	NOT("/artikelen/x/", NULL);
	NOT("/artikelen/", NULL);
	NOT("/artikelen", NULL);
	NOT("/artikelen/#x", NULL);
	NOT("/artikel/x", NULL);
	NOT("/themas/x", NULL);
	NOT("artikelen/x", NULL);
	NOT("//artikelen/x", NULL);
	NOT("//bron.example.nl/artikelen/x", BASE);
	NOT("", NULL);
	/* Bad slugs. */
	NOT("/artikelen/X", NULL);
	NOT("/artikelen/a--b", NULL);
	NOT("/artikelen/-a", NULL);
	NOT("/artikelen/a-", NULL);
	NOT("/artikelen/a b", NULL);
	NOT("/artikelen/a%20b", NULL);
	NOT("/artikelen/caf\xc3\xa9", NULL);
	NOT("/ARTIKELEN/x", NULL);
}

static void
t_absolute(void **state)
{
	(void)state;
	ITEM(BASE "/artikelen/x", BASE, "artikel", "x");
	ITEM(BASE "/artikelen/x", BASE "/", "artikel", "x");
	ITEM(BASE "/artikelen/x", BASE "//", "artikel", "x");
	ITEM(BASE "/pilots/p#doel", BASE, "pilot", "p");
	/* Without a base only paths count. */
	NOT(BASE "/artikelen/x", NULL);
	NOT(BASE "/artikelen/x", "");
	/* Other hosts, schemes and look-alikes. */
	NOT("https://elders.nl/artikelen/x", BASE);
	NOT("http://bron.example.nl/artikelen/x", BASE);
	NOT("https://bron.example.nl.evil.nl/artikelen/x", BASE);
	NOT("https://bron.example.nlx/artikelen/x", BASE);
	NOT(BASE "artikelen/x", BASE);
	NOT(BASE "//artikelen/x", BASE);
	NOT(BASE "/artikelen/nieuw", BASE);
	NOT(BASE "/artikelen/x/bewerken", BASE);
	NOT("javascript:alert(1)//artikelen/x", BASE);
}

static void
t_lengths(void **state)
{
	char	url[200], kind[LINKS_KIND_MAX], slug[LINKS_SLUG_MAX + 1];
	char	small[4], five[5];

	(void)state;
	memset(url, 0, sizeof(url));
	strcpy(url, "/artikelen/");
	memset(url + 11, 'a', LINKS_SLUG_MAX);
	assert_int_equal(links_parse(url, NULL, kind, sizeof(kind), slug,
	    sizeof(slug)), 0);
	assert_int_equal(strlen(slug), LINKS_SLUG_MAX);
	url[11 + LINKS_SLUG_MAX] = 'a';
	assert_int_equal(links_parse(url, NULL, kind, sizeof(kind), slug,
	    sizeof(slug)), -1);
	/* Buffers too small: refused, not cut. */
	assert_int_equal(links_parse("/artikelen/abcd", NULL, kind,
	    sizeof(kind), small, sizeof(small)), -1);
	assert_int_equal(links_parse("/artikelen/abc", NULL, kind,
	    sizeof(kind), small, sizeof(small)), 0);
	assert_string_equal(small, "abc");
	assert_int_equal(links_parse("/artikelen/abc", NULL, small,
	    sizeof(small), slug, sizeof(slug)), -1);
	assert_int_equal(links_parse("/bronnen/abc", NULL, five,
	    sizeof(five), slug, sizeof(slug)), 0);
	assert_string_equal(five, "bron");
}

static void
t_lesson(void **state)
{
	char	kind[LINKS_KIND_MAX], slug[LINKS_SLUG_MAX + 1], small[4];

	(void)state;
	ITEM("/lessen/42", NULL, "les", "42");
	ITEM("/lessen/7#uitleg", NULL, "les", "7");
	ITEM("/lessen/7?x=1", "", "les", "7");
	ITEM(BASE "/lessen/123456789012345678", BASE "/", "les",
	    "123456789012345678");
	/* Not a lesson: the list, its pages, bad or too long ids. */
	NOT("/lessen", NULL);
	NOT("/lessen/", NULL);
	NOT("/lessen/#x", NULL);
	NOT("/lessen/12/bewerken", NULL);
	NOT("/lessen/12/", NULL);
	NOT("/lessen/0", NULL);
	NOT("/lessen/007", NULL);
	NOT("/lessen/-1", NULL);
	NOT("/lessen/1e3", NULL);
	NOT("/lessen/abc", NULL);
	NOT("/lessen/1234567890123456789", NULL);
	NOT("/les/12", NULL);
	NOT("/LESSEN/12", NULL);
	NOT("https://elders.nl/lessen/12", BASE);
	NOT(BASE "/lessen/12", NULL);
	/* Buffers too small: refused, not cut. */
	assert_int_equal(links_parse("/lessen/1234", NULL, kind, sizeof(kind),
	    small, sizeof(small)), -1);
	assert_int_equal(links_parse("/lessen/123", NULL, kind, sizeof(kind),
	    small, sizeof(small)), 0);
	assert_string_equal(small, "123");
	assert_int_equal(links_parse("/lessen/1", NULL, small, 3, slug,
	    sizeof(slug)), -1);
	assert_int_equal(links_parse("/lessen/1", NULL, small, sizeof(small),
	    slug, sizeof(slug)), 0);
	assert_string_equal(small, "les");
	/* In a body, next to items, once each; code is no link. */
	EXTRACT("Zie [les](/lessen/5), [nog eens](" BASE "/lessen/5#a), "
	    "[pilot](/pilots/p) en `[x](/lessen/6)` en [y](/lessen/06).\n",
	    "les/5\npilot/p\n");
}

/* A session's path has its series in it: the session counts. */
static void
t_mastermind(void **state)
{
	struct sbuf	 out;
	const char	*md = "[a](/masterminds/s/x) [b](/masterminds/t/x) "
			    "[c](/masterminds/s/y)";

	(void)state;
	ITEM("/masterminds/serie-1/sessie-2", NULL, "mastermind", "sessie-2");
	ITEM("/masterminds/serie-1/sessie-2#actie-7", BASE, "mastermind",
	    "sessie-2");
	ITEM(BASE "/masterminds/s/t?gedaan=x", BASE, "mastermind", "t");
	ITEM("/masterminds/sessie-2", NULL, "mastermind", "sessie-2");
	/* Pages under a series or session are no session. */
	NOT("/masterminds/serie-1/nieuw", NULL);
	NOT("/masterminds/serie-1/acties", NULL);
	NOT("/masterminds/serie-1/agenda", NULL);
	NOT("/masterminds/serie-1/sessie-2/bewerken", NULL);
	NOT("/masterminds/serie-1/sessie-2/", NULL);
	NOT("/masterminds/serie-1/", NULL);
	NOT("/masterminds//sessie-2", NULL);
	NOT("/masterminds/Serie/sessie-2", NULL);
	NOT("/masterminds/serie/Sessie", NULL);
	/* Only masterminds have two segments. */
	NOT("/artikelen/a/b", NULL);
	sbuf_init(&out);
	assert_int_equal(links_extract(&out, md, strlen(md), NULL), 2);
	assert_string_equal(sbuf_cstr(&out), "mastermind/x\nmastermind/y\n");
	sbuf_free(&out);
}

static void
t_extract(void **state)
{
	(void)state;
	EXTRACT("Zie [dit](/artikelen/a) en [dat](" BASE "/pilots/b#x).\n",
	    "artikel/a\npilot/b\n");
	/* Foreign hosts, images, code and plain text are not links. */
	EXTRACT("[x](https://elders.nl/artikelen/c) ![i](/artikelen/d)\n"
	    "`[e](/artikelen/e)` /artikelen/f " BASE "/artikelen/g\n\n"
	    "    [h](/artikelen/h)\n", "");
	/* Nor is a link inside an image's description. */
	EXTRACT("![zie [x](/artikelen/x)](/plaatje.png)\n", "");
	/* Autolinks, reference links, repeats, order of appearance. */
	EXTRACT("<" BASE "/bronnen/z> [r][ref] [a](/artikelen/a?x=1) "
	    "[a2](/artikelen/a#kop) [z](" BASE "/bronnen/z)\n\n"
	    "[ref]: /verhalen/v\n", "bron/z\nverhaal/v\nartikel/a\n");
	/* Reserved and bad slugs, edit pages. */
	EXTRACT("[n](/artikelen/nieuw) [b](/artikelen/x/bewerken) "
	    "[c](/artikelen/A)\n", "");
	/* Entities are decoded before the URL is read, as cmark does. */
	EXTRACT("[e](/artikelen/caf&#101;)\n", "artikel/cafe\n");
	EXTRACT("", "");
}

/* Members' images: an image node of /bestanden/<token> is recorded. */
static void
t_images(void **state)
{
	struct sbuf	 out;
	const char	*md;

	(void)state;
	EXTRACT("![Een tekening](/bestanden/" TOK ")\n",
	    "afbeelding/" TOK "\n");
	/* After the base URL, with fragment or query, a title; once. */
	EXTRACT("![a](" BASE "/bestanden/" TOK "#x) ![b](/bestanden/" TOK
	    "?v=2 \"titel\") ![c](/bestanden/" TOK2 ")\n",
	    "afbeelding/" TOK "\nafbeelding/" TOK2 "\n");
	/* Next to item links, in order of appearance. */
	EXTRACT("[x](/artikelen/x) ![i](/bestanden/" TOK ") [y](/pilots/y)\n",
	    "artikel/x\nafbeelding/" TOK "\npilot/y\n");
	/* An image that is a link: both (the link is entered first). */
	EXTRACT("[![i](/bestanden/" TOK ")](/artikelen/x)\n",
	    "artikel/x\nafbeelding/" TOK "\n");
	/* Reference images too. */
	EXTRACT("![i][p]\n\n[p]: /bestanden/" TOK "\n",
	    "afbeelding/" TOK "\n");
	/* A link to a file is no image; code and text are nothing. */
	EXTRACT("[bestand](/bestanden/" TOK ") `![i](/bestanden/" TOK ")` "
	    "/bestanden/" TOK "\n\n    ![i](/bestanden/" TOK ")\n", "");
	/* An image inside an image's description is only its text. */
	EXTRACT("![a ![b](/bestanden/" TOK2 ")](/plaatje.png)\n", "");
	EXTRACT("![a ![b](/bestanden/" TOK2 ")](/bestanden/" TOK ")\n",
	    "afbeelding/" TOK "\n");
	/* Not a token: length, case, other characters, paths, hosts. */
	EXTRACT("![a](/bestanden/0123456789abcdef0123456789abcde) "
	    "![b](/bestanden/" TOK "0) "
	    "![c](/bestanden/0123456789ABCDEF0123456789abcdef) "
	    "![d](/bestanden/0123456789abcdef0123456789abcdeg) "
	    "![e](/bestanden/" TOK "/x) ![f](/bestanden/) "
	    "![g](/bestand/" TOK ") ![h](bestanden/" TOK ") "
	    "![i](https://elders.nl/bestanden/" TOK ") "
	    "![j](//bron.example.nl/bestanden/" TOK ")\n", "");
	/* Without a base, only the path counts. */
	sbuf_init(&out);
	md = "![a](" BASE "/bestanden/" TOK ") ![b](/bestanden/" TOK2 ")";
	assert_int_equal(links_extract(&out, md, strlen(md), NULL), 1);
	assert_string_equal(sbuf_cstr(&out), "afbeelding/" TOK2 "\n");
	sbuf_free(&out);
}

static void
t_extract_append(void **state)
{
	struct sbuf	out;

	(void)state;
	sbuf_init(&out);
	sbuf_puts(&out, "artikel/a\n");
	/* Appended; repeats are judged within one call. */
	assert_int_equal(links_extract(&out, "[a](/artikelen/a) [a](/artikelen/a)",
	    35, NULL), 1);
	assert_string_equal(sbuf_cstr(&out), "artikel/a\nartikel/a\n");
	/* len is honoured: the second link is cut off. */
	sbuf_reset(&out);
	assert_int_equal(links_extract(&out, "[a](/artikelen/a) [b](/artikelen/b)",
	    17, NULL), 1);
	assert_string_equal(sbuf_cstr(&out), "artikel/a\n");
	sbuf_free(&out);
}

static void
t_list(void **state)
{
	struct sbuf	ok, bad;

	(void)state;
	sbuf_init(&ok);
	sbuf_init(&bad);
	assert_int_equal(links_list(&ok, &bad,
	    "  /artikelen/a  \r\n"
	    "\n"
	    "\tartikel/b\n"
	    BASE "/pilots/c#x\r\n"
	    "onzin met spaties\n"
	    "https://elders.nl/artikelen/d\n"
	    "/artikelen/a\n"
	    "   \t \r\n"
	    "/artikelen/nieuw\n"
	    "artikel/\n"
	    "boek/x\n"
	    "artikel/Hoofd\n"
	    "/lessen/9\n"
	    "bron/e", BASE), 6);
	/* A lesson is known; the editor says it cannot be related. */
	assert_string_equal(sbuf_cstr(&ok),
	    "artikel/a\nartikel/b\npilot/c\nles/9\nbron/e\n");
	assert_string_equal(sbuf_cstr(&bad),
	    "onzin met spaties\n"
	    "https://elders.nl/artikelen/d\n"
	    "/artikelen/nieuw\n"
	    "artikel/\n"
	    "boek/x\n"
	    "artikel/Hoofd\n");
	sbuf_reset(&ok);
	sbuf_reset(&bad);
	assert_int_equal(links_list(&ok, &bad, "", NULL), 0);
	assert_int_equal(links_list(&ok, &bad, "\n \r\n\t\n", NULL), 0);
	assert_int_equal(ok.len + bad.len, 0);
	/* Without a base, full URLs are bad lines. */
	assert_int_equal(links_list(&ok, &bad, BASE "/artikelen/a", NULL), 1);
	assert_string_equal(sbuf_cstr(&bad), BASE "/artikelen/a\n");
	sbuf_free(&ok);
	sbuf_free(&bad);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_relative),
		cmocka_unit_test(t_absolute),
		cmocka_unit_test(t_lengths),
		cmocka_unit_test(t_lesson),
		cmocka_unit_test(t_mastermind),
		cmocka_unit_test(t_extract),
		cmocka_unit_test(t_images),
		cmocka_unit_test(t_extract_append),
		cmocka_unit_test(t_list),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
