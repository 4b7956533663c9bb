/*
 * Table of contents and heading anchors. toc_collect() walks the parsed
 * document; toc_ids() puts the ids into cmark's HTML afterwards, since
 * cmark cannot add attributes itself.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "html.h"
#include "sbuf.h"
#include "slug.h"
#include "toc.h"

/*
 * Ids the pages themselves use (the .html files in app/views; sorted):
 * a heading "Inhoud" must not take the layout's skip link id="inhoud".
 * Ids ending in -title, -hint or -error (the views' naming habit for
 * headings, hints and field errors) are reserved by rule; other new
 * page ids belong here. test_toc.c checks layout.html against it.
 */
static const char *const reserved[] = {
	"actie", "besluit", "bio", "body", "community", "cw", "cw-tonen",
	"cw-vragen", "decision", "decision-goedkeuren",
	"decision-terugsturen", "editor", "email", "emailadres",
	"footer-about", "footer-help", "for-whom", "gemeenschap",
	"goals-fast", "goals-long", "in-short", "inhoud", "into", "kind",
	"kind-anders", "kind-ervaringsdeskundige", "kind-professional", "kop-q",
	"lang", "lang-en", "lang-nl", "latest", "naar", "name", "nieuw",
	"note", "owner", "password", "profiel", "profile-bio",
	"profile-contrib", "q", "queue-back", "queue-check", "queue-review",
	"related", "rol", "samenvoegen", "sorteer", "summary", "tag", "tags",
	"thema", "theme-items", "themes", "title", "van", "voorbeeld",
	"wachtwoord", "wijzigen"
};

static char	*toc_text(cmark_node *);
static int	 toc_cmp(const void *, const void *);
static int	 toc_used(const struct toc *, size_t, const char *);
static void	 toc_id(struct toc *, size_t);
static void	 toc_link(struct sbuf *, const struct toc_entry *);
static int	 toc_shown(const struct toc_entry *);

/* The plain text of a heading: its text and code, breaks as spaces. */
static char *
toc_text(cmark_node *h)
{
	cmark_iter		*it;
	cmark_node		*n;
	cmark_event_type	 ev;
	const char		*lit;
	struct sbuf		 sb;
	char			*s;

	sbuf_init(&sb);
	if ((it = cmark_iter_new(h)) == NULL)
		abort();
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		if (ev != CMARK_EVENT_ENTER)
			continue;
		n = cmark_iter_get_node(it);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			if ((lit = cmark_node_get_literal(n)) != NULL)
				sbuf_puts(&sb, lit);
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			sbuf_putc(&sb, ' ');
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	if ((s = strdup(sbuf_cstr(&sb))) == NULL)
		abort();
	sbuf_free(&sb);
	return (s);
}

static int
toc_cmp(const void *key, const void *elem)
{
	return (strcmp(key, *(const char *const *)elem));
}

/* 1 if the page or one of the first n entries has this id already. */
static int
toc_used(const struct toc *t, size_t n, const char *id)
{
	static const char *const suffix[] = { "-title", "-hint", "-error" };
	size_t	i, len, sl;

	if (bsearch(id, reserved, sizeof(reserved) / sizeof(reserved[0]),
	    sizeof(reserved[0]), toc_cmp) != NULL)
		return (1);
	len = strlen(id);
	for (i = 0; i < sizeof(suffix) / sizeof(suffix[0]); i++) {
		sl = strlen(suffix[i]);
		if (len >= sl && strcmp(id + len - sl, suffix[i]) == 0)
			return (1);
	}
	for (i = 0; i < n; i++)
		if (strcmp(t->v[i].id, id) == 0)
			return (1);
	return (0);
}

/* The id of entry i: its slug, "kop" if none, then -2, -3, ... */
static void
toc_id(struct toc *t, size_t i)
{
	struct toc_entry	*e = &t->v[i];
	char			 base[SLUG_MAX + 1];
	unsigned int		 k;

	if (slug_make(e->text, base, sizeof(base)) == 0)
		(void)snprintf(base, sizeof(base), "kop");
	(void)snprintf(e->id, sizeof(e->id), "%s", base);
	/*
	 * Fewer than TOC_MAX entries came before and no reserved id ends
	 * in "-<number>", so one of these TOC_MAX tries is free.
	 */
	for (k = 2; toc_used(t, i, e->id) && k <= TOC_MAX + 1; k++)
		snprintf(e->id, sizeof(e->id), "%s-%u", base, k);
}

