/*
 * notify_text: each kind's sentence in both languages, the title as a
 * link in HTML and as text in mail, escaping of every argument, the
 * unknown actor, and fallbacks for unknown variants and kinds.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/notify_text.h"
#include "core/sbuf.h"

#define SAY(loc, s, html, want) \
	check_text(loc, s, html, want, __FILE__, __LINE__)

static void	check_text(enum locale, const struct notify_subject *, int,
		    const char *, const char *, int);

static void
check_text(enum locale loc, const struct notify_subject *s, int html,
    const char *want, const char *file, int line)
{
	struct sbuf	out;

	sbuf_init(&out);
	notify_text(&out, loc, s, html);
	_assert_string_equal(sbuf_cstr(&out), want, file, line);
	sbuf_free(&out);
}

static void
t_reply(void **state)
{
	const struct notify_subject	s = { "reactie", "", "Pim",
	    "Separeer & dwang", "", "/gemeenschappen/x/gesprekken/4#bericht-2" };

	(void)state;
	SAY(LOC_NL, &s, 1, "Pim reageerde in het gesprek <a href=\""
	    "/gemeenschappen/x/gesprekken/4#bericht-2\">Separeer &amp; "
	    "dwang</a>.");
	SAY(LOC_NL, &s, 0, "Pim reageerde in het gesprek Separeer & dwang.");
	SAY(LOC_EN, &s, 0, "Pim replied in the discussion Separeer & dwang.");
}

static void
t_escaping(void **state)
{
	const struct notify_subject	s = { "gesprek", "",
	    "<b>\"x'</b>", "<script>alert(1)</script>", "A&B",
	    "javascript:alert(1)" };
	struct sbuf			out;

	(void)state;
	sbuf_init(&out);
	notify_text(&out, LOC_NL, &s, 1);
	assert_null(strstr(sbuf_cstr(&out), "<b>"));
	assert_null(strstr(sbuf_cstr(&out), "<script"));
	assert_null(strstr(sbuf_cstr(&out), "javascript:"));
	assert_non_null(strstr(sbuf_cstr(&out), "&lt;b&gt;"));
	assert_non_null(strstr(sbuf_cstr(&out), " in A&amp;B: "));
	sbuf_free(&out);
}

static void
t_variants(void **state)
{
	struct notify_subject	s = { "lidmaatschap", "aanvraag", "Ans",
	    "Kleinschaligheid", "Kleinschaligheid", "/g/k/leden" };

	(void)state;
	SAY(LOC_NL, &s, 0, "Ans wil lid worden van Kleinschaligheid.");
	s.sub = "uitnodiging";
	SAY(LOC_NL, &s, 0, "Ans nodigt je uit voor Kleinschaligheid.");
	/* An unknown variant: the kind's general sentence. */
	s.sub = "iets-anders";
	SAY(LOC_NL, &s, 0,
	    "Er is een besluit over je lidmaatschap van Kleinschaligheid.");
	s.kind = "beoordeling";
	s.sub = "goedgekeurd";
	s.title = "Op de groei";
	SAY(LOC_NL, &s, 0,
	    "De redactie heeft Op de groei goedgekeurd. Het staat nu online.");
	s.sub = "teruggestuurd";
	SAY(LOC_EN, &s, 0,
	    "The editors sent Op de groei back. Read what you can improve.");
	s.kind = "nieuw_item";
	s.sub = "c";
	s.community = "Suïcidepreventie";
	SAY(LOC_NL, &s, 0, "Nieuw in Suïcidepreventie: Op de groei");
}

static void
t_contact(void **state)
{
	struct notify_subject	s = { "contact", "", "Ans & Co",
	    "Thuis <na> JeugdzorgPlus", "", "/pilots/thuis/contactpersoon" };

	(void)state;
	SAY(LOC_NL, &s, 1, "Ans &amp; Co vraagt of je contactpersoon wilt "
	    "zijn voor <a href=\"/pilots/thuis/contactpersoon\">Thuis "
	    "&lt;na&gt; JeugdzorgPlus</a>.");
	SAY(LOC_NL, &s, 0, "Ans & Co vraagt of je contactpersoon wilt zijn "
	    "voor Thuis <na> JeugdzorgPlus.");
	SAY(LOC_EN, &s, 0, "Ans & Co asks whether you will be the contact "
	    "person for Thuis <na> JeugdzorgPlus.");
	/* The asker's account is gone. */
	s.actor = "";
	SAY(LOC_NL, &s, 0, "Iemand vraagt of je contactpersoon wilt zijn "
	    "voor Thuis <na> JeugdzorgPlus.");
}

