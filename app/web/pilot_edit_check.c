/*
 * The pilot editor's checks (see pilot_edit.c), each with its message
 * next to its field, kept in four fv so the summary follows the form.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "core/jw.h"
#include "core/pilot.h"
#include "web/pilot_edit.h"

#define PED_QUOTE_MAX	60	/* bytes of typed text quoted in a message */
#define PED_YEAR_MIN	1990
#define PED_YEAR_MAX	2100

enum ped_date { PD_OK, PD_BAD, PD_RANGE };

static const char *const	ped_fv_fields[PED_FV][13] = {
	{ "title", "summary", NULL },
	{ "region", "setting", "project", "target_group", "age_min",
	    "age_max", "phase", "phase_since", "phase_note", "start", "end",
	    NULL },
	{ "partners", "problem", "approach", "body", "results", "figures",
	    "conditions", "contact", NULL },
	{ "themes", "tags", "community", "owner", "related", "note", NULL },
};

/* pilot_missing()'s fields (core/pilot.h order) and their messages. */
static const struct {
	enum ped_field	 f;
	enum msg_id	 msg;
} ped_required[PILOT_REQUIRED] = {
	{ PF_REGION, MSG_pe_need_region },
	{ PF_SETTING, MSG_pe_need_setting },
	{ PF_PHASE, MSG_pe_need_phase },
	{ PF_START, MSG_pe_need_start },
	{ PF_PROBLEM, MSG_pe_need_problem },
	{ PF_APPROACH, MSG_pe_need_approach },
};

static const enum msg_id	ped_fig_msgs[] = {
	[FIG_NO_EQUALS] = MSG_pe_fig_no_equals,
	[FIG_NO_LABEL] = MSG_pe_fig_no_label,
	[FIG_LABEL_LONG] = MSG_pe_fig_label_long,
	[FIG_NO_NUMBER] = MSG_pe_fig_no_number,
	[FIG_NUMBER_LONG] = MSG_pe_fig_number_long,
	[FIG_UNIT_LONG] = MSG_pe_fig_unit_long,
	[FIG_BAD_CHARS] = MSG_pe_fig_bad_chars,
	[FIG_TOO_MANY] = MSG_pe_fig_too_many,
};

static struct fv	*ped_fv(struct ped_ctx *, const char *);
static int		 ped_blank(const char *);
static void		 ped_text(struct ped_ctx *, enum ped_field, size_t,
			    enum msg_id);
static void		 ped_choice(struct ped_ctx *, enum ped_field,
			    enum msg_id);
static int		 ped_age(struct ped_ctx *, enum ped_field);
static enum ped_date	 ped_date(const char *);
static int		 ped_check_date(struct ped_ctx *, enum ped_field);
static void		 ped_check_where(struct ped_ctx *);
static void		 ped_check_phase(struct ped_ctx *);
static void		 ped_check_partners(struct ped_ctx *);
static void		 ped_check_texts(struct ped_ctx *);
static void		 ped_check_figures(struct ped_ctx *);
static void		 ped_check_tags(struct ped_ctx *);
static void		 ped_check_related(struct ped_ctx *);
static void		 ped_clip(struct sbuf *, size_t);

/* The fv that holds a field's messages (the first for the form's). */
static struct fv *
ped_fv(struct ped_ctx *ctx, const char *field)
{
	size_t	g, i;

	for (g = 0; g < PED_FV; g++) {
		for (i = 0; ped_fv_fields[g][i] != NULL; i++) {
			if (strcmp(ped_fv_fields[g][i], field) == 0)
				return (&ctx->fv[g]);
		}
	}
	return (&ctx->fv[0]);
}

void
ped_error(struct ped_ctx *ctx, const char *field, enum msg_id msg,
    const char *arg)
{
	fv_error(ped_fv(ctx, field), field, msg, arg);
}

void
ped_error_label(struct ped_ctx *ctx, enum ped_field f, enum msg_id msg)
{
	ped_error(ctx, ped_fields[f].name, msg, i18n_get(ctx->loc,
	    ped_fields[f].label));
}

void
ped_error_n(struct ped_ctx *ctx, const char *field, enum msg_id msg,
    size_t n)
{
	char	num[24];

	(void)snprintf(num, sizeof(num), "%zu", n);
	ped_error(ctx, field, msg, num);
}

void
ped_form_error(struct ped_ctx *ctx, enum msg_id msg)
{
	fv_form_error(&ctx->fv[0], msg, NULL);
}

int
ped_nerr(const struct ped_ctx *ctx)
{
	int	n = 0;
	size_t	g;

	for (g = 0; g < PED_FV; g++)
		n += ctx->fv[g].nerr;
	return (n);
}

const char *const *
ped_fv_names(size_t g)
{
	return (ped_fv_fields[g]);
}

