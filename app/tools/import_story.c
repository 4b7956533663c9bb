/*
 * content/verhalen/<slug>.md: an example story (issue 9), seeded once
 * and owned by nobody (owner_id NULL: no account is its storyteller, so
 * nobody can change or withdraw it through the site; editors can hide
 * it through moderation, and the file is not read again).
 *
 * The header: title, summary (both should say it is an example),
 * pseudonym, warnings (comma-separated codes of core/story.c; none:
 * leave the key out), themes, published (YYYY-MM-DD). The body is the
 * story in Markdown. It is saved with item_save() without an actor, as
 * articles are, then gets its story row: published, scope 'openbaar',
 * the checklist ticked, and a consent row given by 'systeem' with the
 * current STORY_CONSENT_VERSION.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "core/front.h"
#include "core/md.h"
#include "core/path.h"
#include "core/sbuf.h"
#include "core/story.h"
#include "tools/import.h"

#define STORY_PSEUDONYM_MAX	60

static int	warnings(const char *, const char *, struct sbuf *);
static int	story_rows(PGconn *, const char *, const char *,
		    const char *, const char *, const char *);

static const char sql_exists[] =
    "SELECT 1 FROM item WHERE kind = 'verhaal' AND slug = $1::text";

static const char sql_save[] =
    "SELECT id, slug FROM item_save('verhaal', NULL, NULL, NULL,"
    " $1::text, $2::text, $3::text, $4::text, $5::text, $6::integer,"
    " $7::text, $8::text, $9::text, '', '', NULL, $10::text, '', NULL,"
    " NULL)";

/* The story row and its consent, in one statement. */
static const char sql_story[] =
    "WITH s AS (INSERT INTO story (item_id, pseudonym, warnings,"
    "  checklist, state, scope, reviewed_rev, submitted_at)"
    "  VALUES ($1::bigint, $2::text, $3::text[],"
    "  '{namen,plaatsen,fotos}', 'gepubliceerd', 'openbaar', 1,"
    "  ($5::date)::timestamp AT TIME ZONE 'Europe/Amsterdam')"
    "  RETURNING item_id)"
    " INSERT INTO story_consent (item_id, event, scope, text_version,"
    "  by_whom, at)"
    " SELECT item_id, 'gegeven', 'openbaar', $4::text, 'systeem',"
    "  ($5::date)::timestamp AT TIME ZONE 'Europe/Amsterdam' FROM s";

/* item.status and visibility follow the story (a statement of its own:
 * a function in the inserting statement would not see the new row). */
static const char sql_sync[] =
    "SELECT story_sync_item($1::bigint)";

static const char sql_publish[] =
    "WITH u AS (UPDATE item SET published_at ="
    "  ($2::date)::timestamp AT TIME ZONE 'Europe/Amsterdam'"
    "  WHERE id = $1::bigint AND status = 'gepubliceerd' RETURNING id)"
    " INSERT INTO audit (actor_id, action, target_id, detail)"
    " SELECT NULL, 'verhaal_publiceren', id, 'import' FROM u RETURNING 1";

/* "a, b" to "a\nb\n" (item_save's theme list). */
int
import_lines(const char *v, struct sbuf *out)
{
	const char	*p, *e;

	for (p = v; *p != '\0'; p = *e == ',' ? e + 1 : e) {
		while (*p == ' ')
			p++;
		e = p + strcspn(p, ",");
		if (e > p) {
			sbuf_add(out, p, (size_t)(e - p));
			while (out->len > 0 && out->data[out->len - 1] == ' ')
				out->len--;
			sbuf_puts(out, "\n");
		}
	}
	return (0);
}

/* "separatie, geweld" to the array literal "{separatie,geweld}". */
static int
warnings(const char *path, const char *v, struct sbuf *out)
{
	struct sbuf	 lines;
	char		*p, *e;
	int		 rc = 0;

	sbuf_init(&lines);
	(void)import_lines(v, &lines);
	sbuf_putc(out, '{');
	for (p = lines.len > 0 ? lines.data : NULL; p != NULL && *p != '\0';
	    p = e + 1) {
		if ((e = strchr(p, '\n')) == NULL)
			break;
		*e = '\0';
		if (story_warning(p) == NULL) {
			fprintf(stderr, "import: %s: unknown warning %s\n",
			    path, p);
			rc = -1;
			break;
		}
		if (out->len > 1)
			sbuf_putc(out, ',');
		sbuf_puts(out, p);
	}
	sbuf_putc(out, '}');
	sbuf_free(&lines);
	return (rc);
}

