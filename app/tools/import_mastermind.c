/*
 * content/masterminds/<slug>.md: a mastermind series with its sessions,
 * participants and actions, seeded once (like pilots: after that its
 * facilitators and the editors own it, and the file is not read again).
 *
 * The header has the series' keys: name, community (a community slug;
 * none: public), amend_days (1-30, default 7), and themes and tags for
 * its sessions. The body up to the first "# Sessie: <title>" line is
 * the purpose. Each session starts with such a line, then "key: value"
 * lines up to a blank line:
 *   slug, summary, date (YYYY-MM-DD), time (HH:MM, Europe/Amsterdam),
 *   duration (minutes), location, state (concept or definitief),
 *   final (YYYY-MM-DD: the day the minutes became final)
 * and the sections "## Deelnemers" ("- Naam (rol)" lines), "## Casus of
 * vraag", "## Inzichten" (the item's body), "## Afspraken" and
 * "## Acties", one action a line:
 *   - actie: what | wie: owner | voor: YYYY-MM-DD | status: gedaan |
 *     gesloten_in: 2 | notitie: closing note
 * (gesloten_in: the number of the session of this file in which it was
 * closed). Participants and owners are stored as names, never as
 * members: the examples' people are invented, and marked so in the file.
 * Sessions are saved with item_save() without an actor, as articles
 * are; the rest goes straight into the tables, since no member runs
 * the series yet.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "core/front.h"
#include "core/jw.h"
#include "core/md.h"
#include "core/path.h"
#include "core/sbuf.h"
#include "tools/import.h"

#define MM_SESSIONS_MAX	60
#define MM_KEYS_MAX	10

enum mm_sect {
	M_NONE,
	M_PEOPLE,
	M_CASE,
	M_INSIGHTS,
	M_AGREEMENTS,
	M_ACTIONS,
	M__MAX
};

static const char *const mm_heads[M__MAX] = {
	NULL, "## Deelnemers", "## Casus of vraag", "## Inzichten",
	"## Afspraken", "## Acties",
};

/* One "# Sessie:" block of the file. */
struct mm_block {
	char		 title[FRONT_VAL_MAX];
	struct front_kv	 kv[MM_KEYS_MAX];
	size_t		 nkv;
	struct sbuf	 sect[M__MAX];
	char		 id[24];
};

static const char *const mm_keys[] = {
	"slug", "summary", "date", "time", "duration", "location", "state",
	"final", NULL
};

static size_t	 line_len(const char *, const char **);
static const char *kv_get(const struct mm_block *, const char *);
static int	 block_parse(const char *, const char *, size_t,
		    struct mm_block *);
static int	 list_lines(const char *, struct sbuf *);
static int	 people_json(const char *, const char *, struct sbuf *);
static int	 session_save(PGconn *, const char *, const char *,
		    const char *, const struct front *, const char *,
		    struct mm_block *);
static int	 actions_save(PGconn *, const char *, struct mm_block *,
		    size_t, size_t);
static int	 one_value(PGconn *, const char *, int, const char *const *,
		    char *, size_t, const char *);

static const char sql_exists[] =
    "SELECT 1 FROM mm_series WHERE slug = $1::text";

static const char sql_slug_free[] =
    "SELECT mm_slug_free($1::text, NULL, NULL) = $1::text";

static const char sql_series[] =
    "WITH s AS (INSERT INTO mm_series (slug, name, purpose_md,"
    "  purpose_html, community_id, amend_days)"
    "  SELECT $1::text, $2::text, $3::text, $4::text, c.id,"
    "  $6::smallint FROM (SELECT 1) x LEFT JOIN community c"
    "  ON c.slug = $5::text WHERE ($5::text = '') = (c.id IS NULL)"
    "  RETURNING id),"
    " a AS (INSERT INTO audit (actor_id, action, target_id, detail)"
    "  SELECT NULL, 'mmserie_aanmaken', id, 'import' FROM s)"
    " SELECT id FROM s";

/* The same call the web editor makes for articles, without an actor. */
static const char sql_item[] =
    "SELECT id, slug FROM item_save('mastermind', NULL, NULL, NULL,"
    " $1::text, $2::text, $3::text, $4::text, $5::text, $6::integer,"
    " $7::text, $8::text, $9::text, $10::text, $11::text, NULL,"
    " $12::text, '', NULL, NULL)";

