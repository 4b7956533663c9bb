/*
 * Shared by the review, publish, withdraw, scope, author and queue pages
 * of stories (story_flow.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "core/story.h"
#include "db/q_story_flow.h"
#include "web/resp.h"
#include "web/story_flow.h"
#include "web/view.h"

static void	sfl_row(struct db_ctx *, struct kore_pgsql *, int);
static int	sfl_true(struct kore_pgsql *, int, int);

int
sfl_path(const char *path, const char *suffix, struct sfl_story *s)
{
	const char	*rest;

	if (path_slug_seg(path, SFL_PATH "/", s->slug, sizeof(s->slug)) == -1)
		return (-1);
	rest = path + sizeof(SFL_PATH) + strlen(s->slug);
	return (strcmp(rest, suffix) == 0 ? 0 : -1);
}

int
sfl_load(struct http_request *req, struct sfl_head *h, db_done_fn done)
{
	struct db_ctx	*db = &h->db;

	sfl_story_free(&h->s);
	h->s.found = 0;
	db->params[0] = h->s.slug;
	db->params[1] = db->user.id;
	return (db_chain(req, db, &q_sfl_story, sfl_row, done));
}

static int
sfl_true(struct kore_pgsql *sql, int r, int c)
{
	return (strcmp(db_text(sql, r, c), "true") == 0);
}

#define SFL_COPY(f, c) \
	(void)kore_strlcpy(s->f, db_text(sql, r, c), sizeof(s->f))

static void
sfl_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct sfl_story	*s = &((struct sfl_head *)db)->s;

	sfl_story_free(s);
	s->found = 1;
	SFL_COPY(id, QSF_ID);
	SFL_COPY(rev, QSF_REV);
	SFL_COPY(state, QSF_STATE);
	SFL_COPY(scope, QSF_SCOPE);
	SFL_COPY(wanted, QSF_WANTED);
	SFL_COPY(reviewed_rev, QSF_REVIEWED_REV);
	SFL_COPY(submitted, QSF_SUBMITTED);
	SFL_COPY(c_scope, QSF_C_SCOPE);
	SFL_COPY(c_version, QSF_C_VERSION);
	SFL_COPY(c_at, QSF_C_AT);
	s->c_under16 = sfl_true(sql, r, QSF_C_UNDER16);
	s->c_guardian = *db_text(sql, r, QSF_C_GUARDIAN) != '\0';
	s->read = sfl_true(sql, r, QSF_READ);
	s->teller = sfl_true(sql, r, QSF_TELLER);
	s->editor = sfl_true(sql, r, QSF_EDITOR);
	s->admin = sfl_true(sql, r, QSF_ADMIN);
	s->came_back = sfl_true(sql, r, QSF_CAME_BACK);
	s->title = kore_strdup(db_text(sql, r, QSF_TITLE));
	s->summary = kore_strdup(db_text(sql, r, QSF_SUMMARY));
	s->body_html = kore_strdup(db_text(sql, r, QSF_BODY_HTML));
	s->pseudonym = kore_strdup(db_text(sql, r, QSF_PSEUDONYM));
	s->warnings = kore_strdup(db_text(sql, r, QSF_WARNINGS));
	s->checklist = kore_strdup(db_text(sql, r, QSF_CHECKLIST));
	s->note = kore_strdup(db_text(sql, r, QSF_NOTE));
}

void
sfl_story_free(struct sfl_story *s)
{
	kore_free(s->title);
	kore_free(s->summary);
	kore_free(s->body_html);
	kore_free(s->pseudonym);
	kore_free(s->warnings);
	kore_free(s->checklist);
	kore_free(s->note);
	s->title = s->summary = s->body_html = s->pseudonym = NULL;
	s->warnings = s->checklist = s->note = NULL;
}

void
sfl_href(struct sbuf *out, const struct sfl_story *s, const char *gedaan)
{
	sbuf_printf(out, SFL_PATH "/%s", s->slug);
	if (gedaan != NULL)
		sbuf_printf(out, "?gedaan=%s", gedaan);
}

void
sfl_message(struct http_request *req, enum locale loc, int status,
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

	view_page(req, status, loc, title, SFL_PATH, VIEW_story_flow_message,
	    b, NBINDS(b));
}

int
sfl_refused(struct http_request *req, enum locale loc,
    const struct sfl_story *s, enum msg_id msg)
{
	struct sbuf	back, extra;

	sbuf_init(&back);
	sbuf_init(&extra);
	sfl_href(&back, s, NULL);
	if (s->teller &&
	    view_append(&extra, VIEW_story_flow_mine_link, loc, NULL, 0) != 0)
		sbuf_reset(&extra);
	sfl_message(req, loc, 409, i18n_get(loc, MSG_sfl_refused_title),
	    i18n_get(loc, msg), sbuf_cstr(&extra), sbuf_cstr(&back),
	    i18n_get(loc, MSG_sfl_back_story));
	sbuf_free(&back);
	sbuf_free(&extra);
	return (HTTP_STATE_COMPLETE);
}

void
sfl_warning_names(struct sbuf *out, enum locale loc, const char *codes)
{
	const struct story_word	*w;
	char			*copy, *p, *word;
	int			 first = 1;

	copy = kore_strdup(codes);
	for (p = copy; (word = strsep(&p, " ")) != NULL;) {
		if (*word == '\0')
			continue;
		w = story_warning(word);
		if (!first)
			sbuf_puts(out, ", ");
		sbuf_puts(out, w != NULL ? i18n_get(loc, w->msg) : word);
		first = 0;
	}
	kore_free(copy);
}

const char *
sfl_scope_name(enum locale loc, const char *scope)
{
	const struct story_word	*w = story_scope(scope);

	return (w != NULL ? i18n_get(loc, w->msg) : scope);
}

int
sfl_warning_line(struct sbuf *out, enum locale loc, const char *codes)
{
	struct sbuf	names;
	int		rc;

	if (codes == NULL || *codes == '\0')
		return (0);
	sbuf_init(&names);
	sfl_warning_names(&names, loc, codes);
	{
		const struct tpl_bind	b[] = {
			{ "names", sbuf_cstr(&names), TPL_TEXT },
		};
		rc = view_append(out, VIEW_story_flow_warnings, loc, b,
		    NBINDS(b));
	}
	sbuf_free(&names);
	return (rc);
}
