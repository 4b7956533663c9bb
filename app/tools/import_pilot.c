/*
 * content/pilots/<slug>.md: a pilot with its fields and lessons, seeded
 * once (like communities: after that its authors and the editors own
 * it, and the file is not read again).
 *
 * The header has the item's keys (title, summary, themes, tags,
 * published) and the pilot's: region, setting, project (a change goal
 * slug), target_group, age ("12-18"), phase, phase_since, start, end
 * (YYYY-MM-DD), partners ("A; B; C"). The body's "## Knelpunten",
 * "## Oplossingsrichtingen", "## Resultaten" and "## Randvoorwaarden"
 * sections become those fields; "## Lessen" holds one lesson per line
 * ("- werkte: statement", kinds as in core/pilot.h); the rest is the
 * body. The pilot is saved with pilot_save(), as the editor does, and
 * published on its date; an incomplete one (pilot_missing()) is an
 * error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "core/front.h"
#include "core/jw.h"
#include "core/md.h"
#include "core/path.h"
#include "core/pilot.h"
#include "core/sbuf.h"
#include "tools/import.h"

enum sect {
	S_BODY,
	S_PROBLEM,
	S_APPROACH,
	S_RESULTS,
	S_CONDITIONS,
	S_LESSONS,
	S__MAX
};

static const char *const sect_heads[S__MAX] = {
	NULL, "## Knelpunten", "## Oplossingsrichtingen", "## Resultaten",
	"## Randvoorwaarden", "## Lessen",
};

/* The keys of p_fields (pilot_save) for the Markdown sections. */
static const char *const sect_keys[S__MAX] = {
	NULL, "problem", "approach", "results", "conditions", NULL,
};

static void	split(const char *, struct sbuf *);
static int	fields(struct sbuf *, const struct front *, struct sbuf *,
		    const char *);
static int	lessons(PGconn *, const char *, const char *, const char *);
static int	themes(const char *, struct sbuf *);

static const char sql_exists[] =
    "SELECT 1 FROM item WHERE kind = 'pilot' AND slug = $1::text";

static const char sql_save[] =
    "SELECT id, slug FROM pilot_save(NULL, NULL,"
    " NULL, $1::text, $2::text, $3::text, $4::text, $5::text,"
    " $6::integer, $7::text, $8::text, $9::text, $10::text, '', NULL,"
    " $11::text, '', NULL, NULL, $12::jsonb)";

/*
 * Published on its date if complete (a function called in the saving
 * statement would not see the new row); the audit row says the
 * importer did it.
 */
static const char sql_publish[] =
    "WITH u AS (UPDATE item SET status = 'gepubliceerd',"
    "  published_at = ($2::date)::timestamp AT TIME ZONE 'Europe/Amsterdam',"
    "  checked_at = ($2::date)::timestamp AT TIME ZONE 'Europe/Amsterdam'"
    "  WHERE id = $1::bigint AND pilot_missing(id) = '{}' RETURNING id)"
    " INSERT INTO audit (actor_id, action, target_id, detail)"
    " SELECT NULL, 'publiceren', id, 'import' FROM u RETURNING 1";

static const char sql_lesson[] =
    "INSERT INTO lesson (pilot_id, kind, statement, position)"
    " VALUES ($1::bigint, $2::text, $3::text, $4::integer)";

/* Split the body into its sections (out[S__MAX], each Markdown). */
static void
split(const char *body, struct sbuf *out)
{
	const char	*p, *nl;
	enum sect	 cur, s;
	size_t		 n;

	cur = S_BODY;
	for (p = body; *p != '\0'; p = nl) {
		nl = strchr(p, '\n');
		nl = nl == NULL ? p + strlen(p) : nl + 1;
		n = (size_t)(nl - p);
		while (n > 0 && (p[n - 1] == '\n' || p[n - 1] == '\r' ||
		    p[n - 1] == ' '))
			n--;
		for (s = S_PROBLEM; s < S__MAX; s++) {
			if (strlen(sect_heads[s]) == n &&
			    memcmp(p, sect_heads[s], n) == 0)
				break;
		}
		if (s < S__MAX) {
			cur = s;
			continue;
		}
		sbuf_add(&out[cur], p, (size_t)(nl - p));
	}
}