static const char sql_session[] =
    "WITH f AS (SELECT CASE WHEN $11::text = 'definitief'"
    "  THEN ($12::date + time '12:00') AT TIME ZONE 'Europe/Amsterdam'"
    "  END AS at),"
    " x AS (INSERT INTO mm_session (item_id, series_id, starts_at,"
    "  duration_min, location, case_md, case_html, agreements_md,"
    "  agreements_html, state, amend_until, final_at)"
    "  SELECT $1::bigint, $2::bigint, ($3::date + $4::time)"
    "  AT TIME ZONE 'Europe/Amsterdam', $5::smallint, $6::text, $7::text,"
    "  $8::text, $9::text, $10::text, $11::text, f.at, f.at FROM f"
    "  RETURNING item_id),"
    " p AS (INSERT INTO mm_participant (session_id, position, name, role)"
    "  SELECT x.item_id, t.o, t.e->>'name', t.e->>'role' FROM x,"
    "  jsonb_array_elements($13::jsonb) WITH ORDINALITY AS t (e, o)),"
    " u AS (UPDATE item i SET status = 'gepubliceerd',"
    "  published_at = f.at, checked_at = f.at FROM f"
    "  WHERE i.id = $1::bigint AND f.at IS NOT NULL RETURNING i.id)"
    " INSERT INTO audit (actor_id, action, target_id, detail)"
    " SELECT NULL, 'publiceren', id, 'import' FROM u";

/* The revision's fields, as mm_session_save() writes them. */
static const char sql_snapshot[] =
    "UPDATE item_revision SET fields = mm_snapshot($1::bigint)"
    " WHERE item_id = $1::bigint";

static const char sql_action[] =
    "INSERT INTO mm_action (session_id, position, what, owner_name,"
    " due_on, status, note, closed_at, closed_in)"
    " SELECT $1::bigint, $2::integer, $3::text, nullif($4::text, ''),"
    " nullif($5::text, '')::date, $6::text, $7::text,"
    " CASE WHEN $6::text <> 'open' THEN coalesce(x.starts_at"
    "  + make_interval(mins => x.duration_min), now()) END,"
    " CASE WHEN $6::text <> 'open' THEN x.item_id END"
    " FROM (SELECT 1) o LEFT JOIN mm_session x"
    " ON x.item_id = $8::bigint";

/* The length of the line at p without its end; *next: the next line. */
static size_t
line_len(const char *p, const char **next)
{
	const char	*nl;
	size_t		 n;

	nl = strchr(p, '\n');
	*next = nl == NULL ? p + strlen(p) : nl + 1;
	n = nl == NULL ? strlen(p) : (size_t)(nl - p);
	while (n > 0 && (p[n - 1] == '\r' || p[n - 1] == ' '))
		n--;
	return (n);
}

static const char *
kv_get(const struct mm_block *b, const char *key)
{
	size_t	i;

	for (i = 0; i < b->nkv; i++)
		if (strcmp(b->kv[i].key, key) == 0)
			return (b->kv[i].val);
	return (NULL);
}

/*
 * One session block: the title line's rest (title), its key lines and
 * its sections. 0, or -1 with the reason on stderr.
 */
static int
block_parse(const char *path, const char *text, size_t len,
    struct mm_block *b)
{
	const char	*p, *next, *end, *colon, *v;
	enum mm_sect	 cur, s;
	size_t		 n, i, k;
	int		 head;

	end = text + len;
	n = line_len(text, &next);
	v = text + strlen("# Sessie:");
	while (v < text + n && *v == ' ')
		v++;
	if ((size_t)(text + n - v) >= sizeof(b->title) || v == text + n) {
		fprintf(stderr, "import: %s: a session needs a title\n", path);
		return (-1);
	}
	memcpy(b->title, v, (size_t)(text + n - v));
	b->title[text + n - v] = '\0';

