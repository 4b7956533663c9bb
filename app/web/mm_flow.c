/*
 * Shared by the minutes workflow, amendment, addendum and action pages
 * (mm_flow.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "core/mm.h"
#include "db/q_mm_flow.h"
#include "web/fv.h"
#include "web/mm_flow.h"
#include "web/resp.h"
#include "web/view.h"

static void	mmf_row(struct db_ctx *, struct kore_pgsql *, int);
static int	mmf_true(struct kore_pgsql *, int, int);

int
mmf_path(const char *path, const char *suffix, struct mmf_sess *s,
    char *id, size_t idlen)
{
	const char	*p, *e;
	size_t		 n, sl;

	if (strncmp(path, MMF_PATH "/", sizeof(MMF_PATH)) != 0)
		return (-1);
	p = path + sizeof(MMF_PATH);
	if ((e = strchr(p, '/')) == NULL || (n = e - p) == 0 ||
	    n >= sizeof(s->serie) || !path_slug_ok(p, n))
		return (-1);
	memcpy(s->serie, p, n);
	s->serie[n] = '\0';
	p = e + 1;
	if ((e = strchr(p, '/')) == NULL || (n = e - p) == 0 ||
	    n >= sizeof(s->sessie) || !path_slug_ok(p, n))
		return (-1);
	memcpy(s->sessie, p, n);
	s->sessie[n] = '\0';
	sl = strlen(suffix);
	if (strncmp(e, suffix, sl) != 0)
		return (-1);
	p = e + sl;
	if (sl > 0 && suffix[sl - 1] == '/') {
		n = strlen(p);
		if (id == NULL || n == 0 || n > MMF_ID_MAX || n >= idlen ||
		    strspn(p, "0123456789") != n || strspn(p, "0") == n)
			return (-1);
		memcpy(id, p, n + 1);
		return (0);
	}
	return (*p == '\0' ? 0 : -1);
}

int
mmf_load(struct http_request *req, struct mmf_head *h, db_done_fn done)
{
	struct db_ctx	*db = &h->db;
	struct mmf_sess	*s = &h->s;

	mmf_sess_free(s);
	s->found = 0;
	db->params[0] = s->serie;
	db->params[1] = s->sessie;
	db->params[2] = db->user.id;
	return (db_chain(req, db, &q_mmf_session, mmf_row, done));
}

static int
mmf_true(struct kore_pgsql *sql, int r, int c)
{
	return (strcmp(db_text(sql, r, c), "true") == 0);
}

static void
mmf_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct mmf_sess	*s = &((struct mmf_head *)db)->s;

	mmf_sess_free(s);
	s->found = 1;
	(void)kore_strlcpy(s->id, db_text(sql, r, QMS_ID), sizeof(s->id));
	s->title = kore_strdup(db_text(sql, r, QMS_TITLE));
	s->series = kore_strdup(db_text(sql, r, QMS_SERIES));
	(void)kore_strlcpy(s->state, db_text(sql, r, QMS_STATE),
	    sizeof(s->state));
	(void)kore_strlcpy(s->until, db_text(sql, r, QMS_UNTIL),
	    sizeof(s->until));
	s->open = mmf_true(sql, r, QMS_OPEN);
	s->see = mmf_true(sql, r, QMS_SEE);
	s->read = mmf_true(sql, r, QMS_READ);
	s->run = mmf_true(sql, r, QMS_RUN);
	s->part = mmf_true(sql, r, QMS_PART);
	s->nopen = atoi(db_text(sql, r, QMS_NOPEN));
	s->open_ids = kore_strdup(db_text(sql, r, QMS_OPEN_IDS));
	(void)kore_strlcpy(s->days, db_text(sql, r, QMS_DAYS),
	    sizeof(s->days));
	s->case_md = kore_strdup(db_text(sql, r, QMS_CASE));
	s->body_md = kore_strdup(db_text(sql, r, QMS_BODY));
	s->agree_md = kore_strdup(db_text(sql, r, QMS_AGREE));
}

void
mmf_sess_free(struct mmf_sess *s)
{
	kore_free(s->title);
	kore_free(s->series);
	kore_free(s->open_ids);
	kore_free(s->case_md);
	kore_free(s->body_md);
	kore_free(s->agree_md);
	s->title = s->series = s->open_ids = NULL;
	s->case_md = s->body_md = s->agree_md = NULL;
}

int
mmf_refuse_unread(struct http_request *req, struct mmf_sess *s)
{
	if (!s->found || !s->see || !s->read) {
		resp_error(req, 404);
		return (1);
	}
	return (0);
}

void
mmf_href(struct sbuf *out, const struct mmf_sess *s, const char *gedaan,
    const char *anchor)
{
	sbuf_printf(out, MMF_PATH "/%s/%s", s->serie, s->sessie);
	if (gedaan != NULL)
		sbuf_printf(out, "?gedaan=%s", gedaan);
	if (anchor != NULL)
		sbuf_printf(out, "#%s", anchor);
}

const char *
mmf_section_md(const struct mmf_sess *s, const char *section)
{
	const char	*v = NULL;

	if (strcmp(section, "vraag") == 0)
		v = s->case_md;
	else if (strcmp(section, "inzichten") == 0)
		v = s->body_md;
	else if (strcmp(section, "afspraken") == 0)
		v = s->agree_md;
	return (v != NULL ? v : "");
}

void
mmf_message(struct http_request *req, enum locale loc, int status,
    const char *title, const char *text, const char *extra,
    const char *back, const char *back_label)
{
	const struct tpl_bind	b[] = {
		{ "title", title, TPL_TEXT },
		{ "text", text, TPL_TEXT },
		{ "extra", extra != NULL ? extra : "", TPL_TRUSTED_HTML },
		{ "back", back, TPL_TEXT },
		{ "back_label", back_label, TPL_TEXT },
	};

	view_page(req, status, loc, title, MMF_PATH, VIEW_mmf_message, b,
	    NBINDS(b));
}

int
mmf_owner(struct sbuf *out, enum locale loc, int signed_in,
    const char *owner_id, const char *owner, const char *owner_name)
{
	struct sbuf	href;
	int		rc;

	if (owner_id != NULL && owner_id[0] != '\0') {
		sbuf_init(&href);
		sbuf_printf(&href, "/mensen/%s", owner_id);
		{
			const struct tpl_bind	b[] = {
				{ "href", sbuf_cstr(&href), TPL_TEXT },
				{ "name", owner, TPL_TEXT },
			};
			rc = view_append(out, VIEW_mmf_owner_member, loc, b,
			    NBINDS(b));
		}
		sbuf_free(&href);
		return (rc);
	}
	if (owner_name == NULL || owner_name[0] == '\0')
		return (0);
	if (signed_in) {
		const struct tpl_bind	b[] = {
			{ "name", owner_name, TPL_TEXT },
		};
		return (view_append(out, VIEW_mmf_owner_external, loc, b,
		    NBINDS(b)));
	}
	return (view_append(out, VIEW_mmf_owner_someone, loc, NULL, 0));
}

int
mmf_status(struct sbuf *out, enum locale loc, const char *status,
    int overdue)
{
	const struct mm_word	*w = mm_status(status);
	struct sbuf		 od;
	int			 rc = 0;

	sbuf_init(&od);
	if (overdue)
		rc = view_append(&od, VIEW_mmf_overdue, loc, NULL, 0);
	{
		const struct tpl_bind	b[] = {
			{ "status", w != NULL ? i18n_get(loc, w->msg) : status,
			    TPL_TEXT },
			{ "overdue", sbuf_cstr(&od), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_mmf_status, loc, b, NBINDS(b));
	}
	sbuf_free(&od);
	return (rc);
}

int
mmf_status_options(struct sbuf *out, enum locale loc, const char *cur)
{
	size_t	i;
	int	rc = 0;

	for (i = 0; i < MM_STATUSES; i++) {
		const struct tpl_bind	b[] = {
			{ "value", mm_statuses[i].word, TPL_TEXT },
			{ "label", i18n_get(loc, mm_statuses[i].msg),
			    TPL_TEXT },
			{ "selected", strcmp(cur, mm_statuses[i].word) == 0 ?
			    " selected" : "", TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_edit_option, loc, b, NBINDS(b));
	}
	return (rc);
}

void
mmf_action_error(struct fv *fv, const char *error)
{
	if (strcmp(error, "what") == 0)
		fv_error(fv, "what", MSG_mmw_act_what_empty, NULL);
	else if (strcmp(error, "owner_ambiguous") == 0)
		fv_error(fv, "owner", MSG_mmw_act_owner_ambiguous, NULL);
	else if (strcmp(error, "due") == 0)
		fv_error(fv, "due", MSG_mmw_act_due_bad, NULL);
	else if (strcmp(error, "status") == 0)
		fv_error(fv, "status", MSG_mmw_act_status_bad, NULL);
	else if (strcmp(error, "evidence") == 0)
		fv_error(fv, "evidence", MSG_mmw_act_evidence_bad, NULL);
	else
		fv_form_error(fv, MSG_mmw_act_frozen, NULL);
}
