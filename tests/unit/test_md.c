/*
 * md: cmark in safe mode (its own api_test test_safe inputs), link
 * rel attributes, the input cap, NUL bytes, and a source check that
 * CMARK_OPT_UNSAFE is never used. md_doc_render: the same safety, ids,
 * TOC, links and word count from one parse; md_reading_minutes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/md.h"
#include "core/sbuf.h"

#define REL	"<a rel=\"nofollow noopener ugc\" href=\""
#define MD(in, want)	check_md(in, sizeof(in) - 1, want, __FILE__, __LINE__)
#define HAS(in, frag)	check_has(in, sizeof(in) - 1, frag, 1, __FILE__, \
			    __LINE__)
#define LACKS(in, frag)	check_has(in, sizeof(in) - 1, frag, 0, __FILE__, \
			    __LINE__)
#define WORDS(in, n)	check_words(in, n, __FILE__, __LINE__)
#define BASE	"https://bron.example.nl"

static void	 render(const char *, size_t, struct sbuf *);
static void	 check_md(const char *, size_t, const char *, const char *,
		    int);
static void	 check_has(const char *, size_t, const char *, int,
		    const char *, int);
static void	 check_words(const char *, size_t, const char *, int);
static void	 check_inert(const char *);
static char	*slurp(const char *);
static void	 strip_c(char *);
static int	 uses_unsafe(const char *);

static void
render(const char *in, size_t n, struct sbuf *out)
{
	sbuf_init(out);
	assert_int_equal(md_render(out, in, n), 0);
}

static void
check_md(const char *in, size_t n, const char *want, const char *file,
    int line)
{
	struct sbuf	out;

	render(in, n, &out);
	_assert_string_equal(sbuf_cstr(&out), want, file, line);
	sbuf_free(&out);
}

static void
check_has(const char *in, size_t n, const char *frag, int has,
    const char *file, int line)
{
	struct sbuf	out;
	int		found;

	render(in, n, &out);
	found = strstr(sbuf_cstr(&out), frag) != NULL;
	if (found != has)
		print_error("output %s \"%s\":\n%s\n", has ? "lacks" : "has",
		    frag, sbuf_cstr(&out));
	_assert_int_equal(found, has, file, line);
	sbuf_free(&out);
}

/* cmark 0.30.2 api_test/main.c test_safe, through md_render. */
static void
t_cmark_test_safe(void **state)
{
	(void)state;
	MD("<div>\nhi\n</div>\n\n<a>hi</a>\n[link](JAVAscript:alert('hi'))\n"
	    "![image](file:my.js)\n",
	    "<!-- raw HTML omitted -->\n"
	    "<p><!-- raw HTML omitted -->hi<!-- raw HTML omitted -->\n"
	    REL "\">link</a>\n"
	    "<img src=\"\" alt=\"image\" /></p>\n");
}

static void
t_raw_html(void **state)
{
	(void)state;
	MD("<script>alert(1)</script>\n", "<!-- raw HTML omitted -->\n");
	MD("a <script>alert(1)</script> b\n",
	    "<p>a <!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted --> "
	    "b</p>\n");
	LACKS("<SCRIPT SRC=//x.js></SCRIPT>", "<SCRIPT");
	LACKS("<img src=x onerror=alert(1)>", "onerror");
	LACKS("<iframe src=\"javascript:alert(1)\"></iframe>", "<iframe");
	LACKS("x <svg onload=alert(1)> y", "<svg");
	LACKS("<style>body{}</style>", "<style");
	LACKS("<!-- c --><script>x</script>", "<script");
	/* Escaped in text and in code. */
	MD("`<script>`", "<p><code>&lt;script&gt;</code></p>\n");
	MD("    <script>\n", "<pre><code>&lt;script&gt;\n</code></pre>\n");
	MD("\\<script>", "<p>&lt;script&gt;</p>\n");
}