	head = 1;
	cur = M_NONE;
	for (p = next; p < end; p = next) {
		n = line_len(p, &next);
		if (next > end)
			next = end;
		if (head) {
			if (n == 0) {
				head = 0;
				continue;
			}
			colon = memchr(p, ':', n);
			k = colon == NULL ? 0 : (size_t)(colon - p);
			for (i = 0; mm_keys[i] != NULL; i++)
				if (strlen(mm_keys[i]) == k &&
				    memcmp(p, mm_keys[i], k) == 0)
					break;
			if (mm_keys[i] == NULL || kv_get(b, mm_keys[i]) !=
			    NULL || b->nkv == MM_KEYS_MAX) {
				fprintf(stderr, "import: %s: %s: unknown or "
				    "repeated key line \"%.*s\"\n", path,
				    b->title, (int)n, p);
				return (-1);
			}
			for (v = colon + 1; v < p + n && *v == ' '; v++)
				;
			if ((size_t)(p + n - v) >= FRONT_VAL_MAX) {
				fprintf(stderr, "import: %s: %s: value too "
				    "long\n", path, mm_keys[i]);
				return (-1);
			}
			(void)snprintf(b->kv[b->nkv].key,
			    sizeof(b->kv[b->nkv].key), "%s", mm_keys[i]);
			memcpy(b->kv[b->nkv].val, v, (size_t)(p + n - v));
			b->kv[b->nkv].val[p + n - v] = '\0';
			b->nkv++;
			continue;
		}
		for (s = M_PEOPLE; s < M__MAX; s++)
			if (strlen(mm_heads[s]) == n &&
			    memcmp(p, mm_heads[s], n) == 0)
				break;
		if (s < M__MAX) {
			cur = s;
			continue;
		}
		if (cur == M_NONE) {
			if (n == 0)
				continue;
			fprintf(stderr, "import: %s: %s: text before the "
			    "first section\n", path, b->title);
			return (-1);
		}
		if (b->sect[cur].len == 0 && n == 0)
			continue;	/* blank lines after the heading */
		sbuf_add(&b->sect[cur], p, (size_t)(next - p));
	}
	/* No blank lines at the ends: the stored Markdown is the text. */
	for (s = M_PEOPLE; s < M__MAX; s++)
		while (b->sect[s].len > 0 &&
		    (b->sect[s].data[b->sect[s].len - 1] == '\n' ||
		    b->sect[s].data[b->sect[s].len - 1] == '\r' ||
		    b->sect[s].data[b->sect[s].len - 1] == ' '))
			b->sect[s].data[--b->sect[s].len] = '\0';
	return (0);
}

/* "a, b" to "a\nb\n" (item_save's theme and tag lists). */
static int
list_lines(const char *v, struct sbuf *out)
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

/* "- Naam (rol)" lines as [{"name": .., "role": ..}]. */
static int
people_json(const char *path, const char *text, struct sbuf *js)
{
	const char	*p, *next, *open;
	size_t		 n, nl;
	int		 first;

	sbuf_puts(js, "[");
	first = 1;
	for (p = text; *p != '\0'; p = next) {
		n = line_len(p, &next);
		if (n == 0)
			continue;
		if (n < 3 || strncmp(p, "- ", 2) != 0) {
			fprintf(stderr, "import: %s: Deelnemers: want "
			    "\"- Naam (rol)\" lines\n", path);
			return (-1);
		}
		p += 2;
		n -= 2;
		open = memchr(p, '(', n);
		nl = open == NULL ? n : (size_t)(open - p);
		while (nl > 0 && p[nl - 1] == ' ')
			nl--;
		if (nl == 0 || nl > 120 || (open != NULL &&
		    p[n - 1] != ')')) {
			fprintf(stderr, "import: %s: Deelnemers: \"%.*s\"\n",
			    path, (int)n, p);
			return (-1);
		}
		if (!first)
			sbuf_puts(js, ",");
		first = 0;
		sbuf_puts(js, "{\"name\":");
		jw_string(js, p, nl);
		sbuf_puts(js, ",\"role\":");
		if (open != NULL)
			jw_string(js, open + 1, (size_t)(p + n - 1 - open - 1));
		else
			jw_string(js, "", 0);
		sbuf_puts(js, "}");
	}
	sbuf_puts(js, "]");
	return (0);
}

/* A query that returns one value into out; -1 (reported) otherwise. */
static int
one_value(PGconn *db, const char *sql, int n, const char *const *p,
    char *out, size_t outsz, const char *path)
{
	PGresult	*res;
	int		 rc;

	res = PQexecParams(db, sql, n, NULL, p, NULL, NULL, 0);
	rc = -1;
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
		fprintf(stderr, "import: %s: %s", path, PQerrorMessage(db));
	else if (PQntuples(res) == 1 && !PQgetisnull(res, 0, 0)) {
		(void)snprintf(out, outsz, "%s", PQgetvalue(res, 0, 0));
		rc = 0;
	} else
		out[0] = '\0', rc = 0;
	PQclear(res);
	return (rc);
}

