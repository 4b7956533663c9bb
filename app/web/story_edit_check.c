/*
 * The story editor's checks (see story_edit.c), each with its message
 * next to its field or fieldset, kept in two fv so the summary follows
 * the form. Sending in is checked whole here before anything is
 * written: story_submit() would refuse the same, but after the save.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "web/story_edit.h"

static const char *const	sed_fv_fields[SED_FV][8] = {
	{ "title", "summary", "body", "themes", "community", "pseudonym",
	    NULL },
	{ "warnings", "checklist", "scope", "consent", "under16", "guardian",
	    NULL },
};

static struct fv	*sed_fv(struct sed_ctx *, const char *);
static int		 sed_blank(const char *);
static int		 sed_words_ok(const char *,
			    const struct story_word *(*)(const char *));

static struct fv *
sed_fv(struct sed_ctx *ctx, const char *field)
{
	size_t	g, i;

	for (g = 0; g < SED_FV; g++) {
		for (i = 0; sed_fv_fields[g][i] != NULL; i++) {
			if (strcmp(sed_fv_fields[g][i], field) == 0)
				return (&ctx->fv[g]);
		}
	}
	return (&ctx->fv[0]);
}

void
sed_error(struct sed_ctx *ctx, const char *field, enum msg_id msg,
    const char *arg)
{
	/* The first message of a field is the one shown. */
	fv_error(sed_fv(ctx, field), field, msg, arg);
}

void
sed_error_n(struct sed_ctx *ctx, const char *field, enum msg_id msg,
    size_t n)
{
	char	num[24];

	(void)snprintf(num, sizeof(num), "%zu", n);
	sed_error(ctx, field, msg, num);
}

void
sed_form_error(struct sed_ctx *ctx, enum msg_id msg)
{
	fv_form_error(&ctx->fv[0], msg, NULL);
}

int
sed_nerr(const struct sed_ctx *ctx)
{
	int	n = 0;
	size_t	g;

	for (g = 0; g < SED_FV; g++)
		n += ctx->fv[g].nerr;
	return (n);
}

const char *const *
sed_fv_names(size_t g)
{
	return (sed_fv_fields[g]);
}

static int
sed_blank(const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s != ' ' && *s != '\t' && *s != '\n')
			return (0);
	}
	return (1);
}

/* Every line of a "\n"-framed list is a word of the table. */
static int
sed_words_ok(const char *list, const struct story_word *(*find)(const char *))
{
	char		 word[32];
	const char	*p;
	size_t		 n;

	for (p = list; *p != '\0'; p += n) {
		if (*p == '\n') {
			n = 1;
			continue;
		}
		n = strcspn(p, "\n");
		if (n >= sizeof(word))
			return (0);
		memcpy(word, p, n);
		word[n] = '\0';
		if (find(word) == NULL)
			return (0);
	}
	return (1);
}

