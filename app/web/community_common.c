/*
 * What the community pages share (see web/community.h): the head row,
 * labels, the refusal page, notices, the pager and the membership box.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "core/form.h"
#include "db/q_community.h"
#include "web/community.h"
#include "web/follow.h"
#include "web/pager.h"
#include "web/view.h"

struct comm_word {
	const char	*word;
	enum msg_id	 msg;
};

/* Every ?gedaan= word a community page answers with. */
static const struct comm_word	comm_words[] = {
	{ "aangemaakt", MSG_comm_done_created },
	{ "opgeslagen", MSG_comm_done_saved },
	{ "lid", MSG_comm_done_joined },
	{ "aangevraagd", MSG_comm_done_requested },
	{ "geweigerd", MSG_comm_done_declined },
	{ "verlaten", MSG_comm_done_left },
	{ "aanvraag_ingetrokken", MSG_comm_done_withdrawn },
	{ "welkom", MSG_comm_done_welcome },
	{ "goedgekeurd", MSG_comm_done_approved },
	{ "afgewezen", MSG_comm_done_rejected },
	{ "verwijderd", MSG_comm_done_removed },
	{ "moderator", MSG_comm_done_mod },
	{ "geen_moderator", MSG_comm_done_unmod },
	{ "ingetrokken", MSG_comm_done_revoked },
	{ "uitgenodigd", MSG_comm_done_invited },
	{ "al_lid", MSG_comm_done_already },
};

static int	comm_button(struct sbuf *, enum locale, const char *,
		    const char *, const char *, enum msg_id, int);
static int	comm_text(struct sbuf *, enum locale, enum msg_id);

void
comm_head_init(struct comm_head *h)
{
	memset(h, 0, sizeof(*h));
	sbuf_init(&h->name);
	sbuf_init(&h->summary);
	sbuf_init(&h->purpose);
}

void
comm_head_free(struct comm_head *h)
{
	sbuf_free(&h->name);
	sbuf_free(&h->summary);
	sbuf_free(&h->purpose);
}

void
comm_head_read(struct comm_head *h, struct kore_pgsql *sql, int r)
{
	h->found = 1;
	(void)kore_strlcpy(h->id, db_text(sql, r, QCH_ID), sizeof(h->id));
	(void)kore_strlcpy(h->slug, db_text(sql, r, QCH_SLUG),
	    sizeof(h->slug));
	sbuf_reset(&h->name);
	sbuf_puts(&h->name, db_text(sql, r, QCH_NAME));
	sbuf_reset(&h->summary);
	sbuf_puts(&h->summary, db_text(sql, r, QCH_SUMMARY));
	sbuf_reset(&h->purpose);
	sbuf_puts(&h->purpose, db_text(sql, r, QCH_PURPOSE));
	(void)kore_strlcpy(h->visibility, db_text(sql, r, QCH_VISIBILITY),
	    sizeof(h->visibility));
	(void)kore_strlcpy(h->membership, db_text(sql, r, QCH_MEMBERSHIP),
	    sizeof(h->membership));
	(void)kore_strlcpy(h->revision, db_text(sql, r, QCH_REVISION),
	    sizeof(h->revision));
	(void)kore_strlcpy(h->state, db_text(sql, r, QCH_STATE),
	    sizeof(h->state));
	h->is_mod = comm_bool(db_text(sql, r, QCH_IS_MOD));
	h->may_read = comm_bool(db_text(sql, r, QCH_MAY_READ));
	h->may_mod = comm_bool(db_text(sql, r, QCH_MAY_MOD));
	h->may_post = comm_bool(db_text(sql, r, QCH_MAY_POST));
	h->following = comm_bool(db_text(sql, r, QCH_FOLLOWING));
	(void)kore_strlcpy(h->members, db_text(sql, r, QCH_MEMBERS),
	    sizeof(h->members));
	(void)kore_strlcpy(h->requests, db_text(sql, r, QCH_REQUESTS),
	    sizeof(h->requests));
	(void)kore_strlcpy(h->topics, db_text(sql, r, QCH_TOPICS),
	    sizeof(h->topics));
	(void)kore_strlcpy(h->mailed, db_text(sql, r, QCH_MAILED),
	    sizeof(h->mailed));
}

int
comm_path_slug(const char *path, char *out, size_t outsz)
{
	return (path_slug_seg(path, COMM_PREFIX, out, outsz));
}

const char *
comm_vis_label(enum locale loc, const char *v)
{
	if (strcmp(v, "leden") == 0)
		return (i18n_get(loc, MSG_comm_vis_leden));
	if (strcmp(v, "besloten") == 0)
		return (i18n_get(loc, MSG_comm_vis_besloten));
	return (i18n_get(loc, MSG_comm_vis_openbaar));
}

const char *
comm_mem_label(enum locale loc, const char *m)
{
	if (strcmp(m, "aanvraag") == 0)
		return (i18n_get(loc, MSG_community_request));
	if (strcmp(m, "uitnodiging") == 0)
		return (i18n_get(loc, MSG_community_invite));
	return (i18n_get(loc, MSG_community_open));
}

int
comm_bool(const char *s)
{
	return (strcmp(s, "t") == 0 || strcmp(s, "true") == 0);
}

int
comm_message(struct http_request *req, enum locale loc, int status,
    enum msg_id title, enum msg_id text, const char *back, enum msg_id label)
{
	const struct tpl_bind	b[] = {
		{ "title", i18n_get(loc, title), TPL_TEXT },
		{ "text", i18n_get(loc, text), TPL_TEXT },
		{ "back", back, TPL_TEXT },
		{ "back_label", i18n_get(loc, label), TPL_TEXT },
	};

