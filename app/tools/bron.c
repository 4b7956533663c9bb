/*
 * bron: command-line administration.
 *
 *   bron admin EMAIL
 *   bron digest
 *   bron sweep
 *
 * makes the account with that address an admin. When there is no such
 * account, one is created without a password (never a seeded one), and
 * a single-use link to choose a password is printed; the link's token
 * is stored only as a hash, like every other token (core/token.c), and
 * is valid for 24 hours. Everything happens in one transaction and
 * leaves an audit row (actor NULL: the system).
 *
 * digest (weekly, conf/bron-digest.timer): for every account with the
 * weekly e-mail on and unread notifications newer than its last digest
 * (and at most 7 days old), one mail in the outbox, in the account's
 * language: a line per notification (core/notify_text.h, the sentence
 * /meldingen shows) with its absolute link, newest first; then
 * digest_at = now(). Each account is its own transaction, so a rerun
 * after a failure never mails anyone twice. Only notifications that
 * pass notification_visible() are mailed. Prints how many mails it
 * wrote.
 *
 * sweep (hourly or daily, from cron): removes the uploaded files Bron no
 * longer needs (sql/009_resource.sql). First upload_sweep('1 day')
 * deletes the rows of resource files never attached and of images
 * nobody owns or shows, and their files are removed; then every file in
 * BRON_UPLOAD_DIR (default var/uploads) and its tmp/ whose name is not
 * the token of an upload row and that is older than BRON_SWEEP_AGE
 * seconds (default 3600) is removed: what a crash left between writing
 * a file and recording it. The directory is listed before the tokens
 * are read, and the age keeps a file being written now. Prints how many
 * files it removed.
 *
 * Connection from BRON_DATABASE_URL, links start with BRON_BASE_URL
 * (default http://127.0.0.1:8080). Exit status: 0 done, 1 usage or
 * invalid address, 2 database error.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libpq-fe.h>
#include <sodium.h>

#include "core/form.h"
#include "core/i18n.h"
#include "core/notify_text.h"
#include "core/sbuf.h"
#include "core/token.h"
#include "core/ustore.h"
#include "db/q_notify_sql.h"

#define EXIT_USAGE	1
#define EXIT_DB		2
#define BASE_URL	"http://127.0.0.1:8080"
#define DIGEST_BODY_MAX	18000	/* bytes; outbox.body holds 20000 chars */
#define SWEEP_DIR	"var/uploads"
#define SWEEP_AGE	3600	/* seconds */

/* Unread, not yet in a digest, at most a week old, still visible. */
#define DIGEST_NEW(n, a) \
	n ".account_id = " a ".id AND " n ".read_at IS NULL" \
	" AND " n ".created_at > greatest(coalesce(" a ".digest_at," \
	" '-infinity'), now() - interval '7 days')" \
	" AND notification_visible(" n ", " a ".id)"

/* The one-shot SQL, in the order run() uses them. */
static const char	sql_find[] =
    "SELECT id, role, password_hash IS NULL, blocked_at IS NOT NULL"
    " FROM account WHERE email = $1 AND deleted_at IS NULL FOR UPDATE";
static const char	sql_promote[] =
    "WITH u AS (UPDATE account SET role = 'beheerder', updated_at = now()"
    "    WHERE id = $1::bigint RETURNING id)"
    " INSERT INTO audit (actor_id, action, target_id, detail)"
    " SELECT NULL, 'rol_gewijzigd', id, 'via bron admin' FROM u";
static const char	sql_reset[] =
    "INSERT INTO password_reset (account_id, token_hash, expires_at)"
    " VALUES ($1::bigint, decode($2, 'hex'), now() + interval '24 hours')";
static const char	sql_create[] =
    "WITH a AS (INSERT INTO account (email, display_name, password_hash,"
    "    member_kind, role) VALUES ($1, $2, NULL, 'anders', 'beheerder')"
    "    RETURNING id),"
    " r AS (INSERT INTO password_reset (account_id, token_hash, expires_at)"
    "    SELECT id, decode($3, 'hex'), now() + interval '24 hours' FROM a),"
    " au AS (INSERT INTO audit (action, target_id, detail)"
    "    SELECT 'beheerder_aangemaakt', id, 'via bron admin' FROM a)"
    " SELECT id FROM a";