/* The session's item, its mm_session row and participants. */
static int
session_save(PGconn *db, const char *path, const char *series,
    const char *sid, const struct front *f, const char *comm,
    struct mm_block *b)
{
	struct md_doc	 doc, sub;
	struct sbuf	 th, tags, links, note, people, html[2];
	const char	*p[13], *slug, *state, *fin, *base;
	char		 ok[8], words[24];
	int		 rc, i;

	if ((slug = kv_get(b, "slug")) == NULL ||
	    !path_slug_ok(slug, strlen(slug)) ||
	    kv_get(b, "summary") == NULL || kv_get(b, "date") == NULL) {
		fprintf(stderr, "import: %s: %s: slug, summary and date are "
		    "required\n", path, b->title);
		return (-1);
	}
	state = kv_get(b, "state") != NULL ? kv_get(b, "state") : "concept";
	fin = kv_get(b, "final");
	if ((strcmp(state, "definitief") == 0) != (fin != NULL) ||
	    (strcmp(state, "definitief") != 0 &&
	    strcmp(state, "concept") != 0)) {
		fprintf(stderr, "import: %s: %s: state is concept, or "
		    "definitief with a final date\n", path, b->title);
		return (-1);
	}
	p[0] = slug;
	if (one_value(db, sql_slug_free, 1, p, ok, sizeof(ok), path) == -1)
		return (-1);
	if (strcmp(ok, "t") != 0) {
		fprintf(stderr, "import: %s: %s: slug %s is taken or "
		    "reserved\n", path, b->title, slug);
		return (-1);
	}

	if ((base = getenv("BRON_BASE_URL")) != NULL && *base == '\0')
		base = NULL;
	md_doc_init(&doc);
	md_doc_init(&sub);
	sbuf_init(&th);
	sbuf_init(&tags);
	sbuf_init(&links);
	sbuf_init(&note);
	sbuf_init(&people);
	sbuf_init(&html[0]);
	sbuf_init(&html[1]);
	rc = 0;
	/* Links for item_ref from all three Markdown sections. */
	for (i = 0; rc == 0 && i < 2; i++) {
		struct sbuf *s = &b->sect[i == 0 ? M_CASE : M_AGREEMENTS];

		if (md_doc_render(&sub, sbuf_cstr(s), s->len, base) == -1)
			rc = -1;
		else {
			sbuf_add(&html[i], sub.html.data, sub.html.len);
			sbuf_add(&links, sub.links.data, sub.links.len);
		}
	}
	if (rc == 0 && md_doc_render(&doc, sbuf_cstr(&b->sect[M_INSIGHTS]),
	    b->sect[M_INSIGHTS].len, base) == -1)
		rc = -1;
	if (rc == -1)
		fprintf(stderr, "import: %s: %s: too large\n", path, b->title);
	if (rc == 0)
		rc = people_json(path, sbuf_cstr(&b->sect[M_PEOPLE]), &people);
	if (rc == 0) {
		sbuf_add(&links, doc.links.data, doc.links.len);
		(void)list_lines(front_get(f, "themes") != NULL ?
		    front_get(f, "themes") : "", &th);
		(void)list_lines(front_get(f, "tags") != NULL ?
		    front_get(f, "tags") : "", &tags);
		(void)snprintf(words, sizeof(words), "%zu", doc.words);
		sbuf_printf(&note, "Geïmporteerd uit content/masterminds/%s.md",
		    series);
		p[0] = b->title;
		p[1] = kv_get(b, "summary");
		p[2] = sbuf_cstr(&b->sect[M_INSIGHTS]);
		p[3] = sbuf_cstr(&doc.html);
		p[4] = sbuf_cstr(&doc.toc);
		p[5] = words;
		p[6] = sbuf_cstr(&note);
		p[7] = slug;
		p[8] = sbuf_cstr(&th);
		p[9] = sbuf_cstr(&tags);
		p[10] = comm;
		p[11] = sbuf_cstr(&links);
		rc = one_value(db, sql_item, 12, p, b->id, sizeof(b->id),
		    path);
		if (rc == 0 && b->id[0] == '\0') {
			fprintf(stderr, "import: %s: %s: not saved\n", path,
			    b->title);
			rc = -1;
		}
	}
	sbuf_free(&th);
	sbuf_free(&tags);
	sbuf_free(&links);
	sbuf_free(&note);
	if (rc == 0) {
		p[0] = b->id;
		p[1] = sid;
		p[2] = kv_get(b, "date");
		p[3] = kv_get(b, "time") != NULL ? kv_get(b, "time") : "00:00";
		p[4] = kv_get(b, "duration") != NULL ?
		    kv_get(b, "duration") : "90";
		p[5] = kv_get(b, "location") != NULL ?
		    kv_get(b, "location") : "";
		p[6] = sbuf_cstr(&b->sect[M_CASE]);
		p[7] = sbuf_cstr(&html[0]);
		p[8] = sbuf_cstr(&b->sect[M_AGREEMENTS]);
		p[9] = sbuf_cstr(&html[1]);
		p[10] = state;
		p[11] = fin;
		p[12] = sbuf_cstr(&people);
		rc = import_exec(db, sql_session, 13, p);
	}
	if (rc == 0) {
		p[0] = b->id;
		rc = import_exec(db, sql_snapshot, 1, p);
	}
	sbuf_free(&people);
	sbuf_free(&html[0]);
	sbuf_free(&html[1]);
	md_doc_free(&doc);
	md_doc_free(&sub);
	return (rc);
}

