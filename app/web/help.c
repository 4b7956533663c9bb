/*
 * The help banner: an <aside role="note"> with a heading and four calm
 * lines (msg_storyfield: MSG_help_*). The phone numbers in the lines
 * become tel: links; the lines themselves stay plain sentences, so a
 * translation needs no markup.
 */
#include <string.h>

#include "core/helpterms.h"
#include "core/html.h"
#include "web/article.h"
#include "web/help.h"
#include "web/view.h"

/* The numbers that become links, longest first; tel: without hyphens. */
static const struct {
	const char	*shown;
	const char	*tel;
} numbers[] = {
	{ "0800-0113", "08000113" },
	{ "0800-0432", "08000432" },
	{ "113", "113" },
	{ "112", "112" },
};

static int	is_word(char);
static void	linkify(struct sbuf *, const char *);

static int
is_word(char c)
{
	return ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') || c == '-');
}

/*
 * Escape text into out, with each number of numbers[] that stands alone
 * as a link: not inside a word or a web address ("113.nl"), and not as
 * a name ("113 Zelfmoordpreventie", a capital after it).
 */
static void
linkify(struct sbuf *out, const char *text)
{
	const char	*p, *from, *after;
	size_t		 i, n;

	from = p = text;
	while (*p != '\0') {
		for (i = 0; i < sizeof(numbers) / sizeof(numbers[0]); i++) {
			n = strlen(numbers[i].shown);
			if (strncmp(p, numbers[i].shown, n) != 0)
				continue;
			after = p + n;
			if ((p > text && is_word(p[-1])) || is_word(*after) ||
			    (after[0] == '.' && is_word(after[1])) ||
			    (after[0] == ' ' && after[1] >= 'A' &&
			    after[1] <= 'Z'))
				continue;
			html_text(out, from, (size_t)(p - from));
			sbuf_printf(out, "<a href=\"tel:%s\">%s</a>",
			    numbers[i].tel, numbers[i].shown);
			from = p = after;
			break;
		}
		if (i == sizeof(numbers) / sizeof(numbers[0]))
			p++;
	}
	html_text(out, from, (size_t)(p - from));
}

int
help_banner(struct sbuf *out, enum locale loc)
{
	struct sbuf	l113, lkt, l112;
	int		rc;

	sbuf_init(&l113);
	sbuf_init(&lkt);
	sbuf_init(&l112);
	linkify(&l113, i18n_get(loc, MSG_help_113));
	linkify(&lkt, i18n_get(loc, MSG_help_kindertelefoon));
	linkify(&l112, i18n_get(loc, MSG_help_112));
	{
		const struct tpl_bind	b[] = {
			{ "line_113", sbuf_cstr(&l113), TPL_TRUSTED_HTML },
			{ "line_kt", sbuf_cstr(&lkt), TPL_TRUSTED_HTML },
			{ "line_112", sbuf_cstr(&l112), TPL_TRUSTED_HTML },
		};
		rc = view_append(out, VIEW_help_banner, loc, b, NBINDS(b));
	}
	sbuf_free(&l113);
	sbuf_free(&lkt);
	sbuf_free(&l112);
	return (rc);
}

int
help_banner_tags(struct sbuf *out, enum locale loc,
    const struct article_rows *rows)
{
	size_t	i;

	for (i = 0; i < rows->n; i++)
		if (rows->v[i].type == QA_TAG && rows->v[i].c[0] != NULL &&
		    help_match(rows->v[i].c[0]))
			return (help_banner(out, loc));
	return (0);
}
