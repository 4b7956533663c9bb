/*
 * md_doc_render (toc.c's ids and TOC, links.c's walk, the word count)
 * on arbitrary Markdown. With the heading ids taken out, the body is
 * byte for byte what md_render gives (which fuzz_md checks for safety),
 * so the ids went only into real h2/h3 start tags. The ids are unique
 * and slug-shaped; the TOC links to exactly those ids, in order, with
 * balanced lists; nothing below two headings.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/html.h"
#include "core/md.h"
#include "core/path.h"
#include "core/sbuf.h"
#include "core/toc.h"
#include "fuzz.h"

static size_t	count(const char *, const char *);

static size_t
count(const char *s, const char *needle)
{
	size_t	c = 0;

	while ((s = strstr(s, needle)) != NULL) {
		c++;
		s++;
	}
	return (c);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct md_doc	 doc;
	struct sbuf	 plain, want;
	char		 ids[TOC_MAX][SLUG_MAX + 8];
	const char	*p, *q, *t;
	size_t		 n = 0, i, len;

	md_doc_init(&doc);
	CHECK(md_doc_render(&doc, (const char *)data, size, "https://b.nl") ==
	    (size > MD_MAX_INPUT ? -1 : 0));
	if (size > MD_MAX_INPUT) {
		CHECK(doc.html.len == 0 && doc.toc.len == 0 && doc.words == 0);
		md_doc_free(&doc);
		return (0);
	}
	sbuf_cstr(&doc.html);
	sbuf_cstr(&doc.toc);
	CHECK(strlen(doc.html.data) == doc.html.len);
	CHECK(html_utf8_valid(doc.toc.data, doc.toc.len));
	CHECK(doc.words <= size);

	/* Take the ids out again, collecting them. */
	sbuf_init(&plain);
	p = doc.html.data;
	while ((q = strstr(p, " id=\"")) != NULL) {
		CHECK(q - p >= 3 && q[-3] == '<' && q[-2] == 'h' &&
		    (q[-1] == '2' || q[-1] == '3'));
		sbuf_add(&plain, p, (size_t)(q - p));
		q += 5;
		len = strcspn(q, "\"");
		CHECK(q[len] == '"' && q[len + 1] == '>');
		CHECK(len > 0 && len < SLUG_MAX + 8);
		CHECK(path_slug_ok(q, len));
		CHECK(n < TOC_MAX);
		memcpy(ids[n], q, len);
		ids[n][len] = '\0';
		for (i = 0; i < n; i++)
			CHECK(strcmp(ids[i], ids[n]) != 0);
		n++;
		p = q + len + 1;
	}
	sbuf_puts(&plain, p);
	sbuf_init(&want);
	CHECK(md_render(&want, (const char *)data, size) == 0);
	CHECK(strcmp(sbuf_cstr(&plain), sbuf_cstr(&want)) == 0);
	/* Every h2/h3 got an id, up to TOC_MAX. */
	i = count(want.data, "<h2>") + count(want.data, "<h3>");
	CHECK(n == (i < TOC_MAX ? i : TOC_MAX));

	if (n < TOC_MIN)
		CHECK(doc.toc.len == 0);
	if (doc.toc.len > 0) {
		/* Links to the ids in order; empty headings left out. */
		t = doc.toc.data;
		CHECK(strncmp(t, "<ol class=\"toc\">", 16) == 0);
		CHECK(count(t, "<ol") == count(t, "</ol>"));
		len = count(t, "<li>");
		CHECK(len >= TOC_MIN && len <= n && count(t, "</li>") == len);
		CHECK(count(t, "<a ") == len && count(t, "\"></a>") == 0);
		for (i = 0; (t = strstr(t, "<a href=\"#")) != NULL; i++) {
			t += 10;
			while (i < n && (strncmp(t, ids[i], strlen(ids[i])) != 0 ||
			    t[strlen(ids[i])] != '"'))
				i++;
			CHECK(i < n);
		}
		/* Text is escaped: the only tags are ol, li and a. */
		for (t = doc.toc.data; (t = strchr(t, '<')) != NULL; t++)
			CHECK(strncmp(t, "<ol", 3) == 0 ||
			    strncmp(t, "</ol>", 5) == 0 ||
			    strncmp(t, "<li>", 4) == 0 ||
			    strncmp(t, "</li>", 5) == 0 ||
			    strncmp(t, "<a href=\"#", 10) == 0 ||
			    strncmp(t, "</a>", 4) == 0);
	}
	CHECK(doc.links.len == 0 || doc.links.data[doc.links.len - 1] == '\n');

	/* A second render into the same doc replaces the first. */
	len = doc.html.len;
	CHECK(md_doc_render(&doc, (const char *)data, size, NULL) == 0);
	CHECK(doc.html.len == len);
	sbuf_free(&plain);
	sbuf_free(&want);
	md_doc_free(&doc);
	return (0);
}
