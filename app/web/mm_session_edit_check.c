/*
 * The session form's checks (see mm_session_edit.c): every field gets
 * its own Dutch message next to it, the typed text stays. Which names
 * are members is mm_session_save()'s business (mm_session_edit_save.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "core/form.h"
#include "web/mm_session_edit.h"
#include "web/resp.h"

static void	mse_error_n(struct mse_ctx *, const char *, enum msg_id,
		    size_t);
static void	mse_text(struct mse_ctx *, enum mse_field, size_t, int,
		    enum msg_id);
static int	mse_date_ok(const char *);
static int	mse_time_ok(const char *);
static void	mse_check_when(struct mse_ctx *);
static void	mse_check_parts(struct mse_ctx *);
static void	mse_check_tags(struct mse_ctx *);
static void	mse_check_related(struct mse_ctx *);

static const enum msg_id	mse_part_msgs[] = {
	[PART_OK] = MSG_mms_bad_chars,
	[PART_NO_NAME] = MSG_mms_part_no_name,
	[PART_NAME_LONG] = MSG_mms_part_name_long,
	[PART_ROLE_LONG] = MSG_mms_part_role_long,
	[PART_PARENS] = MSG_mms_part_parens,
	[PART_BAD_CHARS] = MSG_mms_part_bad_chars,
	[PART_TOO_MANY] = MSG_mms_part_too_many,
};

const char *const	mse_fv_fields[MSE_FV][9] = {
	{ "title", "summary", "date", "time", "duration", "location",
	    "facilitator", "participants", NULL },
	{ "case", "insights", "agreements", "themes", "tags", "related", "note",
	    NULL },
};

/* A message next to field, in the fv of its group. */
void
mse_err(struct mse_ctx *ctx, const char *field, enum msg_id msg,
    const char *arg)
{
	size_t	g, i;

	for (g = 0; g < MSE_FV; g++) {
		for (i = 0; mse_fv_fields[g][i] != NULL; i++) {
			if (strcmp(mse_fv_fields[g][i], field) == 0) {
				fv_error(&ctx->fv[g], field, msg, arg);
				return;
			}
		}
	}
	fv_form_error(&ctx->fv[0], msg, arg);
}

/* A message for the whole form (in the summary). */
void
mse_form_err(struct mse_ctx *ctx, enum msg_id msg)
{
	fv_form_error(&ctx->fv[0], msg, NULL);
}

int
mse_nerr(struct mse_ctx *ctx)
{
	return (ctx->fv[0].nerr + ctx->fv[1].nerr);
}

void
mse_check(struct mse_ctx *ctx)
{
	const enum mse_field	md[] = { MF_CASE, MF_BODY, MF_AGREEMENTS };
	size_t			i;

	switch (form_text(ctx->v[MF_TITLE], MSE_TITLE_MAX, 1, 0)) {
	case FORM_OK:
		break;
	case FORM_EMPTY:
		mse_err(ctx, "title", MSG_mms_title_empty, NULL);
		break;
	case FORM_TOO_LONG:
		mse_error_n(ctx, "title", MSG_mms_title_long,
		    form_chars(ctx->v[MF_TITLE]));
		break;
	default:
		mse_err(ctx, "title", MSG_mms_bad_chars, NULL);
		break;
	}
	mse_text(ctx, MF_SUMMARY, MSE_SUMMARY_MAX, 0, MSG_mms_summary_long);
	mse_check_when(ctx);
	mse_text(ctx, MF_LOCATION, MSE_LOCATION_MAX, 0,
	    MSG_mms_location_long);
	/* No member has a longer name: the same answer as an unknown one. */
	mse_text(ctx, MF_FACILITATOR, MSE_NAME_MAX, 0,
	    MSG_mms_facilitator_unknown);
	mse_check_parts(ctx);
	for (i = 0; i < sizeof(md) / sizeof(md[0]); i++) {
		if (strlen(ctx->v[md[i]]) > MD_MAX_INPUT)
			mse_err(ctx, mse_fields[md[i]].name,
			    MSG_mms_md_long, NULL);
		else
			mse_text(ctx, md[i], MSE_MD_MAX, 1, MSG_mms_md_long);
	}
	if (ctx->themes_found != ctx->nthemes)
		mse_err(ctx, "themes", MSG_edit_themes_unknown, NULL);
	mse_check_tags(ctx);
	mse_check_related(ctx);
	mse_text(ctx, MF_NOTE, MSE_NOTE_MAX, 0, MSG_edit_note_long);
	if (ctx->save && ctx->is_new && ctx->nonce[0] == '\0') {
		/* Crafted or truncated: a fresh nonce for the next try. */
		mse_form_err(ctx, MSG_mms_nonce_missing);
		tok_new(ctx->nonce);
	}
}

static void
mse_error_n(struct mse_ctx *ctx, const char *field, enum msg_id msg,
    size_t n)
{
	char	num[24];

	(void)snprintf(num, sizeof(num), "%zu", n);
	mse_err(ctx, field, msg, num);
}

/* An optional text: too long (msg, with its length) or bad characters. */
static void
mse_text(struct mse_ctx *ctx, enum mse_field f, size_t max, int multi,
    enum msg_id msg)
{
	switch (form_text(ctx->v[f], max, 0, multi)) {
	case FORM_OK:
		break;
	case FORM_TOO_LONG:
		mse_error_n(ctx, mse_fields[f].name, msg,
		    form_chars(ctx->v[f]));
		break;
	default:
		mse_err(ctx, mse_fields[f].name, MSG_mms_bad_chars,
		    NULL);
		break;
	}
}

