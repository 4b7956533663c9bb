/*
 * squery: the search box's syntax (words, "phrases", -exclusions, OR/OF
 * groups), its limits and errors, the JSON search_tsquery() takes, the
 * words search_suggest() looks at, and the query written back.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/sbuf.h"
#include "core/squery.h"

/* JSON pieces: a word, a phrase, the whole document. */
#define W(x)		"{\"t\":\"" x "\",\"p\":false}"
#define PH(x)		"{\"t\":\"" x "\",\"p\":true}"
#define J(all, not)	"{\"all\":[" all "],\"not\":[" not "]}"

/* Two parses found the same terms. */
static void
same_terms(const struct squery *a, const struct squery *b, const char *file,
    int line)
{
	size_t	i;

	_assert_int_equal(a->nterms, b->nterms, file, line);
	for (i = 0; i < a->nterms; i++) {
		_assert_string_equal(a->terms[i].text, b->terms[i].text,
		    file, line);
		_assert_int_equal(a->terms[i].phrase, b->terms[i].phrase,
		    file, line);
		_assert_int_equal(a->terms[i].negated, b->terms[i].negated,
		    file, line);
		_assert_int_equal(a->terms[i].group, b->terms[i].group,
		    file, line);
	}
}

/*
 * Parse n bytes of in: the error must be want; on SQ_OK the JSON must be
 * json, and the query written back must parse to the same terms.
 */
static void
check(const char *in, size_t n, enum sq_err want, const char *json,
    const char *file, int line)
{
	struct squery	sq, again;
	struct sbuf	sb, fb;

	sbuf_init(&sb);
	sbuf_init(&fb);
	_assert_int_equal(squery_parse(&sq, in, n), want, file, line);
	if (want == SQ_OK) {
		_assert_int_equal(squery_json(&sq, &sb), 0, file, line);
		_assert_string_equal(sbuf_cstr(&sb), json, file, line);
		_assert_int_equal(squery_format(&sq, NULL, 0, &fb), 0, file,
		    line);
		_assert_int_equal(squery_parse(&again, fb.data, fb.len),
		    SQ_OK, file, line);
		same_terms(&sq, &again, file, line);
	}
	sbuf_free(&sb);
	sbuf_free(&fb);
}

#define OK(in, json)	check((in), sizeof(in) - 1, SQ_OK, (json), \
			    __FILE__, __LINE__)
#define ERR(in, e)	check((in), sizeof(in) - 1, (e), NULL, \
			    __FILE__, __LINE__)

/* The query written back (with substitutes when subst is not NULL). */
static void
check_format(const char *in, const char *const *subst, size_t nsubst,
    const char *want, const char *file, int line)
{
	struct squery	sq;
	struct sbuf	sb;

	sbuf_init(&sb);
	_assert_int_equal(squery_parse(&sq, in, strlen(in)), SQ_OK, file,
	    line);
	_assert_int_equal(squery_format(&sq, subst, nsubst, &sb), 0, file,
	    line);
	_assert_string_equal(sbuf_cstr(&sb), want, file, line);
	sbuf_free(&sb);
}

#define FMT(in, s, n, want)	check_format((in), (s), (n), (want), \
				    __FILE__, __LINE__)

static void
test_words(void **state)
{
	struct squery	sq;

	(void)state;
	OK("afzondering", J("[" W("afzondering") "]", ""));
	OK("  gesloten\tjeugdhulp\r\n",
	    J("[" W("gesloten") "],[" W("jeugdhulp") "]", ""));
	/* Punctuation stays in the word; SQL splits it. */
	OK("JZ+ e-health a-", J("[" W("JZ+") "],[" W("e-health") "],["
	    W("a-") "]", ""));
	OK("caf\xc3\xa9 \xf0\x9f\x98\x80",
	    J("[" W("caf\xc3\xa9") "],[" W("\xf0\x9f\x98\x80") "]", ""));
	/* A quote ends a word. */
	OK("ab\"c d\"", J("[" W("ab") "],[" PH("c d") "]", ""));
	assert_int_equal(squery_parse(&sq, "a b c", 5), SQ_OK);
	assert_int_equal(sq.nterms, 3);
	assert_int_equal(sq.terms[2].group, 2);
	assert_false(sq.unbalanced);
	assert_false(sq.truncated);
	/* Not NUL-terminated: only len bytes count. */
	assert_int_equal(squery_parse(&sq, "jeugd\xff", 5), SQ_OK);
	assert_string_equal(sq.terms[0].text, "jeugd");
}

