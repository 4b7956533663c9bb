/*
 * bron: command-line administration. Only one command for now:
 *
 *   bron admin EMAIL
 *
 * makes the account with that address an admin. When there is no such
 * account, one is created without a password (never a seeded one), and
 * a single-use link to choose a password is printed; the link's token
 * is stored only as a hash, like every other token (core/token.c), and
 * is valid for 24 hours. Everything happens in one transaction and
 * leaves an audit row (actor NULL: the system).
 *
 * Connection from BRON_DATABASE_URL, links start with BRON_BASE_URL
 * (default http://127.0.0.1:8080). Exit status: 0 done, 1 usage or
 * invalid address, 2 database error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>
#include <sodium.h>

#include "core/form.h"
#include "core/token.h"

#define EXIT_USAGE	1
#define EXIT_DB		2
#define BASE_URL	"http://127.0.0.1:8080"

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

static void	usage(void);
static int	sql_ok(PGconn *, PGresult *, const char *);
static int	exec(PGconn *, const char *, int, const char *const *,
		    PGresult **);
static void	local_part(const char *, char *, size_t);
static void	print_link(const char *, const char *);
static int	admin(PGconn *, const char *);

static void
usage(void)
{
	fprintf(stderr, "Gebruik: bron admin E-MAILADRES\n"
	    "Maakt dit account beheerder, of maakt een nieuw "
	    "beheerdersaccount aan.\n");
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
