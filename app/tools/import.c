/*
 * import: load content/ into the database (idempotent). A tool, so it
 * uses libpq synchronously; all of it runs in one transaction, so a bad
 * file leaves the database as it was.
 *
 *   content/pagina/<slug>.<lang>.md   -> page
 *   content/themas/<slug>.md          -> theme
 *   content/monitor/<slug>.md         -> change_goal
 *   content/artikelen/<slug>.md       -> item of kind 'artikel'
 *   content/gemeenschappen/<slug>.md  -> community (seeded once)
 *   content/pilots/<slug>.md          -> item of kind 'pilot' with its
 *                                        fields and lessons (seeded once;
 *                                        import_pilot.c)
 *   content/masterminds/<slug>.md     -> mastermind series with its
 *                                        sessions (seeded once;
 *                                        import_mastermind.c)
 *   content/verhalen/<slug>.md        -> an example story, owned by
 *                                        nobody (seeded once;
 *                                        import_story.c)
 *   content/bronnen/<slug>.md         -> a resource with its file or
 *                                        link (seeded once;
 *                                        import_resource.c)
 *
 * Articles are saved the way the web app saves them: md_doc_render, then
 * item_save() (with no actor: content/ is the editors' own), so they get
 * revisions, themes, tags and typed links like any other. A file whose
 * title, summary, body, themes and tags match the database is left
 * alone (no new revision); a changed file becomes a new revision and is
 * published again. published: sets the publication date; checked: the
 * "laatst gecontroleerd" date, unless an editor checked it later.
 *
 * Usage: import <content-dir>   (connection from BRON_DATABASE_URL;
 * links to this site's own absolute URLs are recognised when
 * BRON_BASE_URL is set)
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "core/form.h"
#include "core/front.h"
#include "core/links.h"
#include "core/md.h"
#include "core/path.h"
#include "core/sbuf.h"
#include "tools/import.h"

#define MAX_FILE	(512 * 1024)
#define ART_TITLE_MAX	200	/* item.title CHECK */
#define ART_SUMMARY_MAX	300	/* "In het kort", as in the editor */
#define ART_TAG_MAX	40	/* item_tag.tag CHECK */
#define ART_TAGS_MAX	10	/* as in the editor */

/* An article whose 'gerelateerd' links are set after all are saved. */
struct art {
	char		 slug[PATH_SLUG_MAX + 1];
	struct sbuf	 related;	/* "kind/slug\n" lines */
};

/* Every imported article, for the second pass, and what happened. */
struct arts {
	struct art	*v;
	size_t		 n;
	size_t		 cap;
	int		 created;
	int		 changed;
};

/* One article file, checked, rendered and compared with the database. */
struct art_in {
	const char	*path;
	char		 slug[PATH_SLUG_MAX + 1];
	const char	*title;
	const char	*summary;
	const char	*body;
	const char	*pub;
	const char	*checked;
	const char	*base;		/* BRON_BASE_URL or NULL */
	struct sbuf	 themes;	/* newline-separated, as item_save() */
	struct sbuf	 tags;
	struct sbuf	 related;	/* "kind/slug\n" lines */
	struct md_doc	 doc;
	char		 words[24];
	/* The database's side (art_state). */
	int		 exists;
	int		 changed;	/* text, themes or tags differ */
	int		 stale;		/* only the rendering differs */
	int		 dates;		/* published or checked to set */
	char		 id[24];
	char		 rev[24];
};

typedef int	(*import_fn)(PGconn *, const char *, const struct front *,
		    const char *);

static int	 dir_exists(const char *, const char *);
static int	 import_dir(PGconn *, const char *, const char *, import_fn,
		    int);
static int	 import_page(PGconn *, const char *, const struct front *,
		    const char *);
static int	 import_theme(PGconn *, const char *, const struct front *,
		    const char *);
static int	 import_goal(PGconn *, const char *, const struct front *,
		    const char *);
static int	 import_community(PGconn *, const char *, const struct front *,
		    const char *);
static int	 import_article(PGconn *, const char *, const struct front *,
		    const char *);
static int	 art_list(const char *, const char *, const char *, int,
		    struct sbuf *);
static int	 art_date(const char *, const char *, const char *);
static int	 art_slug(const char *, char *, size_t);
static void	 art_init(struct art_in *, const char *,
		    const struct front *);