static void
test_phrases(void **state)
{
	struct squery	sq;

	(void)state;
	OK("\"gesloten jeugdhulp\"", J("[" PH("gesloten jeugdhulp") "]", ""));
	/* White space inside: one space, none at the ends. */
	OK("\"  gesloten \t\r\n jeugdhulp  \"",
	    J("[" PH("gesloten jeugdhulp") "]", ""));
	/* Operators inside quotes are text. */
	OK("\"a OR -b\"", J("[" PH("a OR -b") "]", ""));
	OK("\"OR\"", J("[" PH("OR") "]", ""));
	OK("x\"y\"z", J("[" W("x") "],[" PH("y") "],[" W("z") "]", ""));
	/* Empty quotes are nothing. */
	OK("a \"\" b \"   \"", J("[" W("a") "],[" W("b") "]", ""));
	ERR("\"\"", SQ_NO_TERMS);
	ERR("\"  \" \"\"", SQ_NO_TERMS);
	/* Unbalanced: the phrase runs to the end. */
	assert_int_equal(squery_parse(&sq, "a \"b c", 6), SQ_OK);
	assert_true(sq.unbalanced);
	assert_int_equal(sq.nterms, 2);
	assert_string_equal(sq.terms[1].text, "b c");
	assert_true(sq.terms[1].phrase);
	OK("a \"b c  ", J("[" W("a") "],[" PH("b c") "]", ""));
	OK("\"a\" \"b", J("[" PH("a") "],[" PH("b") "]", ""));
	assert_int_equal(squery_parse(&sq, "\"", 1), SQ_NO_TERMS);
	assert_true(sq.unbalanced);
	assert_int_equal(squery_parse(&sq, "a \"b\"", 5), SQ_OK);
	assert_false(sq.unbalanced);
}

static void
test_not(void **state)
{
	struct squery	sq;

	(void)state;
	OK("jeugdzorg -gesloten",
	    J("[" W("jeugdzorg") "]", W("gesloten")));
	OK("jeugdzorg -\"gesloten jeugdhulp\" -x",
	    J("[" W("jeugdzorg") "]", PH("gesloten jeugdhulp") "," W("x")));
	/* Extra dashes go; a dash inside stays. */
	OK("a --b -c-d", J("[" W("a") "]", W("b") "," W("c-d")));
	/* A lone dash is ignored. */
	OK("a - b -- c -", J("[" W("a") "],[" W("b") "],[" W("c") "]", ""));
	ERR("-", SQ_NO_TERMS);
	ERR("- -- ---", SQ_NO_TERMS);
	ERR("-\"\"", SQ_NO_TERMS);
	/* After "-", OR is text. */
	OK("a -OR", J("[" W("a") "]", W("OR")));
	assert_int_equal(squery_parse(&sq, "a -b", 4), SQ_OK);
	assert_true(sq.terms[1].negated);
	assert_int_equal(sq.terms[1].group, -1);
	assert_false(sq.terms[1].phrase);
	assert_int_equal(squery_parse(&sq, "-\"a b\"", 6), SQ_ONLY_NOT);
	assert_true(sq.terms[0].phrase && sq.terms[0].negated);
}

