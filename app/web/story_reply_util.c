/*
 * Shared by the reply and quote pages (story_reply.h).
 */
#include <stdio.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "core/form.h"
#include "db/q_story_extra.h"
#include "web/story_reply.h"
#include "web/view.h"

static void	sx_row(struct db_ctx *, struct kore_pgsql *, int);
static int	sx_true(struct kore_pgsql *, int, int);

int
sx_path(const char *path, const char *suffix, struct sx_story *s)
{
	const char	*p;
	size_t		 n, sl;

	if (strncmp(path, SX_PATH "/", sizeof(SX_PATH)) != 0)
		return (-1);
	p = path + sizeof(SX_PATH);
	sl = strlen(suffix);
	n = strlen(p);
	if (n <= sl || strcmp(p + n - sl, suffix) != 0)
		return (-1);
	n -= sl;
	if (n == 0 || n >= sizeof(s->slug) || !path_slug_ok(p, n))
		return (-1);
	memcpy(s->slug, p, n);
	s->slug[n] = '\0';
	return (0);
}

int
sx_id_path(const char *path, const char *prefix, const char *suffix,
    char *id, size_t len)
{
	const char	*p;
	char		 buf[SX_ID_MAX + 1];
	size_t		 n, pl, sl;

	pl = strlen(prefix);
	sl = strlen(suffix);
	if (strncmp(path, prefix, pl) != 0)
		return (-1);
	p = path + pl;
	n = strlen(p);
	if (n <= sl || strcmp(p + n - sl, suffix) != 0)
		return (-1);
	n -= sl;
	if (n == 0 || n > SX_ID_MAX)
		return (-1);
	memcpy(buf, p, n);
	buf[n] = '\0';
	return (form_id(id, len, buf));
}

int
sx_load(struct http_request *req, struct sx_head *h, db_done_fn done)
{
	struct db_ctx	*db = &h->db;

	sx_story_free(&h->s);
	h->s.found = 0;
	db->params[0] = h->s.slug;
	db->params[1] = db->user.id;
	return (db_chain(req, db, &q_sx_story, sx_row, done));
}

static int
sx_true(struct kore_pgsql *sql, int r, int c)
{
	return (strcmp(db_text(sql, r, c), "true") == 0);
}

static void
sx_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct sx_story	*s = &((struct sx_head *)db)->s;

	sx_story_free(s);
	s->found = 1;
	(void)kore_strlcpy(s->id, db_text(sql, r, QSX_ID), sizeof(s->id));
	(void)kore_strlcpy(s->state, db_text(sql, r, QSX_STATE),
	    sizeof(s->state));
	(void)kore_strlcpy(s->replies, db_text(sql, r, QSX_REPLIES),
	    sizeof(s->replies));
	s->may_read = sx_true(sql, r, QSX_MAY_READ);
	s->teller = sx_true(sql, r, QSX_TELLER);
	s->editor = sx_true(sql, r, QSX_EDITOR);
	s->quotable = sx_true(sql, r, QSX_QUOTABLE);
	s->title = kore_strdup(db_text(sql, r, QSX_TITLE));
	s->pseudonym = kore_strdup(db_text(sql, r, QSX_PSEUDONYM));
	s->body_html = kore_strdup(db_text(sql, r, QSX_BODY_HTML));
	s->body_md = kore_strdup(db_text(sql, r, QSX_BODY_MD));
}

void
sx_story_free(struct sx_story *s)
{
	kore_free(s->title);
	kore_free(s->pseudonym);
	kore_free(s->body_html);
	kore_free(s->body_md);
	s->title = s->pseudonym = s->body_html = s->body_md = NULL;
}

void
sx_href(struct sbuf *out, const char *slug, const char *gedaan,
    const char *anchor)
{
	sbuf_printf(out, SX_PATH "/%s", slug);
	if (gedaan != NULL)
		sbuf_printf(out, "?gedaan=%s", gedaan);
	if (anchor != NULL)
		sbuf_printf(out, "#%s", anchor);
}

void
sx_message(struct http_request *req, enum locale loc, int status,
    enum msg_id title, enum msg_id text, const char *back,
    enum msg_id back_label)
{
	const struct tpl_bind	b[] = {
		{ "title", i18n_get(loc, title), TPL_TEXT },
		{ "text", i18n_get(loc, text), TPL_TEXT },
		{ "back", back, TPL_TEXT },
		{ "back_label", i18n_get(loc, back_label), TPL_TEXT },
	};

	view_page(req, status, loc, i18n_get(loc, title), SX_PATH,
	    VIEW_story_reply_message, b, NBINDS(b));
}