static void	 art_free(struct art_in *);
static int	 art_read(struct art_in *, const struct front *);
static int	 art_themes(PGconn *, struct art_in *);
static int	 art_state(PGconn *, struct art_in *);
static int	 art_save(PGconn *, struct art_in *);
static int	 art_store(PGconn *, struct art_in *);
static int	 art_remember(const struct art_in *);
static void	 arts_free(struct arts *);
static int	 art_related(PGconn *, const struct arts *);
static int	 md_filter(const struct dirent *);

static struct arts	arts;		/* filled by import_article */

int
import_read(const char *path, struct sbuf *sb)
{
	FILE	*f;
	char	 buf[8192];
	size_t	 n;

	if ((f = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "import: %s: %s\n", path, strerror(errno));
		return (-1);
	}
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		sbuf_add(sb, buf, n);
		if (sb->len > MAX_FILE) {
			fprintf(stderr, "import: %s: too large\n", path);
			fclose(f);
			return (-1);
		}
	}
	if (ferror(f)) {
		fprintf(stderr, "import: %s: read error\n", path);
		fclose(f);
		return (-1);
	}
	fclose(f);
	return (0);
}

int
import_exec(PGconn *db, const char *sql, int n, const char *const *params)
{
	PGresult	*res;
	int		 ok;

	res = PQexecParams(db, sql, n, NULL, params, NULL, NULL, 0);
	ok = PQresultStatus(res) == PGRES_COMMAND_OK ||
	    PQresultStatus(res) == PGRES_TUPLES_OK;
	if (!ok)
		fprintf(stderr, "import: %s", PQerrorMessage(db));
	PQclear(res);
	return (ok ? 0 : -1);
}

const char *
import_need(const struct front *f, const char *key, const char *path)
{
	const char	*v;

	if ((v = front_get(f, key)) == NULL || *v == '\0') {
		fprintf(stderr, "import: %s: missing key %s\n", path, key);
		return (NULL);
	}
	return (v);
}

static int
import_page(PGconn *db, const char *path, const struct front *f,
    const char *html)
{
	const char	*p[6];

	if ((p[0] = import_need(f, "slug", path)) == NULL ||
	    (p[1] = import_need(f, "lang", path)) == NULL ||
	    (p[2] = import_need(f, "title", path)) == NULL)
		return (-1);
	p[3] = front_get(f, "summary") ? front_get(f, "summary") : "";
	p[4] = f->body;
	p[5] = html;
	return (import_exec(db,
	    "INSERT INTO page (slug, lang, title, summary, body_md, body_html)"
	    " VALUES ($1, $2, $3, $4, $5, $6)"
	    " ON CONFLICT (slug, lang) DO UPDATE SET title = EXCLUDED.title,"
	    " summary = EXCLUDED.summary, body_md = EXCLUDED.body_md,"
	    " body_html = EXCLUDED.body_html, updated_at = now()"
	    " WHERE (page.title, page.summary, page.body_md, page.body_html)"
	    " IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.summary,"
	    " EXCLUDED.body_md, EXCLUDED.body_html)", 6, p));
}

static int
import_theme(PGconn *db, const char *path, const struct front *f,
    const char *html)
{
	const char	*p[6];

	if ((p[0] = import_need(f, "slug", path)) == NULL ||
	    (p[1] = import_need(f, "title", path)) == NULL)
		return (-1);
	p[2] = front_get(f, "summary") ? front_get(f, "summary") : "";
	p[3] = f->body;
	p[4] = html;
	p[5] = front_get(f, "position") ? front_get(f, "position") : "0";
	/*
	 * content/themas seeds the list once: after that the editors own
	 * it (/redactie/themas), so an existing theme is left as they made
	 * it, and one they merged into another (its slug is an alias now)
	 * is not made again.
	 */
	return (import_exec(db,
	    "INSERT INTO theme (slug, title, summary, body_md, body_html,"
	    " position) SELECT $1::text, $2::text, $3::text, $4::text,"
	    " $5::text, $6::integer"
	    " WHERE NOT EXISTS (SELECT 1 FROM theme_alias"
	    "  WHERE slug = $1::text)"
	    " ON CONFLICT (slug) DO NOTHING", 6, p));
}

/*
 * A community of practice: name, summary, visibility, membership and
 * themes (comma-separated slugs) in the header, its purpose as the body.
 * Seeded once, like themes: after that its moderators own it.
 */
