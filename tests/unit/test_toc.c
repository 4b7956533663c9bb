/*
 * toc: heading ids (slug, "kop", -2 for repeats), the nested TOC, ids
 * landing on the right <h2>/<h3> when "<h2>" also appears as text or
 * code, escaping in the TOC, and the TOC_MIN / TOC_MAX limits.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <cmark.h>

#include "core/md.h"
#include "core/sbuf.h"
#include "core/toc.h"

#define LI(id, t)	"<li><a href=\"#" id "\">" t "</a>"

#define DOC(md, html, toc)	check_doc(md, html, toc, __FILE__, __LINE__)

static void	check_doc(const char *, const char *, const char *,
		    const char *, int);
static struct toc *collect(const char *);
static char	*slurp(const char *);

/* md_doc_render of md: body and TOC must be html and toc (NULL: any). */
static void
check_doc(const char *md, const char *html, const char *toc,
    const char *file, int line)
{
	struct md_doc	d;

	md_doc_init(&d);
	_assert_int_equal(md_doc_render(&d, md, strlen(md), NULL), 0, file,
	    line);
	if (html != NULL)
		_assert_string_equal(sbuf_cstr(&d.html), html, file, line);
	if (toc != NULL)
		_assert_string_equal(sbuf_cstr(&d.toc), toc, file, line);
	md_doc_free(&d);
}

/* toc_collect on a parse of md; the caller frees with toc_free + free. */
static struct toc *
collect(const char *md)
{
	cmark_node	*root;
	struct toc	*t;

	root = cmark_parse_document(md, strlen(md), CMARK_OPT_VALIDATE_UTF8);
	assert_non_null(root);
	t = malloc(sizeof(*t));
	assert_non_null(t);
	t->n = 99;	/* toc_collect sets it */
	toc_collect(t, root);
	cmark_node_free(root);
	return (t);
}

static void
t_ids(void **state)
{
	struct toc	*t;

	(void)state;
	t = collect("# Titel\n\n## Wat is `mantelzorg`?\n\n### Stap *één*\n\n"
	    "#### Diep\n\n## !!!\n\n## \n\nSetext\n------\n");
	assert_int_equal(t->n, 5);
	assert_int_equal(t->v[0].level, 2);
	assert_string_equal(t->v[0].text, "Wat is mantelzorg?");
	assert_string_equal(t->v[0].id, "wat-is-mantelzorg");
	assert_int_equal(t->v[1].level, 3);
	assert_string_equal(t->v[1].text, "Stap één");
	assert_string_equal(t->v[1].id, "stap-een");
	/* Nothing usable: "kop", then made unique. */
	assert_string_equal(t->v[2].id, "kop");
	assert_string_equal(t->v[3].id, "kop-2");
	assert_string_equal(t->v[4].id, "setext");
	toc_free(t);
	assert_int_equal(t->n, 0);
	free(t);
}

static void
t_duplicates(void **state)
{
	(void)state;
	DOC("## A\n\n## A\n\n### A\n",
	    "<h2 id=\"a\">A</h2>\n<h2 id=\"a-2\">A</h2>\n<h3 id=\"a-3\">A</h3>\n",
	    "<ol class=\"toc\">\n" LI("a", "A") "</li>\n" LI("a-2", "A")
	    "\n<ol>\n" LI("a-3", "A") "</li>\n</ol>\n</li>\n</ol>\n");
	/* "A 2" slugs to "a-2", which the second "A" took already. */
	DOC("## A\n\n## A\n\n## A 2\n", "<h2 id=\"a\">A</h2>\n"
	    "<h2 id=\"a-2\">A</h2>\n<h2 id=\"a-2-2\">A 2</h2>\n",
	    "<ol class=\"toc\">\n" LI("a", "A") "</li>\n" LI("a-2", "A")
	    "</li>\n" LI("a-2-2", "A 2") "</li>\n</ol>\n");
}