static void
t_dangerous_links(void **state)
{
	(void)state;
	MD("[a](javascript:alert(1))", "<p>" REL "\">a</a></p>\n");
	MD("[a](JaVaScRiPt:alert(1))", "<p>" REL "\">a</a></p>\n");
	MD("[a](vbscript:msgbox)", "<p>" REL "\">a</a></p>\n");
	MD("[a](VBScript:x)", "<p>" REL "\">a</a></p>\n");
	MD("[a](data:text/html;base64,PHNjcmlwdD4=)",
	    "<p>" REL "\">a</a></p>\n");
	MD("[a](file:///etc/passwd)", "<p>" REL "\">a</a></p>\n");
	MD("![i](javascript:alert(1))",
	    "<p><img src=\"\" alt=\"i\" /></p>\n");
	MD("<javascript:alert(1)>", "<p>" REL "\">javascript:alert(1)</a></p>\n");
	MD("[a]\n\n[a]: javascript:alert(1)\n", "<p>" REL "\">a</a></p>\n");
	/* Entity tricks are decoded before the check. */
	MD("[a](javascript&#58;alert(1))", "<p>" REL "\">a</a></p>\n");
	/* Images as data: URLs are fine. */
	MD("[a](data:image/png;base64,AAAA)",
	    "<p>" REL "data:image/png;base64,AAAA\">a</a></p>\n");
	MD("![i](data:image/png;base64,AAAA)",
	    "<p><img src=\"data:image/png;base64,AAAA\" alt=\"i\" /></p>\n");
	/* Titles and URLs are escaped. */
	MD("[a](http://x.nl/?a=1&b=\"2\" \"t\\\"<\")",
	    "<p>" REL "http://x.nl/?a=1&amp;b=%222%22\" title=\"t&quot;&lt;\">"
	    "a</a></p>\n");
}

static void
t_rel(void **state)
{
	(void)state;
	MD("[x](https://example.org/)",
	    "<p>" REL "https://example.org/\">x</a></p>\n");
	MD("<https://example.org>",
	    "<p>" REL "https://example.org\">https://example.org</a></p>\n");
	MD("<info@example.org>",
	    "<p>" REL "mailto:info@example.org\">info@example.org</a></p>\n");
	MD("[a](/x) [b](/y)", "<p>" REL "/x\">a</a> " REL "/y\">b</a></p>\n");
	MD("[x](/p \"Titel\")", "<p>" REL "/p\" title=\"Titel\">x</a></p>\n");
	/* Text that looks like a link tag is escaped, not rewritten. */
	MD("<a href=\"x\">", "<!-- raw HTML omitted -->\n");
	MD("`<a href=\"x\">`",
	    "<p><code>&lt;a href=&quot;x&quot;&gt;</code></p>\n");
	MD("no links", "<p>no links</p>\n");
}

static void
t_limits(void **state)
{
	struct sbuf	 out;
	char		*big;

	(void)state;
	big = malloc(MD_MAX_INPUT + 1);
	assert_non_null(big);
	memset(big, 'a', MD_MAX_INPUT + 1);
	sbuf_init(&out);
	sbuf_puts(&out, "keep");
	assert_int_equal(md_render(&out, big, MD_MAX_INPUT + 1), -1);
	/* Nothing appended on failure. */
	assert_string_equal(sbuf_cstr(&out), "keep");
	assert_int_equal(md_render(&out, big, (size_t)-1), -1);
	/* Exactly at the cap is fine. */
	assert_int_equal(md_render(&out, big, MD_MAX_INPUT), 0);
	assert_int_equal(out.len, 4 + 3 + MD_MAX_INPUT + 5);
	sbuf_free(&out);
	free(big);

	/* Empty input: empty output, appended. */
	sbuf_init(&out);
	sbuf_puts(&out, "x");
	assert_int_equal(md_render(&out, "", 0), 0);
	assert_string_equal(sbuf_cstr(&out), "x");
	sbuf_free(&out);
}

static void
t_nul_and_utf8(void **state)
{
	(void)state;
	/* NUL becomes U+FFFD (CommonMark 2.3), invalid UTF-8 too. */
	MD("a\0b", "<p>a\xef\xbf\xbd" "b</p>\n");
	MD("\0\0", "<p>\xef\xbf\xbd\xef\xbf\xbd</p>\n");
	/* U+FFFD, percent-encoded, is no scheme: a relative link. */
	MD("[x](\0javascript:alert(1))",
	    "<p>" REL "%EF%BF%BDjavascript:alert(1)\">x</a></p>\n");
	MD("a\xff" "b", "<p>a\xef\xbf\xbd" "b</p>\n");
	MD("<scr\0ipt>", "<p>&lt;scr\xef\xbf\xbdipt&gt;</p>\n");
	LACKS("<\0script>alert(1)</script>", "<script");
}

