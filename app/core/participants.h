/*
 * The participants of a mastermind session as the facilitator types
 * them in the session form: one person a line, "Naam" or "Naam (rol)",
 * for example
 *
 *   Fatima el Amrani (gedragswetenschapper)
 *   Jan de Vries
 *
 * Lines are trimmed; blank lines are skipped; at most PART_MAX people.
 * The role is the text in the last pair of parentheses at the end of
 * the line (it may hold parentheses of its own); the name is what comes
 * before it (1-120 characters), the role at most 120 characters.
 * Parentheses must balance on every line, and a line must have a name
 * ("()" or "(rol)" alone is an error). Which names are members is
 * decided in SQL (mm_session_save()).
 */
#ifndef BRON_PARTICIPANTS_H
#define BRON_PARTICIPANTS_H

#include <stddef.h>

struct sbuf;

#define PART_MAX	60	/* people */
#define PART_NAME_MAX	120	/* characters */
#define PART_ROLE_MAX	120	/* characters */

enum part_err {
	PART_OK,
	PART_NO_NAME,		/* nothing before the "(" */
	PART_NAME_LONG,		/* more than PART_NAME_MAX characters */
	PART_ROLE_LONG,		/* more than PART_ROLE_MAX characters */
	PART_PARENS,		/* parentheses that do not balance */
	PART_BAD_CHARS,		/* invalid UTF-8 or a control character */
	PART_TOO_MANY		/* more than PART_MAX people */
};

struct participant {
	char	name[PART_NAME_MAX * 4 + 1];
	char	role[PART_ROLE_MAX * 4 + 1];
};

struct participants {
	struct participant	p[PART_MAX];
	size_t			n;	/* people parsed */
	size_t			count;	/* non-blank lines in the text */
	enum part_err		err;
	size_t			line;	/* 1-based line of err; 0 if none */
};

/*
 * Parses text (lines end at "\n"; a "\r" before it is ignored) into ps.
 * Stops at the first bad line: ps->err and ps->line say what and
 * where; ps->count still counts every non-blank line (PART_TOO_MANY is
 * reported on the first line too many). Returns err.
 */
enum part_err	participants_parse(struct participants *, const char *);

/*
 * Adds a stored participant (name, role) as it comes from the
 * database. -1 when ps is full or a part does not fit.
 */
int		participants_add(struct participants *, const char *,
		    const char *);

/*
 * Writes ps back as the form's text, one "name (role)\n" or "name\n" a
 * line ("name ()" when a name without a role ends in ")"), so that
 * what participants_parse() accepted parses again to the same people.
 */
void		participants_write(struct sbuf *,
		    const struct participants *);

#endif