/* YYYY-MM-DD, a real day (type=date sends that form). */
static int
mse_date_ok(const char *s)
{
	static const int	mdays[] = {
		31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	int			y, m, d, i, leap;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return (0);
	for (i = 0; i < 10; i++) {
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return (0);
	}
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 ||
	    d > mdays[m - 1])
		return (0);
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return (m != 2 || d < 29 || leap);
}

/* HH:MM (type=time; a browser may add :SS, which we do not ask for). */
static int
mse_time_ok(const char *s)
{
	if (strlen(s) != 5 || s[2] != ':' || s[0] < '0' || s[0] > '2' ||
	    s[1] < '0' || s[1] > '9' || s[3] < '0' || s[3] > '5' ||
	    s[4] < '0' || s[4] > '9')
		return (0);
	return (atoi(s) < 24);
}

static void
mse_check_when(struct mse_ctx *ctx)
{
	const char	*d = ctx->v[MF_DURATION];
	char		*end;
	long		 n;

	if (!mse_date_ok(ctx->v[MF_DATE]))
		mse_err(ctx, "date", MSG_mms_date_bad, NULL);
	if (!mse_time_ok(ctx->v[MF_TIME]))
		mse_err(ctx, "time", MSG_mms_time_bad, NULL);
	n = strtol(d, &end, 10);
	if (*d < '0' || *d > '9' || *end != '\0' || n < 15 || n > 600)
		mse_err(ctx, "duration", MSG_mms_duration_bad, NULL);
}

/* core/participants.c; an error names its line. */
static void
mse_check_parts(struct mse_ctx *ctx)
{
	enum part_err	e;

	if (form_text(ctx->v[MF_PARTICIPANTS], MSE_LIST_MAX * 4, 0, 1) ==
	    FORM_TOO_LONG) {
		mse_error_n(ctx, "participants", MSG_mms_part_too_many,
		    PART_MAX + 1);
		return;
	}
	e = participants_parse(&ctx->parts, ctx->v[MF_PARTICIPANTS]);
	if (e != PART_OK)
		mse_error_n(ctx, "participants", mse_part_msgs[e],
		    ctx->parts.line);
}

/* Comma-separated; each trimmed tag becomes a line for item_save(). */
static void
mse_check_tags(struct mse_ctx *ctx)
{
	struct sbuf	 tag;
	const char	*p, *e, *q;
	size_t		 count = 0;
	int		 bad = 0;

	sbuf_init(&tag);
	sbuf_reset(&ctx->taglines);
	for (p = ctx->v[MF_TAGS]; *p != '\0'; p = *e == ',' ? e + 1 : e) {
		if ((e = strchr(p, ',')) == NULL)
			e = p + strlen(p);
		for (q = e; q > p && (q[-1] == ' ' || q[-1] == '\t'); q--)
			;
		while (p < q && (*p == ' ' || *p == '\t'))
			p++;
		if (p == q)
			continue;
		count++;
		sbuf_reset(&tag);
		sbuf_add(&tag, p, (size_t)(q - p));
		if (form_text(sbuf_cstr(&tag), MSE_TAG_MAX, 1, 0) != FORM_OK)
			bad = 1;
		else {
			sbuf_puts(&ctx->taglines, sbuf_cstr(&tag));
			sbuf_putc(&ctx->taglines, '\n');
		}
	}
	sbuf_free(&tag);
	if (bad || count > MSE_TAGS_MAX)
		mse_err(ctx, "tags", MSG_mms_tags_bad, NULL);
}

/* One Bron link a line; a line that is none is quoted in the message. */
static void
mse_check_related(struct mse_ctx *ctx)
{
	const char	*p, *r = ctx->v[MF_RELATED];
	char		 bad[200];
	size_t		 n = 0, len;

	for (p = r; *p != '\0'; p++) {
		if ((p == r || p[-1] == '\n') && *p != '\n')
			n++;
	}
	if (n > MSE_RELATED_MAX) {
		mse_error_n(ctx, "related", MSG_edit_related_many, n);
		return;
	}
	if (form_text(r, MSE_LIST_MAX, 0, 1) != FORM_OK) {
		mse_err(ctx, "related", MSG_mms_bad_chars, NULL);
		return;
	}
	if (ctx->nrel_bad == 0)
		return;
	/* The first bad line, cut between characters. */
	p = sbuf_cstr(&ctx->rel_bad);
	len = strcspn(p, "\n");
	if (len >= sizeof(bad) - 4) {
		len = sizeof(bad) - 4;
		while (len > 0 && ((unsigned char)p[len] & 0xc0) == 0x80)
			len--;
	}
	memcpy(bad, p, len);
	bad[len] = '\0';
	mse_err(ctx, "related", MSG_mms_related_bad, bad);
}

/* The three Markdown fields as HTML (the insights with toc and links). */
int
mse_render_md(struct mse_ctx *ctx)
{
	const char	*v;
	size_t		 len;

	if (ctx->rendered)
		return (0);
	len = strlen(ctx->v[MF_BODY]);
	if (len > MD_MAX_INPUT || md_doc_render(&ctx->doc, ctx->v[MF_BODY],
	    len, resp_base_url()) == -1) {
		mse_err(ctx, "insights", MSG_mms_md_long, NULL);
		return (-1);
	}
	v = ctx->v[MF_CASE];
	sbuf_reset(&ctx->case_html);
	if (md_render(&ctx->case_html, v, strlen(v)) == -1) {
		mse_err(ctx, "case", MSG_mms_md_long, NULL);
		return (-1);
	}
	v = ctx->v[MF_AGREEMENTS];
	sbuf_reset(&ctx->agr_html);
	if (md_render(&ctx->agr_html, v, strlen(v)) == -1) {
		mse_err(ctx, "agreements", MSG_mms_md_long, NULL);
		return (-1);
	}
	ctx->rendered = 1;
	return (0);
}