static void
test_or(void **state)
{
	(void)state;
	OK("a OR b", J("[" W("a") "," W("b") "]", ""));
	OK("a OF b", J("[" W("a") "," W("b") "]", ""));
	OK("a OR b OF c", J("[" W("a") "," W("b") "," W("c") "]", ""));
	/* Lower and mixed case are words. */
	OK("a or b", J("[" W("a") "],[" W("or") "],[" W("b") "]", ""));
	OK("a of Or oF", J("[" W("a") "],[" W("of") "],[" W("Or") "],["
	    W("oF") "]", ""));
	/* OR binds tighter than AND. */
	OK("a b OR c d",
	    J("[" W("a") "],[" W("b") "," W("c") "],[" W("d") "]", ""));
	OK("\"a b\" OR c", J("[" PH("a b") "," W("c") "]", ""));
	/* Leading, trailing, doubled. */
	OK("OR a", J("[" W("a") "]", ""));
	OK("a OR", J("[" W("a") "]", ""));
	OK("OF a b OR", J("[" W("a") "],[" W("b") "]", ""));
	OK("a OR OR b", J("[" W("a") "," W("b") "]", ""));
	OK("a OR OF OR b", J("[" W("a") "," W("b") "]", ""));
	/* Ignored pieces between do not break an OR. */
	OK("a OR - \"\" b", J("[" W("a") "," W("b") "]", ""));
	/* An excluded term never joins. */
	OK("a OR -b", J("[" W("a") "]", W("b")));
	OK("-b OR a", J("[" W("a") "]", W("b")));
	OK("a OR -b OR c", J("[" W("a") "],[" W("c") "]", W("b")));
	OK("a -b OR c", J("[" W("a") "],[" W("c") "]", W("b")));
	/* OR glued to a word is the word. */
	OK("a ORb", J("[" W("a") "],[" W("ORb") "]", ""));
	OK("a OR\"b\"", J("[" W("a") "," PH("b") "]", ""));
	ERR("OR", SQ_NO_TERMS);
	ERR("OR OF OR", SQ_NO_TERMS);
	ERR(" OR - \"\" OF -- \"", SQ_NO_TERMS);
}

static void
test_errors(void **state)
{
	struct squery	sq;
	char		big[SQ_MAX_BYTES + 2];

	(void)state;
	ERR("", SQ_EMPTY);
	ERR("   \t\r\n ", SQ_EMPTY);
	ERR("-a", SQ_ONLY_NOT);
	ERR("-a -\"b c\" OR -d", SQ_ONLY_NOT);
	/* NUL, controls, DEL, C1, invalid UTF-8. */
	ERR("a\0b", SQ_BAD_UTF8);
	ERR("a\x01", SQ_BAD_UTF8);
	ERR("a\x0b", SQ_BAD_UTF8);
	ERR("a\x0c", SQ_BAD_UTF8);
	ERR("\x1b[31m", SQ_BAD_UTF8);
	ERR("a\x7f", SQ_BAD_UTF8);
	ERR("a\xc2\x85", SQ_BAD_UTF8);
	ERR("a\xc2\x9f", SQ_BAD_UTF8);
	ERR("\xff", SQ_BAD_UTF8);
	ERR("caf\xe9", SQ_BAD_UTF8);
	ERR("\xc0\xaf", SQ_BAD_UTF8);
	ERR("\xed\xa0\x80", SQ_BAD_UTF8);
	ERR("\xe2\x82", SQ_BAD_UTF8);
	ERR("\xf4\x90\x80\x80", SQ_BAD_UTF8);
	/* Bad bytes beat the rest: in quotes, after only spaces. */
	ERR("\"a\x01\"", SQ_BAD_UTF8);
	ERR("   \0", SQ_BAD_UTF8);
	/* U+00A0 is a character like any other. */
	OK("a\xc2\xa0" "b", J("[" W("a\xc2\xa0" "b") "]", ""));
	/* Length: SQ_MAX_BYTES is fine, one more is not, checked first. */
	memset(big, 'a', sizeof(big));
	assert_int_equal(squery_parse(&sq, big, SQ_MAX_BYTES), SQ_OK);
	assert_int_equal(strlen(sq.terms[0].text), SQ_TERM_MAX);
	assert_int_equal(squery_parse(&sq, big, SQ_MAX_BYTES + 1),
	    SQ_TOO_LONG);
	assert_int_equal(sq.nterms, 0);
	big[0] = '\0';
	assert_int_equal(squery_parse(&sq, big, SQ_MAX_BYTES + 1),
	    SQ_TOO_LONG);
	memset(big, ' ', sizeof(big));
	assert_int_equal(squery_parse(&sq, big, SQ_MAX_BYTES), SQ_EMPTY);
	/* After an error the struct is empty. */
	assert_int_equal(squery_parse(&sq, "\"a\xff", 3), SQ_BAD_UTF8);
	assert_int_equal(sq.nterms, 0);
	assert_false(sq.unbalanced);
}

