/*
 * content/bronnen/<slug>.md: a resource (issue 10), seeded once and
 * owned by nobody (editors change it on the site; the file is not read
 * again once the resource exists).
 *
 * The header: title, summary, type (core/resource.c), publisher, year,
 * language (default nl), themes, published (YYYY-MM-DD), and url (an
 * external link) and/or file (a name in content/bronnen/bestanden/).
 * The file goes the way every upload goes: its type is decided from
 * its bytes (core/filetype.c), images lose their metadata
 * (core/imgstrip.c), the name is cleaned (core/fname.c), and the bytes
 * are on disk under BRON_UPLOAD_DIR (default var/uploads) before the
 * upload row is written (core/ustore.c). Then resource_save() without
 * an actor, and the resource is published with the given date.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "core/filetype.h"
#include "core/fname.h"
#include "core/front.h"
#include "core/imgstrip.h"
#include "core/md.h"
#include "core/path.h"
#include "core/resource.h"
#include "core/sbuf.h"
#include "core/ustore.h"
#include "tools/import.h"

static int	res_file(PGconn *, const char *, const char *, char *);

static const char sql_exists[] =
    "SELECT 1 FROM item WHERE kind = 'bron' AND slug = $1::text";

static const char sql_upload[] =
    "SELECT upload_add(NULL, 'bron', $1::text, $2::text, $3::text,"
    " $4::bigint, $5::text, '', 0)";

static const char sql_save[] =
    "SELECT id, slug, error FROM resource_save(NULL, NULL, NULL,"
    " $1::text, $2::text, $3::text, $4::text, $5::text, $6::integer,"
    " $7::text, $8::text, $9::text, '', '', NULL, $10::text, '', NULL,"
    " jsonb_build_object('type', $11::text, 'publisher', $12::text,"
    "  'year', $13::text, 'language', $14::text, 'url', $15::text,"
    "  'file', $16::text))";

static const char sql_publish[] =
    "WITH u AS (UPDATE item SET status = 'gepubliceerd', published_at ="
    "  ($2::date)::timestamp AT TIME ZONE 'Europe/Amsterdam',"
    "  checked_at = ($2::date)::timestamp AT TIME ZONE 'Europe/Amsterdam'"
    "  WHERE id = $1::bigint RETURNING id)"
    " INSERT INTO audit (actor_id, action, target_id, detail)"
    " SELECT NULL, 'publiceren', id, 'import' FROM u RETURNING 1";

/*
 * Store content/bronnen/bestanden/<name> as an upload; its token goes
 * to token (USTORE_TOKEN_LEN + 1 bytes).
 */