static int
import_community(PGconn *db, const char *path, const struct front *f,
    const char *html)
{
	const char	*p[8];

	if ((p[0] = import_need(f, "slug", path)) == NULL ||
	    (p[1] = import_need(f, "name", path)) == NULL ||
	    (p[5] = import_need(f, "visibility", path)) == NULL ||
	    (p[6] = import_need(f, "membership", path)) == NULL)
		return (-1);
	p[2] = front_get(f, "summary") ? front_get(f, "summary") : "";
	p[3] = f->body;
	p[4] = html;
	p[7] = front_get(f, "themes") ? front_get(f, "themes") : "";
	return (import_exec(db,
	    "WITH c AS (INSERT INTO community (slug, name, summary,"
	    " purpose_md, purpose_html, visibility, membership)"
	    " VALUES ($1::text, $2::text, $3::text, $4::text, $5::text,"
	    " $6::text, $7::text) ON CONFLICT (slug) DO NOTHING"
	    " RETURNING id)"
	    " INSERT INTO community_theme (community_id, theme_id)"
	    " SELECT c.id, t.id FROM c, theme t WHERE t.slug IN"
	    " (SELECT btrim(x) FROM regexp_split_to_table($8::text, ',') x)",
	    8, p));
}

static int
import_goal(PGconn *db, const char *path, const struct front *f,
    const char *html)
{
	const char	*p[8];

	if ((p[0] = import_need(f, "slug", path)) == NULL ||
	    (p[1] = import_need(f, "title", path)) == NULL ||
	    (p[3] = import_need(f, "pace", path)) == NULL)
		return (-1);
	p[2] = front_get(f, "summary") ? front_get(f, "summary") : "";
	p[4] = front_get(f, "position") ? front_get(f, "position") : "0";
	p[5] = front_get(f, "theme") ? front_get(f, "theme") : "";
	p[6] = f->body;
	p[7] = html;
	return (import_exec(db,
	    "INSERT INTO change_goal (slug, title, summary, pace, position,"
	    " theme_id, body_md, body_html) VALUES ($1, $2, $3, $4,"
	    " $5::integer, coalesce((SELECT id FROM theme WHERE slug = $6),"
	    " (SELECT theme_id FROM theme_alias WHERE slug = $6)), $7, $8)"
	    " ON CONFLICT (slug) DO UPDATE SET title = EXCLUDED.title,"
	    " summary = EXCLUDED.summary, pace = EXCLUDED.pace,"
	    " position = EXCLUDED.position, theme_id = EXCLUDED.theme_id,"
	    " body_md = EXCLUDED.body_md, body_html = EXCLUDED.body_html,"
	    " updated_at = now()"
	    " WHERE (change_goal.title, change_goal.summary, change_goal.pace,"
	    " change_goal.position, change_goal.theme_id, change_goal.body_md,"
	    " change_goal.body_html) IS DISTINCT FROM (EXCLUDED.title,"
	    " EXCLUDED.summary, EXCLUDED.pace, EXCLUDED.position,"
	    " EXCLUDED.theme_id, EXCLUDED.body_md, EXCLUDED.body_html)",
	    8, p));
}

/*
 * The state of an article in the database against its file: the id and
 * revision, whether the text, themes or tags differ (a new revision),
 * whether only the rendering differs (cmark or md.c changed: no new
 * revision), and whether the dates need setting.
 */
static const char	sql_art_state[] =
    "SELECT i.id, i.revision,"
    " (i.title, i.summary, i.body_md) IS DISTINCT FROM"
    "  ($2::text, $3::text, $4::text)"
    " OR ARRAY(SELECT t.slug::text FROM item_theme it"
    "  JOIN theme t ON t.id = it.theme_id WHERE it.item_id = i.id"
    "  ORDER BY 1) IS DISTINCT FROM"
    "  ARRAY(SELECT l FROM lines($5::text) AS l ORDER BY 1)"
    " OR ARRAY(SELECT tg.tag FROM item_tag tg WHERE tg.item_id = i.id"
    "  ORDER BY 1) IS DISTINCT FROM"
    "  ARRAY(SELECT l FROM lines(lower($6::text)) AS l ORDER BY 1),"
    " (i.body_html, i.toc_html, i.words) IS DISTINCT FROM"
    "  ($7::text, $8::text, $9::integer),"
    " i.published_at IS DISTINCT FROM"
    "  ($10::date)::timestamp AT TIME ZONE 'Europe/Amsterdam'"
    " OR i.checked_at IS NULL OR i.checked_at <"
    "  ($11::date)::timestamp AT TIME ZONE 'Europe/Amsterdam'"
    " FROM item i WHERE i.kind = 'artikel' AND i.slug = $1::text";

/* The same call the web editor makes (db/q_edit.c), without an actor. */
static const char	sql_art_save[] =
    "SELECT id, slug, revision, conflict FROM item_save('artikel',"
    " $1::bigint, $2::integer, NULL, $3::text, $4::text, $5::text,"
    " $6::text, $7::text, $8::integer, $9::text, $10::text, $11::text,"
    " $12::text, '', NULL, $13::text, $14::text, NULL, NULL)";