static void
test_limits(void **state)
{
	struct squery	sq;
	struct sbuf	sb;
	char		in[600], want[SQ_TERM_MAX + 1];
	size_t		i, n;

	(void)state;
	/* 17 terms: 16 kept, truncated. */
	sbuf_init(&sb);
	for (i = 0; i < 17; i++)
		sbuf_printf(&sb, "w%zu ", i);
	assert_int_equal(squery_parse(&sq, sb.data, sb.len), SQ_OK);
	assert_int_equal(sq.nterms, SQ_MAX_TERMS);
	assert_true(sq.truncated);
	assert_string_equal(sq.terms[15].text, "w15");
	/* 16 exactly: not truncated. */
	assert_int_equal(squery_parse(&sq, sb.data, sb.len - 4), SQ_OK);
	assert_int_equal(sq.nterms, SQ_MAX_TERMS);
	assert_false(sq.truncated);
	/* ORs and ignored pieces do not count. */
	sbuf_reset(&sb);
	for (i = 0; i < 16; i++)
		sbuf_printf(&sb, "w%zu OR - \"\" ", i);
	assert_int_equal(squery_parse(&sq, sb.data, sb.len), SQ_OK);
	assert_int_equal(sq.nterms, 16);
	assert_false(sq.truncated);
	assert_int_equal(sq.terms[15].group, 0);
	/* 16 ORs in a row between two words. */
	sbuf_reset(&sb);
	sbuf_puts(&sb, "a");
	for (i = 0; i < 16; i++)
		sbuf_puts(&sb, " OR");
	sbuf_puts(&sb, " b");
	assert_int_equal(squery_parse(&sq, sb.data, sb.len), SQ_OK);
	assert_int_equal(sq.nterms, 2);
	assert_int_equal(sq.terms[1].group, 0);
	sbuf_free(&sb);

	/* A long ASCII word is cut to SQ_TERM_MAX bytes. */
	memset(in, 'x', 200);
	assert_int_equal(squery_parse(&sq, in, 200), SQ_OK);
	assert_int_equal(strlen(sq.terms[0].text), SQ_TERM_MAX);
	/* "é" (2 bytes) after 119 bytes: cut before it, not through it. */
	memset(in, 'x', 119);
	memcpy(in + 119, "\xc3\xa9yyy", 5);
	assert_int_equal(squery_parse(&sq, in, 124), SQ_OK);
	memset(want, 'x', 119);
	want[119] = '\0';
	assert_string_equal(sq.terms[0].text, want);
	/* 40 emoji of 4 bytes: 30 fit. */
	for (i = n = 0; i < 40; i++, n += 4)
		memcpy(in + n, "\xf0\x9f\x98\x80", 4);
	assert_int_equal(squery_parse(&sq, in, n), SQ_OK);
	assert_int_equal(strlen(sq.terms[0].text), SQ_TERM_MAX);
	/* 3-byte characters: 40 fit exactly, the 41st is cut. */
	for (i = n = 0; i < 41; i++, n += 3)
		memcpy(in + n, "\xe2\x82\xac", 3);
	assert_int_equal(squery_parse(&sq, in, n), SQ_OK);
	assert_int_equal(strlen(sq.terms[0].text), SQ_TERM_MAX);
	/* A phrase cut where a space falls: no space at the end. */
	in[0] = '"';
	memset(in + 1, 'y', 119);
	memcpy(in + 120, " zzz\"", 5);
	assert_int_equal(squery_parse(&sq, in, 125), SQ_OK);
	assert_int_equal(strlen(sq.terms[0].text), 119);
	/* The next term after a long one is whole. */
	memset(in, 'x', 300);
	memcpy(in + 300, " b", 2);
	assert_int_equal(squery_parse(&sq, in, 302), SQ_OK);
	assert_int_equal(sq.nterms, 2);
	assert_string_equal(sq.terms[1].text, "b");
}

