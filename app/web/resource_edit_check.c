/*
 * The resource editor's checks (see resource_edit.c), each with its
 * message next to its field, kept in two fv so the summary follows the
 * form.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "core/form.h"
#include "core/resource.h"
#include "web/resource_edit.h"

#define RED_SCHEME_MAX	20	/* bytes of a refused scheme quoted */

static const char *const	red_fv_fields[RED_FV][FV_FIELDS + 1] = {
	{ "title", "summary", "body", "type", "publisher", "year",
	    "language", NULL },
	{ "url", "bestand", "slot", "file_note", "themes", "community",
	    "note", NULL },
};

static const enum msg_id	red_labels[RF__MAX] = {
	[RF_TITLE] = MSG_rf_title,
	[RF_SUMMARY] = MSG_rf_summary,
	[RF_BODY] = MSG_rf_body,
	[RF_TYPE] = MSG_rf_type,
	[RF_PUBLISHER] = MSG_rf_publisher,
	[RF_YEAR] = MSG_rf_year,
	[RF_LANGUAGE] = MSG_rf_language,
	[RF_URL] = MSG_rf_url,
	[RF_SLOT] = MSG_rf_slot,
	[RF_FILE_NOTE] = MSG_rf_file_note,
	[RF_COMMUNITY] = MSG_edit_community_label,
	[RF_NOTE] = MSG_edit_note_label,
};

static const char *const	red_names[RF__MAX] = {
	[RF_TITLE] = "title", [RF_SUMMARY] = "summary", [RF_BODY] = "body",
	[RF_TYPE] = "type", [RF_PUBLISHER] = "publisher", [RF_YEAR] = "year",
	[RF_LANGUAGE] = "language", [RF_URL] = "url", [RF_SLOT] = "slot",
	[RF_FILE_NOTE] = "file_note", [RF_COMMUNITY] = "community",
	[RF_NOTE] = "note",
};

static void	red_text(struct red_ctx *, enum red_field, size_t, int,
		    enum msg_id);
static void	red_check_year(struct red_ctx *);
static void	red_check_url(struct red_ctx *);
static void	red_check_slot(struct red_ctx *);

struct fv *
red_fv(struct red_ctx *ctx, const char *field)
{
	size_t	g, i;

	for (g = 0; g < RED_FV; g++) {
		for (i = 0; red_fv_fields[g][i] != NULL; i++) {
			if (strcmp(red_fv_fields[g][i], field) == 0)
				return (&ctx->fv[g]);
		}
	}
	return (&ctx->fv[0]);
}

void
red_error(struct red_ctx *ctx, const char *field, enum msg_id msg,
    const char *arg)
{
	fv_error(red_fv(ctx, field), field, msg, arg);
}

void
red_error_n(struct red_ctx *ctx, const char *field, enum msg_id msg,
    size_t n)
{
	char	num[24];

	(void)snprintf(num, sizeof(num), "%zu", n);
	red_error(ctx, field, msg, num);
}

void
red_form_error(struct red_ctx *ctx, enum msg_id msg)
{
	fv_form_error(&ctx->fv[0], msg, NULL);
}

int
red_nerr(const struct red_ctx *ctx)
{
	int	n = 0;
	size_t	g;

	for (g = 0; g < RED_FV; g++)
		n += ctx->fv[g].nerr;
	return (n);
}

const char *const *
red_fv_names(size_t g)
{
	return (red_fv_fields[g]);
}

/* A text of at most max characters; required or not. */
static void
red_text(struct red_ctx *ctx, enum red_field f, size_t max, int multi,
    enum msg_id toolong)
{
	const char	*v = ctx->v[f];

	switch (form_text(v, max, 0, multi)) {
	case FORM_OK:
	case FORM_EMPTY:
		break;
	case FORM_TOO_LONG:
		red_error_n(ctx, red_names[f], toolong, form_chars(v));
		break;
	default:
		red_error(ctx, red_names[f], MSG_re_bad_chars,
		    i18n_get(ctx->loc, red_labels[f]));
		break;
	}
}

/* Four digits, 1900-2100, or empty. */
static void
red_check_year(struct red_ctx *ctx)
{
	const char	*v = ctx->v[RF_YEAR];
	int		 y;

	if (*v == '\0')
		return;
	if (strlen(v) != 4 || strspn(v, "0123456789") != 4) {
		red_error(ctx, "year", MSG_re_year_bad, NULL);
		return;
	}
	y = atoi(v);
	if (y < 1900 || y > 2100)
		red_error(ctx, "year", MSG_re_year_range, NULL);
}

/*
 * http:// or https:// and something after it, no white space or
 * control characters, at most RED_URL_MAX characters. Another scheme
 * (javascript:, data:, ftp:) is named in the message.
 */
