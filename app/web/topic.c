/*
 * Shared by the discussion pages (see topic.h): the community gate
 * with its members-only page, the message page, author
 * links, and the checks of a post body.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "core/form.h"
#include "core/md.h"
#include "db/q_topic.h"
#include "web/auth.h"
#include "web/resp.h"
#include "web/topic.h"
#include "web/view.h"

static int	topic_join_text(struct sbuf *, enum locale, enum msg_id);
static int	topic_blank(const char *);

void
topic_comm_read(struct topic_comm *c, struct kore_pgsql *sql, int r)
{
	if (c->found)
		return;
	c->found = 1;
	(void)kore_strlcpy(c->id, db_text(sql, r, QT_C_ID), sizeof(c->id));
	(void)kore_strlcpy(c->slug, db_text(sql, r, QT_C_SLUG),
	    sizeof(c->slug));
	c->name = kore_strdup(db_text(sql, r, QT_C_NAME));
	(void)kore_strlcpy(c->membership, db_text(sql, r, QT_C_MEMBERSHIP),
	    sizeof(c->membership));
	(void)kore_strlcpy(c->visibility, db_text(sql, r, QT_C_VISIBILITY),
	    sizeof(c->visibility));
	c->see = strcmp(db_text(sql, r, QT_C_SEE), "t") == 0;
	c->read = strcmp(db_text(sql, r, QT_C_READ), "t") == 0;
	c->post = strcmp(db_text(sql, r, QT_C_POST), "t") == 0;
	c->moderate = strcmp(db_text(sql, r, QT_C_MOD), "t") == 0;
	(void)kore_strlcpy(c->state, db_text(sql, r, QT_C_STATE),
	    sizeof(c->state));
}

void
topic_comm_free(struct topic_comm *c)
{
	kore_free(c->name);
	c->name = NULL;
}

int
topic_gate(struct http_request *req, enum locale loc, struct topic_comm *c)
{
	return (topic_gate_typed(req, loc, c, NULL));
}

int
topic_gate_typed(struct http_request *req, enum locale loc,
    struct topic_comm *c, const char *typed)
{
	if (c->found && c->read)
		return (1);
	if (!c->found || !c->see) {
		resp_error(req, 404);
		return (0);
	}
	topic_members_page(req, loc, c, MSG_topic_members_lead, typed);
	return (0);
}

void
topic_members_page(struct http_request *req, enum locale loc,
    struct topic_comm *c, enum msg_id lead, const char *typed)
{
	struct sbuf	join, kept;
	int		rc;

	sbuf_init(&join);
	sbuf_init(&kept);
	rc = topic_join_html(&join, req, loc, c);
	if (typed != NULL && *typed != '\0') {
		const struct tpl_bind	b[] = {
			{ "text", typed, TPL_TEXT },
		};
		rc |= view_append(&kept, VIEW_topic_members_typed, loc, b,
		    NBINDS(b));
	}
	if (rc != 0)
		resp_error(req, 500);
	else {
		const struct tpl_bind	b[] = {
			{ "name", c->name, TPL_TEXT },
			{ "slug", c->slug, TPL_TEXT },
			{ "lead", i18n_get(loc, lead), TPL_TEXT },
			{ "join", sbuf_cstr(&join), TPL_TRUSTED_HTML },
			{ "typed", sbuf_cstr(&kept), TPL_TRUSTED_HTML },
		};
		view_page(req, 403, loc, c->name, "/gemeenschappen",
		    VIEW_topic_members, b, NBINDS(b));
	}
	sbuf_free(&join);
	sbuf_free(&kept);
}

/*
 * How this reader can get in: sign in, accept the invitation, join,
 * ask to join, or wait (a request is pending, or invitation only). The
 * forms post to the community's membership route (web/community*.c).
 */
int
topic_join_html(struct sbuf *out, struct http_request *req, enum locale loc,
    struct topic_comm *c)
{
	struct sess_user *u;
	struct sbuf	 back;
	const char	*action;
	enum msg_id	 label;
	int		 rc, note;