static void
test_json_escape(void **state)
{
	(void)state;
	/* A quote cannot be in a parsed term; a backslash and ' can. */
	OK("a\\b \\ it's", J("[" W("a\\\\b") "],[" W("\\\\") "],["
	    W("it's") "]", ""));
	OK("\"a\\\\ \\\"", J("[" PH("a\\\\\\\\ \\\\") "]", ""));
	/* Tab, CR and LF are spaces, so none reaches the JSON. */
	OK("\"a\tb\nc\rd\"", J("[" PH("a b c d") "]", ""));
	OK("<script>alert(1)</script> ' ; DROP TABLE x; --",
	    J("[" W("<script>alert(1)</script>") "],[" W("'") "],["
	    W(";") "],[" W("DROP") "],[" W("TABLE") "],[" W("x;") "]", ""));
	OK("&|!<->():* !!",
	    J("[" W("&|!<->():*") "],[" W("!!") "]", ""));
	/* A right-to-left mark is a character of the word. */
	OK("\xe2\x80\x8f" "abc", J("[" W("\xe2\x80\x8f" "abc") "]", ""));
}

/* Terms made by hand: the writers escape whatever a term holds. */
static void
test_json_hand(void **state)
{
	struct squery	sq;
	struct sbuf	sb;

	(void)state;
	memset(&sq, 0, sizeof(sq));
	strcpy(sq.terms[0].text, "a\"b\\c\x01\x1f\n");
	sq.terms[1].negated = 1;
	sq.terms[1].phrase = 1;
	sq.terms[1].group = -1;
	strcpy(sq.terms[1].text, "\"\"");
	sq.nterms = 2;
	sbuf_init(&sb);
	assert_int_equal(squery_json(&sq, &sb), 0);
	assert_string_equal(sbuf_cstr(&sb),
	    J("[" W("a\\\"b\\\\c\\u0001\\u001f\\n") "]",
	    PH("\\\"\\\"")));
	sbuf_reset(&sb);
	assert_int_equal(squery_words(&sq, &sb), 1);
	assert_string_equal(sbuf_cstr(&sb),
	    "[\"a\\\"b\\\\c\\u0001\\u001f\\n\"]");
	sbuf_free(&sb);
}

static void
check_words(const char *in, int wantn, const char *want, const char *file,
    int line)
{
	struct squery	sq;
	struct sbuf	sb;

	sbuf_init(&sb);
	_assert_int_equal(squery_parse(&sq, in, strlen(in)), SQ_OK, file,
	    line);
	_assert_int_equal(squery_words(&sq, &sb), wantn, file, line);
	_assert_string_equal(sbuf_cstr(&sb), want, file, line);
	sbuf_free(&sb);
}

#define WORDS(in, n, want)	check_words((in), (n), (want), __FILE__, \
				    __LINE__)

static void
test_words_json(void **state)
{
	(void)state;
	WORDS("afzonderng", 1, "[\"afzonderng\"]");
	WORDS("a \"b c\" -d -\"e\" f OR g", 3, "[\"a\",\"f\",\"g\"]");
	WORDS("\"b c\" -d", 0, "[]");
	WORDS("a\\b", 1, "[\"a\\\\b\"]");
}