/* The digest. */
static const char	sql_digest_who[] =
    "SELECT a.id FROM account a WHERE a.digest AND a.email IS NOT NULL"
    " AND a.deleted_at IS NULL AND a.blocked_at IS NULL"
    " AND EXISTS (SELECT 1 FROM notification n WHERE "
    DIGEST_NEW("n", "a") ") ORDER BY a.id";
static const char	sql_digest_lock[] =
    "SELECT a.email, coalesce(a.display_name, ''), a.lang FROM account a"
    " WHERE a.id = $1::bigint AND a.digest AND a.email IS NOT NULL"
    " AND a.deleted_at IS NULL AND a.blocked_at IS NULL"
    " FOR UPDATE SKIP LOCKED";
static const char	sql_digest_rows[] =
    "SELECT n.kind, " NOTIFY_SUB("n") ", "
    NOTIFY_ACTOR("n", "ac", "$2::text") ", n.text, n.href,"
    " coalesce(c.name, '')"
    " FROM account a JOIN notification n ON " DIGEST_NEW("n", "a")
    " LEFT JOIN account ac ON ac.id = n.actor_id"
    " LEFT JOIN community c ON c.id = n.community_id"
    " WHERE a.id = $1::bigint ORDER BY n.created_at DESC, n.id DESC";
static const char	sql_digest_send[] =
    "WITH o AS (INSERT INTO outbox (account_id, to_addr, subject, body)"
    "    VALUES ($1::bigint, $2, $3, $4))"
    " UPDATE account SET digest_at = now() WHERE id = $1::bigint";

static void	usage(void);
static int	sql_ok(PGconn *, PGresult *, const char *);
static int	exec(PGconn *, const char *, int, const char *const *,
		    PGresult **);
static void	local_part(const char *, char *, size_t);
static void	print_link(const char *, const char *);
static int	admin(PGconn *, const char *);
static void	base_url(struct sbuf *);
static PGconn	*connect_db(void);
static int	digest_main(void);
static int	digest_one(PGconn *, const char *, int *);
static int	digest(PGconn *);
static int	sweep_main(void);
static int	sweep_cmp(const void *, const void *);
static int	sweep_list(const char *, char ***, size_t *, time_t);
static int	sweep_orphans(PGconn *, const char *, long);
static int	sweep_unlink(int, const char *, long *);

static void
usage(void)
{
	fprintf(stderr, "Gebruik: bron admin E-MAILADRES\n"
	    "         Maakt dit account beheerder, of maakt een nieuw "
	    "beheerdersaccount aan.\n"
	    "       bron digest\n"
	    "         Zet de wekelijkse e-mail met ongelezen meldingen "
	    "klaar in de outbox.\n"
	    "       bron sweep\n"
	    "         Ruimt geuploade bestanden op die Bron niet meer "
	    "gebruikt.\n");
}

static int
sql_ok(PGconn *db, PGresult *res, const char *what)
{
	ExecStatusType	st;

	st = PQresultStatus(res);
	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK)
		return (1);
	/* The server's message may quote the address: say only what failed. */
	fprintf(stderr, "bron: database: %s mislukt (%s)\n", what,
	    PQresultErrorField(res, PG_DIAG_SQLSTATE) != NULL ?
	    PQresultErrorField(res, PG_DIAG_SQLSTATE) :
	    PQerrorMessage(db));
	return (0);
}

/* Run one statement; *out gets the result (caller clears), or NULL. */
static int
exec(PGconn *db, const char *sql, int n, const char *const *params,
    PGresult **out)
{
	PGresult	*res;

	res = PQexecParams(db, sql, n, NULL, params, NULL, NULL, 0);
	if (!sql_ok(db, res, n > 0 ? "opdracht" : sql)) {
		PQclear(res);
		return (0);
	}
	if (out != NULL)
		*out = res;
	else
		PQclear(res);
	return (1);
}

/* The display name of a new admin: the address before '@', max 60 chars. */
static void
local_part(const char *email, char *out, size_t len)
{
	size_t	i, chars;

	chars = 0;
	for (i = 0; email[i] != '\0' && email[i] != '@' && i + 1 < len;
	    i++) {
		/* Count code points: stop before the 61st starts. */
		if (((unsigned char)email[i] & 0xc0) != 0x80 &&
		    ++chars > FORM_NAME_MAX)
			break;
		out[i] = email[i];
	}
	out[i] = '\0';
}

