/*
 * import: load content/ into the database (idempotent). A tool, so it
 * uses libpq synchronously; all of it runs in one transaction, so a bad
 * file leaves the database as it was.
 *
 *   content/pagina/<slug>.<lang>.md   -> page
 *   content/themas/<slug>.md          -> theme
 *   content/monitor/<slug>.md         -> change_goal
 *
 * Usage: import <content-dir>   (connection from BRON_DATABASE_URL)
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "core/front.h"
#include "core/md.h"
#include "core/path.h"
#include "core/sbuf.h"

#define MAX_FILE	(512 * 1024)

typedef int	(*import_fn)(PGconn *, const char *, const struct front *,
		    const char *);

static int	 read_file(const char *, struct sbuf *);
static int	 exec(PGconn *, const char *, int, const char *const *);
static const char *need(const struct front *, const char *, const char *);
static int	 import_dir(PGconn *, const char *, const char *, import_fn);
static int	 import_page(PGconn *, const char *, const struct front *,
		    const char *);
static int	 import_theme(PGconn *, const char *, const struct front *,
		    const char *);
static int	 import_goal(PGconn *, const char *, const struct front *,
		    const char *);
static int	 md_filter(const struct dirent *);

static int
read_file(const char *path, struct sbuf *sb)
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

static int
exec(PGconn *db, const char *sql, int n, const char *const *params)
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

static const char *
need(const struct front *f, const char *key, const char *path)
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

	if ((p[0] = need(f, "slug", path)) == NULL ||
	    (p[1] = need(f, "lang", path)) == NULL ||
	    (p[2] = need(f, "title", path)) == NULL)
		return (-1);
	p[3] = front_get(f, "summary") ? front_get(f, "summary") : "";
	p[4] = f->body;
	p[5] = html;
	return (exec(db,
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

	if ((p[0] = need(f, "slug", path)) == NULL ||
	    (p[1] = need(f, "title", path)) == NULL)
		return (-1);
	p[2] = front_get(f, "summary") ? front_get(f, "summary") : "";
	p[3] = f->body;
	p[4] = html;
	p[5] = front_get(f, "position") ? front_get(f, "position") : "0";
	return (exec(db,
	    "INSERT INTO theme (slug, title, summary, body_md, body_html,"
	    " position) VALUES ($1, $2, $3, $4, $5, $6::integer)"
	    " ON CONFLICT (slug) DO UPDATE SET title = EXCLUDED.title,"
	    " summary = EXCLUDED.summary, body_md = EXCLUDED.body_md,"
	    " body_html = EXCLUDED.body_html, position = EXCLUDED.position,"
	    " updated_at = now()"
	    " WHERE (theme.title, theme.summary, theme.body_md,"
	    " theme.body_html, theme.position) IS DISTINCT FROM"
	    " (EXCLUDED.title, EXCLUDED.summary, EXCLUDED.body_md,"
	    " EXCLUDED.body_html, EXCLUDED.position)", 6, p));
}

static int
import_goal(PGconn *db, const char *path, const struct front *f,
    const char *html)
{
	const char	*p[8];

	if ((p[0] = need(f, "slug", path)) == NULL ||
	    (p[1] = need(f, "title", path)) == NULL ||
	    (p[3] = need(f, "pace", path)) == NULL)
		return (-1);
	p[2] = front_get(f, "summary") ? front_get(f, "summary") : "";
	p[4] = front_get(f, "position") ? front_get(f, "position") : "0";
	p[5] = front_get(f, "theme") ? front_get(f, "theme") : "";
	p[6] = f->body;
	p[7] = html;
	return (exec(db,
	    "INSERT INTO change_goal (slug, title, summary, pace, position,"
	    " theme_id, body_md, body_html) VALUES ($1, $2, $3, $4,"
	    " $5::integer, (SELECT id FROM theme WHERE slug = $6), $7, $8)"
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

static int
md_filter(const struct dirent *d)
{
	size_t	n = strlen(d->d_name);

	return (n > 3 && d->d_name[0] != '.' &&
	    strcmp(d->d_name + n - 3, ".md") == 0);
}

static int
import_dir(PGconn *db, const char *root, const char *sub, import_fn fn)
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
		if (rc == 0 && read_file(sbuf_cstr(&path), &text) == -1)
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
			if (md_render(&html, body.data, body.len) == -1) {
				fprintf(stderr, "import: %s: body too large\n",
				    sbuf_cstr(&path));
				rc = -1;
			} else {
				f.body = sbuf_cstr(&body);
				rc = fn(db, sbuf_cstr(&path), &f,
				    sbuf_cstr(&html));
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
	rc = exec(db, "BEGIN", 0, NULL);
	/* Themes first: change goals refer to them by slug. */
	if (rc == 0)
		rc = import_dir(db, argv[1], "themas", import_theme);
	if (rc == 0)
		rc = import_dir(db, argv[1], "monitor", import_goal);
	if (rc == 0)
		rc = import_dir(db, argv[1], "pagina", import_page);
	if (rc == 0)
		rc = exec(db, "COMMIT", 0, NULL);
	PQfinish(db);
	return (rc == 0 ? 0 : 1);
}