/*
 * "- actie: what | wie: .. | voor: .. | status: .. | gesloten_in: N |
 * notitie: .." lines of block bi; all blocks are saved by now, so
 * gesloten_in may name a later session.
 */
static int
actions_save(PGconn *db, const char *path, struct mm_block *blocks,
    size_t nb, size_t bi)
{
	static const char *const keys[] = {
		"actie", "wie", "voor", "status", "gesloten_in", "notitie",
		NULL
	};
	struct sbuf	 val[6];
	const char	*l, *next, *e, *colon, *p[8];
	char		 pos[16];
	size_t		 n, k, i, in;
	int		 rc, count;

	rc = 0;
	count = 0;
	for (l = sbuf_cstr(&blocks[bi].sect[M_ACTIONS]); rc == 0 &&
	    *l != '\0'; l = next) {
		n = line_len(l, &next);
		if (n == 0)
			continue;
		for (i = 0; i < 6; i++)
			sbuf_init(&val[i]);
		if (n < 2 || strncmp(l, "- ", 2) != 0) {
			fprintf(stderr, "import: %s: Acties: want \"- actie: "
			    "...\" lines\n", path);
			rc = -1;
		}
		/* "key: value" parts separated by " | ". */
		for (l += 2, n -= 2; rc == 0 && n > 0; ) {
			e = l;
			while (e < l + n && !(e + 2 < l + n && e[0] == ' ' &&
			    e[1] == '|' && e[2] == ' '))
				e++;
			colon = memchr(l, ':', (size_t)(e - l));
			k = colon == NULL ? 0 : (size_t)(colon - l);
			for (i = 0; keys[i] != NULL; i++)
				if (strlen(keys[i]) == k &&
				    memcmp(l, keys[i], k) == 0)
					break;
			if (keys[i] == NULL || val[i].len > 0) {
				fprintf(stderr, "import: %s: Acties: \"%.*s\"\n",
				    path, (int)(e - l), l);
				rc = -1;
				break;
			}
			for (colon++; colon < e && *colon == ' '; colon++)
				;
			sbuf_add(&val[i], colon, (size_t)(e - colon));
			k = e + 3 <= l + n ? (size_t)(e + 3 - l) : n;
			l += k;
			n -= k;
		}
		in = 0;
		if (rc == 0 && val[4].len > 0 &&
		    ((in = (size_t)strtoul(sbuf_cstr(&val[4]), NULL, 10)) < 1 ||
		    in > nb)) {
			fprintf(stderr, "import: %s: gesloten_in: no session "
			    "%s\n", path, sbuf_cstr(&val[4]));
			rc = -1;
		}
		if (rc == 0 && val[0].len == 0) {
			fprintf(stderr, "import: %s: an action needs "
			    "\"actie: ...\"\n", path);
			rc = -1;
		}
		if (rc == 0) {
			(void)snprintf(pos, sizeof(pos), "%d", ++count);
			p[0] = blocks[bi].id;
			p[1] = pos;
			p[2] = sbuf_cstr(&val[0]);
			p[3] = sbuf_cstr(&val[1]);
			p[4] = sbuf_cstr(&val[2]);
			p[5] = val[3].len > 0 ? sbuf_cstr(&val[3]) : "open";
			p[6] = sbuf_cstr(&val[5]);
			p[7] = in > 0 ? blocks[in - 1].id : NULL;
			rc = import_exec(db, sql_action, 8, p);
		}
		for (i = 0; i < 6; i++)
			sbuf_free(&val[i]);
	}
	return (rc);
}