static void
print_link(const char *lead, const char *tok)
{
	const char	*base;
	size_t		 n;

	if ((base = getenv("BRON_BASE_URL")) == NULL || *base == '\0')
		base = BASE_URL;
	n = strlen(base);
	while (n > 0 && base[n - 1] == '/')
		n--;
	printf("%s Kies een wachtwoord via: %.*s/wachtwoord-herstellen"
	    "?token=%s\n", lead, (int)n, base, tok);
}

static int
admin(PGconn *db, const char *email)
{
	PGresult	*res;
	const char	*p[3];
	char		 id[24], name[FORM_NAME_MAX * 4 + 1];
	char		 tok[TOK_LEN + 1], hash[TOK_HASH_HEX + 1];
	int		 found, was_admin, nopw, blocked;

	tok_new(tok);
	if (tok_hash_hex(tok, hash) == -1) {
		fprintf(stderr, "bron: token mislukt\n");
		return (EXIT_DB);
	}
	if (!exec(db, "BEGIN", 0, NULL, NULL))
		return (EXIT_DB);
	p[0] = email;
	if (!exec(db, sql_find, 1, p, &res))
		return (EXIT_DB);
	found = PQntuples(res) == 1;
	was_admin = nopw = blocked = 0;
	if (found) {
		(void)snprintf(id, sizeof(id), "%s", PQgetvalue(res, 0, 0));
		was_admin = strcmp(PQgetvalue(res, 0, 1), "beheerder") == 0;
		nopw = strcmp(PQgetvalue(res, 0, 2), "t") == 0;
		blocked = strcmp(PQgetvalue(res, 0, 3), "t") == 0;
	}
	PQclear(res);

	if (!found) {
		local_part(email, name, sizeof(name));
		p[0] = email;
		p[1] = name;
		p[2] = hash;
		if (!exec(db, sql_create, 3, p, NULL))
			return (EXIT_DB);
	} else {
		p[0] = id;
		if (!was_admin && !exec(db, sql_promote, 1, p, NULL))
			return (EXIT_DB);
		/* Still no password (made here before): a fresh link. */
		p[1] = hash;
		if (nopw && !exec(db, sql_reset, 2, p, NULL))
			return (EXIT_DB);
	}
	if (!exec(db, "COMMIT", 0, NULL, NULL))
		return (EXIT_DB);

	if (!found)
		print_link("Beheerder aangemaakt.", tok);
	else {
		printf(was_admin ? "Dit account was al beheerder.\n" :
		    "Dit account is nu beheerder.\n");
		if (nopw)
			print_link("Er is nog geen wachtwoord.", tok);
		if (blocked)
			fprintf(stderr, "Let op: dit account is geblokkeerd. "
			    "Deblokkeer het via /beheer/gebruikers.\n");
	}
	sodium_memzero(tok, sizeof(tok));
	return (0);
}

int
main(int argc, char **argv)
{
	PGconn		*db;
	const char	*url;
	char		 email[FORM_EMAIL_MAX * 4 + 1];
	char		*e;
	int		 rc;

	if (argc == 2 && strcmp(argv[1], "digest") == 0)
		return (digest_main());
	if (argc == 2 && strcmp(argv[1], "sweep") == 0)
		return (sweep_main());
	if (argc != 3 || strcmp(argv[1], "admin") != 0) {
		usage();
		return (EXIT_USAGE);
	}
	if (strlen(argv[2]) >= sizeof(email)) {
		fprintf(stderr, "bron: dit e-mailadres is te lang.\n");
		return (EXIT_USAGE);
	}
	(void)snprintf(email, sizeof(email), "%s", argv[2]);
	e = form_trim(email);
	if (form_email(e) != FORM_OK) {
		fprintf(stderr, "bron: dit is geen geldig e-mailadres. "
		    "Gebruik bijvoorbeeld naam@voorbeeld.nl.\n");
		return (EXIT_USAGE);
	}
	if ((url = getenv("BRON_DATABASE_URL")) == NULL || *url == '\0') {
		fprintf(stderr, "bron: BRON_DATABASE_URL is niet gezet.\n");
		return (EXIT_USAGE);
	}
	if (sodium_init() < 0) {
		fprintf(stderr, "bron: libsodium start niet.\n");
		return (EXIT_DB);
	}
	db = PQconnectdb(url);
	if (PQstatus(db) != CONNECTION_OK) {
		fprintf(stderr, "bron: geen verbinding met de database: %s",
		    PQerrorMessage(db));
		PQfinish(db);
		return (EXIT_DB);
	}
	rc = admin(db, e);
	PQfinish(db);
	return (rc);
}