static int
ped_blank(const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s != ' ' && *s != '\t' && *s != '\n')
			return (0);
	}
	return (1);
}

/* A one-line text of at most max characters (empty is fine here). */
static void
ped_text(struct ped_ctx *ctx, enum ped_field f, size_t max,
    enum msg_id toolong)
{
	const char	*v = ctx->v[f];

	switch (form_text(v, max, 0, ped_fields[f].read != PR_LINE)) {
	case FORM_OK:
	case FORM_EMPTY:
		break;
	case FORM_TOO_LONG:
		if (toolong == MSG_pe_md_long)
			ped_error_label(ctx, f, toolong);
		else
			ped_error_n(ctx, ped_fields[f].name, toolong,
			    form_chars(v));
		break;
	default:
		ped_error_label(ctx, f, MSG_pe_bad_chars);
		break;
	}
}

/*
 * A choice from a list (region, setting, project): pilot_save() says
 * whether it exists; here only its shape.
 */
static void
ped_choice(struct ped_ctx *ctx, enum ped_field f, enum msg_id msg)
{
	const char	*v = ctx->v[f];

	if (*v != '\0' && !path_slug_ok(v, strlen(v)))
		ped_error(ctx, ped_fields[f].name, msg, NULL);
}

/* An age 0-27, or -1 when empty or wrong (then with a message). */
static int
ped_age(struct ped_ctx *ctx, enum ped_field f)
{
	const char	*v = ctx->v[f];
	size_t		 n = strlen(v);
	int		 age;

	if (n == 0)
		return (-1);
	if (n > 2 || strspn(v, "0123456789") != n ||
	    (age = atoi(v)) > PED_AGE_MAX) {
		ped_error_label(ctx, f, MSG_pe_age_bad);
		return (-1);
	}
	return (age);
}

/* YYYY-MM-DD, a day that exists, in the years a pilot can have. */
static enum ped_date
ped_date(const char *s)
{
	static const int	days[] = { 31, 28, 31, 30, 31, 30, 31, 31,
	    30, 31, 30, 31 };
	int			y, m, d, leap;
	size_t			i;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return (PD_BAD);
	for (i = 0; i < 10; i++) {
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return (PD_BAD);
	}
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (m < 1 || m > 12 || d < 1 ||
	    d > days[m - 1] + (m == 2 && leap))
		return (PD_BAD);
	if (y < PED_YEAR_MIN || y > PED_YEAR_MAX)
		return (PD_RANGE);
	return (PD_OK);
}

/* 1 when the field holds a good date; 0 when empty or wrong. */
static int
ped_check_date(struct ped_ctx *ctx, enum ped_field f)
{
	if (*ctx->v[f] == '\0')
		return (0);
	switch (ped_date(ctx->v[f])) {
	case PD_OK:
		return (1);
	case PD_RANGE:
		ped_error_label(ctx, f, MSG_pe_date_range);
		return (0);
	default:
		ped_error_label(ctx, f, MSG_pe_date_bad);
		return (0);
	}
}

int
ped_phase_changed(struct ped_ctx *ctx)
{
	return (*ctx->v[PF_PHASE] != '\0' &&
	    strcmp(ctx->v[PF_PHASE], sbuf_cstr(&ctx->s[PF_PHASE])) != 0);
}

static void
ped_check_where(struct ped_ctx *ctx)
{
	int	lo, hi;

	ped_choice(ctx, PF_REGION, MSG_pe_unknown_region);
	ped_choice(ctx, PF_SETTING, MSG_pe_unknown_setting);
	ped_choice(ctx, PF_PROJECT, MSG_pe_unknown_project);
	ped_text(ctx, PF_TARGET, PED_TARGET_MAX, MSG_pe_target_long);
	lo = ped_age(ctx, PF_AGE_MIN);
	hi = ped_age(ctx, PF_AGE_MAX);
	if (lo != -1 && hi != -1 && lo > hi)
		ped_error(ctx, "age_max", MSG_pe_age_order, NULL);
}

static void
ped_check_phase(struct ped_ctx *ctx)
{
	int	start, end;

	if (*ctx->v[PF_PHASE] != '\0' && pilot_phase(ctx->v[PF_PHASE]) == NULL)
		ped_error(ctx, "phase", MSG_pe_unknown_phase, NULL);
	/* The date and note go with a new phase only. */
	if (ped_phase_changed(ctx) && ped_check_date(ctx, PF_SINCE) &&
	    ctx->today[0] != '\0' && strcmp(ctx->v[PF_SINCE], ctx->today) > 0)
		ped_error(ctx, "phase_since", MSG_pe_since_future, NULL);
	ped_text(ctx, PF_PHASE_NOTE, PED_PHNOTE_MAX, MSG_pe_phase_note_long);
	start = ped_check_date(ctx, PF_START);
	end = ped_check_date(ctx, PF_END);
	if (start && end && strcmp(ctx->v[PF_END], ctx->v[PF_START]) < 0)
		ped_error(ctx, "end", MSG_pe_end_before, NULL);
}

