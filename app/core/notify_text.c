/*
 * Notification sentences (see notify_text.h). Each kind, and for some
 * kinds a variant worked out in SQL (db/q_notify.c, "sub"), has one
 * message; its placeholders take the actor (a), the title (t) and the
 * community (c) in the order the table names them, the same in every
 * language. The message text is escaped before the arguments go in, so
 * in HTML mode nothing but the link is markup.
 */
#include <string.h>

#include "core/html.h"
#include "core/notify_text.h"
#include "core/sbuf.h"

struct sentence {
	const char	*kind;
	const char	*sub;
	enum msg_id	 msg;
	const char	*args;	/* 'a' actor, 't' title, 'c' community */
};

static const struct sentence	sentences[] = {
	{ "nieuw_item", "", MSG_notify_s_nieuw_item, "t" },
	{ "nieuw_item", "c", MSG_notify_s_nieuw_item_c, "ct" },
	{ "wijziging", "", MSG_notify_s_wijziging, "at" },
	{ "gesprek", "", MSG_notify_s_gesprek, "act" },
	{ "reactie", "", MSG_notify_s_reactie, "at" },
	{ "vermelding", "", MSG_notify_s_vermelding, "at" },
	{ "lidmaatschap", "aanvraag", MSG_notify_s_lid_aanvraag, "at" },
	{ "lidmaatschap", "nieuw", MSG_notify_s_lid_nieuw, "at" },
	{ "lidmaatschap", "leden", MSG_notify_s_lid_leden, "t" },
	{ "lidmaatschap", "uitnodiging", MSG_notify_s_lid_uitnodiging, "at" },
	{ "lidmaatschap", "", MSG_notify_s_lid_besluit, "t" },
	{ "beoordeling", "goedgekeurd", MSG_notify_s_review_ok, "t" },
	{ "beoordeling", "teruggestuurd", MSG_notify_s_review_back, "t" },
	{ "beoordeling", "", MSG_notify_s_review, "t" },
	{ "moderatie", "bericht_verborgen", MSG_notify_s_mod_post_hidden,
	    "t" },
	{ "moderatie", "bericht_hersteld", MSG_notify_s_mod_post_back, "t" },
	{ "moderatie", "item_verborgen", MSG_notify_s_mod_item_hidden, "t" },
	{ "moderatie", "item_hersteld", MSG_notify_s_mod_item_back, "t" },
	{ "contact", "", MSG_notify_s_contact, "at" },
};

static const struct sentence	*sentence_find(const char *, const char *);
static void	put_arg(struct sbuf *, enum locale, char,
		    const struct notify_subject *, int);

/* The kind's variant; an unknown variant falls back to the kind's "". */
static const struct sentence *
sentence_find(const char *kind, const char *sub)
{
	const struct sentence	*any;
	size_t			 i;

	any = NULL;
	for (i = 0; i < sizeof(sentences) / sizeof(sentences[0]); i++) {
		if (strcmp(sentences[i].kind, kind) != 0)
			continue;
		if (strcmp(sentences[i].sub, sub) == 0)
			return (&sentences[i]);
		if (sentences[i].sub[0] == '\0')
			any = &sentences[i];
	}
	return (any);
}

static void
put_arg(struct sbuf *out, enum locale loc, char which,
    const struct notify_subject *s, int html)
{
	const char	*v;

	switch (which) {
	case 'a':
		v = *s->actor != '\0' ? s->actor :
		    i18n_get(loc, MSG_notify_someone);
		break;
	case 'c':
		v = s->community;
		break;
	default:
		if (!html) {
			sbuf_puts(out, s->title);
			return;
		}
		sbuf_puts(out, "<a href=\"");
		html_url(out, s->href, strlen(s->href));
		sbuf_puts(out, "\">");
		html_text(out, s->title, strlen(s->title));
		sbuf_puts(out, "</a>");
		return;
	}
	if (html)
		html_text(out, v, strlen(v));
	else
		sbuf_puts(out, v);
}

void
notify_text(struct sbuf *out, enum locale loc,
    const struct notify_subject *s, int html)
{
	const struct sentence	*st;
	const char		*fmt, *args;
	struct sbuf		 msg, arg[3];
	const char		*argv[3];
	size_t			 i, n;

	st = sentence_find(s->kind, s->sub);
	fmt = st != NULL ? i18n_get(loc, st->msg) : "%s";
	args = st != NULL ? st->args : "t";
	n = strlen(args);
	sbuf_init(&msg);
	if (html)
		html_text(&msg, fmt, strlen(fmt));
	else
		sbuf_puts(&msg, fmt);
	for (i = 0; i < n && i < 3; i++) {
		sbuf_init(&arg[i]);
		put_arg(&arg[i], loc, args[i], s, html);
		argv[i] = sbuf_cstr(&arg[i]);
	}
	/* Only %s placeholders; "%%" stays a percent sign. */
	i18n_fmt(out, sbuf_cstr(&msg), argv, i);
	while (i-- > 0)
		sbuf_free(&arg[i]);
	sbuf_free(&msg);
}
