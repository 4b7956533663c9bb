/*
 * Notification sentences (see notify_text.h). Each kind, and for some
 * kinds a variant worked out in SQL (db/q_notify.c, "sub"), has one
 * message; its placeholders take the actor (a), the title (t) and the
 * community (c) in the order the table names them, the same in every
 * language. An action's reminder (kind 'actie') is stored as
 * "herinnering:YYYY-MM-DD:<what>"; its variant is "herinnering:<date>"
 * (db/q_notify_sql.h), its title what follows (the prefix is dropped
 * here too when the query left it), and d is the date (DD-MM-YYYY).
 * A story's notification (kind 'verhaal') stores a sentence code as its
 * text (sql/008_story.sql): the code picks the sentence, and l is a
 * link ("Bekijken") to its href, nothing in plain text; the code itself
 * is never shown. A review of a story ('beoordeling', href /verhalen/)
 * has sentences of its own: checked is not online for a story. The
 * message text is escaped before the arguments go in, so in HTML mode
 * nothing but the link is markup.
 */
#include <string.h>

#include "core/html.h"
#include "core/notify_text.h"
#include "core/sbuf.h"

struct sentence {
	const char	*kind;
	const char	*sub;
	enum msg_id	 msg;
	const char	*args;	/* 'a' actor, 't' title, 'c' community,
				   'd' due date of a reminder */
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
	{ "mastermind", "geopend", MSG_notify_s_mm_geopend, "at" },
	{ "mastermind", "aanvulling", MSG_notify_s_mm_aanvulling, "at" },
	{ "mastermind", "besluit", MSG_notify_s_mm_besluit, "at" },
	{ "mastermind", "", MSG_notify_s_mm, "t" },
	{ "actie", "herinnering", MSG_notify_s_actie_herinnering, "td" },
	{ "actie", "", MSG_notify_s_actie, "at" },
	/* Stories: the stored text is a code, never the story's words. */
	{ "verhaal", "ingestuurd", MSG_notify_s_verhaal_ingestuurd, "l" },
	{ "verhaal", "ingetrokken", MSG_notify_s_verhaal_ingetrokken, "l" },
	{ "verhaal", "verruiming", MSG_notify_s_verhaal_verruiming, "l" },
	{ "verhaal", "verruimd", MSG_notify_s_verhaal_verruimd, "l" },
	{ "verhaal", "verruiming_af", MSG_notify_s_verhaal_verruiming_af,
	    "l" },
	{ "verhaal", "reactie", MSG_notify_s_verhaal_reactie, "l" },
	{ "verhaal", "reactie_geplaatst",
	    MSG_notify_s_verhaal_reactie_geplaatst, "l" },
	{ "verhaal", "", MSG_notify_s_verhaal, "l" },
	{ "beoordeling", "verhaal_goedgekeurd", MSG_notify_s_story_review_ok,
	    "t" },
	{ "beoordeling", "verhaal_teruggestuurd",
	    MSG_notify_s_story_review_back, "t" },
};

/* A story's review ('beoordeling') links to the story itself. */
#define STORY_HREF	"/verhalen/"

/* "herinnering:" + YYYY-MM-DD + ":" before a reminder's title. */
#define REMIND_PREFIX	"herinnering:"
#define REMIND_LEN	(sizeof(REMIND_PREFIX) - 1 + 10 + 1)

static const struct sentence	*sentence_find(const char *, const char *);
static void	put_arg(struct sbuf *, enum locale, char,
		    const struct notify_subject *, int);
static const char *reminder_date(const struct notify_subject *);

/*
 * The kind's variant; an unknown variant falls back to the kind's "".
 * A reminder's variant carries its date: "herinnering:YYYY-MM-DD".
 */