/* BRON_BASE_URL (or the default) without a trailing slash. */
static void
base_url(struct sbuf *out)
{
	const char	*base;
	size_t		 n;

	if ((base = getenv("BRON_BASE_URL")) == NULL || *base == '\0')
		base = BASE_URL;
	n = strlen(base);
	while (n > 0 && base[n - 1] == '/')
		n--;
	sbuf_add(out, base, n);
}

static PGconn *
connect_db(void)
{
	PGconn		*db;
	const char	*url;

	if ((url = getenv("BRON_DATABASE_URL")) == NULL || *url == '\0') {
		fprintf(stderr, "bron: BRON_DATABASE_URL is niet gezet.\n");
		return (NULL);
	}
	db = PQconnectdb(url);
	if (PQstatus(db) != CONNECTION_OK) {
		fprintf(stderr, "bron: geen verbinding met de database: %s",
		    PQerrorMessage(db));
		PQfinish(db);
		return (NULL);
	}
	return (db);
}

static int
digest_main(void)
{
	PGconn	*db;
	int	 rc;

	if ((db = connect_db()) == NULL)
		return (EXIT_DB);
	rc = digest(db);
	PQfinish(db);
	return (rc);
}

/*
 * One account's digest, in its own transaction. *sent is set to 1 when
 * a mail went into the outbox (0: the account changed meanwhile).
 */
static int
digest_one(PGconn *db, const char *id, int *sent)
{
	PGresult		*who, *rows;
	struct notify_subject	 s;
	struct sbuf		 body, base, line, more;
	enum locale		 loc;
	const char		*p[4], *args[2];
	char			 n[24];
	int			 i, nrows, shown;

	*sent = 0;
	if (!exec(db, "BEGIN", 0, NULL, NULL))
		return (EXIT_DB);
	p[0] = id;
	if (!exec(db, sql_digest_lock, 1, p, &who))
		return (EXIT_DB);
	if (PQntuples(who) != 1) {
		PQclear(who);
		return (exec(db, "ROLLBACK", 0, NULL, NULL) ? 0 : EXIT_DB);
	}
	loc = strcmp(PQgetvalue(who, 0, 2), "en") == 0 ? LOC_EN : LOC_NL;
	p[1] = i18n_get(loc, MSG_former_member);
	if (!exec(db, sql_digest_rows, 2, p, &rows)) {
		PQclear(who);
		return (EXIT_DB);
	}
	nrows = PQntuples(rows);
	if (nrows == 0) {
		PQclear(who);
		PQclear(rows);
		return (exec(db, "ROLLBACK", 0, NULL, NULL) ? 0 : EXIT_DB);
	}

	sbuf_init(&body);
	sbuf_init(&base);
	sbuf_init(&line);
	sbuf_init(&more);
	base_url(&base);
	args[0] = *PQgetvalue(who, 0, 1) != '\0' ? PQgetvalue(who, 0, 1) :
	    i18n_get(loc, MSG_notify_someone);
	i18n_fmt(&body, i18n_get(loc, MSG_notify_mail_hello), args, 1);
	sbuf_puts(&body, "\n\n");
	sbuf_puts(&body, i18n_get(loc, MSG_notify_mail_intro));
	sbuf_puts(&body, "\n\n");
	for (shown = 0, i = 0; i < nrows; i++) {
		s.kind = PQgetvalue(rows, i, 0);
		s.sub = PQgetvalue(rows, i, 1);
		s.actor = PQgetvalue(rows, i, 2);
		s.title = PQgetvalue(rows, i, 3);
		s.href = PQgetvalue(rows, i, 4);
		s.community = PQgetvalue(rows, i, 5);
		sbuf_reset(&line);
		sbuf_puts(&line, "- ");
		notify_text(&line, loc, &s, 0);
		sbuf_puts(&line, "\n  ");
		sbuf_add(&line, base.data, base.len);
		sbuf_puts(&line, s.href);
		sbuf_puts(&line, "\n\n");
		if (body.len + line.len > DIGEST_BODY_MAX)
			break;
		sbuf_add(&body, line.data, line.len);
		shown++;
	}
	if (shown < nrows) {
		(void)snprintf(n, sizeof(n), "%d", nrows - shown);
		sbuf_add(&more, base.data, base.len);
		sbuf_puts(&more, "/meldingen");
		args[0] = n;
		args[1] = sbuf_cstr(&more);
		i18n_fmt(&body, i18n_get(loc, MSG_notify_mail_more), args, 2);
		sbuf_puts(&body, "\n\n");
	}
	sbuf_reset(&more);
	sbuf_add(&more, base.data, base.len);
	sbuf_puts(&more, "/account/meldingen");
	args[0] = sbuf_cstr(&more);
	sbuf_puts(&body, "-- \n");
	i18n_fmt(&body, i18n_get(loc, MSG_notify_mail_footer), args, 1);
	sbuf_puts(&body, "\n");

	p[0] = id;
	p[1] = PQgetvalue(who, 0, 0);
	p[2] = i18n_get(loc, MSG_notify_mail_subject);
	p[3] = sbuf_cstr(&body);
	i = exec(db, sql_digest_send, 4, p, NULL) &&
	    exec(db, "COMMIT", 0, NULL, NULL);
	PQclear(who);
	PQclear(rows);
	sbuf_free(&body);
	sbuf_free(&base);
	sbuf_free(&line);
	sbuf_free(&more);
	if (!i)
		return (EXIT_DB);
	*sent = 1;
	return (0);
}