/* Only the rendering changed: no revision, the source is the same. */
static const char	sql_art_render[] =
    "UPDATE item SET body_html = $2::text, toc_html = $3::text,"
    " words = $4::integer WHERE id = $1::bigint";

/*
 * Status and dates in one statement. A new or changed file is
 * published (with its audit row); the check date never moves back
 * (an editor may have checked the article since).
 */
static const char	sql_art_publish[] =
    "WITH old AS (SELECT id, status FROM item WHERE id = $1::bigint"
    "  FOR UPDATE),"
    " u AS (UPDATE item i SET"
    "  status = CASE WHEN $4::boolean THEN 'gepubliceerd'"
    "   ELSE i.status END,"
    "  published_at = ($2::date)::timestamp"
    "   AT TIME ZONE 'Europe/Amsterdam',"
    "  checked_at = greatest(i.checked_at, ($3::date)::timestamp"
    "   AT TIME ZONE 'Europe/Amsterdam')"
    "  FROM old WHERE i.id = old.id"
    "  RETURNING i.id, i.revision, old.status AS was, i.status AS now)"
    " INSERT INTO audit (actor_id, action, target_id, detail)"
    " SELECT NULL, 'publiceren', u.id, 'import, versie ' || u.revision"
    " FROM u WHERE u.was <> 'gepubliceerd' AND u.now = 'gepubliceerd'";

/*
 * The theme slugs of a file as they are now: an editor may have merged
 * a theme into another (theme_alias). Unknown slugs in the second
 * column.
 */
static const char	sql_art_themes[] =
    "SELECT coalesce(string_agg(DISTINCT coalesce(t.slug, m.slug), E'\\n')"
    "  FILTER (WHERE coalesce(t.slug, m.slug) IS NOT NULL), ''),"
    " coalesce(string_agg(l, ', ' ORDER BY l)"
    "  FILTER (WHERE coalesce(t.slug, m.slug) IS NULL), '')"
    " FROM lines($1::text) AS l"
    " LEFT JOIN theme t ON t.slug = l"
    " LEFT JOIN theme_alias a ON a.slug = l"
    " LEFT JOIN theme m ON m.id = a.theme_id";

/* 't' when the article's 'gerelateerd' links differ from the list. */
static const char	sql_art_related_differ[] =
    "SELECT ARRAY(SELECT il.to_id FROM item_link il, item i"
    "  WHERE i.kind = 'artikel' AND i.slug = $1::text"
    "  AND il.from_id = i.id AND il.type = 'gerelateerd' ORDER BY 1)"
    " IS DISTINCT FROM ARRAY(SELECT r FROM item_refs($2::text) AS r, item i"
    "  WHERE i.kind = 'artikel' AND i.slug = $1::text AND r <> i.id"
    "  ORDER BY 1)";

static const char	sql_art_related_set[] =
    "WITH i AS (SELECT id FROM item WHERE kind = 'artikel'"
    "  AND slug = $1::text),"
    " want AS (SELECT r FROM item_refs($2::text) AS r, i WHERE r <> i.id),"
    " del AS (DELETE FROM item_link il USING i WHERE il.from_id = i.id"
    "  AND il.type = 'gerelateerd'"
    "  AND il.to_id NOT IN (SELECT r FROM want))"
    " INSERT INTO item_link (from_id, to_id, type)"
    " SELECT i.id, want.r, 'gerelateerd' FROM i, want"
    " ON CONFLICT DO NOTHING";

/*
 * A comma-separated front matter list as newline-separated lines (the
 * form item_save() takes), each 1..max characters; 0 or -1 (reported).
 * At most maxn items when maxn > 0.
 */
static int
art_list(const char *path, const char *key, const char *v, int maxn,
    struct sbuf *out)
{
	const char	*p, *e, *end;
	char		 item[FRONT_VAL_MAX];
	size_t		 n, max;
	int		 count;

	max = strcmp(key, "tags") == 0 ? ART_TAG_MAX : FRONT_VAL_MAX;
	count = 0;
	for (p = v; *p != '\0'; p = *e == ',' ? e + 1 : e) {
		if ((e = strchr(p, ',')) == NULL)
			e = p + strlen(p);
		end = e;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		if ((n = (size_t)(end - p)) == 0)
			continue;
		memcpy(item, p, n);
		item[n] = '\0';
		if (form_chars(item) > max) {
			fprintf(stderr, "import: %s: %s: \"%s\" is longer than "
			    "%zu characters\n", path, key, item, max);
			return (-1);
		}
		if (maxn > 0 && ++count > maxn) {
			fprintf(stderr, "import: %s: %s: more than %d\n", path,
			    key, maxn);
			return (-1);
		}
		sbuf_add(out, item, n);
		sbuf_putc(out, '\n');
	}
	return (0);
}