static void
t_fallbacks(void **state)
{
	struct notify_subject	s = { "vermelding", "", "", "T", "", "/t" };

	(void)state;
	/* No actor (a deleted account is named by the query). */
	SAY(LOC_NL, &s, 0, "Iemand noemde je in het gesprek T.");
	SAY(LOC_EN, &s, 0, "Someone mentioned you in the discussion T.");
	/* A kind this build does not know: the title alone. */
	s.kind = "toekomst";
	SAY(LOC_NL, &s, 1, "<a href=\"/t\">T</a>");
	/* A percent sign in a title is not a placeholder. */
	s.kind = "reactie";
	s.title = "100%s %d %%";
	SAY(LOC_NL, &s, 0, "Iemand reageerde in het gesprek 100%s %d %%.");
}

/* Issue 8: mastermind variants and an action's reminder with its date. */
static void
t_mastermind(void **state)
{
	const struct notify_subject	open = { "mastermind", "geopend",
	    "Pim", "Sessie 3", "", "/masterminds/s/sessie-3" };
	const struct notify_subject	own = { "actie", "", "Pim",
	    "Protocol <herschrijven>", "", "/masterminds/s/sessie-3#actie-4" };
	const struct notify_subject	rem = { "actie",
	    "herinnering:2026-03-09", "", "Zaal boeken", "",
	    "/masterminds/s/sessie-3#actie-5" };
	const struct notify_subject	raw = { "actie",
	    "herinnering:2026-03-09", "", "herinnering:2026-03-09:Zaal boeken",
	    "", "/x" };
	const struct notify_subject	bad = { "actie", "herinnering:2026-3-9",
	    "", "herinnering:kapot", "", "/x" };

	(void)state;
	SAY(LOC_NL, &open, 0, "Pim vraagt je het verslag van Sessie 3 aan "
	    "te vullen.");
	SAY(LOC_NL, &own, 1, "Pim maakte je eigenaar van een actie: <a href=\""
	    "/masterminds/s/sessie-3#actie-4\">Protocol &lt;herschrijven&gt;"
	    "</a>");
	SAY(LOC_NL, &rem, 0, "Herinnering: je actie Zaal boeken moet uiterlijk "
	    "09-03-2026 klaar zijn.");
	SAY(LOC_EN, &rem, 0, "Reminder: your action Zaal boeken is due by "
	    "09-03-2026.");
	/* The digest passes the stored text: the prefix is dropped here. */
	SAY(LOC_NL, &raw, 0, "Herinnering: je actie Zaal boeken moet uiterlijk "
	    "09-03-2026 klaar zijn.");
	/* Without a readable date: the owner's sentence, the title as is. */
	SAY(LOC_NL, &bad, 0, "Iemand maakte je eigenaar van een actie: "
	    "herinnering:kapot");
}

/*
 * Stories (issue 9): the stored text is a sentence code, never shown; an
 * unknown code is the kind's general sentence; a review of a story says
 * that the storyteller decides.
 */
static void
t_story(void **state)
{
	const struct notify_subject	in = { "verhaal", "", "", "ingetrokken",
	    "", "/redactie/verhalen" };
	const struct notify_subject	odd = { "verhaal", "", "",
	    "<b>onbekend</b>", "", "/verhalen/x" };
	const struct notify_subject	ok = { "beoordeling", "goedgekeurd",
	    "Ed", "Mijn verhaal", "", "/verhalen/mijn-verhaal" };
	const struct notify_subject	art = { "beoordeling", "goedgekeurd",
	    "Ed", "Een artikel", "", "/artikelen/een-artikel" };

	(void)state;
	SAY(LOC_NL, &in, 1, "Een verteller heeft een verhaal ingetrokken. Het "
	    "staat nergens meer online. <a href=\"/redactie/verhalen\">"
	    "Bekijken</a>");
	SAY(LOC_NL, &in, 0, "Een verteller heeft een verhaal ingetrokken. Het "
	    "staat nergens meer online.");
	SAY(LOC_EN, &in, 0, "A storyteller withdrew a story. It is no longer "
	    "online anywhere.");
	SAY(LOC_NL, &odd, 1, "Er is nieuws over een verhaal. <a href=\""
	    "/verhalen/x\">Bekijken</a>");
	SAY(LOC_NL, &ok, 0, "De redactie heeft je verhaal Mijn verhaal "
	    "bekeken. Alleen jij kunt het nu online zetten.");
	SAY(LOC_NL, &art, 0, "De redactie heeft Een artikel goedgekeurd. Het "
	    "staat nu online.");
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(t_reply),
		cmocka_unit_test(t_escaping),
		cmocka_unit_test(t_variants),
		cmocka_unit_test(t_contact),
		cmocka_unit_test(t_fallbacks),
		cmocka_unit_test(t_mastermind),
		cmocka_unit_test(t_story),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