void
sed_check(struct sed_ctx *ctx, int save)
{
	const char	*v;

	switch (form_text(ctx->v[SF_TITLE], SED_TITLE_MAX, 1, 0)) {
	case FORM_OK:
		break;
	case FORM_EMPTY:
		sed_error(ctx, "title", MSG_se_title_empty, NULL);
		break;
	case FORM_TOO_LONG:
		sed_error_n(ctx, "title", MSG_se_title_long,
		    form_chars(ctx->v[SF_TITLE]));
		break;
	default:
		sed_error(ctx, "title", MSG_se_bad_chars, NULL);
		break;
	}
	switch (form_text(ctx->v[SF_SUMMARY], SED_SUMMARY_MAX, 0, 0)) {
	case FORM_OK:
	case FORM_EMPTY:
		break;
	case FORM_TOO_LONG:
		sed_error_n(ctx, "summary", MSG_se_summary_long,
		    form_chars(ctx->v[SF_SUMMARY]));
		break;
	default:
		sed_error(ctx, "summary", MSG_se_bad_chars, NULL);
		break;
	}
	v = ctx->v[SF_BODY];
	if (strlen(v) > MD_MAX_INPUT || form_chars(v) > SED_BODY_MAX)
		sed_error_n(ctx, "body", MSG_se_body_long, form_chars(v));
	else if (form_text(v, SED_BODY_MAX, 0, 1) != FORM_OK)
		sed_error(ctx, "body", MSG_se_bad_chars, NULL);
	if (ctx->themes_found != ctx->nthemes)
		sed_error(ctx, "themes", MSG_edit_themes_unknown, NULL);
	if (*ctx->v[SF_COMMUNITY] != '\0' && !ctx->community_found)
		sed_error(ctx, "community", MSG_edit_community_unknown, NULL);

	v = ctx->v[SF_PSEUDONYM];
	switch (form_text(v, SED_PSEUD_MAX, 0, 0)) {
	case FORM_OK:
		if (*v != '\0' && form_chars(v) < SED_PSEUD_MIN)
			sed_error(ctx, "pseudonym", MSG_se_pseudonym_length,
			    NULL);
		break;
	case FORM_EMPTY:
		break;
	case FORM_TOO_LONG:
		sed_error(ctx, "pseudonym", MSG_se_pseudonym_length, NULL);
		break;
	default:
		sed_error(ctx, "pseudonym", MSG_se_bad_chars, NULL);
		break;
	}
	if (!sed_words_ok(sbuf_cstr(&ctx->warnings), story_warning))
		sed_error(ctx, "warnings", MSG_se_warning_unknown, NULL);
	if (!sed_words_ok(sbuf_cstr(&ctx->checks), story_check))
		sed_error(ctx, "checklist", MSG_se_checklist_unknown, NULL);

	/* The consent part: its shape only (sending in needs it whole). */
	if (*ctx->v[SF_SCOPE] != '\0' && story_scope(ctx->v[SF_SCOPE]) == NULL)
		sed_error(ctx, "scope", MSG_se_scope_need, NULL);
	v = ctx->v[SF_UNDER16];
	if (*v != '\0' && strcmp(v, "ja") != 0 && strcmp(v, "nee") != 0)
		sed_error(ctx, "under16", MSG_se_under16_need, NULL);
	switch (form_text(ctx->v[SF_GUARDIAN], SED_GUARD_MAX, 0, 0)) {
	case FORM_OK:
	case FORM_EMPTY:
		break;
	default:
		sed_error(ctx, "guardian", MSG_se_guardian_need, NULL);
		break;
	}
	(void)kore_strlcpy(ctx->under16, strcmp(v, "ja") == 0 ? "t" : "f",
	    sizeof(ctx->under16));

	if (save && ctx->is_new && ctx->nonce[0] == '\0') {
		/* Crafted or truncated: a fresh nonce for the next try. */
		sed_form_error(ctx, MSG_edit_nonce_missing);
		tok_new(ctx->nonce);
	}
}

/*
 * What story_submit() asks, with the messages the form shows: nothing
 * is written unless all of it is there.
 */
void
sed_check_submit(struct sed_ctx *ctx)
{
	const char	*v;
	size_t		 i;

	if (sed_blank(ctx->v[SF_SUMMARY]))
		sed_error(ctx, "summary", MSG_se_summary_need, NULL);
	if (sed_blank(ctx->v[SF_BODY]))
		sed_error(ctx, "body", MSG_se_body_need, NULL);
	if (*ctx->v[SF_PSEUDONYM] == '\0')
		sed_error(ctx, "pseudonym", MSG_se_pseudonym_need, NULL);
	for (i = 0; i < STORY_CHECKS; i++) {
		if (!form_list_has(sbuf_cstr(&ctx->checks),
		    story_checks[i].word)) {
			sed_error(ctx, "checklist", MSG_se_checklist_need,
			    NULL);
			break;
		}
	}
	if (story_scope(ctx->v[SF_SCOPE]) == NULL)
		sed_error(ctx, "scope", MSG_se_scope_need, NULL);
	if (strcmp(ctx->v[SF_CONSENT], "1") != 0)
		sed_error(ctx, "consent", MSG_se_consent_need, NULL);
	else if (strcmp(ctx->v[SF_CONSENT_VERSION],
	    STORY_CONSENT_VERSION) != 0) {
		/* They read another text: it must be read again. */
		sed_error(ctx, "consent", MSG_se_consent_old, NULL);
		ctx->v[SF_CONSENT] = "";
	}
	v = ctx->v[SF_UNDER16];
	if (strcmp(v, "ja") != 0 && strcmp(v, "nee") != 0)
		sed_error(ctx, "under16", MSG_se_under16_need, NULL);
	else if (strcmp(v, "ja") == 0) {
		if (form_chars(ctx->v[SF_GUARDIAN]) < SED_GUARD_MIN ||
		    form_text(ctx->v[SF_GUARDIAN], SED_GUARD_MAX, 1, 0) !=
		    FORM_OK || strcmp(ctx->v[SF_GUARDIAN_OK], "1") != 0)
			sed_error(ctx, "guardian", MSG_se_guardian_need, NULL);
		else if (strcmp(ctx->v[SF_GUARDIAN_VERSION],
		    STORY_GUARDIAN_VERSION) != 0) {
			sed_error(ctx, "guardian", MSG_se_consent_old, NULL);
			ctx->v[SF_GUARDIAN_OK] = "";
		}
	}
	(void)kore_strlcpy(ctx->submit, "t", sizeof(ctx->submit));
}