void
toc_collect(struct toc *t, cmark_node *root)
{
	cmark_iter		*it;
	cmark_node		*n;
	cmark_event_type	 ev;
	int			 level;

	t->n = 0;
	if ((it = cmark_iter_new(root)) == NULL)
		abort();
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE &&
	    t->n < TOC_MAX) {
		n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER ||
		    cmark_node_get_type(n) != CMARK_NODE_HEADING)
			continue;
		level = cmark_node_get_heading_level(n);
		if (level != 2 && level != 3)
			continue;
		t->v[t->n].level = level;
		t->v[t->n].text = toc_text(n);
		toc_id(t, t->n);
		t->n++;
	}
	cmark_iter_free(it);
}

void
toc_free(struct toc *t)
{
	size_t	i;

	for (i = 0; i < t->n; i++)
		free(t->v[i].text);
	t->n = 0;
}

static void
toc_link(struct sbuf *out, const struct toc_entry *e)
{
	sbuf_puts(out, "<li><a href=\"#");
	html_text(out, e->id, strlen(e->id));
	sbuf_puts(out, "\">");
	html_text(out, e->text, strlen(e->text));
	sbuf_puts(out, "</a>");
}

/*
 * 1 if the entry has text to show: an empty link would have no name.
 * Blanks and control bytes (html_text drops the latter) do not count.
 */
static int
toc_shown(const struct toc_entry *e)
{
	const unsigned char	*p = (const unsigned char *)e->text;

	for (; *p != '\0'; p++)
		if (*p > 0x20 && *p != 0x7f)
			return (1);
	return (0);
}

/*
 * <ol class="toc"><li>h2<ol><li>h3</li></ol></li>...</ol>. An h3 with
 * no h2 before it stands at the top level. Headings without text keep
 * their id but are left out.
 */
void
toc_html(struct sbuf *out, const struct toc *t)
{
	size_t	i, shown = 0;
	int	open_li = 0, open_ol = 0;

	for (i = 0; i < t->n; i++)
		shown += (size_t)toc_shown(&t->v[i]);
	if (shown < TOC_MIN)
		return;
	sbuf_puts(out, "<ol class=\"toc\">\n");
	for (i = 0; i < t->n; i++) {
		if (!toc_shown(&t->v[i]))
			continue;
		if (t->v[i].level == 3 && open_li) {
			if (!open_ol)
				sbuf_puts(out, "\n<ol>\n");
			open_ol = 1;
			toc_link(out, &t->v[i]);
			sbuf_puts(out, "</li>\n");
			continue;
		}
		if (open_ol)
			sbuf_puts(out, "</ol>\n");
		if (open_li)
			sbuf_puts(out, "</li>\n");
		open_ol = 0;
		toc_link(out, &t->v[i]);
		if (t->v[i].level == 2)
			open_li = 1;
		else {
			sbuf_puts(out, "</li>\n");
			open_li = 0;
		}
	}
	if (open_ol)
		sbuf_puts(out, "</ol>\n");
	if (open_li)
		sbuf_puts(out, "</li>\n");
	sbuf_puts(out, "</ol>\n");
}

void
toc_ids(struct sbuf *out, const struct toc *t, const char *html)
{
	const char	*p, *q;
	size_t		 k = 0;

	p = html;
	while ((q = strstr(p, "<h")) != NULL) {
		q += 2;
		sbuf_add(out, p, (size_t)(q - p));
		p = q;
		if ((q[0] != '2' && q[0] != '3') || q[1] != '>')
			continue;
		/* Out of step would mean a bug: then no more ids. */
		if (k < t->n && t->v[k].level == q[0] - '0') {
			sbuf_putc(out, q[0]);
			sbuf_puts(out, " id=\"");
			html_text(out, t->v[k].id, strlen(t->v[k].id));
			sbuf_putc(out, '"');
			p = q + 1;
			k++;
		} else
			k = t->n;
	}
	sbuf_puts(out, p);
}