static void
t_nesting(void **state)
{
	(void)state;
	DOC("## Een\n\n### Een.a\n\n### Een.b\n\n## Twee\n\n## Drie\n\n"
	    "### Drie.a\n", NULL,
	    "<ol class=\"toc\">\n"
	    LI("een", "Een") "\n<ol>\n"
	    LI("een-a", "Een.a") "</li>\n"
	    LI("een-b", "Een.b") "</li>\n"
	    "</ol>\n</li>\n"
	    LI("twee", "Twee") "</li>\n"
	    LI("drie", "Drie") "\n<ol>\n"
	    LI("drie-a", "Drie.a") "</li>\n"
	    "</ol>\n</li>\n</ol>\n");
	/* An h3 before any h2 stands at the top level. */
	DOC("### Vooraf\n\n## Een\n\n### Onder een\n", NULL,
	    "<ol class=\"toc\">\n"
	    LI("vooraf", "Vooraf") "</li>\n"
	    LI("een", "Een") "\n<ol>\n"
	    LI("onder-een", "Onder een") "</li>\n"
	    "</ol>\n</li>\n</ol>\n");
	/* h1 and h4 are not in it. */
	DOC("# Titel\n\n## Een\n\n#### Vier\n\n## Twee\n", NULL,
	    "<ol class=\"toc\">\n" LI("een", "Een") "</li>\n"
	    LI("twee", "Twee") "</li>\n</ol>\n");
}

static void
t_min(void **state)
{
	(void)state;
	/* One heading: an id, but no TOC. */
	DOC("## Alleen\n\nTekst.\n",
	    "<h2 id=\"alleen\">Alleen</h2>\n<p>Tekst.</p>\n", "");
	DOC("Geen koppen.\n", "<p>Geen koppen.</p>\n", "");
	DOC("", "", "");
	/* Headings without text get no empty link, nor count. */
	DOC("## Een\n\n## \n", "<h2 id=\"een\">Een</h2>\n<h2 id=\"kop\"></h2>\n",
	    "");
	DOC("## Een\n\n## \x01\n\n## Twee\n", NULL, "<ol class=\"toc\">\n"
	    LI("een", "Een") "</li>\n" LI("twee", "Twee") "</li>\n</ol>\n");
}

static void
t_ids_land(void **state)
{
	(void)state;
	/* "<h2>" in code, inline code, raw HTML and text never counts. */
	DOC("```\n<h2>\n```\n\n    <h3>indented\n\n`<h2>` en \\<h2> en <h2>x</h2>"
	    "\n\n## Echt\n\n<h3>rauw</h3>\n\n### Ook echt\n",
	    "<pre><code>&lt;h2&gt;\n</code></pre>\n"
	    "<pre><code>&lt;h3&gt;indented\n</code></pre>\n"
	    "<p><code>&lt;h2&gt;</code> en &lt;h2&gt; en "
	    "<!-- raw HTML omitted -->x<!-- raw HTML omitted --></p>\n"
	    "<h2 id=\"echt\">Echt</h2>\n"
	    "<!-- raw HTML omitted -->\n"
	    "<h3 id=\"ook-echt\">Ook echt</h3>\n",
	    "<ol class=\"toc\">\n" LI("echt", "Echt") "\n<ol>\n"
	    LI("ook-echt", "Ook echt") "</li>\n</ol>\n</li>\n</ol>\n");
	/* In quotes and lists cmark writes <h2> too: they count. */
	DOC("> ## Citaat\n\n- ## Lijst\n", "<blockquote>\n"
	    "<h2 id=\"citaat\">Citaat</h2>\n</blockquote>\n<ul>\n<li>\n"
	    "<h2 id=\"lijst\">Lijst</h2>\n</li>\n</ul>\n",
	    "<ol class=\"toc\">\n" LI("citaat", "Citaat") "</li>\n"
	    LI("lijst", "Lijst") "</li>\n</ol>\n");
	/* A heading's link keeps its rel; the id goes on the heading. */
	DOC("## [Link](/x) kop\n\n## B\n",
	    "<h2 id=\"link-kop\"><a rel=\"nofollow noopener ugc\" "
	    "href=\"/x\">Link</a> kop</h2>\n<h2 id=\"b\">B</h2>\n",
	    "<ol class=\"toc\">\n" LI("link-kop", "Link kop") "</li>\n"
	    LI("b", "B") "</li>\n</ol>\n");
}