static void
red_check_url(struct red_ctx *ctx)
{
	const char	*v = ctx->v[RF_URL];
	char		 scheme[RED_SCHEME_MAX + 1];
	size_t		 n, rest;

	if (*v == '\0')
		return;
	if (form_chars(v) > RED_URL_MAX) {
		red_error_n(ctx, "url", MSG_re_url_long, form_chars(v));
		return;
	}
	if (form_text(v, RED_URL_MAX, 1, 0) != FORM_OK) {
		red_error(ctx, "url", MSG_re_url_bad, NULL);
		return;
	}
	n = strspn(v, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");
	if (strncmp(v, "https://", 8) == 0)
		rest = 8;
	else if (strncmp(v, "http://", 7) == 0)
		rest = 7;
	else {
		if (n > 0 && n <= RED_SCHEME_MAX && v[n] == ':') {
			(void)snprintf(scheme, sizeof(scheme), "%.*s",
			    (int)n + 1, v);
			red_error(ctx, "url", MSG_re_url_scheme, scheme);
		} else
			red_error(ctx, "url", MSG_re_url_bad, NULL);
		return;
	}
	if (v[rest] == '\0' || v[rest] == '/' || strpbrk(v, " \t") != NULL)
		red_error(ctx, "url", MSG_re_url_bad, NULL);
}

/* "" (a new, extra file) or one of the resource's slots. */
static void
red_check_slot(struct red_ctx *ctx)
{
	const char	*v = ctx->v[RF_SLOT];
	size_t		 i;

	if (*v == '\0')
		return;
	for (i = 0; i < ctx->nfiles; i++) {
		if (strcmp(ctx->files[i].slot, v) == 0)
			return;
	}
	red_error(ctx, "slot", MSG_re_slot_bad, NULL);
}

int
red_no_content(const struct red_ctx *ctx)
{
	return (*ctx->v[RF_URL] == '\0' && ctx->nfiles == 0 &&
	    ctx->token[0] == '\0' && ctx->file != UPLOAD_OK);
}

void
red_check(struct red_ctx *ctx, int save)
{
	size_t	len;

	switch (form_text(ctx->v[RF_TITLE], RED_TITLE_MAX, 1, 0)) {
	case FORM_OK:
		break;
	case FORM_EMPTY:
		red_error(ctx, "title", MSG_re_title_empty, NULL);
		break;
	case FORM_TOO_LONG:
		red_error_n(ctx, "title", MSG_edit_title_long,
		    form_chars(ctx->v[RF_TITLE]));
		break;
	default:
		red_error(ctx, "title", MSG_re_bad_chars,
		    i18n_get(ctx->loc, MSG_rf_title));
		break;
	}
	red_text(ctx, RF_SUMMARY, RED_SUMMARY_MAX, 0, MSG_re_summary_long);
	len = strlen(ctx->v[RF_BODY]);
	if (len > MD_MAX_INPUT)
		red_error_n(ctx, "body", MSG_re_body_long,
		    form_chars(ctx->v[RF_BODY]));
	else
		red_text(ctx, RF_BODY, RED_BODY_MAX, 1, MSG_re_body_long);
	if (resource_type(ctx->v[RF_TYPE]) == NULL)
		red_error(ctx, "type", MSG_re_type_missing, NULL);
	red_text(ctx, RF_PUBLISHER, RED_PUBLISHER_MAX, 0,
	    MSG_re_publisher_long);
	red_check_year(ctx);
	if (*ctx->v[RF_LANGUAGE] == '\0')
		ctx->v[RF_LANGUAGE] = "nl";
	else if (resource_language(ctx->v[RF_LANGUAGE]) == NULL)
		red_error(ctx, "language", MSG_re_language_bad, NULL);
	red_check_url(ctx);
	red_check_slot(ctx);
	red_text(ctx, RF_FILE_NOTE, RED_FILE_NOTE_MAX, 0,
	    MSG_re_file_note_long);
	if (ctx->themes_found != ctx->nthemes)
		red_error(ctx, "themes", MSG_edit_themes_unknown, NULL);
	if (*ctx->v[RF_COMMUNITY] != '\0' && !ctx->community_found)
		red_error(ctx, "community", MSG_edit_community_unknown, NULL);
	red_text(ctx, RF_NOTE, RED_NOTE_MAX, 0, MSG_edit_note_long);
	if (save && ctx->is_new && ctx->nonce[0] == '\0') {
		/* Crafted or truncated: a fresh nonce for the next try. */
		red_form_error(ctx, MSG_edit_nonce_missing);
		tok_new(ctx->nonce);
	}
}
