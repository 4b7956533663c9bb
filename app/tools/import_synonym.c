/*
 * content/zoekwoorden.txt: the programme's synonym groups (issue 11).
 *
 * One group per line, its terms separated by "~" (written " ~ "); lines
 * that start with "#" are comments, and the comment right above a group
 * (up to an empty line) becomes its note, which editors see in
 * /redactie/zoekwoorden. Each line goes to search_synonym_import()
 * (sql/011_synonym.sql) as its terms, one per line of the parameter,
 * and the note: a group of source 'repo' is made or brought in
 * line with the file; one with exactly these terms is left alone; a line
 * with a term in an editors' group, or one an editor removed, is
 * skipped. Then repo groups whose line left the file go
 * (search_synonym_import_prune()). Importing twice changes nothing.
 *
 * A bad line stops the import (the caller rolls back): its number and
 * the reason on stderr. The checks here are the ones a file can fail
 * on before the database sees it (UTF-8, control characters, length);
 * the database checks again, and adds "no searchable word", "the same
 * term twice" and "fewer than 2 terms". A term twice in the file (by
 * its stemmed key) is refused first: two lines would take it from each
 * other on every run.
 */
#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "core/form.h"
#include "core/sbuf.h"
#include "tools/import.h"

#define SYN_FILE	"zoekwoorden.txt"
#define SYN_TERM_MAX	60	/* search_synonym.term CHECK */

static int	syn_line(const char *, struct sbuf *, struct sbuf *);
static int	syn_query(PGconn *, const char *, const char *,
		    const char *, char *, size_t);

/* A term of the file in two groups: the first such key, or no row. */
static const char sql_twice[] =
    "SELECT min(t) FROM unnest(string_to_array($1::text, E'\\n')) t"
    " GROUP BY search_phrase(t)::text HAVING count(*) > 1 LIMIT 1";

static const char sql_line[] =
    "SELECT search_synonym_import(string_to_array($1::text, E'\\n'),"
    " $2::text)";

static const char sql_prune[] =
    "SELECT search_synonym_import_prune(string_to_array($1::text,"
    " E'\\n'))";

int
import_synonym(PGconn *db, const char *dir)
{
	struct sbuf	 file, path, terms, all, copy, note;
	struct stat	 st;
	char		*p, *nl, *t, out[64];
	int		 rc, ln, created, updated, same, skipped;

	sbuf_init(&path);
	sbuf_printf(&path, "%s/" SYN_FILE, dir);
	/* A content tree without the file (older copies) has no groups. */
	if (stat(sbuf_cstr(&path), &st) == -1) {
		sbuf_free(&path);
		return (0);
	}
	sbuf_init(&file);
	sbuf_init(&terms);
	sbuf_init(&all);
	sbuf_init(&copy);
	sbuf_init(&note);
	created = updated = same = skipped = 0;
	rc = import_read(sbuf_cstr(&path), &file);
	/* search_phrase() says NOTICE for stop words; the checks tell. */
	if (rc == 0)
		rc = import_exec(db, "SET LOCAL client_min_messages = warning",
		    0, NULL);
	/* First pass: every line well-formed, every term once. */
	p = file.data;
	for (ln = 1; rc == 0 && p != NULL && *p != '\0'; ln++) {
		if ((nl = strchr(p, '\n')) != NULL)
			*nl = '\0';
		sbuf_reset(&terms);
		if (syn_line(p, &terms, &copy) == -1) {
			fprintf(stderr, "import: %s:%d: %s\n",
			    sbuf_cstr(&path), ln, sbuf_cstr(&terms));
			rc = -1;
		} else if (terms.len > 0) {
			sbuf_puts(&all, sbuf_cstr(&terms));
			sbuf_puts(&all, "\n");
		}
		if (nl != NULL)
			*nl = '\n';
		p = nl != NULL ? nl + 1 : NULL;
	}
	if (rc == 0 && all.len > 0) {
		all.len--;		/* the last "\n" */
		if (syn_query(db, sql_twice, sbuf_cstr(&all), NULL, out,
		    sizeof(out)) == -1)
			rc = -1;
		else if (*out != '\0') {
			fprintf(stderr, "import: %s: \"%s\" is in two groups"
			    " (a term counts by its stem)\n",
			    sbuf_cstr(&path), out);
			rc = -1;
		}
	}
	/*
	 * Second pass: each group to the database, with the comment right
	 * above it (up to an empty line) as its note.
	 */
	p = file.data;
	while (rc == 0 && p != NULL && *p != '\0') {
		if ((nl = strchr(p, '\n')) != NULL)
			*nl = '\0';
		sbuf_reset(&terms);
		(void)syn_line(p, &terms, &copy);
		t = form_trim(copy.data);
		if (*t == '\0')
			sbuf_reset(&note);
		else if (*t == '#') {
			t = form_trim(t + 1);
			if (note.len > 0 && *t != '\0')
				sbuf_putc(&note, ' ');
			sbuf_puts(&note, t);
		}
		if (terms.len > 0) {
			terms.len--;
			if (syn_query(db, sql_line, sbuf_cstr(&terms),
			    sbuf_cstr(&note), out, sizeof(out)) == -1)
				rc = -1;
			else if (strcmp(out, "created") == 0)
				created++;
			else if (strcmp(out, "updated") == 0)
				updated++;
			else if (strcmp(out, "same") == 0)
				same++;
			else
				skipped++;
			sbuf_reset(&note);
		}
		p = nl != NULL ? nl + 1 : NULL;
	}
	if (rc == 0 && syn_query(db, sql_prune, sbuf_cstr(&all), NULL, out,
	    sizeof(out)) == -1)
		rc = -1;
	if (rc == 0)
		printf("import: %s: %d new, %d changed, %d unchanged, "
		    "%d left to the editors, %s removed\n", SYN_FILE, created,
		    updated, same, skipped, out);
	sbuf_free(&file);
	sbuf_free(&path);
	sbuf_free(&terms);
	sbuf_free(&all);
	sbuf_free(&copy);
	sbuf_free(&note);
	return (rc);
}

