/*
 * A pilot's structured fields on the workflow pages (web/flow.h): as
 * labelled lines for the history's diff and a revision's source, and
 * as a <dl> with the text sections for the review page. The columns
 * come from db/q_flow.c's PF_COLS (names already in the reader's
 * language); phases are named here (core/pilot.h).
 */
#include <ctype.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/pgsql.h>

#include "core/html.h"
#include "core/pilot.h"
#include "core/sbuf.h"
#include "db/db.h"
#include "web/flow.h"
#include "web/view.h"

/* The simple fields in the order shown, with their labels. */
static const struct {
	int		 col;
	enum msg_id	 label;
	int		 list;		/* one value a line */
} pf_simple[] = {
	{ FLOW_PF_REGION, MSG_pf_region, 0 },
	{ FLOW_PF_SETTING, MSG_pf_setting, 0 },
	{ FLOW_PF_PROJECT, MSG_pf_project, 0 },
	{ FLOW_PF_TARGET, MSG_pf_target_group, 0 },
	{ FLOW_PF_AGE_MIN, MSG_pf_age_from, 0 },
	{ FLOW_PF_AGE_MAX, MSG_pf_age_to, 0 },
	{ FLOW_PF_PHASE, MSG_pf_phase, 0 },
	{ FLOW_PF_START, MSG_pf_start, 0 },
	{ FLOW_PF_END, MSG_pf_end, 0 },
	{ FLOW_PF_PARTNERS, MSG_pf_partners, 1 },
	{ FLOW_PF_FIGURES, MSG_pf_figures, 1 },
	{ FLOW_PF_CONTACT, MSG_pf_contact, 0 },
};

#define PF_NSIMPLE	(sizeof(pf_simple) / sizeof(pf_simple[0]))

static const enum msg_id	pf_texts[FLOW_PF_TEXTS] = {
	MSG_pf_problem, MSG_pf_approach, MSG_pf_results, MSG_pf_conditions
};

static void	pf_value(struct sbuf *, enum locale, const struct flow_pf *,
		    int);

void
flow_pf_take(struct flow_pf *pf, struct kore_pgsql *sql, int r, int col0)
{
	int	i;

	flow_pf_free(pf);
	pf->found = 1;
	for (i = 0; i < FLOW_PF__MAX; i++)
		pf->v[i] = kore_strdup(db_text(sql, r, col0 + i));
}

void
flow_pf_free(struct flow_pf *pf)
{
	int	i;

	for (i = 0; i < FLOW_PF__MAX; i++) {
		kore_free(pf->v[i]);
		pf->v[i] = NULL;
	}
	pf->found = 0;
}

enum msg_id
flow_pf_text_label(int i)
{
	return (pf_texts[i >= 0 && i < FLOW_PF_TEXTS ? i : 0]);
}

/*
 * One simple value as shown: a phase by its name, a date as
 * DD-MM-YYYY, an empty one as "Niet ingevuld".
 */
static void
pf_value(struct sbuf *out, enum locale loc, const struct flow_pf *pf,
    int col)
{
	const struct pilot_word	*w;
	const char		*v;

	v = pf->v[col] != NULL ? pf->v[col] : "";
	if (*v == '\0') {
		sbuf_puts(out, i18n_get(loc, MSG_pf_none));
		return;
	}
	if (col == FLOW_PF_PHASE && (w = pilot_phase(v)) != NULL) {
		sbuf_puts(out, i18n_get(loc, w->msg));
		return;
	}
	if ((col == FLOW_PF_START || col == FLOW_PF_END) && strlen(v) == 10 &&
	    v[4] == '-' && v[7] == '-' && isdigit((unsigned char)v[0])) {
		sbuf_printf(out, "%.2s-%.2s-%.4s", v + 8, v + 5, v);
		return;
	}
	sbuf_puts(out, v);
}

void
flow_pf_lines(struct sbuf *out, enum locale loc, const struct flow_pf *pf)
{
	const char	*p, *e, *v;
	size_t		 i;

	for (i = 0; i < PF_NSIMPLE; i++) {
		sbuf_puts(out, i18n_get(loc, pf_simple[i].label));
		sbuf_putc(out, ':');
		v = pf->v[pf_simple[i].col] != NULL ?
		    pf->v[pf_simple[i].col] : "";
		if (!pf_simple[i].list || *v == '\0') {
			sbuf_putc(out, ' ');
			pf_value(out, loc, pf, pf_simple[i].col);
			sbuf_putc(out, '\n');
			continue;
		}
		sbuf_putc(out, '\n');
		for (p = v; *p != '\0'; p = *e == '\n' ? e + 1 : e) {
			e = p + strcspn(p, "\n");
			sbuf_puts(out, "- ");
			sbuf_add(out, p, (size_t)(e - p));
			sbuf_putc(out, '\n');
		}
	}
}

int
flow_pf_html(struct sbuf *out, enum locale loc, const struct flow_pf *pf,
    int agreed)
{
	struct sbuf	 rows, val;
	const char	*args[1];
	size_t		 i;
	int		 rc = 0;

	sbuf_init(&rows);
	sbuf_init(&val);
	for (i = 0; i < PF_NSIMPLE; i++) {
		sbuf_reset(&val);
		if (pf_simple[i].col == FLOW_PF_CONTACT && !agreed &&
		    *pf->v[FLOW_PF_CONTACT] != '\0') {
			args[0] = pf->v[FLOW_PF_CONTACT];
			i18n_fmt(&val, i18n_get(loc, MSG_flow_contact_pending),
			    args, 1);
		} else
			pf_value(&val, loc, pf, pf_simple[i].col);
		{
			const struct tpl_bind	b[] = {
				{ "label", i18n_get(loc, pf_simple[i].label),
				    TPL_TEXT },
				{ "value", sbuf_cstr(&val), TPL_TEXT },
			};
			rc |= view_append(&rows, VIEW_flow_pf_row, loc, b,
			    NBINDS(b));
		}
	}
	{
		const struct tpl_bind	b[] = {
			{ "rows", sbuf_cstr(&rows), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_flow_pf_list, loc, b, NBINDS(b));
	}
	for (i = 0; i < FLOW_PF_TEXTS; i++) {
		if (*pf->v[FLOW_PF_PROBLEM + i] == '\0')
			continue;
		{
			/* pilot.*_html: md_render's output, stored on save. */
			const struct tpl_bind	b[] = {
				{ "label", i18n_get(loc, pf_texts[i]),
				    TPL_TEXT },
				{ "html", pf->v[FLOW_PF_PROBLEM + i],
				    TPL_TRUSTED_HTML },
			};
			rc |= view_append(out, VIEW_flow_pf_section, loc, b,
			    NBINDS(b));
		}
	}
	sbuf_free(&rows);
	sbuf_free(&val);
	return (rc != 0 ? -1 : 0);
}