static int
story_rows(PGconn *db, const char *path, const char *id,
    const char *pseudonym, const char *warns, const char *pub)
{
	const char	*p[5];

	p[0] = id;
	p[1] = pseudonym;
	p[2] = warns;
	p[3] = STORY_CONSENT_VERSION;
	p[4] = pub;
	if (import_exec(db, sql_story, 5, p) == -1 ||
	    import_exec(db, sql_sync, 1, p) == -1) {
		fprintf(stderr, "import: %s: story not saved\n", path);
		return (-1);
	}
	p[1] = pub;
	if (import_exec(db, sql_publish, 2, p) == -1)
		return (-1);
	return (0);
}

int
import_story(PGconn *db, const char *path, const struct front *f,
    const char *unused)
{
	PGresult	*res;
	struct sbuf	 th, warns, note;
	struct md_doc	 doc;
	const char	*p[10], *title, *summary, *pseudonym, *pub, *base;
	const char	*slash;
	char		 slug[PATH_SLUG_MAX + 1], words[24], id[24];
	size_t		 n;
	int		 rc;

	(void)unused;
	slash = strrchr(path, '/');
	slash = slash == NULL ? path : slash + 1;
	n = strlen(slash) - 3;		/* ".md", md_filter() */
	if (n == 0 || n > PATH_SLUG_MAX || !path_slug_ok(slash, n)) {
		fprintf(stderr, "import: %s: bad file name\n", path);
		return (-1);
	}
	memcpy(slug, slash, n);
	slug[n] = '\0';
	if ((title = import_need(f, "title", path)) == NULL ||
	    (summary = import_need(f, "summary", path)) == NULL ||
	    (pseudonym = import_need(f, "pseudonym", path)) == NULL ||
	    (pub = import_need(f, "published", path)) == NULL)
		return (-1);
	if (strlen(pseudonym) < 2 || strlen(pseudonym) > STORY_PSEUDONYM_MAX) {
		fprintf(stderr, "import: %s: pseudonym of 2-60 characters\n",
		    path);
		return (-1);
	}

	p[0] = slug;
	res = PQexecParams(db, sql_exists, 1, NULL, p, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		fprintf(stderr, "import: %s", PQerrorMessage(db));
		PQclear(res);
		return (-1);
	}
	n = (size_t)PQntuples(res);
	PQclear(res);
	if (n > 0)
		return (0);

	sbuf_init(&th);
	sbuf_init(&warns);
	sbuf_init(&note);
	md_doc_init(&doc);
	if ((base = getenv("BRON_BASE_URL")) != NULL && *base == '\0')
		base = NULL;
	rc = warnings(path, front_get(f, "warnings") != NULL ?
	    front_get(f, "warnings") : "", &warns);
	if (rc == 0 && md_doc_render(&doc, f->body, strlen(f->body),
	    base) == -1) {
		fprintf(stderr, "import: %s: body too large\n", path);
		rc = -1;
	}
	if (rc == 0) {
		(void)import_lines(front_get(f, "themes") != NULL ?
		    front_get(f, "themes") : "", &th);
		(void)snprintf(words, sizeof(words), "%zu", doc.words);
		sbuf_printf(&note, "Geïmporteerd uit content/verhalen/%s.md",
		    slug);
		p[0] = title;
		p[1] = summary;
		p[2] = f->body;
		p[3] = sbuf_cstr(&doc.html);
		p[4] = sbuf_cstr(&doc.toc);
		p[5] = words;
		p[6] = sbuf_cstr(&note);
		p[7] = slug;
		p[8] = sbuf_cstr(&th);
		p[9] = sbuf_cstr(&doc.links);
		res = PQexecParams(db, sql_save, 10, NULL, p, NULL, NULL, 0);
		rc = -1;
		if (PQresultStatus(res) != PGRES_TUPLES_OK)
			fprintf(stderr, "import: %s: %s", path,
			    PQerrorMessage(db));
		else if (PQntuples(res) != 1 ||
		    strcmp(PQgetvalue(res, 0, 1), slug) != 0)
			fprintf(stderr, "import: %s: this file name is "
			    "reserved; rename the file\n", path);
		else {
			(void)snprintf(id, sizeof(id), "%s",
			    PQgetvalue(res, 0, 0));
			rc = 0;
		}
		PQclear(res);
	}
	if (rc == 0)
		rc = story_rows(db, path, id, pseudonym, sbuf_cstr(&warns),
		    pub);
	sbuf_free(&th);
	sbuf_free(&warns);
	sbuf_free(&note);
	md_doc_free(&doc);
	return (rc);
}