static int
res_file(PGconn *db, const char *mdpath, const char *name, char *token)
{
	PGresult	*res;
	struct sbuf	 path, raw, clean;
	enum filetype	 t;
	const char	*p[5], *dir, *slash;
	char		 fname[FNAME_MAX + 1], sha[65], size[24];
	int		 rc = -1;

	if (*name == '\0' || strchr(name, '/') != NULL ||
	    strstr(name, "..") != NULL) {
		fprintf(stderr, "import: %s: bad file name %s\n", mdpath, name);
		return (-1);
	}
	sbuf_init(&path);
	sbuf_init(&raw);
	sbuf_init(&clean);
	slash = strrchr(mdpath, '/');
	if (slash != NULL)
		sbuf_add(&path, mdpath, (size_t)(slash - mdpath + 1));
	sbuf_printf(&path, "bestanden/%s", name);
	if (import_read(sbuf_cstr(&path), &raw) == -1)
		goto out;
	t = filetype_sniff((const unsigned char *)raw.data, raw.len);
	if (filetype_mime(t) == NULL) {
		fprintf(stderr, "import: %s: not an allowed type of file\n",
		    sbuf_cstr(&path));
		goto out;
	}
	if (imgstrip(t, (const unsigned char *)raw.data, raw.len,
	    &clean) == -1 || clean.len == 0) {
		fprintf(stderr, "import: %s: damaged image\n",
		    sbuf_cstr(&path));
		goto out;
	}
	fname_clean(name, strlen(name), filetype_ext(t), fname,
	    sizeof(fname));
	ustore_token(token);
	ustore_sha256(clean.data, clean.len, sha);
	if ((dir = getenv("BRON_UPLOAD_DIR")) == NULL || *dir == '\0')
		dir = "var/uploads";
	if (ustore_write(dir, token, clean.data, clean.len) == -1) {
		fprintf(stderr, "import: %s/%s: %s\n", dir, token,
		    strerror(errno));
		goto out;
	}
	(void)snprintf(size, sizeof(size), "%zu", clean.len);
	p[0] = token;
	p[1] = filetype_mime(t);
	p[2] = fname;
	p[3] = size;
	p[4] = sha;
	res = PQexecParams(db, sql_upload, 5, NULL, p, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
		fprintf(stderr, "import: %s: %s", sbuf_cstr(&path),
		    PQerrorMessage(db));
	else
		rc = 0;
	PQclear(res);
out:
	sbuf_free(&path);
	sbuf_free(&raw);
	sbuf_free(&clean);
	return (rc);
}

int
import_resource(PGconn *db, const char *path, const struct front *f,
    const char *unused)
{
	PGresult	*res;
	struct sbuf	 th, note;
	struct md_doc	 doc;
	const char	*p[16], *title, *summary, *type, *pub, *base, *slash;
	const char	*file, *url;
	char		 slug[PATH_SLUG_MAX + 1], words[24], id[24];
	char		 token[USTORE_TOKEN_LEN + 1];
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
	    (type = import_need(f, "type", path)) == NULL ||
	    (pub = import_need(f, "published", path)) == NULL)
		return (-1);
	if (resource_type(type) == NULL) {
		fprintf(stderr, "import: %s: unknown type %s\n", path, type);
		return (-1);
	}
	file = front_get(f, "file");
	url = front_get(f, "url");
	if ((file == NULL || *file == '\0') && (url == NULL || *url == '\0')) {
		fprintf(stderr, "import: %s: give a file or a url\n", path);
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

	token[0] = '\0';
	if (file != NULL && *file != '\0' &&
	    res_file(db, path, file, token) == -1)
		return (-1);

	sbuf_init(&th);
	sbuf_init(&note);
	md_doc_init(&doc);
	if ((base = getenv("BRON_BASE_URL")) != NULL && *base == '\0')
		base = NULL;
	rc = 0;
	if (md_doc_render(&doc, f->body, strlen(f->body), base) == -1) {
		fprintf(stderr, "import: %s: body too large\n", path);
		rc = -1;
	}
	if (rc == 0) {
		(void)import_lines(front_get(f, "themes") != NULL ?
		    front_get(f, "themes") : "", &th);
		(void)snprintf(words, sizeof(words), "%zu", doc.words);
		sbuf_printf(&note, "Geïmporteerd uit content/bronnen/%s.md",
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
		p[10] = type;
		p[11] = front_get(f, "publisher") != NULL ?
		    front_get(f, "publisher") : "";
		p[12] = front_get(f, "year") != NULL ?
		    front_get(f, "year") : "";
		p[13] = front_get(f, "language") != NULL ?
		    front_get(f, "language") : "nl";
		p[14] = url != NULL ? url : "";
		p[15] = token;
		res = PQexecParams(db, sql_save, 16, NULL, p, NULL, NULL, 0);
		rc = -1;
		if (PQresultStatus(res) != PGRES_TUPLES_OK)
			fprintf(stderr, "import: %s: %s", path,
			    PQerrorMessage(db));
		else if (PQntuples(res) != 1 || !PQgetisnull(res, 0, 2))
			fprintf(stderr, "import: %s: bad field %s\n", path,
			    PQntuples(res) == 1 ? PQgetvalue(res, 0, 2) : "?");
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
		rc = import_exec(db, sql_publish, 2, p);
	}
	sbuf_free(&th);
	sbuf_free(&note);
	md_doc_free(&doc);
	return (rc);
}