/* A YYYY-MM-DD value (PostgreSQL checks that the day exists). */
static int
art_date(const char *path, const char *key, const char *v)
{
	static const char	shape[] = "dddd-dd-dd";
	size_t			i;

	for (i = 0; shape[i] != '\0'; i++) {
		if (shape[i] == 'd' ? (v[i] < '0' || v[i] > '9') :
		    v[i] != shape[i])
			break;
	}
	if (shape[i] != '\0' || v[i] != '\0') {
		fprintf(stderr, "import: %s: %s: expected YYYY-MM-DD\n", path,
		    key);
		return (-1);
	}
	return (0);
}

/* The slug is the file name: content/artikelen/<slug>.md. */
static int
art_slug(const char *path, char *out, size_t outsz)
{
	const char	*b;
	size_t		 n;

	b = (b = strrchr(path, '/')) != NULL ? b + 1 : path;
	n = strlen(b) - 3;		/* md_filter: it ends in ".md" */
	if (n >= outsz || !path_slug_ok(b, n)) {
		fprintf(stderr, "import: %s: the file name is no slug "
		    "(a-z, 0-9, single hyphens)\n", path);
		return (-1);
	}
	memcpy(out, b, n);
	out[n] = '\0';
	return (0);
}

static void
art_init(struct art_in *a, const char *path, const struct front *f)
{
	memset(a, 0, sizeof(*a));
	a->path = path;
	a->body = f->body;
	sbuf_init(&a->themes);
	sbuf_init(&a->tags);
	sbuf_init(&a->related);
	md_doc_init(&a->doc);
}

static void
art_free(struct art_in *a)
{
	sbuf_free(&a->themes);
	sbuf_free(&a->tags);
	sbuf_free(&a->related);
	md_doc_free(&a->doc);
}

/* The front matter and the body, checked; the body rendered. */
static int
art_read(struct art_in *a, const struct front *f)
{
	struct sbuf	 rel, bad;
	const char	*v;
	int		 rc;

	if (art_slug(a->path, a->slug, sizeof(a->slug)) == -1 ||
	    (a->title = import_need(f, "title", a->path)) == NULL ||
	    (a->summary = import_need(f, "summary", a->path)) == NULL ||
	    (a->pub = import_need(f, "published", a->path)) == NULL ||
	    art_date(a->path, "published", a->pub) == -1)
		return (-1);
	if ((a->checked = front_get(f, "checked")) == NULL ||
	    *a->checked == '\0')
		a->checked = a->pub;
	else if (art_date(a->path, "checked", a->checked) == -1)
		return (-1);
	if (form_chars(a->title) > ART_TITLE_MAX ||
	    form_chars(a->summary) > ART_SUMMARY_MAX) {
		fprintf(stderr, "import: %s: title over %d or summary over %d "
		    "characters\n", a->path, ART_TITLE_MAX, ART_SUMMARY_MAX);
		return (-1);
	}
	if ((a->base = getenv("BRON_BASE_URL")) != NULL && *a->base == '\0')
		a->base = NULL;
	if (art_list(a->path, "themes", (v = front_get(f, "themes")) ?
	    v : "", 0, &a->themes) == -1 ||
	    art_list(a->path, "tags", (v = front_get(f, "tags")) ? v : "",
	    ART_TAGS_MAX, &a->tags) == -1)
		return (-1);

	sbuf_init(&rel);
	sbuf_init(&bad);
	rc = art_list(a->path, "related", (v = front_get(f, "related")) ?
	    v : "", 0, &rel);
	if (rc == 0 && links_list(&a->related, &bad, sbuf_cstr(&rel),
	    a->base) > 0) {
		fprintf(stderr, "import: %s: related: not a Bron item: %s\n",
		    a->path, sbuf_cstr(&bad));
		rc = -1;
	}
	sbuf_free(&rel);
	sbuf_free(&bad);
	if (rc == -1)
		return (-1);

	if (md_doc_render(&a->doc, a->body, strlen(a->body), a->base) ==
	    -1) {
		fprintf(stderr, "import: %s: body too large\n", a->path);
		return (-1);
	}
	(void)snprintf(a->words, sizeof(a->words), "%zu", a->doc.words);
	return (0);
}