static const struct sentence *
sentence_find(const char *kind, const char *sub)
{
	const struct sentence	*any;
	size_t			 i;

	any = NULL;
	for (i = 0; i < sizeof(sentences) / sizeof(sentences[0]); i++) {
		if (strcmp(sentences[i].kind, kind) != 0)
			continue;
		if (strcmp(sentences[i].sub, sub) == 0 ||
		    (strcmp(sentences[i].sub, "herinnering") == 0 &&
		    strncmp(sub, REMIND_PREFIX, sizeof(REMIND_PREFIX) - 1) == 0))
			return (&sentences[i]);
		if (sentences[i].sub[0] == '\0')
			any = &sentences[i];
	}
	return (any);
}

/*
 * The due date of an action's reminder (YYYY-MM-DD), from its variant
 * "herinnering:<date>" or, when the variant is only "herinnering", from
 * the title; NULL if this is no reminder.
 */
static const char *
reminder_date(const struct notify_subject *s)
{
	const char	*d;
	size_t		 i;

	if (strcmp(s->kind, "actie") != 0 ||
	    strncmp(s->sub, "herinnering", 11) != 0)
		return (NULL);
	if (strlen(s->sub) == REMIND_LEN - 1)
		d = s->sub + sizeof(REMIND_PREFIX) - 1;
	else if (strncmp(s->title, REMIND_PREFIX,
	    sizeof(REMIND_PREFIX) - 1) == 0 && strlen(s->title) >= REMIND_LEN)
		d = s->title + sizeof(REMIND_PREFIX) - 1;
	else
		return (NULL);
	for (i = 0; i < 10; i++)
		if ((i == 4 || i == 7) ? d[i] != '-' :
		    (d[i] < '0' || d[i] > '9'))
			return (NULL);
	return (d);
}

static void
put_arg(struct sbuf *out, enum locale loc, char which,
    const struct notify_subject *s, int html)
{
	const char	*v, *title;
	char		 date[11];

	title = s->title;
	if (reminder_date(s) != NULL && strncmp(title, REMIND_PREFIX,
	    sizeof(REMIND_PREFIX) - 1) == 0 && strlen(title) >= REMIND_LEN &&
	    title[REMIND_LEN - 1] == ':')
		title += REMIND_LEN;
	switch (which) {
	case 'd':
		if ((v = reminder_date(s)) == NULL)
			return;
		/* YYYY-MM-DD as DD-MM-YYYY (Dutch order, also in English). */
		memcpy(date, v + 8, 2);
		date[2] = '-';
		memcpy(date + 3, v + 5, 2);
		date[5] = '-';
		memcpy(date + 6, v, 4);
		date[10] = '\0';
		sbuf_puts(out, date);
		return;
	case 'a':
		v = *s->actor != '\0' ? s->actor :
		    i18n_get(loc, MSG_notify_someone);
		break;
	case 'c':
		v = s->community;
		break;
	case 'l':
		if (!html)
			return;
		v = i18n_get(loc, MSG_notify_s_verhaal_link);
		sbuf_puts(out, " <a href=\"");
		html_url(out, s->href, strlen(s->href));
		sbuf_puts(out, "\">");
		html_text(out, v, strlen(v));
		sbuf_puts(out, "</a>");
		return;
	default:
		if (!html) {
			sbuf_puts(out, title);
			return;
		}
		sbuf_puts(out, "<a href=\"");
		html_url(out, s->href, strlen(s->href));
		sbuf_puts(out, "\">");
		html_text(out, title, strlen(title));
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
	const char		*fmt, *args, *sub;
	struct sbuf		 msg, arg[3], subs;
	const char		*argv[3];
	size_t			 i, n;

	sbuf_init(&subs);
	sub = s->sub;
	if (strcmp(s->kind, "verhaal") == 0)
		sub = s->title;
	else if (strcmp(s->kind, "beoordeling") == 0 &&
	    strncmp(s->href, STORY_HREF, sizeof(STORY_HREF) - 1) == 0) {
		sbuf_printf(&subs, "verhaal_%s", s->sub);
		sub = sbuf_cstr(&subs);
	}
	st = sentence_find(s->kind, sub);
	/* A reminder without a readable date says only what it is about. */
	if (st != NULL && strcmp(st->sub, "herinnering") == 0 &&
	    reminder_date(s) == NULL)
		st = sentence_find(s->kind, "");
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
	sbuf_free(&subs);
}
