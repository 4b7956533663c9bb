/*
 * cmark wrapper. cmark 0.30 drops raw HTML and javascript:/vbscript:/
 * data: links unless the unsafe option is given, which we never do (a
 * test greps for it). Links in user content get rel="nofollow noopener
 * ugc": cmark cannot add attributes, so we post-process its own output,
 * where every link starts with the exact bytes "<a href=\"".
 * md_doc_render parses once and takes everything an item stores from
 * that one tree: heading ids and TOC (toc.c), Bron links (links.c),
 * the word count, and the HTML.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "links.h"
#include "md.h"
#include "sbuf.h"
#include "toc.h"

#define MD_OPTIONS	(CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SMART)
#define MD_WPM		200

static void	md_rel(struct sbuf *, const char *);
static size_t	md_words(cmark_node *);

/* Copies cmark's HTML to out, adding rel="..." to every link. */
static void
md_rel(struct sbuf *out, const char *html)
{
	static const char	 link[] = "<a href=\"";
	const char		*p, *q;

	p = html;
	while ((q = strstr(p, link)) != NULL) {
		sbuf_add(out, p, (size_t)(q - p));
		sbuf_puts(out, "<a rel=\"nofollow noopener ugc\" href=\"");
		p = q + sizeof(link) - 1;
	}
	sbuf_puts(out, p);
}

int
md_render(struct sbuf *out, const char *in, size_t len)
{
	char	*html;

	if (len > MD_MAX_INPUT)
		return (-1);
	html = cmark_markdown_to_html(in, len, MD_OPTIONS);
	if (html == NULL)
		abort();
	md_rel(out, html);
	free(html);
	return (0);
}

/*
 * Words: runs of non-blank bytes in text, inline code and code blocks.
 * A word may span nodes ("*Bron*nen" is one), so the state carries over
 * inline nodes and ends at line breaks and block boundaries.
 */
static size_t
md_words(cmark_node *root)
{
	cmark_iter		*it;
	cmark_node		*n;
	cmark_event_type	 ev;
	const char		*lit;
	size_t			 words = 0;
	int			 in_word = 0;

	if ((it = cmark_iter_new(root)) == NULL)
		abort();
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
		case CMARK_NODE_CODE_BLOCK:
			if (cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK)
				in_word = 0;
			if ((lit = cmark_node_get_literal(n)) == NULL)
				break;
			for (; *lit != '\0'; lit++) {
				if (*lit == ' ' || *lit == '\t' ||
				    *lit == '\n' || *lit == '\r' ||
				    *lit == '\f' || *lit == '\v')
					in_word = 0;
				else if (!in_word) {
					in_word = 1;
					words++;
				}
			}
			break;
		case CMARK_NODE_EMPH:
		case CMARK_NODE_STRONG:
		case CMARK_NODE_LINK:
		case CMARK_NODE_IMAGE:
		case CMARK_NODE_HTML_INLINE:
		case CMARK_NODE_CUSTOM_INLINE:
			break;
		default:
			/* Blocks and breaks end a word. */
			in_word = 0;
			break;
		}
	}
	cmark_iter_free(it);
	return (words);
}

void
md_doc_init(struct md_doc *d)
{
	sbuf_init(&d->html);
	sbuf_init(&d->toc);
	sbuf_init(&d->links);
	d->words = 0;
}

void
md_doc_free(struct md_doc *d)
{
	sbuf_free(&d->html);
	sbuf_free(&d->toc);
	sbuf_free(&d->links);
	d->words = 0;
}

int
md_doc_render(struct md_doc *d, const char *in, size_t len,
    const char *base)
{
	cmark_node	*root;
	struct toc	*toc;
	struct sbuf	 ids;
	char		*html;

	sbuf_reset(&d->html);
	sbuf_reset(&d->toc);
	sbuf_reset(&d->links);
	d->words = 0;
	if (len > MD_MAX_INPUT)
		return (-1);
	if ((root = cmark_parse_document(in, len, MD_OPTIONS)) == NULL)
		abort();
	if ((toc = malloc(sizeof(*toc))) == NULL)
		abort();
	toc_collect(toc, root);
	toc_html(&d->toc, toc);
	links_tree(&d->links, root, base);
	d->words = md_words(root);
	if ((html = cmark_render_html(root, MD_OPTIONS)) == NULL)
		abort();
	sbuf_init(&ids);
	toc_ids(&ids, toc, html);
	md_rel(&d->html, sbuf_cstr(&ids));
	sbuf_free(&ids);
	free(html);
	toc_free(toc);
	free(toc);
	cmark_node_free(root);
	return (0);
}

unsigned int
md_reading_minutes(size_t words)
{
	size_t	m;

	m = words / MD_WPM + (words % MD_WPM != 0);
	if (m == 0)
		return (1);
	return (m > UINT_MAX ? UINT_MAX : (unsigned int)m);
}

void
md_prefix_ids(struct sbuf *out, const char *html, const char *prefix)
{
	const char	*p, *id, *href;

	for (p = html; *p != '\0';) {
		id = strstr(p, " id=\"");
		href = strstr(p, "href=\"#");
		if (id == NULL && href == NULL) {
			sbuf_puts(out, p);
			return;
		}
		if (id != NULL && (href == NULL || id < href)) {
			sbuf_add(out, p, (size_t)(id - p) + 5);
			p = id + 5;
		} else {
			sbuf_add(out, p, (size_t)(href - p) + 7);
			p = href + 7;
		}
		sbuf_puts(out, prefix);
	}
}