/*
 * A misspelt theme would be dropped by item_save(): refuse it. A merged
 * one is replaced by the theme it was merged into.
 */
static int
art_themes(PGconn *db, struct art_in *a)
{
	PGresult	*res;
	const char	*p[1];
	int		 rc;

	p[0] = sbuf_cstr(&a->themes);
	res = PQexecParams(db, sql_art_themes, 1, NULL, p, NULL, NULL, 0);
	rc = -1;
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
		fprintf(stderr, "import: %s", PQerrorMessage(db));
	else if (*PQgetvalue(res, 0, 1) != '\0')
		fprintf(stderr, "import: %s: themes: no such theme: %s\n",
		    a->path, PQgetvalue(res, 0, 1));
	else {
		sbuf_reset(&a->themes);
		sbuf_puts(&a->themes, PQgetvalue(res, 0, 0));
		rc = 0;
	}
	PQclear(res);
	return (rc);
}

/* What the database holds for the article (sql_art_state). */
static int
art_state(PGconn *db, struct art_in *a)
{
	PGresult	*res;
	const char	*p[11];

	p[0] = a->slug;
	p[1] = a->title;
	p[2] = a->summary;
	p[3] = a->body;
	p[4] = sbuf_cstr(&a->themes);
	p[5] = sbuf_cstr(&a->tags);
	p[6] = sbuf_cstr(&a->doc.html);
	p[7] = sbuf_cstr(&a->doc.toc);
	p[8] = a->words;
	p[9] = a->pub;
	p[10] = a->checked;
	res = PQexecParams(db, sql_art_state, 11, NULL, p, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK) {
		fprintf(stderr, "import: %s", PQerrorMessage(db));
		PQclear(res);
		return (-1);
	}
	a->exists = PQntuples(res) == 1;
	a->changed = a->stale = a->dates = 1;
	if (a->exists) {
		(void)snprintf(a->id, sizeof(a->id), "%s",
		    PQgetvalue(res, 0, 0));
		(void)snprintf(a->rev, sizeof(a->rev), "%s",
		    PQgetvalue(res, 0, 1));
		a->changed = strcmp(PQgetvalue(res, 0, 2), "t") == 0;
		a->stale = strcmp(PQgetvalue(res, 0, 3), "t") == 0;
		a->dates = strcmp(PQgetvalue(res, 0, 4), "t") == 0;
	}
	PQclear(res);
	return (0);
}

/*
 * item_save(): creates the article, or saves the file as a new revision
 * on top of the one in the database; a->id and a->rev are then the
 * item's id and the revision saved.
 */
static int
art_save(PGconn *db, struct art_in *a)
{
	PGresult	*res;
	struct sbuf	 note;
	const char	*p[14];
	int		 rc;

	sbuf_init(&note);
	sbuf_printf(&note, "Geïmporteerd uit content/artikelen/%s.md",
	    a->slug);
	p[0] = a->exists ? a->id : NULL;
	p[1] = a->exists ? a->rev : NULL;
	p[2] = a->title;
	p[3] = a->summary;
	p[4] = a->body;
	p[5] = sbuf_cstr(&a->doc.html);
	p[6] = sbuf_cstr(&a->doc.toc);
	p[7] = a->words;
	p[8] = sbuf_cstr(&note);
	p[9] = a->slug;
	p[10] = sbuf_cstr(&a->themes);
	p[11] = sbuf_cstr(&a->tags);
	p[12] = sbuf_cstr(&a->doc.links);
	p[13] = sbuf_cstr(&a->related);
	res = PQexecParams(db, sql_art_save, 14, NULL, p, NULL, NULL, 0);
	rc = -1;
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
		fprintf(stderr, "import: %s: %s", a->path, PQerrorMessage(db));
	else if (PQntuples(res) != 1 ||
	    strcmp(PQgetvalue(res, 0, 3), "f") != 0)
		/* Impossible in one transaction: nobody saved meanwhile. */
		fprintf(stderr, "import: %s: not saved\n", a->path);
	else if (strcmp(PQgetvalue(res, 0, 1), a->slug) != 0)
		/* item_save() moved a reserved word ("nieuw") aside. */
		fprintf(stderr, "import: %s: this file name is reserved; "
		    "rename the file\n", a->path);
	else {
		(void)snprintf(a->id, sizeof(a->id), "%s",
		    PQgetvalue(res, 0, 0));
		(void)snprintf(a->rev, sizeof(a->rev), "%s",
		    PQgetvalue(res, 0, 2));
		rc = 0;
	}
	PQclear(res);
	sbuf_free(&note);
	return (rc);
}

