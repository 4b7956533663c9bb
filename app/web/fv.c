/*
 * Form error rendering (see fv.h). Messages go through i18n_fmt and the
 * templates, so every value is escaped.
 */
#include <stdio.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "web/fv.h"
#include "web/view.h"

static struct fv_field	*fv_find(struct fv *, const char *, int);
static struct fv_field	*fv_bad(struct fv *, const char *);
static const char	*fv_label(enum locale, const char *);

/*
 * The summary links name their field ("E-mailadres: Vul dit veld in."):
 * a list of identical "Vul dit veld in." links says nothing to a screen
 * reader (WCAG 2.4.4). Field names are shared by every form.
 */
static const struct {
	const char	*name;
	enum msg_id	 label;
} fv_labels[] = {
	{ "email", MSG_field_email },
	{ "name", MSG_field_name },
	{ "password", MSG_field_password },
	{ "kind", MSG_field_kind },
	{ "bio", MSG_field_bio },
	{ "lang", MSG_field_lang },
	{ "cw", MSG_field_cw },
	{ "current_password", MSG_field_current_password },
	{ "new_password", MSG_field_new_password },
	{ "email_password", MSG_field_email_password },
	{ "q", MSG_field_q },
	{ "actie", MSG_field_actie },
	{ "rol", MSG_field_rol },
	/* The item editor (issue 5). */
	{ "title", MSG_edit_title_label },
	{ "summary", MSG_summary_label },
	{ "body", MSG_edit_body_label },
	{ "themes", MSG_edit_themes_legend },
	{ "tags", MSG_edit_tags_label },
	{ "community", MSG_edit_community_label },
	{ "owner", MSG_edit_owner_label },
	{ "related", MSG_edit_related_label },
	/* Review and diff (issue 5). */
	{ "decision", MSG_flow_decision_legend },
	{ "van", MSG_flow_diff_from_label },
	{ "naar", MSG_flow_diff_to_label },
};

static const char *
fv_label(enum locale loc, const char *field)
{
	size_t	i;

	for (i = 0; i < sizeof(fv_labels) / sizeof(fv_labels[0]); i++) {
		if (strcmp(fv_labels[i].name, field) == 0)
			return (i18n_get(loc, fv_labels[i].label));
	}
	return (NULL);
}

void
fv_init(struct fv *fv, enum locale loc)
{
	memset(fv, 0, sizeof(*fv));
	fv->loc = loc;
	sbuf_init(&fv->summary);
}

void
fv_free(struct fv *fv)
{
	size_t	i;

	for (i = 0; i < fv->n; i++) {
		sbuf_free(&fv->f[i].html);
		sbuf_free(&fv->f[i].text);
	}
	sbuf_free(&fv->summary);
	fv->n = 0;
}

static struct fv_field *
fv_find(struct fv *fv, const char *name, int create)
{
	size_t	i;

	for (i = 0; i < fv->n; i++) {
		if (strcmp(fv->f[i].name, name) == 0)
			return (&fv->f[i]);
	}
	if (!create || fv->n == FV_FIELDS)
		return (NULL);
	fv->f[fv->n].name = name;
	sbuf_init(&fv->f[fv->n].html);
	sbuf_init(&fv->f[fv->n].text);
	(void)snprintf(fv->f[fv->n].ref, sizeof(fv->f[fv->n].ref),
	    " %s-error", name);
	(void)snprintf(fv->f[fv->n].aria, sizeof(fv->f[fv->n].aria),
	    " aria-invalid=\"true\" aria-describedby=\"%s-error\"", name);
	return (&fv->f[fv->n++]);
}

void
fv_error(struct fv *fv, const char *field, enum msg_id msg, const char *arg)
{
	struct fv_field	*f;
	const char	*args[1];

	/* The first message of a field is the one shown. */
	if ((f = fv_find(fv, field, 1)) == NULL || f->text.len > 0)
		return;
	args[0] = arg != NULL ? arg : "";
	i18n_fmt(&f->text, i18n_get(fv->loc, msg), args, 1);
	{
		const struct tpl_bind	b[] = {
			{ "id", f->ref + 1, TPL_TEXT },
			{ "text", sbuf_cstr(&f->text), TPL_TEXT },
		};
		(void)view_append(&f->html, VIEW_field_error, fv->loc, b,
		    NBINDS(b));
	}
	{
		struct sbuf		 link;
		const char		*label;

		sbuf_init(&link);
		if ((label = fv_label(fv->loc, field)) != NULL)
			sbuf_printf(&link, "%s: ", label);
		sbuf_puts(&link, sbuf_cstr(&f->text));
		const struct tpl_bind	b[] = {
			{ "field", field, TPL_TEXT },
			{ "text", sbuf_cstr(&link), TPL_TEXT },
		};
		(void)view_append(&fv->summary, VIEW_form_error_item,
		    fv->loc, b, NBINDS(b));
		sbuf_free(&link);
	}
	fv->nerr++;
}