/* "a, b" to "a\nb\n" (item_save's theme and tag lists). */
static int
themes(const char *v, struct sbuf *out)
{
	const char	*p, *e;

	for (p = v; *p != '\0'; p = *e == ',' ? e + 1 : e) {
		while (*p == ' ')
			p++;
		e = p + strcspn(p, ",");
		if (e > p) {
			sbuf_add(out, p, (size_t)(e - p));
			while (out->len > 0 &&
			    out->data[out->len - 1] == ' ')
				out->len--;
			sbuf_puts(out, "\n");
		}
	}
	return (0);
}

/*
 * p_fields for pilot_save(): the header's fields and the sections, the
 * Markdown ones rendered; their links added to links.
 */
static int
fields(struct sbuf *js, const struct front *f, struct sbuf *sect,
    const char *path)
{
	static const char *const plain[][2] = {
		{ "region", "region" }, { "setting", "setting" },
		{ "project", "project" }, { "target_group", "target_group" },
		{ "phase", "phase" }, { "phase_since", "phase_since" },
		{ "start", "start" }, { "end", "end" },
	};
	struct sbuf	 html, key;
	const char	*v, *p, *e;
	char		 lo[8], hi[8];
	size_t		 i;
	int		 first;

	jw_obj_open(js);
	for (i = 0; i < sizeof(plain) / sizeof(plain[0]); i++) {
		v = front_get(f, plain[i][0]);
		jw_kv_str(js, i == 0, plain[i][1], v != NULL ? v : "");
	}
	lo[0] = hi[0] = '\0';
	if ((v = front_get(f, "age")) != NULL && *v != '\0' &&
	    sscanf(v, "%7[0-9]-%7[0-9]", lo, hi) != 2) {
		fprintf(stderr, "import: %s: age: want \"12-18\"\n", path);
		jw_obj_close(js);
		return (-1);
	}
	jw_kv_str(js, 0, "age_min", lo);
	jw_kv_str(js, 0, "age_max", hi);

	sbuf_puts(js, ",\"partners\":[");
	first = 1;
	v = front_get(f, "partners");
	for (p = v != NULL ? v : ""; *p != '\0'; p = *e == ';' ? e + 1 : e) {
		while (*p == ' ')
			p++;
		e = p + strcspn(p, ";");
		if (e == p)
			continue;
		if (!first)
			sbuf_puts(js, ",");
		jw_string(js, p, (size_t)(e - p));
		first = 0;
	}
	sbuf_puts(js, "]");

	sbuf_init(&html);
	sbuf_init(&key);
	for (i = S_PROBLEM; i < S_LESSONS; i++) {
		sbuf_reset(&html);
		if (md_render(&html, sect[i].data != NULL ? sect[i].data : "",
		    sect[i].len) == -1) {
			fprintf(stderr, "import: %s: %s too large\n", path,
			    sect_heads[i]);
			sbuf_free(&html);
			sbuf_free(&key);
			jw_obj_close(js);
			return (-1);
		}
		sbuf_reset(&key);
		sbuf_printf(&key, "%s_md", sect_keys[i]);
		jw_kv_str(js, 0, sbuf_cstr(&key), sbuf_cstr(&sect[i]));
		sbuf_reset(&key);
		sbuf_printf(&key, "%s_html", sect_keys[i]);
		jw_kv_str(js, 0, sbuf_cstr(&key), sbuf_cstr(&html));
	}
	sbuf_free(&html);
	sbuf_free(&key);
	jw_obj_close(js);
	return (0);
}

/* "- kind: statement" lines under "## Lessen". */
static int
lessons(PGconn *db, const char *path, const char *id, const char *text)
{
	const struct pilot_word	*w;
	const char		*p[4], *nl, *l, *colon;
	char			 kind[32], pos[16];
	struct sbuf		 stmt;
	size_t			 n;
	int			 rc, i;

	rc = 0;
	i = 0;
	sbuf_init(&stmt);
	for (l = text; rc == 0 && *l != '\0'; l = nl) {
		nl = strchr(l, '\n');
		nl = nl == NULL ? l + strlen(l) : nl + 1;
		if (strncmp(l, "- ", 2) != 0)
			continue;
		l += 2;
		colon = strchr(l, ':');
		if (colon == NULL || colon > nl ||
		    (n = (size_t)(colon - l)) >= sizeof(kind)) {
			fprintf(stderr, "import: %s: lesson: want \"- kind: "
			    "statement\"\n", path);
			rc = -1;
			break;
		}
		memcpy(kind, l, n);
		kind[n] = '\0';
		if ((w = pilot_lesson_kind(kind)) == NULL) {
			fprintf(stderr, "import: %s: lesson: no kind %s\n",
			    path, kind);
			rc = -1;
			break;
		}
		sbuf_reset(&stmt);
		for (l = colon + 1; *l == ' '; l++)
			;
		n = (size_t)(nl - l);
		while (n > 0 && (l[n - 1] == '\n' || l[n - 1] == '\r'))
			n--;
		sbuf_add(&stmt, l, n);
		(void)snprintf(pos, sizeof(pos), "%d", ++i);
		p[0] = id;
		p[1] = w->word;
		p[2] = sbuf_cstr(&stmt);
		p[3] = pos;
		rc = import_exec(db, sql_lesson, 4, p);
	}
	sbuf_free(&stmt);
	return (rc);
}