/* Write what differs: a revision, the rendering, status and dates. */
static int
art_store(PGconn *db, struct art_in *a)
{
	const char	*p[4];

	if (a->changed) {
		if (art_save(db, a) == -1)
			return (-1);
		if (a->exists)
			arts.changed++;
		else
			arts.created++;
	} else if (a->stale) {
		p[0] = a->id;
		p[1] = sbuf_cstr(&a->doc.html);
		p[2] = sbuf_cstr(&a->doc.toc);
		p[3] = a->words;
		if (import_exec(db, sql_art_render, 4, p) == -1)
			return (-1);
	}
	if (!a->changed && !a->dates)
		return (0);
	p[0] = a->id;
	p[1] = a->pub;
	p[2] = a->checked;
	p[3] = a->changed ? "true" : "false";
	return (import_exec(db, sql_art_publish, 4, p));
}

/* Kept for art_related(), which runs once every article exists. */
static int
art_remember(const struct art_in *a)
{
	struct art	*v;

	if (arts.n == arts.cap) {
		arts.cap = arts.cap ? arts.cap * 2 : 16;
		if ((v = realloc(arts.v, arts.cap * sizeof(*v))) == NULL) {
			fprintf(stderr, "import: out of memory\n");
			return (-1);
		}
		arts.v = v;
	}
	v = &arts.v[arts.n++];
	memcpy(v->slug, a->slug, sizeof(v->slug));
	sbuf_init(&v->related);
	sbuf_add(&v->related, a->related.data, a->related.len);
	return (0);
}

static int
import_article(PGconn *db, const char *path, const struct front *f,
    const char *unused)
{
	struct art_in	a;
	int		rc;

	(void)unused;
	art_init(&a, path, f);
	rc = art_read(&a, f) == -1 || art_themes(db, &a) == -1 ||
	    art_state(db, &a) == -1 || art_store(db, &a) == -1 ||
	    art_remember(&a) == -1 ? -1 : 0;
	art_free(&a);
	return (rc);
}

/*
 * item_save() links only to items that exist: an article may name one
 * that comes later in the directory. Now that all exist, each article's
 * 'gerelateerd' links are set from its list (the rows item_save() would
 * write), where they differ.
 */
static int
art_related(PGconn *db, const struct arts *as)
{
	PGresult	*res;
	const char	*p[2];
	size_t		 i;
	int		 differ;

	for (i = 0; i < as->n; i++) {
		p[0] = as->v[i].slug;
		p[1] = sbuf_cstr(&as->v[i].related);
		res = PQexecParams(db, sql_art_related_differ, 2, NULL, p,
		    NULL, NULL, 0);
		if (PQresultStatus(res) != PGRES_TUPLES_OK) {
			fprintf(stderr, "import: %s", PQerrorMessage(db));
			PQclear(res);
			return (-1);
		}
		differ = strcmp(PQgetvalue(res, 0, 0), "t") == 0;
		PQclear(res);
		if (differ && import_exec(db, sql_art_related_set, 2, p) == -1)
			return (-1);
	}
	printf("import: artikelen: %d new, %d changed, %zu unchanged\n",
	    as->created, as->changed,
	    as->n - (size_t)as->created - (size_t)as->changed);
	return (0);
}

static void
arts_free(struct arts *as)
{
	size_t	i;

	for (i = 0; i < as->n; i++)
		sbuf_free(&as->v[i].related);
	free(as->v);
	memset(as, 0, sizeof(*as));
}

static int
md_filter(const struct dirent *d)
{
	size_t	n = strlen(d->d_name);

	return (n > 3 && d->d_name[0] != '.' &&
	    strcmp(d->d_name + n - 3, ".md") == 0);
}

/* Is root/sub a directory? */
static int
dir_exists(const char *root, const char *sub)
{
	struct stat	 st;
	char		 p[4096];

	if ((size_t)snprintf(p, sizeof(p), "%s/%s", root, sub) >= sizeof(p))
		return (0);
	return (stat(p, &st) == 0 && S_ISDIR(st.st_mode));
}