static void
check_words(const char *in, size_t n, const char *file, int line)
{
	struct md_doc	d;

	md_doc_init(&d);
	_assert_int_equal(md_doc_render(&d, in, strlen(in), NULL), 0, file,
	    line);
	_assert_int_equal(d.words, n, file, line);
	md_doc_free(&d);
}

static void
t_doc(void **state)
{
	struct md_doc	d;
	const char	md[] = "# Titel\n\n## Wat is het?\n\nLees [dit](/artikelen/a) "
	    "en [dat](" BASE "/pilots/b).\n\n### Stap een\n";

	(void)state;
	md_doc_init(&d);
	assert_int_equal(md_doc_render(&d, md, sizeof(md) - 1, BASE), 0);
	assert_string_equal(sbuf_cstr(&d.html), "<h1>Titel</h1>\n"
	    "<h2 id=\"wat-is-het\">Wat is het?</h2>\n"
	    "<p>Lees " REL "/artikelen/a\">dit</a> en "
	    REL BASE "/pilots/b\">dat</a>.</p>\n"
	    "<h3 id=\"stap-een\">Stap een</h3>\n");
	assert_string_equal(sbuf_cstr(&d.toc), "<ol class=\"toc\">\n"
	    "<li><a href=\"#wat-is-het\">Wat is het?</a>\n<ol>\n"
	    "<li><a href=\"#stap-een\">Stap een</a></li>\n</ol>\n</li>\n"
	    "</ol>\n");
	assert_string_equal(sbuf_cstr(&d.links), "artikel/a\npilot/b\n");
	assert_int_equal(d.words, 10);

	/* A second render replaces the first; no base, no absolute link. */
	assert_int_equal(md_doc_render(&d, md, sizeof(md) - 1, NULL), 0);
	assert_string_equal(sbuf_cstr(&d.links), "artikel/a\n");
	assert_int_equal(d.words, 10);
	assert_int_equal(md_doc_render(&d, "x", 1, NULL), 0);
	assert_string_equal(sbuf_cstr(&d.html), "<p>x</p>\n");
	assert_string_equal(sbuf_cstr(&d.toc), "");
	assert_string_equal(sbuf_cstr(&d.links), "");
	md_doc_free(&d);
}

