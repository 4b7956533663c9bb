/*
 * The pager under every paged list: "Vorige", the page numbers near
 * this one (and the first and last), "Volgende", and "Pagina x van y".
 * Links are base?pagina=N, or base&pagina=N when base has a query
 * already (page 1 is base itself).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web/pager.h"
#include "web/view.h"

static int	pager_link(struct sbuf *, enum locale, const char *, long,
		    const char *, const char *, enum view_id);

/* Nothing when there is one page. */
int
pager_render(struct sbuf *out, enum locale loc, const char *base, long page,
    long pages)
{
	struct sbuf	 links, of;
	char		 p[24], np[24];
	const char	*args[2];
	long		 i;
	int		 rc, gap;

	if (pages <= 1)
		return (0);
	sbuf_init(&links);
	sbuf_init(&of);
	rc = 0;
	if (page > 1)
		rc |= pager_link(&links, loc, base, page - 1, "prev",
		    i18n_get(loc, MSG_pager_prev), VIEW_pager_rel);
	gap = 0;
	for (i = 1; i <= pages; i++) {
		if (i != 1 && i != pages && labs(i - page) > 2) {
			if (!gap)
				rc |= view_append(&links, VIEW_pager_gap,
				    loc, NULL, 0);
			gap = 1;
			continue;
		}
		gap = 0;
		(void)snprintf(p, sizeof(p), "%ld", i);
		rc |= pager_link(&links, loc, base, i, "", p,
		    i == page ? VIEW_pager_current :
		    VIEW_pager_number);
	}
	if (page < pages)
		rc |= pager_link(&links, loc, base, page + 1, "next",
		    i18n_get(loc, MSG_pager_next), VIEW_pager_rel);
	(void)snprintf(p, sizeof(p), "%ld", page);
	(void)snprintf(np, sizeof(np), "%ld", pages);
	args[0] = p;
	args[1] = np;
	i18n_fmt(&of, i18n_get(loc, MSG_pager_page_of), args, 2);
	{
		const struct tpl_bind	b[] = {
			{ "page_of", sbuf_cstr(&of), TPL_TEXT },
			{ "links", sbuf_cstr(&links), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_pager, loc, b, NBINDS(b));
	}
	sbuf_free(&links);
	sbuf_free(&of);
	return (rc);
}

static int
pager_link(struct sbuf *out, enum locale loc, const char *base,
    long to, const char *rel, const char *label, enum view_id v)
{
	struct sbuf	href;
	int		rc;

	sbuf_init(&href);
	sbuf_puts(&href, base);
	if (to > 1)
		sbuf_printf(&href, "%cpagina=%ld",
		    strchr(base, '?') != NULL ? '&' : '?', to);
	{
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&href), TPL_TEXT },
			{ "rel", rel, TPL_TEXT },
			{ "label", label, TPL_TEXT },
		};
		rc = view_append(out, v, loc, b, NBINDS(b));
	}
	sbuf_free(&href);
	return (rc);
}