static int
digest(PGconn *db)
{
	PGresult	*res;
	int		 i, n, sent, total, rc;

	if (!exec(db, sql_digest_who, 0, NULL, &res))
		return (EXIT_DB);
	n = PQntuples(res);
	total = 0;
	rc = 0;
	for (i = 0; i < n && rc == 0; i++) {
		rc = digest_one(db, PQgetvalue(res, i, 0), &sent);
		total += sent;
	}
	PQclear(res);
	printf("%d %s\n", total, total == 1 ? "e-mail geschreven" :
	    "e-mails geschreven");
	return (rc);
}

/* --- sweep ------------------------------------------------------------ */

static int
sweep_cmp(const void *a, const void *b)
{
	return (strcmp(*(const char *const *)a, *(const char *const *)b));
}

/*
 * The regular files in dir last changed before cutoff, as "name" in a
 * malloc'd array of malloc'd strings. -1 when dir cannot be read.
 */
static int
sweep_list(const char *dir, char ***out, size_t *n, time_t cutoff)
{
	DIR		*d;
	struct dirent	*e;
	struct stat	 st;
	char		**v;
	size_t		 cap;

	*out = NULL;
	*n = cap = 0;
	if ((d = opendir(dir)) == NULL) {
		if (errno != ENOENT)
			fprintf(stderr, "bron: %s: %s\n", dir,
			    strerror(errno));
		return (-1);
	}
	while ((e = readdir(d)) != NULL) {
		if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) ==
		    -1 || !S_ISREG(st.st_mode) || st.st_mtime > cutoff)
			continue;
		if (*n == cap) {
			cap = cap == 0 ? 64 : cap * 2;
			if ((v = realloc(*out, cap * sizeof(*v))) == NULL)
				abort();
			*out = v;
		}
		if (((*out)[(*n)++] = strdup(e->d_name)) == NULL)
			abort();
	}
	(void)closedir(d);
	return (0);
}

/* Remove name in the directory dfd; counts what went. 0, or -1. */
static int
sweep_unlink(int dfd, const char *name, long *count)
{
	if (unlinkat(dfd, name, 0) == -1) {
		if (errno == ENOENT)
			return (0);
		fprintf(stderr, "bron: cannot remove %s: %s\n", name,
		    strerror(errno));
		return (-1);
	}
	(*count)++;
	return (0);
}

/*
 * Files in dir and dir/tmp older than age seconds without an upload
 * row. Returns how many went, or -1.
 */