int
fv_check(struct fv *fv, const char *field, enum form_err e, size_t max)
{
	char		n[24];
	enum msg_id	m;

	switch (e) {
	case FORM_OK:
		return (0);
	case FORM_EMPTY:
		m = MSG_form_empty;
		break;
	case FORM_TOO_LONG:
		m = MSG_form_too_long;
		break;
	case FORM_BAD_CHARS:
		m = MSG_form_bad_chars;
		break;
	case FORM_BAD_EMAIL:
		m = MSG_form_bad_email;
		break;
	case FORM_PW_SHORT:
		m = MSG_form_pw_short;
		break;
	case FORM_PW_LONG:
		m = MSG_form_pw_long;
		break;
	case FORM_PW_COMMON:
		m = MSG_form_pw_common;
		break;
	default:
		m = MSG_form_bad_choice;
		break;
	}
	(void)snprintf(n, sizeof(n), "%zu", max);
	fv_error(fv, field, m, n);
	return (1);
}

void
fv_form_error(struct fv *fv, enum msg_id msg, const char *arg)
{
	struct sbuf	 text;
	const char	*args[1];

	sbuf_init(&text);
	args[0] = arg != NULL ? arg : "";
	i18n_fmt(&text, i18n_get(fv->loc, msg), args, 1);
	{
		const struct tpl_bind	b[] = {
			{ "text", sbuf_cstr(&text), TPL_TEXT },
		};
		(void)view_append(&fv->summary, VIEW_form_error_note,
		    fv->loc, b, NBINDS(b));
	}
	sbuf_free(&text);
	fv->nerr++;
}

/* The field, if it has an error (fv_binds also makes error-less ones). */
static struct fv_field *
fv_bad(struct fv *fv, const char *field)
{
	struct fv_field	*f;

	if ((f = fv_find(fv, field, 0)) == NULL || f->text.len == 0)
		return (NULL);
	return (f);
}

const char *
fv_error_html(struct fv *fv, const char *field)
{
	struct fv_field	*f;

	if ((f = fv_bad(fv, field)) == NULL)
		return ("");
	return (sbuf_cstr(&f->html));
}

const char *
fv_class(struct fv *fv, const char *field)
{
	return (fv_bad(fv, field) != NULL ? " has-error" : "");
}

const char *
fv_ref(struct fv *fv, const char *field)
{
	struct fv_field	*f;

	if ((f = fv_bad(fv, field)) == NULL)
		return ("");
	return (f->ref);
}

const char *
fv_invalid(struct fv *fv, const char *field)
{
	return (fv_bad(fv, field) != NULL ?
	    " aria-invalid=\"true\"" : "");
}

size_t
fv_binds(struct fv *fv, const char *const *fields,
    const struct tpl_bind *fixed, size_t nfixed, struct tpl_bind *out,
    size_t max)
{
	static const char *const	 suffix[FV_BINDS_PER_FIELD] = {
		"class", "ref", "error", "invalid", "aria"
	};
	struct fv_field			*f;
	size_t				 i, k, n;

	n = 0;
	for (i = 0; fields[i] != NULL; i++) {
		if (n + FV_BINDS_PER_FIELD > max ||
		    (f = fv_find(fv, fields[i], 1)) == NULL)
			break;
		for (k = 0; k < FV_BINDS_PER_FIELD; k++)
			(void)snprintf(f->keys[k], sizeof(f->keys[k]), "%s_%s",
			    fields[i], suffix[k]);
		out[n++] = (struct tpl_bind){ f->keys[0],
		    fv_class(fv, fields[i]), TPL_TEXT };
		out[n++] = (struct tpl_bind){ f->keys[1],
		    fv_ref(fv, fields[i]), TPL_TEXT };
		out[n++] = (struct tpl_bind){ f->keys[2],
		    fv_error_html(fv, fields[i]), TPL_TRUSTED_HTML };
		out[n++] = (struct tpl_bind){ f->keys[3],
		    fv_invalid(fv, fields[i]), TPL_TRUSTED_HTML };
		out[n++] = (struct tpl_bind){ f->keys[4],
		    fv_aria(fv, fields[i]), TPL_TRUSTED_HTML };
	}
	for (i = 0; i < nfixed && n < max; i++)
		out[n++] = fixed[i];
	return (n);
}

const char *
fv_aria(struct fv *fv, const char *field)
{
	struct fv_field	*f;

	if ((f = fv_bad(fv, field)) == NULL)
		return ("");
	return (f->aria);
}

const char *
fv_summary(struct fv *fv)
{
	struct sbuf	out;

	if (fv->nerr == 0)
		return ("");
	if (fv->summarized)
		return (sbuf_cstr(&fv->summary));
	sbuf_init(&out);
	{
		const struct tpl_bind	b[] = {
			{ "items", sbuf_cstr(&fv->summary), TPL_TRUSTED_HTML },
		};
		(void)view_append(&out, VIEW_form_errors, fv->loc, b,
		    NBINDS(b));
	}
	sbuf_reset(&fv->summary);
	sbuf_add(&fv->summary, out.data, out.len);
	sbuf_free(&out);
	fv->summarized = 1;
	return (sbuf_cstr(&fv->summary));
}