static void
t_escape(void **state)
{
	struct md_doc	d;
	const char	md[] = "## \\<script>alert(1)\\</script> & 'x' \"y\"\n\n"
	    "## <img src=x onerror=alert(1)>B\n\n## `<b>&amp;</b>`\n";

	(void)state;
	md_doc_init(&d);
	assert_int_equal(md_doc_render(&d, md, sizeof(md) - 1, NULL), 0);
	assert_null(strstr(sbuf_cstr(&d.toc), "<script"));
	assert_null(strstr(d.toc.data, "<img"));
	assert_null(strstr(d.toc.data, "<b>"));
	assert_non_null(strstr(d.toc.data,
	    LI("script-alert-1-script-x-y", "&lt;script&gt;alert(1)"
	    "&lt;/script&gt; &amp; \xe2\x80\x98x\xe2\x80\x99 "
	    "\xe2\x80\x9cy\xe2\x80\x9d")));
	/* Raw HTML is omitted from headings, so only "B" is left. */
	assert_non_null(strstr(d.toc.data, LI("b", "B")));
	assert_non_null(strstr(d.toc.data,
	    LI("b-amp-b", "&lt;b&gt;&amp;amp;&lt;/b&gt;")));
	md_doc_free(&d);
}

/* Read a whole file as a C string (run from the repo root). */
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

static void
t_page_ids(void **state)
{
	struct md_doc	 d;
	char		*html, *p, *q, *want, md[200];
	size_t		 n, i, checked = 0;

	(void)state;
	/* The skip link's target and the views' naming habits. */
	DOC("## Inhoud\n\n## Over de title\n\n## Een hint\n\n## Geen error\n",
	    "<h2 id=\"inhoud-2\">Inhoud</h2>\n"
	    "<h2 id=\"over-de-title-2\">Over de title</h2>\n"
	    "<h2 id=\"een-hint-2\">Een hint</h2>\n"
	    "<h2 id=\"geen-error-2\">Geen error</h2>\n", NULL);
	DOC("## Inhoud\n\n## Inhoud\n", "<h2 id=\"inhoud-2\">Inhoud</h2>\n"
	    "<h2 id=\"inhoud-3\">Inhoud</h2>\n", NULL);

	/* No heading can take an id that the layout (every page) uses. */
	html = slurp("app/views/layout.html");
	assert_non_null(html);
	for (p = html; (p = strstr(p, " id=\"")) != NULL; p = q) {
		p += 5;
		q = p + strcspn(p, "\"");
		n = (size_t)(q - p);
		if (n == 0 || n >= sizeof(md) - 4 ||
		    strspn(p, "abcdefghijklmnopqrstuvwxyz0123456789-") != n)
			continue;
		memcpy(md, "## ", 3);
		memcpy(md + 3, p, n);
		md[n + 3] = '\0';
		for (i = 3; md[i] != '\0'; i++)
			if (md[i] == '-')
				md[i] = ' ';
		if (asprintf(&want, "<h2 id=\"%.*s\">", (int)n, p) < 0)
			fail();
		md_doc_init(&d);
		assert_int_equal(md_doc_render(&d, md, strlen(md), NULL), 0);
		if (strstr(sbuf_cstr(&d.html), want) != NULL)
			print_error("a heading takes the layout's id: %s\n"
			    "(add it to reserved[] in app/core/toc.c)\n", want);
		assert_null(strstr(d.html.data, want));
		md_doc_free(&d);
		free(want);
		checked++;
	}
	/* The check itself found the skip link at least. */
	assert_true(checked >= 1);
	free(html);
}

static void
t_max(void **state)
{
	struct md_doc	d;
	struct sbuf	md;
	size_t		i;
	const char	*p;

	(void)state;
	sbuf_init(&md);
	for (i = 0; i < TOC_MAX + 5; i++)
		sbuf_puts(&md, "## Zelfde\n\n");
	md_doc_init(&d);
	assert_int_equal(md_doc_render(&d, md.data, md.len, NULL), 0);
	assert_non_null(strstr(d.html.data, "<h2 id=\"zelfde\">"));
	assert_non_null(strstr(d.html.data, "<h2 id=\"zelfde-200\">"));
	assert_null(strstr(d.html.data, "<h2 id=\"zelfde-201\">"));
	/* The ones past TOC_MAX are plain <h2>. */
	for (i = 0, p = d.html.data; (p = strstr(p, "<h2>")) != NULL; p++)
		i++;
	assert_int_equal(i, 5);
	md_doc_free(&d);
	sbuf_free(&md);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_ids),
		cmocka_unit_test(t_duplicates),
		cmocka_unit_test(t_nesting),
		cmocka_unit_test(t_min),
		cmocka_unit_test(t_ids_land),
		cmocka_unit_test(t_escape),
		cmocka_unit_test(t_page_ids),
		cmocka_unit_test(t_max),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