	u = auth_user(req);
	if (u == NULL || !u->loaded) {
		sbuf_init(&back);
		sbuf_puts(&back, "/inloggen?terug=");
		sbuf_urlenc(&back, req->path);
		{
			const struct tpl_bind	b[] = {
				{ "href", sbuf_cstr(&back), TPL_TEXT },
			};
			rc = view_append(out, VIEW_topic_join_login, loc, b,
			    NBINDS(b));
		}
		sbuf_free(&back);
		return (rc);
	}
	note = 0;
	if (strcmp(c->state, "uitgenodigd") == 0) {
		action = "accepteren";
		label = MSG_topic_join_accept;
	} else if (strcmp(c->state, "aanvraag") == 0)
		return (topic_join_text(out, loc, MSG_topic_join_pending));
	else if (strcmp(c->membership, "open") == 0) {
		action = "aanmelden";
		label = MSG_topic_join_open;
	} else if (strcmp(c->membership, "aanvraag") == 0) {
		action = "aanmelden";
		label = MSG_topic_join_request;
		note = 1;
	} else
		return (topic_join_text(out, loc, MSG_topic_join_invite_only));
	{
		const struct tpl_bind	b[] = {
			{ "slug", c->slug, TPL_TEXT },
			{ "csrf", auth_csrf(req), TPL_TEXT },
			{ "action", action, TPL_TEXT },
			{ "label", i18n_get(loc, label), TPL_TEXT },
		};
		return (view_append(out, note ? VIEW_topic_join_request :
		    VIEW_topic_join_form, loc, b, NBINDS(b)));
	}
}

static int
topic_join_text(struct sbuf *out, enum locale loc, enum msg_id msg)
{
	const struct tpl_bind	b[] = {
		{ "text", i18n_get(loc, msg), TPL_TEXT },
	};

	return (view_append(out, VIEW_topic_join_text, loc, b, NBINDS(b)));
}

int
topic_message(struct http_request *req, enum locale loc, int status,
    enum msg_id title, enum msg_id text, const char *back, enum msg_id label)
{
	const struct tpl_bind	b[] = {
		{ "title", i18n_get(loc, title), TPL_TEXT },
		{ "text", i18n_get(loc, text), TPL_TEXT },
		{ "back", back != NULL ? back : "/gemeenschappen", TPL_TEXT },
		{ "back_label", i18n_get(loc, back != NULL ? label :
		    MSG_topic_back_communities), TPL_TEXT },
	};

	view_page(req, status, loc, i18n_get(loc, title), "/gemeenschappen",
	    VIEW_topic_message, b, NBINDS(b));
	return (HTTP_STATE_COMPLETE);
}

void
topic_author(struct sbuf *out, enum locale loc, const char *id,
    const char *name)
{
	if (*id == '\0' || *name == '\0') {
		const struct tpl_bind	b[] = {
			{ "name", i18n_get(loc, MSG_former_member), TPL_TEXT },
		};
		(void)view_append(out, VIEW_topic_author_former, loc, b,
		    NBINDS(b));
		return;
	}
	{
		const struct tpl_bind	b[] = {
			{ "id", id, TPL_TEXT },
			{ "name", name, TPL_TEXT },
		};
		(void)view_append(out, VIEW_topic_author, loc, b, NBINDS(b));
	}
}

int
topic_page_arg(struct http_request *req, long *page)
{
	char	*v, *end;
	long	 n;

	*page = 1;
	if (!http_argument_get_string(req, "pagina", &v))
		return (!path_query_has(req->query_string, "pagina"));
	if (*v < '1' || *v > '9')
		return (0);
	errno = 0;
	n = strtol(v, &end, 10);
	if (*end != '\0' || errno != 0 || n > TOPIC_PAGE_MAX)
		return (0);
	*page = n;
	return (1);
}

int
topic_id_at(const char *s, char *out, size_t len, const char **end)
{
	size_t	n;

	for (n = 0; s[n] >= '0' && s[n] <= '9'; n++)
		;
	if (n == 0 || n > TOPIC_ID_MAX || n >= len || s[0] == '0' ||
	    (s[n] != '\0' && s[n] != '/'))
		return (-1);
	memcpy(out, s, n);
	out[n] = '\0';
	if (end != NULL)
		*end = s + n;
	return (0);
}


static int
topic_blank(const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s != ' ' && *s != '\t' && *s != '\n')
			return (0);
	}
	return (1);
}

int
topic_body_ok(struct fv *fv, const char *field, const char *body)
{
	char	num[24];

	if (topic_blank(body)) {
		fv_error(fv, field, MSG_topic_body_empty, NULL);
		return (0);
	}
	switch (form_text(body, TOPIC_BODY_MAX, 1, 1)) {
	case FORM_OK:
		return (1);
	case FORM_TOO_LONG:
		(void)snprintf(num, sizeof(num), "%zu", form_chars(body));
		fv_error(fv, field, MSG_topic_body_long, num);
		return (0);
	default:
		fv_error(fv, field, MSG_topic_bad_chars, NULL);
		return (0);
	}
}

int
topic_body_html(struct sbuf *out, const char *body)
{
	size_t	len;

	len = strlen(body);
	if (len > MD_MAX_INPUT)
		return (-1);
	return (md_render(out, body, len));
}