/* md_doc_render's body must be as inert as md_render's. */
static void
check_inert(const char *in)
{
	struct md_doc	 d;
	struct sbuf	 plain;
	char		*low, *p;

	md_doc_init(&d);
	assert_int_equal(md_doc_render(&d, in, strlen(in), BASE), 0);
	low = strdup(sbuf_cstr(&d.html));
	assert_non_null(low);
	for (p = low; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	if (strstr(low, "<script") != NULL ||
	    strstr(low, "href=\"javascript") != NULL)
		print_error("not inert:\n%s\n", d.html.data);
	assert_null(strstr(low, "<script"));
	assert_null(strstr(low, "href=\"javascript"));
	assert_null(strstr(low, "href=\"vbscript"));
	assert_null(strstr(low, "src=\"javascript"));
	assert_null(strstr(low, " onerror"));
	assert_null(strstr(low, "<img src=x"));
	/* Same bytes as md_render, but for heading ids. */
	sbuf_init(&plain);
	assert_int_equal(md_render(&plain, in, strlen(in)), 0);
	if (strstr(in, "#") == NULL)
		assert_string_equal(d.html.data, sbuf_cstr(&plain));
	sbuf_free(&plain);
	free(low);
	md_doc_free(&d);
}

static void
t_doc_safe(void **state)
{
	struct md_doc	 d;
	const char	*md;

	(void)state;
	check_inert("<script>alert(1)</script>\n");
	check_inert("a <script>alert(1)</script> b <img src=x onerror=alert(1)>");
	check_inert("[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) "
	    "[c](vbscript:x) ![d](javascript:alert(1))");
	check_inert("<javascript:alert(1)>");
	check_inert("[a](&#106;avascript:alert(1)) [b](&#x6A;avascript:alert(1))"
	    " [c](javascript&#58;alert(1)) [d](&#74;AVASCRIPT&colon;alert(1))");
	check_inert("[a]\n\n[a]: javascript:alert(1)\n");
	check_inert("## <script>alert(1)</script>\n\n## \\<script>\n");

	/* The exact output for the usual suspects. */
	md_doc_init(&d);
	md = "[a](&#106;avascript:alert(1)) <https://x.nl/?a=\"b\"> "
	    "![i](/p.png \"t\\\"<x>\") <info@x.nl>";
	assert_int_equal(md_doc_render(&d, md, strlen(md), BASE), 0);
	assert_string_equal(sbuf_cstr(&d.html), "<p>" REL "\">a</a> "
	    REL "https://x.nl/?a=%22b%22\">https://x.nl/?a=&quot;b&quot;</a> "
	    "<img src=\"/p.png\" alt=\"i\" title=\"t&quot;&lt;x&gt;\" /> "
	    REL "mailto:info@x.nl\">info@x.nl</a></p>\n");
	assert_string_equal(sbuf_cstr(&d.links), "");
	md_doc_free(&d);
}

static void
t_doc_limits(void **state)
{
	struct md_doc	 d;
	char		*big;

	(void)state;
	big = malloc(MD_MAX_INPUT + 1);
	assert_non_null(big);
	memset(big, 'a', MD_MAX_INPUT + 1);
	big[0] = '#';
	big[1] = '#';
	big[2] = ' ';
	md_doc_init(&d);
	assert_int_equal(md_doc_render(&d, "## a\n\n## b\n", 11, NULL), 0);
	/* Too large: -1 and nothing left from before. */
	assert_int_equal(md_doc_render(&d, big, MD_MAX_INPUT + 1, NULL), -1);
	assert_int_equal(d.html.len + d.toc.len + d.links.len, 0);
	assert_int_equal(d.words, 0);
	assert_int_equal(md_doc_render(&d, big, MD_MAX_INPUT, NULL), 0);
	assert_int_equal(d.words, 1);
	assert_non_null(strstr(sbuf_cstr(&d.html), "<h2 id=\"aaaa"));
	md_doc_free(&d);
	free(big);
	/* NUL bytes are text like anywhere else. */
	md_doc_init(&d);
	assert_int_equal(md_doc_render(&d, "## a\0b\n", 7, NULL), 0);
	assert_string_equal(sbuf_cstr(&d.html),
	    "<h2 id=\"a-b\">a\xef\xbf\xbd" "b</h2>\n");
	md_doc_free(&d);
}

static void
t_words(void **state)
{
	(void)state;
	WORDS("", 0);
	WORDS("een", 1);
	WORDS("Een *twee* drie\n\n`vier vijf`\n\n```\nzes\nzeven\n```\n", 7);
	/* A word may run across emphasis; breaks and blocks end it. */
	WORDS("*Bron*nen", 1);
	WORDS("a\nb", 2);
	WORDS("a  \nb", 2);
	WORDS("a\n\nb", 2);
	WORDS("- a\n- b\n", 2);
	WORDS("[link tekst](/x) en ![alt tekst](/p.png)", 5);
	WORDS("  veel   \t ruimte  ", 2);
	WORDS("# Kop\n\nTekst", 2);
	WORDS("<b>rauw</b> html", 2);
}

static void
t_minutes(void **state)
{
	(void)state;
	assert_int_equal(md_reading_minutes(0), 1);
	assert_int_equal(md_reading_minutes(1), 1);
	assert_int_equal(md_reading_minutes(200), 1);
	assert_int_equal(md_reading_minutes(201), 2);
	assert_int_equal(md_reading_minutes(400), 2);
	assert_int_equal(md_reading_minutes(401), 3);
	assert_int_equal(md_reading_minutes(2000), 10);
	assert_true(md_reading_minutes((size_t)-1) > 0);
}

/* Read a whole file as a C string. */
static char *
slurp(const char *path)
{
	FILE	*f;
	char	*buf;
	long	 n;

	if ((f = fopen(path, "rb")) == NULL) {
		print_error("cannot open %s (run from the repo root)\n", path);
		return (NULL);
	}
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n >= 0);
	rewind(f);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	return (buf);
}

/*
 * Blank out comments and string/char literals in place, so only code is
 * left for the check below. Enough of C for this purpose.
 */