/* html: render the body with md_render for fn (else fn gets NULL). */
static int
import_dir(PGconn *db, const char *root, const char *sub, import_fn fn,
    int html_too)
{
	struct dirent	**names;
	struct front	  f;
	struct sbuf	  path, text, html, body;
	char		  err[256];
	int		  i, n, rc;

	sbuf_init(&path);
	sbuf_printf(&path, "%s/%s", root, sub);
	if ((n = scandir(sbuf_cstr(&path), &names, md_filter,
	    alphasort)) == -1) {
		fprintf(stderr, "import: %s: %s\n", sbuf_cstr(&path),
		    strerror(errno));
		sbuf_free(&path);
		return (-1);
	}
	rc = 0;
	for (i = 0; i < n; i++) {
		sbuf_init(&text);
		sbuf_init(&html);
		sbuf_init(&body);
		sbuf_reset(&path);
		sbuf_printf(&path, "%s/%s/%s", root, sub, names[i]->d_name);
		if (rc == 0 && import_read(sbuf_cstr(&path), &text) == -1)
			rc = -1;
		if (rc == 0 && front_parse(text.data, text.len, &f, err,
		    sizeof(err)) == -1) {
			fprintf(stderr, "import: %s: %s\n", sbuf_cstr(&path),
			    err);
			rc = -1;
		}
		if (rc == 0 && front_get(&f, "slug") != NULL &&
		    !path_slug_ok(front_get(&f, "slug"),
		    strlen(front_get(&f, "slug")))) {
			fprintf(stderr, "import: %s: bad slug\n",
			    sbuf_cstr(&path));
			rc = -1;
		}
		if (rc == 0) {
			/* The body as its own string: libpq wants NUL ends. */
			sbuf_add(&body, f.body, f.bodylen);
			if (html_too &&
			    md_render(&html, body.data, body.len) == -1) {
				fprintf(stderr, "import: %s: body too large\n",
				    sbuf_cstr(&path));
				rc = -1;
			} else {
				f.body = sbuf_cstr(&body);
				rc = fn(db, sbuf_cstr(&path), &f,
				    html_too ? sbuf_cstr(&html) : NULL);
			}
		}
		sbuf_free(&text);
		sbuf_free(&html);
		sbuf_free(&body);
		free(names[i]);
	}
	free(names);
	if (rc == 0)
		printf("import: %s: %d files\n", sub, n);
	sbuf_free(&path);
	return (rc);
}

int
main(int argc, char **argv)
{
	PGconn		*db;
	const char	*dsn;
	int		 rc;

	if (argc != 2) {
		fprintf(stderr, "usage: import content-dir\n");
		return (2);
	}
	if ((dsn = getenv("BRON_DATABASE_URL")) == NULL) {
		fprintf(stderr, "import: BRON_DATABASE_URL is not set\n");
		return (2);
	}
	db = PQconnectdb(dsn);
	if (PQstatus(db) != CONNECTION_OK) {
		fprintf(stderr, "import: %s", PQerrorMessage(db));
		PQfinish(db);
		return (1);
	}
	rc = import_exec(db, "BEGIN", 0, NULL);
	/* item_save() lets a save without an actor update only here. */
	if (rc == 0)
		rc = import_exec(db, "SET LOCAL bron.importer = 'on'", 0, NULL);
	/* Themes first: change goals refer to them by slug. */
	if (rc == 0)
		rc = import_dir(db, argv[1], "themas", import_theme, 1);
	if (rc == 0)
		rc = import_dir(db, argv[1], "monitor", import_goal, 1);
	if (rc == 0)
		rc = import_dir(db, argv[1], "gemeenschappen",
		    import_community, 1);
	if (rc == 0)
		rc = import_dir(db, argv[1], "pagina", import_page, 1);
	/* Articles after themes (they name them), then their relations. */
	if (rc == 0)
		rc = import_dir(db, argv[1], "artikelen", import_article, 0);
	if (rc == 0)
		rc = art_related(db, &arts);
	/* Pilots after articles: their bodies link to them. */
	if (rc == 0)
		rc = import_dir(db, argv[1], "pilots", import_pilot, 0);
	/* Masterminds last: sessions link to articles and pilots. A
	 * content tree without the directory (older copies) has none. */
	if (rc == 0 && dir_exists(argv[1], "masterminds"))
		rc = import_dir(db, argv[1], "masterminds", import_mastermind,
		    0);
	/* Example stories (issue 9) name themes. */
	if (rc == 0 && dir_exists(argv[1], "verhalen"))
		rc = import_dir(db, argv[1], "verhalen", import_story, 0);
	/* Resources (issue 10) link to articles and pilots. */
	if (rc == 0 && dir_exists(argv[1], "bronnen"))
		rc = import_dir(db, argv[1], "bronnen", import_resource, 0);
	if (rc == 0)
		rc = import_synonym(db, argv[1]);
	arts_free(&arts);
	if (rc == 0)
		rc = import_exec(db, "COMMIT", 0, NULL);
	PQfinish(db);
	return (rc == 0 ? 0 : 1);
}