/* One organisation a line: the JSON array pilot_save() takes. */
static void
ped_check_partners(struct ped_ctx *ctx)
{
	struct sbuf	 line;
	const char	*p, *b, *e, *next;
	size_t		 n, count = 0;
	enum form_err	 err = FORM_OK;

	sbuf_init(&line);
	sbuf_reset(&ctx->partners);
	sbuf_putc(&ctx->partners, '[');
	for (p = ctx->v[PF_PARTNERS]; *p != '\0'; p = next) {
		n = strcspn(p, "\n");
		next = p[n] == '\n' ? p + n + 1 : p + n;
		for (b = p, e = p + n; b < e && (*b == ' ' || *b == '\t'); b++)
			;
		while (e > b && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		if (b == e)
			continue;
		sbuf_reset(&line);
		sbuf_add(&line, b, (size_t)(e - b));
		if (err == FORM_OK) {
			err = form_text(sbuf_cstr(&line), PED_PARTNER_MAX, 1, 0);
			if (err == FORM_TOO_LONG) {
				ped_clip(&line, PED_QUOTE_MAX);
				ped_error(ctx, "partners", MSG_pe_partner_long,
				    sbuf_cstr(&line));
			} else if (err != FORM_OK)
				ped_error_label(ctx, PF_PARTNERS,
				    MSG_pe_bad_chars);
		}
		if (count++ > 0)
			sbuf_putc(&ctx->partners, ',');
		jw_string(&ctx->partners, line.data, line.len);
	}
	sbuf_putc(&ctx->partners, ']');
	sbuf_free(&line);
	if (err == FORM_OK && count > PED_PARTNERS_MAX)
		ped_error_n(ctx, "partners", MSG_pe_partners_many, count);
}

/* The body and the four Markdown fields. */
static void
ped_check_texts(struct ped_ctx *ctx)
{
	size_t	i, len;

	len = strlen(ctx->v[PF_BODY]);
	if (len > MD_MAX_INPUT)
		ped_error_n(ctx, "body", MSG_pe_body_long, (len + 1023) / 1024);
	else if (form_text(ctx->v[PF_BODY], MD_MAX_INPUT, 0, 1) != FORM_OK)
		ped_error_label(ctx, PF_BODY, MSG_pe_bad_chars);
	/* 65536 characters are at most MD_MAX_INPUT bytes. */
	for (i = 0; i < PED_MD; i++)
		ped_text(ctx, ped_md_fields[i], PED_FIELD_MAX, MSG_pe_md_long);
}

static void
ped_check_figures(struct ped_ctx *ctx)
{
	char	num[24];

	if (figures_parse(&ctx->figs, ctx->v[PF_FIGURES]) == FIG_OK)
		return;
	(void)snprintf(num, sizeof(num), "%zu", ctx->figs.err == FIG_TOO_MANY ?
	    ctx->figs.count : ctx->figs.line);
	ped_error(ctx, "figures", ped_fig_msgs[ctx->figs.err], num);
}

/* Comma-separated; each trimmed tag becomes a line for item_save(). */
static void
ped_check_tags(struct ped_ctx *ctx)
{
	struct sbuf	 tag;
	const char	*p, *e, *q;
	size_t		 count = 0;
	enum form_err	 err = FORM_OK;

	sbuf_init(&tag);
	sbuf_reset(&ctx->taglines);
	for (p = ctx->v[PF_TAGS]; *p != '\0'; p = *e == ',' ? e + 1 : e) {
		if ((e = strchr(p, ',')) == NULL)
			e = p + strlen(p);
		for (q = e; q > p && (q[-1] == ' ' || q[-1] == '\t'); q--)
			;
		while (p < q && (*p == ' ' || *p == '\t'))
			p++;
		if (p == q)
			continue;
		count++;
		if (err != FORM_OK)
			continue;
		sbuf_reset(&tag);
		sbuf_add(&tag, p, (size_t)(q - p));
		if ((err = form_text(sbuf_cstr(&tag), PED_TAG_MAX, 1, 0)) ==
		    FORM_OK) {
			sbuf_puts(&ctx->taglines, sbuf_cstr(&tag));
			sbuf_putc(&ctx->taglines, '\n');
		} else if (err == FORM_TOO_LONG) {
			ped_clip(&tag, PED_QUOTE_MAX);
			ped_error(ctx, "tags", MSG_edit_tag_long,
			    sbuf_cstr(&tag));
		} else
			ped_error_label(ctx, PF_TAGS, MSG_pe_bad_chars);
	}
	sbuf_free(&tag);
	if (err == FORM_OK && count > PED_TAGS_MAX)
		ped_error_n(ctx, "tags", MSG_edit_tags_many, count);
}

/* Lines that are no Bron link, or name nothing that exists. */
static void
ped_check_related(struct ped_ctx *ctx)
{
	struct sbuf	 list;
	const char	*p, *r = ctx->v[PF_RELATED];
	size_t		 n = 0;

	for (p = r; *p != '\0'; p++) {
		if ((p == r || p[-1] == '\n') && *p != '\n')
			n++;
	}
	if (n > PED_RELATED_MAX) {
		ped_error_n(ctx, "related", MSG_edit_related_many, n);
		return;
	}
	if (form_text(r, PED_LIST_MAX, 0, 1) != FORM_OK) {
		ped_error_label(ctx, PF_RELATED, MSG_pe_bad_chars);
		return;
	}
	if (ctx->nrel_bad > 0) {
		/* links_list() ends each bad line with "\n". */
		sbuf_init(&list);
		for (p = sbuf_cstr(&ctx->rel_bad); *p != '\0'; p++) {
			if (*p == '\n') {
				if (p[1] != '\0')
					sbuf_puts(&list, ", ");
			} else
				sbuf_putc(&list, *p);
		}
		ped_clip(&list, PED_QUOTE_MAX * 4);
		ped_error(ctx, "related", MSG_edit_related_bad,
		    sbuf_cstr(&list));
		sbuf_free(&list);
		return;
	}
	if (ctx->lesson_rel.len > 0)
		ped_error(ctx, "related", MSG_flow_related_lesson,
		    sbuf_cstr(&ctx->lesson_rel));
	else if (ctx->missing_rel.len > 0)
		ped_error(ctx, "related", MSG_edit_related_missing,
		    sbuf_cstr(&ctx->missing_rel));
}

/* Typed text quoted in a message: at most max bytes, cut between characters. */
static void
ped_clip(struct sbuf *s, size_t max)
{
	size_t	n;

	if (s->len <= max)
		return;
	n = max;
	while (n > 0 && ((unsigned char)s->data[n] & 0xc0) == 0x80)
		n--;
	s->len = n;
	s->data[n] = '\0';
	sbuf_puts(s, "\xe2\x80\xa6");
}

void
ped_check(struct ped_ctx *ctx, int save)
{
	switch (form_text(ctx->v[PF_TITLE], PED_TITLE_MAX, 1, 0)) {
	case FORM_OK:
		break;
	case FORM_EMPTY:
		ped_error(ctx, "title", MSG_pe_title_empty, NULL);
		break;
	case FORM_TOO_LONG:
		ped_error_n(ctx, "title", MSG_edit_title_long,
		    form_chars(ctx->v[PF_TITLE]));
		break;
	default:
		ped_error_label(ctx, PF_TITLE, MSG_pe_bad_chars);
		break;
	}
	ped_text(ctx, PF_SUMMARY, PED_SUMMARY_MAX, MSG_edit_summary_long);
	ped_check_where(ctx);
	ped_check_phase(ctx);
	ped_check_partners(ctx);
	ped_check_texts(ctx);
	ped_check_figures(ctx);
	ped_text(ctx, PF_CONTACT, PED_CONTACT_MAX, MSG_pe_contact_long);
	if (ctx->themes_found != ctx->nthemes)
		ped_error(ctx, "themes", MSG_edit_themes_unknown, NULL);
	ped_check_tags(ctx);
	if (*ctx->v[PF_COMMUNITY] != '\0' && !ctx->community_found)
		ped_error(ctx, "community", MSG_edit_community_unknown, NULL);
	/* Members cannot choose an owner; the field is not theirs. */
	if (ctx->editor && *ctx->v[PF_OWNER] != '\0' && !ctx->owner_found)
		ped_error(ctx, "owner", MSG_edit_owner_unknown, NULL);
	ped_check_related(ctx);
	ped_text(ctx, PF_NOTE, PED_NOTE_MAX, MSG_edit_note_long);
	if (save && ctx->is_new && ctx->nonce[0] == '\0') {
		/* Crafted or truncated: a fresh nonce for the next try. */
		ped_form_error(ctx, MSG_edit_nonce_missing);
		tok_new(ctx->nonce);
	}
}

void
ped_check_required(struct ped_ctx *ctx)
{
	size_t	i;

	for (i = 0; i < PILOT_REQUIRED; i++) {
		if (!ped_blank(ctx->v[ped_required[i].f]))
			continue;
		ped_error(ctx, ped_fields[ped_required[i].f].name,
		    ped_required[i].msg, NULL);
		ctx->needed = 1;
	}
}