static int
sweep_orphans(PGconn *db, const char *dir, long age)
{
	PGresult	*res;
	char		**files[2], sub[4096];
	const char	*dirs[2], *key;
	size_t		 nfiles[2], i, k, ntok;
	char		**tok;
	long		 count;
	int		 dfd, rc;
	time_t		 cutoff;

	(void)snprintf(sub, sizeof(sub), "%s/tmp", dir);
	dirs[0] = dir;
	dirs[1] = sub;
	cutoff = time(NULL) - age;
	/* List first: a file recorded after its listing is kept. */
	for (k = 0; k < 2; k++) {
		if (sweep_list(dirs[k], &files[k], &nfiles[k], cutoff) == -1) {
			if (k == 1 && errno == ENOENT) {
				files[1] = NULL;
				nfiles[1] = 0;
				continue;
			}
			if (k == 1) {
				for (i = 0; i < nfiles[0]; i++)
					free(files[0][i]);
				free(files[0]);
			}
			return (-1);
		}
	}
	rc = 0;
	count = 0;
	res = NULL;
	tok = NULL;
	ntok = 0;
	if (!exec(db, "SELECT t FROM upload_tokens() t", 0, NULL, &res))
		rc = -1;
	else {
		ntok = (size_t)PQntuples(res);
		if ((tok = calloc(ntok + 1, sizeof(*tok))) == NULL)
			abort();
		for (i = 0; i < ntok; i++)
			tok[i] = PQgetvalue(res, (int)i, 0);
		qsort(tok, ntok, sizeof(*tok), sweep_cmp);
	}
	for (k = 0; k < 2; k++) {
		dfd = rc == 0 && nfiles[k] > 0 ?
		    open(dirs[k], O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
		for (i = 0; i < nfiles[k]; i++) {
			key = files[k][i];
			if (dfd != -1 && bsearch(&key, tok, ntok, sizeof(*tok),
			    sweep_cmp) == NULL &&
			    sweep_unlink(dfd, files[k][i], &count) == -1)
				rc = -1;
			free(files[k][i]);
		}
		if (dfd != -1)
			(void)close(dfd);
		free(files[k]);
	}
	free(tok);
	if (res != NULL)
		PQclear(res);
	return (rc == 0 ? (int)count : -1);
}

static int
sweep_main(void)
{
	PGconn		*db;
	PGresult	*res;
	const char	*dir, *v;
	char		*end;
	long		 age, count;
	int		 i, dfd, rc, n;

	if ((dir = getenv("BRON_UPLOAD_DIR")) == NULL || *dir == '\0')
		dir = SWEEP_DIR;
	age = SWEEP_AGE;
	if ((v = getenv("BRON_SWEEP_AGE")) != NULL && *v != '\0') {
		errno = 0;
		age = strtol(v, &end, 10);
		if (*v < '0' || *v > '9' || *end != '\0' || errno != 0) {
			fprintf(stderr, "bron: BRON_SWEEP_AGE moet een aantal "
			    "seconden zijn.\n");
			return (EXIT_USAGE);
		}
	}
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1) {
		fprintf(stderr, "bron: %s: %s\n", dir, strerror(errno));
		return (EXIT_USAGE);
	}
	if ((db = connect_db()) == NULL) {
		(void)close(dfd);
		return (EXIT_DB);
	}
	/* The rows go first: a file left by a failed unlink is an orphan
	 * the next run removes. */
	rc = 0;
	count = 0;
	if (!exec(db, "SELECT t FROM upload_sweep('1 day') t", 0, NULL,
	    &res))
		rc = EXIT_DB;
	else {
		for (i = 0; i < PQntuples(res); i++) {
			if (ustore_token_valid(PQgetvalue(res, i, 0)) &&
			    sweep_unlink(dfd, PQgetvalue(res, i, 0),
			    &count) == -1)
				rc = EXIT_USAGE;
		}
		PQclear(res);
	}
	(void)close(dfd);
	if (rc != EXIT_DB) {
		if ((n = sweep_orphans(db, dir, age)) == -1)
			rc = rc != 0 ? rc : EXIT_DB;
		else
			count += n;
	}
	PQfinish(db);
	printf("swept %ld files\n", count);
	return (rc);
}