/*
 * One line of the file into out as "term\n" per term (nothing for a
 * comment or an empty line); tmp holds a copy the terms are cut from.
 * On -1, out holds the reason instead.
 */
static int
syn_line(const char *line, struct sbuf *out, struct sbuf *tmp)
{
	char		*t, *next;
	size_t		 n;

	sbuf_reset(tmp);
	sbuf_puts(tmp, line);
	(void)sbuf_cstr(tmp);
	if (tmp->len > 0 && tmp->data[tmp->len - 1] == '\r')
		tmp->data[--tmp->len] = '\0';
	t = form_trim(tmp->data);
	if (*t == '\0')
		return (0);
	if (form_text(t, strlen(t), 1, 0) == FORM_BAD_CHARS) {
		sbuf_puts(out, "invalid UTF-8 or a control character");
		return (-1);
	}
	if (*t == '#')
		return (0);
	n = 0;
	for (; t != NULL; t = next) {
		if ((next = strchr(t, '~')) != NULL)
			*next++ = '\0';
		t = form_trim(t);
		if (*t == '\0' || form_chars(t) > SYN_TERM_MAX) {
			sbuf_reset(out);
			sbuf_printf(out, "term %zu is empty or longer than %d"
			    " characters", n + 1, SYN_TERM_MAX);
			return (-1);
		}
		sbuf_puts(out, t);
		sbuf_puts(out, "\n");
		n++;
	}
	if (n < 2) {
		sbuf_reset(out);
		sbuf_puts(out, "a group needs at least 2 terms (\" ~ \")");
		return (-1);
	}
	return (0);
}

/* Run sql with one or two text parameters; the first value into out. */
static int
syn_query(PGconn *db, const char *sql, const char *arg, const char *arg2,
    char *out, size_t outsz)
{
	PGresult	*res;
	const char	*p[2];

	p[0] = arg;
	p[1] = arg2;
	out[0] = '\0';
	res = PQexecParams(db, sql, arg2 != NULL ? 2 : 1, NULL, p, NULL,
	    NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		fprintf(stderr, "import: %s: %s", SYN_FILE,
		    PQerrorMessage(db));
		PQclear(res);
		return (-1);
	}
	if (PQntuples(res) > 0 && !PQgetisnull(res, 0, 0))
		(void)snprintf(out, outsz, "%s", PQgetvalue(res, 0, 0));
	PQclear(res);
	return (0);
}