static void
test_format(void **state)
{
	static const char *const	 one[] = { "afzondering" };
	static const char *const	 skip[] = { NULL, "jeugdhulp", NULL };
	static const char *const	 odd[] = { "gesloten jeugdzorg",
					    "-x", "OR", "a\"b", "\x01\x02",
					    "  p\tq  " };
	struct squery			 sq, again;
	struct sbuf			 sb;

	(void)state;
	FMT("a b", NULL, 0, "a b");
	FMT("  a   \"b   c\"  -d -\"e f\" g OR h OF \"i\" ", NULL, 0,
	    "a \"b c\" -d -\"e f\" g OR h OR \"i\"");
	FMT("a OR -b OR c", NULL, 0, "a -b c");
	FMT("a \"b", NULL, 0, "a \"b\"");
	FMT("-x a", NULL, 0, "-x a");
	/* Substitutes go to the words only, in order. */
	FMT("afzonderng", one, 1, "afzondering");
	FMT("\"x y\" -z afzonderng q", one, 1, "\"x y\" -z afzondering q");
	FMT("a jeugdhlp c", skip, 3, "a jeugdhulp c");
	FMT("a OR jeugdhlp c", skip, 3, "a OR jeugdhulp c");
	/* Fewer substitutes than words: the rest as typed. */
	FMT("afzonderng b c", one, 1, "afzondering b c");
	FMT("a b", one, 0, "a b");
	/* Odd substitutes still make one term each. */
	FMT("a b c d e f", odd, 6,
	    "\"gesloten jeugdzorg\" \"-x\" \"OR\" ab e \"p q\"");
	sbuf_init(&sb);
	assert_int_equal(squery_parse(&sq, "a b c d e f", 11), SQ_OK);
	assert_int_equal(squery_format(&sq, odd, 6, &sb), 0);
	assert_int_equal(squery_parse(&again, sb.data, sb.len), SQ_OK);
	assert_int_equal(again.nterms, 6);
	assert_string_equal(again.terms[0].text, "gesloten jeugdzorg");
	assert_string_equal(again.terms[1].text, "-x");
	assert_false(again.terms[1].negated);
	assert_string_equal(again.terms[2].text, "OR");
	assert_string_equal(again.terms[3].text, "ab");
	assert_string_equal(again.terms[4].text, "e");
	sbuf_free(&sb);
	/* Round trip of the truncated and the cut. */
	sbuf_init(&sb);
	{
		char	in[300];
		size_t	i;

		memset(in, 'x', 250);
		memcpy(in + 250, " OR \"\xc3\xa9", 7);
		assert_int_equal(squery_parse(&sq, in, 257), SQ_OK);
		assert_true(sq.unbalanced);
		assert_int_equal(squery_format(&sq, NULL, 0, &sb), 0);
		assert_int_equal(squery_parse(&again, sb.data, sb.len),
		    SQ_OK);
		assert_false(again.unbalanced);
		same_terms(&sq, &again, __FILE__, __LINE__);
		sbuf_reset(&sb);
		for (i = 0; i < 20; i++)
			sbuf_printf(&sb, "%s%zu ", i % 3 ? "-" : "", i);
		assert_int_equal(squery_parse(&sq, sb.data, sb.len), SQ_OK);
		assert_true(sq.truncated);
		sbuf_reset(&sb);
		assert_int_equal(squery_format(&sq, NULL, 0, &sb), 0);
		assert_int_equal(squery_parse(&again, sb.data, sb.len),
		    SQ_OK);
		assert_false(again.truncated);
		same_terms(&sq, &again, __FILE__, __LINE__);
	}
	sbuf_free(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_phrases),
		cmocka_unit_test(test_not),
		cmocka_unit_test(test_or),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_json_escape),
		cmocka_unit_test(test_json_hand),
		cmocka_unit_test(test_words_json),
		cmocka_unit_test(test_format),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