int
import_mastermind(PGconn *db, const char *path, const struct front *f,
    const char *unused)
{
	struct mm_block	*blocks;
	struct sbuf	 purpose, html;
	const char	*p[6], *name, *comm, *days, *l, *next, *start;
	char		 slug[PATH_SLUG_MAX + 1], sid[24], ok[8];
	size_t		 n, nb, i, j;
	int		 rc;

	(void)unused;
	l = strrchr(path, '/');
	l = l == NULL ? path : l + 1;
	n = strlen(l) - 3;		/* ".md", md_filter() */
	if (n == 0 || n > PATH_SLUG_MAX || !path_slug_ok(l, n)) {
		fprintf(stderr, "import: %s: bad file name\n", path);
		return (-1);
	}
	memcpy(slug, l, n);
	slug[n] = '\0';
	if ((name = import_need(f, "name", path)) == NULL)
		return (-1);
	comm = front_get(f, "community") != NULL ? front_get(f, "community") :
	    "";
	days = front_get(f, "amend_days") != NULL ?
	    front_get(f, "amend_days") : "7";

	p[0] = slug;
	if (one_value(db, sql_exists, 1, p, ok, sizeof(ok), path) == -1)
		return (-1);
	if (ok[0] != '\0')
		return (0);
	if (one_value(db, sql_slug_free, 1, p, ok, sizeof(ok), path) == -1)
		return (-1);
	if (strcmp(ok, "t") != 0) {
		fprintf(stderr, "import: %s: this file name is taken or "
		    "reserved; rename the file\n", path);
		return (-1);
	}

	if ((blocks = calloc(MM_SESSIONS_MAX, sizeof(*blocks))) == NULL) {
		fprintf(stderr, "import: out of memory\n");
		return (-1);
	}
	for (i = 0; i < MM_SESSIONS_MAX; i++)
		for (j = 0; j < M__MAX; j++)
			sbuf_init(&blocks[i].sect[j]);
	sbuf_init(&purpose);
	sbuf_init(&html);

	/* The purpose, then a block per "# Sessie:" line. */
	rc = 0;
	nb = 0;
	start = NULL;
	for (l = f->body; rc == 0; l = next) {
		n = line_len(l, &next);
		if (*l == '\0' || strncmp(l, "# Sessie:", 9) == 0) {
			if (start != NULL)
				rc = block_parse(path, start,
				    (size_t)(l - start), &blocks[nb++]);
			if (*l == '\0')
				break;
			if (nb == MM_SESSIONS_MAX) {
				fprintf(stderr, "import: %s: more than %d "
				    "sessions\n", path, MM_SESSIONS_MAX);
				rc = -1;
			}
			start = l;
		} else if (start == NULL)
			sbuf_add(&purpose, l, (size_t)(next - l));
	}
	if (rc == 0 && md_render(&html, sbuf_cstr(&purpose), purpose.len) ==
	    -1) {
		fprintf(stderr, "import: %s: purpose too large\n", path);
		rc = -1;
	}
	if (rc == 0) {
		p[0] = slug;
		p[1] = name;
		p[2] = sbuf_cstr(&purpose);
		p[3] = sbuf_cstr(&html);
		p[4] = comm;
		p[5] = days;
		rc = one_value(db, sql_series, 6, p, sid, sizeof(sid), path);
		if (rc == 0 && sid[0] == '\0') {
			fprintf(stderr, "import: %s: no community %s\n", path,
			    comm);
			rc = -1;
		}
	}
	for (i = 0; rc == 0 && i < nb; i++)
		rc = session_save(db, path, slug, sid, f, comm, &blocks[i]);
	for (i = 0; rc == 0 && i < nb; i++)
		rc = actions_save(db, path, blocks, nb, i);

	for (i = 0; i < MM_SESSIONS_MAX; i++)
		for (j = 0; j < M__MAX; j++)
			sbuf_free(&blocks[i].sect[j]);
	free(blocks);
	sbuf_free(&purpose);
	sbuf_free(&html);
	return (rc);
}