	view_page(req, status, loc, i18n_get(loc, title), "/gemeenschappen",
	    VIEW_community_message, b, NBINDS(b));
	return (HTTP_STATE_COMPLETE);
}

int
comm_notice(struct sbuf *out, enum locale loc, const char *word)
{
	size_t	i;

	if (word == NULL)
		return (0);
	for (i = 0; i < NBINDS(comm_words); i++) {
		if (strcmp(word, comm_words[i].word) != 0)
			continue;
		const struct tpl_bind	b[] = {
			{ "text", i18n_get(loc, comm_words[i].msg), TPL_TEXT },
		};
		return (view_append(out, VIEW_notice, loc, b, NBINDS(b)));
	}
	return (follow_notice(out, loc, word) == -1 ? -1 : 0);
}

long
comm_page(struct http_request *req)
{
	char	*v, *end;
	long	 n;

	if (!http_argument_get_string(req, "pagina", &v))
		return (1);
	n = strtol(v, &end, 10);
	if (*v == '\0' || *end != '\0' || n < 1 || n > 1000000)
		return (1);
	return (n);
}

int
comm_pager(struct sbuf *out, enum locale loc, const char *base, long page,
    long total, int per, int nrows)
{
	(void)nrows;
	if (page == 1 && total <= per)
		return (0);
	return (pager_render(out, loc, base, page, (total + per - 1) / per));
}



void
comm_error_max(struct fv *fv, const char *field, enum msg_id msg,
    size_t max)
{
	char	n[24];

	(void)snprintf(n, sizeof(n), "%zu", max);
	fv_error(fv, field, msg, n);
}

/* A one-button POST form to .../lidmaatschap. */
static int
comm_button(struct sbuf *out, enum locale loc, const char *csrf,
    const char *slug, const char *act, enum msg_id label, int danger)
{
	const struct tpl_bind	b[] = {
		{ "slug", slug, TPL_TEXT },
		{ "csrf", csrf, TPL_TEXT },
		{ "act", act, TPL_TEXT },
		{ "label", i18n_get(loc, label), TPL_TEXT },
		{ "cls", danger ? " class=\"button-danger\"" : "",
		    TPL_TRUSTED_HTML },
	};

	return (view_append(out, VIEW_community_button, loc, b, NBINDS(b)));
}

static int
comm_text(struct sbuf *out, enum locale loc, enum msg_id msg)
{
	const struct tpl_bind	b[] = {
		{ "text", i18n_get(loc, msg), TPL_TEXT },
	};

	return (view_append(out, VIEW_community_text, loc, b, NBINDS(b)));
}

int
comm_join_box(struct sbuf *out, enum locale loc, const char *csrf,
    const struct comm_head *h, int signed_in, const char *note,
    struct fv *fv)
{
	struct sbuf	 body, href;
	int		 rc;

	sbuf_init(&body);
	sbuf_init(&href);
	rc = 0;
	if (strcmp(h->state, "lid") == 0) {
		rc |= comm_text(&body, loc, h->is_mod ?
		    MSG_comm_state_moderator : MSG_comm_state_member);
		rc |= comm_button(&body, loc, csrf, h->slug, "verlaten",
		    MSG_comm_leave_button, 1);
	} else if (strcmp(h->state, "aanvraag") == 0) {
		rc |= comm_text(&body, loc, MSG_comm_state_request);
		rc |= comm_button(&body, loc, csrf, h->slug, "verlaten",
		    MSG_comm_withdraw_button, 0);
	} else if (strcmp(h->state, "uitgenodigd") == 0) {
		rc |= comm_text(&body, loc, MSG_comm_state_invited);
		rc |= comm_button(&body, loc, csrf, h->slug, "accepteren",
		    MSG_comm_accept_button, 0);
		rc |= comm_button(&body, loc, csrf, h->slug, "weigeren",
		    MSG_comm_decline_button, 0);
	} else if (strcmp(h->membership, "uitnodiging") == 0) {
		rc |= comm_text(&body, loc, MSG_comm_invite_only);
	} else if (!signed_in) {
		sbuf_printf(&href, "/inloggen?terug=%%2Fgemeenschappen%%2F%s",
		    h->slug);
		const struct tpl_bind	b[] = {
			{ "href", sbuf_cstr(&href), TPL_TEXT },
			{ "label", i18n_get(loc, MSG_comm_join_login),
			    TPL_TEXT },
		};
		rc |= view_append(&body, VIEW_community_link, loc, b,
		    NBINDS(b));
	} else if (strcmp(h->membership, "aanvraag") == 0) {
		static const char *const	fields[] = { "note", NULL };
		const struct tpl_bind		fixed[] = {
			{ "slug", h->slug, TPL_TEXT },
			{ "csrf", csrf, TPL_TEXT },
			{ "note", note != NULL ? note : "", TPL_TEXT },
			{ "errors", fv_summary(fv), TPL_TRUSTED_HTML },
		};
		struct tpl_bind			b[NBINDS(fixed) +
		    FV_BINDS_PER_FIELD];
		size_t				n;

		n = fv_binds(fv, fields, fixed, NBINDS(fixed), b, NBINDS(b));
		rc |= view_append(&body, VIEW_community_request, loc, b, n);
	} else {
		rc |= comm_button(&body, loc, csrf, h->slug, "aanmelden",
		    MSG_comm_join_button, 0);
	}
	{
		const struct tpl_bind	b[] = {
			{ "body", sbuf_cstr(&body), TPL_TRUSTED_HTML },
		};
		rc |= view_append(out, VIEW_community_join, loc, b, NBINDS(b));
	}
	sbuf_free(&body);
	sbuf_free(&href);
	return (rc);
}