static void
strip_c(char *s)
{
	char	quote;

	while (*s != '\0') {
		if (s[0] == '/' && s[1] == '*') {
			*s++ = ' ';
			*s++ = ' ';
			while (*s != '\0' && !(s[0] == '*' && s[1] == '/'))
				*s++ = ' ';
			if (*s != '\0') {
				*s++ = ' ';
				*s++ = ' ';
			}
		} else if (s[0] == '/' && s[1] == '/') {
			while (*s != '\0' && *s != '\n')
				*s++ = ' ';
		} else if (*s == '"' || *s == '\'') {
			quote = *s++;
			while (*s != '\0' && *s != quote && *s != '\n') {
				if (*s == '\\' && s[1] != '\0')
					*s++ = ' ';
				*s++ = ' ';
			}
			if (*s == quote)
				s++;
		} else
			s++;
	}
}

/* 1 if code (not comments or strings) names CMARK_OPT_UNSAFE. */
static int
uses_unsafe(const char *src)
{
	char	*copy;
	int	 found;

	copy = strdup(src);
	assert_non_null(copy);
	strip_c(copy);
	found = strstr(copy, "CMARK_OPT_UNSAFE") != NULL;
	free(copy);
	return (found);
}

static void
t_never_unsafe(void **state)
{
	static const char *const files[] = {
		"app/core/md.c", "app/core/md.h", "app/core/links.c",
		"app/core/toc.c",
	};
	char	*src;
	size_t	 i;

	(void)state;
	/* The checker itself: code counts, comments and strings do not. */
	assert_true(uses_unsafe("int o = X | CMARK_OPT_UNSAFE;"));
	assert_true(uses_unsafe("#define MD_OPTIONS (CMARK_OPT_UNSAFE)\n"));
	assert_true(uses_unsafe("/* x */ f(CMARK_OPT_UNSAFE); // y"));
	assert_false(uses_unsafe("/* unless CMARK_OPT_UNSAFE is given */"));
	assert_false(uses_unsafe("// CMARK_OPT_UNSAFE\nint x;"));
	assert_false(uses_unsafe("puts(\"CMARK_OPT_UNSAFE\");"));
	assert_false(uses_unsafe("puts(\"a\\\"CMARK_OPT_UNSAFE\");"));

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		src = slurp(files[i]);
		assert_non_null(src);
		/* The real file is what we think it is. */
		if (i == 0)
			assert_non_null(strstr(src, "cmark_markdown_to_html"));
		if (uses_unsafe(src))
			print_error("%s uses CMARK_OPT_UNSAFE\n", files[i]);
		assert_false(uses_unsafe(src));
		free(src);
	}
}

/* Heading ids and in-page links get the prefix; nothing else does. */
static void
t_prefix_ids(void **state)
{
	struct md_doc	d;
	struct sbuf	out;
	const char	*in = "## Kop een\n\n[naar de kop](#kop-een) "
			    "[buiten](https://example.org/#x) id=\"nee\"\n";

	(void)state;
	md_doc_init(&d);
	sbuf_init(&out);
	assert_int_equal(md_doc_render(&d, in, strlen(in), NULL), 0);
	md_prefix_ids(&out, sbuf_cstr(&d.html), "vb-");
	assert_non_null(strstr(sbuf_cstr(&out), "<h2 id=\"vb-kop-een\">"));
	assert_non_null(strstr(sbuf_cstr(&out), "href=\"#vb-kop-een\""));
	assert_non_null(strstr(sbuf_cstr(&out),
	    "href=\"https://example.org/#x\""));
	/* Typed text (its quotes become curly ones) gets no prefix. */
	assert_null(strstr(sbuf_cstr(&out), "vb-nee"));
	sbuf_reset(&out);
	md_prefix_ids(&out, "", "vb-");
	assert_int_equal(out.len, 0);
	sbuf_reset(&out);
	md_prefix_ids(&out, "<p>geen</p>", "vb-");
	assert_string_equal(sbuf_cstr(&out), "<p>geen</p>");
	sbuf_free(&out);
	md_doc_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_cmark_test_safe),
		cmocka_unit_test(t_raw_html),
		cmocka_unit_test(t_dangerous_links),
		cmocka_unit_test(t_rel),
		cmocka_unit_test(t_limits),
		cmocka_unit_test(t_nul_and_utf8),
		cmocka_unit_test(t_never_unsafe),
		cmocka_unit_test(t_doc),
		cmocka_unit_test(t_doc_safe),
		cmocka_unit_test(t_doc_limits),
		cmocka_unit_test(t_words),
		cmocka_unit_test(t_minutes),
		cmocka_unit_test(t_prefix_ids),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