int
import_pilot(PGconn *db, const char *path, const struct front *f,
    const char *unused)
{
	PGresult	*res;
	struct sbuf	 sect[S__MAX], js, th, tags, note;
	struct md_doc	 doc;
	const char	*p[12], *title, *summary, *pub, *base, *slash;
	char		 slug[PATH_SLUG_MAX + 1], words[24], id[24];
	size_t		 i, n;
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
	    (pub = import_need(f, "published", path)) == NULL)
		return (-1);

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

	for (i = 0; i < S__MAX; i++)
		sbuf_init(&sect[i]);
	sbuf_init(&js);
	sbuf_init(&th);
	sbuf_init(&tags);
	sbuf_init(&note);
	md_doc_init(&doc);
	if ((base = getenv("BRON_BASE_URL")) != NULL && *base == '\0')
		base = NULL;
	split(f->body, sect);
	rc = fields(&js, f, sect, path);
	if (rc == 0 && md_doc_render(&doc, sbuf_cstr(&sect[S_BODY]),
	    sect[S_BODY].len, base) == -1) {
		fprintf(stderr, "import: %s: body too large\n", path);
		rc = -1;
	}
	if (rc == 0) {
		(void)themes(front_get(f, "themes") ? front_get(f, "themes") :
		    "", &th);
		(void)themes(front_get(f, "tags") ? front_get(f, "tags") : "",
		    &tags);
		(void)snprintf(words, sizeof(words), "%zu", doc.words);
		sbuf_printf(&note, "Geïmporteerd uit content/pilots/%s.md",
		    slug);
		p[0] = title;
		p[1] = summary;
		p[2] = sbuf_cstr(&sect[S_BODY]);
		p[3] = sbuf_cstr(&doc.html);
		p[4] = sbuf_cstr(&doc.toc);
		p[5] = words;
		p[6] = sbuf_cstr(&note);
		p[7] = slug;
		p[8] = sbuf_cstr(&th);
		p[9] = sbuf_cstr(&tags);
		p[10] = sbuf_cstr(&doc.links);
		p[11] = sbuf_cstr(&js);
		res = PQexecParams(db, sql_save, 12, NULL, p, NULL, NULL, 0);
		rc = -1;
		if (PQresultStatus(res) != PGRES_TUPLES_OK)
			fprintf(stderr, "import: %s: %s", path,
			    PQerrorMessage(db));
		else if (PQntuples(res) != 1 || PQgetisnull(res, 0, 0))
			fprintf(stderr, "import: %s: a field has a value "
			    "that is not in its list\n", path);
		else if (strcmp(PQgetvalue(res, 0, 1), slug) != 0)
			fprintf(stderr, "import: %s: this file name is "
			    "reserved; rename the file\n", path);
		else {
			(void)snprintf(id, sizeof(id), "%s",
			    PQgetvalue(res, 0, 0));
			rc = 0;
		}
		PQclear(res);
	}
	if (rc == 0) {
		p[0] = id;
		p[1] = pub;
		res = PQexecParams(db, sql_publish, 2, NULL, p, NULL, NULL, 0);
		if (PQresultStatus(res) != PGRES_TUPLES_OK) {
			fprintf(stderr, "import: %s: %s", path,
			    PQerrorMessage(db));
			rc = -1;
		} else if (PQntuples(res) != 1) {
			fprintf(stderr, "import: %s: region, setting, phase, "
			    "start, Knelpunten and Oplossingsrichtingen are "
			    "required\n", path);
			rc = -1;
		}
		PQclear(res);
	}
	if (rc == 0)
		rc = lessons(db, path, id, sbuf_cstr(&sect[S_LESSONS]));
	for (i = 0; i < S__MAX; i++)
		sbuf_free(&sect[i]);
	sbuf_free(&js);
	sbuf_free(&th);
	sbuf_free(&tags);
	sbuf_free(&note);
	md_doc_free(&doc);
	return (rc);
}
