/*
 * build/mailer: deliver the mail waiting in the outbox table.
 *
 *	mailer [--once]
 *
 * Every POLL_SECS seconds (or once, with --once) each pending message is
 * taken in its own transaction (FOR UPDATE SKIP LOCKED, so two mailers
 * never send the same row) and delivered:
 *   - BRON_SENDMAIL set (e.g. /usr/sbin/sendmail): the RFC 5322 message
 *     is piped to "$BRON_SENDMAIL -t -i", run without a shell;
 *   - else (development) it is written to BRON_MAIL_DIR (default
 *     var/mail) as <id>.eml: temporary file, fsync, rename.
 * Once sent, the row keeps its address and subject but its body is
 * emptied, so no reset link stays in the database. A failure counts an
 * attempt and is retried later (after attempts^2 minutes, at most
 * MAX_ATTEMPTS times).
 *
 * Logs name message ids only: never an address, a subject or a link.
 * Synchronous libpq: this is a separate process, not part of Kore.
 */
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libpq-fe.h>

#define POLL_SECS	2
#define MAX_ATTEMPTS	10
#define FROM_DEFAULT	"Bron <noreply@bron.invalid>"
#define DIR_DEFAULT	"var/mail"
#define DOMAIN_DEFAULT	"bron.invalid"
#define SUBJ_CHUNK	39	/* bytes per encoded word: 52 base64 chars */
#define ERR_MAX		200

struct msg {
	const char	*id;
	const char	*to;
	const char	*subject;
	const char	*body;
};

static void	usage(void);
static void	on_signal(int);
static int	header_ok(const char *);
static int	addr_ok(const char *);
static void	msgid_domain(const char *, char *, size_t);
static void	b64(FILE *, const unsigned char *, size_t);
static void	put_subject(FILE *, const char *, const char *);
static char	*compose(const struct msg *, const char *, size_t *);
static int	write_all(int, const char *, size_t);
static int	mkdir_p(const char *);
static int	deliver_dir(const struct msg *, char *, size_t);
static int	deliver_sendmail(const struct msg *, char *, size_t);
static int	db_ok(PGconn *, PGresult *, ExecStatusType);
static int	remind_actions(PGconn *);
static int	run_pass(PGconn *);

static volatile sig_atomic_t	stop;
static const char		*mail_from;
static const char		*sendmail;
static const char		*mail_dir;
static char			 domain[128];

/* One pending message, oldest first, after the given id. */
static const char	q_next[] =
	"SELECT id, to_addr, subject, body FROM outbox"
	" WHERE sent_at IS NULL AND id > $1::bigint AND attempts < $2::int"
	" AND (attempts = 0 OR created_at +"
	"    make_interval(mins => attempts * attempts) <= now())"
	" ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED";
static const char	q_sent[] =
	"UPDATE outbox SET sent_at = now(), body = '',"
	" attempts = attempts + 1, last_error = NULL WHERE id = $1::bigint";
static const char	q_failed[] =
	"UPDATE outbox SET attempts = attempts + 1, last_error = $2"
	" WHERE id = $1::bigint";

int
main(int argc, char *argv[])
{
	struct sigaction	 sa;
	PGconn			*conn;
	const char		*dsn;
	int			 once, rc;

	once = 0;
	if (argc == 2 && strcmp(argv[1], "--once") == 0)
		once = 1;
	else if (argc != 1)
		usage();

	if ((dsn = getenv("BRON_DATABASE_URL")) == NULL || *dsn == '\0') {
		fprintf(stderr, "mailer: BRON_DATABASE_URL is not set\n");
		return (1);
	}
	if ((mail_from = getenv("BRON_MAIL_FROM")) == NULL || *mail_from == '\0')
		mail_from = FROM_DEFAULT;
	if (!header_ok(mail_from)) {
		fprintf(stderr, "mailer: BRON_MAIL_FROM has control "
		    "characters\n");
		return (1);
	}
	msgid_domain(mail_from, domain, sizeof(domain));
	if ((sendmail = getenv("BRON_SENDMAIL")) != NULL && *sendmail == '\0')
		sendmail = NULL;
	if ((mail_dir = getenv("BRON_MAIL_DIR")) == NULL || *mail_dir == '\0')
		mail_dir = DIR_DEFAULT;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;	/* no SA_RESTART: sleep ends at once */
	sigemptyset(&sa.sa_mask);
	(void)sigaction(SIGTERM, &sa, NULL);
	(void)sigaction(SIGINT, &sa, NULL);
	/* A sendmail that dies early must give EPIPE, not kill us. */
	sa.sa_handler = SIG_IGN;
	(void)sigaction(SIGPIPE, &sa, NULL);

	conn = PQconnectdb(dsn);
	if (PQstatus(conn) != CONNECTION_OK) {
		fprintf(stderr, "mailer: cannot connect: %s",
		    PQerrorMessage(conn));
		PQfinish(conn);
		return (1);
	}
	if (!once)
		fprintf(stderr, "mailer: started (%s)\n",
		    sendmail != NULL ? "sendmail" : "mail directory");

	rc = 0;
	while (!stop) {
		if (PQstatus(conn) != CONNECTION_OK) {
			PQreset(conn);
			if (PQstatus(conn) != CONNECTION_OK) {
				fprintf(stderr, "mailer: database "
				    "unreachable, retrying\n");
				if (once) {
					rc = 1;
					break;
				}
				sleep(POLL_SECS * 5);
				continue;
			}
		}
		if (run_pass(conn) == -1 && once)
			rc = 1;
		if (once)
			break;
		sleep(POLL_SECS);
	}
	PQfinish(conn);
	return (rc);
}

static void
usage(void)
{
	fprintf(stderr, "usage: mailer [--once]\n");
	exit(2);
}

static void
on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

/* No control characters (so no CR or LF): safe inside a header line. */
static int
header_ok(const char *s)
{
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return (0);
	}
	return (1);
}

/*
 * A bare address with one @ and nothing that could add a recipient or a
 * header under sendmail -t (app/core/form.c checked it more strictly).
 */
static int
addr_ok(const char *s)
{
	const char	*at;
	size_t		 n;

	n = strlen(s);
	if (n < 3 || n > 254 || (at = strchr(s, '@')) == NULL ||
	    strchr(at + 1, '@') != NULL || at == s || at[1] == '\0')
		return (0);
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s <= 0x20 || *s == 0x7f ||
		    strchr(",;:<>()[]\"\\", *s) != NULL)
			return (0);
	}
	return (1);
}

/* The domain of the From address, for Message-ID. */
static void
msgid_domain(const char *from, char *out, size_t len)
{
	const char	*at;
	size_t		 n;

	n = 0;
	if ((at = strrchr(from, '@')) != NULL) {
		for (at++; *at != '\0' && *at != '>' && n + 1 < len; at++) {
			if (strchr("abcdefghijklmnopqrstuvwxyz"
			    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-", *at) ==
			    NULL) {
				n = 0;
				break;
			}
			out[n++] = *at;
		}
	}
	if (n == 0)
		(void)snprintf(out, len, "%s", DOMAIN_DEFAULT);
	else
		out[n] = '\0';
}

static void
b64(FILE *f, const unsigned char *p, size_t n)
{
	static const char	 tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789+/";
	unsigned long		 v;
	size_t			 i;

	for (i = 0; i + 2 < n; i += 3) {
		v = (unsigned long)p[i] << 16 | (unsigned long)p[i + 1] << 8 |
		    p[i + 2];
		fputc(tab[v >> 18 & 63], f);
		fputc(tab[v >> 12 & 63], f);
		fputc(tab[v >> 6 & 63], f);
		fputc(tab[v & 63], f);
	}
	if (n - i == 1) {
		v = (unsigned long)p[i] << 16;
		fprintf(f, "%c%c==", tab[v >> 18 & 63], tab[v >> 12 & 63]);
	} else if (n - i == 2) {
		v = (unsigned long)p[i] << 16 | (unsigned long)p[i + 1] << 8;
		fprintf(f, "%c%c%c=", tab[v >> 18 & 63], tab[v >> 12 & 63],
		    tab[v >> 6 & 63]);
	}
}

/*
 * RFC 2047 encoded words, each at most 75 characters, folded onto
 * continuation lines; never splitting a UTF-8 sequence.
 */
static void
put_subject(FILE *f, const char *s, const char *eol)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 left, n;

	fputs("Subject:", f);
	left = strlen(s);	/* an empty Subject: is allowed */
	while (left > 0) {
		n = left < SUBJ_CHUNK ? left : SUBJ_CHUNK;
		while (n < left && n > 1 && (p[n] & 0xc0) == 0x80)
			n--;
		if (p != (const unsigned char *)s)
			fputs(eol, f);
		fputs(" =?UTF-8?B?", f);
		b64(f, p, n);
		fputs("?=", f);
		p += n;
		left -= n;
	}
	fputs(eol, f);
}

/* The whole message with the given line ending; NULL on error. */
static char *
compose(const struct msg *m, const char *eol, size_t *lenp)
{
	FILE			*f;
	char			*data, date[64];
	unsigned char		 rnd[8];
	const char		*p;
	struct tm		 tm;
	time_t			 now;
	size_t			 i;

	data = NULL;
	if ((f = open_memstream(&data, lenp)) == NULL)
		return (NULL);
	now = time(NULL);
	(void)gmtime_r(&now, &tm);
	(void)strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S +0000", &tm);
	if (getrandom(rnd, sizeof(rnd), 0) != (ssize_t)sizeof(rnd))
		memset(rnd, 0, sizeof(rnd));

	fprintf(f, "From: %s%s", mail_from, eol);
	fprintf(f, "To: %s%s", m->to, eol);
	put_subject(f, m->subject, eol);
	fprintf(f, "Date: %s%s", date, eol);
	fprintf(f, "Message-ID: <outbox-%s.%lld.", m->id, (long long)now);
	for (i = 0; i < sizeof(rnd); i++)
		fprintf(f, "%02x", rnd[i]);
	fprintf(f, "@%s>%s", domain, eol);
	fprintf(f, "MIME-Version: 1.0%s", eol);
	fprintf(f, "Content-Type: text/plain; charset=utf-8%s", eol);
	fprintf(f, "Content-Transfer-Encoding: 8bit%s", eol);
	fprintf(f, "Auto-Submitted: auto-generated%s", eol);
	fputs(eol, f);
	/* Body: every line ending becomes eol; always end with one. */
	for (p = m->body; *p != '\0'; p++) {
		if (*p == '\r')
			continue;
		if (*p == '\n')
			fputs(eol, f);
		else
			fputc(*p, f);
	}
	if (p == m->body || p[-1] != '\n')
		fputs(eol, f);
	if (ferror(f)) {
		fclose(f);
		free(data);
		return (NULL);
	}
	if (fclose(f) != 0) {
		free(data);
		return (NULL);
	}
	return (data);
}

static int
write_all(int fd, const char *p, size_t n)
{
	ssize_t	w;

	while (n > 0) {
		if ((w = write(fd, p, n)) == -1) {
			if (errno == EINTR)
				continue;
			return (-1);
		}
		p += w;
		n -= (size_t)w;
	}
	return (0);
}

static int
mkdir_p(const char *dir)
{
	char	path[4096], *p;

	if (snprintf(path, sizeof(path), "%s", dir) >= (int)sizeof(path)) {
		errno = ENAMETOOLONG;
		return (-1);
	}
	for (p = path + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0700) == -1 && errno != EEXIST)
			return (-1);
		*p = '/';
	}
	if (mkdir(path, 0700) == -1 && errno != EEXIST)
		return (-1);
	return (0);
}

/* Development: <dir>/<id>.eml, complete or absent (rename is atomic). */
static int
deliver_dir(const struct msg *m, char *err, size_t errlen)
{
	char	 tmp[4096], dst[4096], *data;
	size_t	 len;
	int	 fd, dfd, saved;

	if ((data = compose(m, "\r\n", &len)) == NULL) {
		(void)snprintf(err, errlen, "cannot compose the message");
		return (-1);
	}
	if (mkdir_p(mail_dir) == -1) {
		(void)snprintf(err, errlen, "cannot create the mail "
		    "directory: %s", strerror(errno));
		free(data);
		return (-1);
	}
	(void)snprintf(tmp, sizeof(tmp), "%s/.%s.%ld.tmp", mail_dir, m->id,
	    (long)getpid());
	(void)snprintf(dst, sizeof(dst), "%s/%s.eml", mail_dir, m->id);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	saved = 0;
	if (fd == -1 || write_all(fd, data, len) == -1 || fsync(fd) == -1)
		saved = errno;
	if (fd != -1 && close(fd) == -1 && saved == 0)
		saved = errno;
	if (saved == 0 && rename(tmp, dst) == -1)
		saved = errno;
	if (saved != 0) {
		(void)unlink(tmp);
		(void)snprintf(err, errlen, "cannot write to the mail "
		    "directory: %s", strerror(saved));
		free(data);
		return (-1);
	}
	free(data);
	/* The rename itself must survive a crash too. */
	if ((dfd = open(mail_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		(void)fsync(dfd);
		(void)close(dfd);
	}
	return (0);
}

/*
 * Production: sendmail -t -i reads the recipients from To: and does not
 * treat a lone "." as the end. Run without a shell; its output is
 * dropped because sendmail's messages can quote the address.
 */
static int
deliver_sendmail(const struct msg *m, char *err, size_t errlen)
{
	char	*data;
	size_t	 len;
	pid_t	 pid;
	int	 fd[2], status, werr, null;

	if ((data = compose(m, "\n", &len)) == NULL) {
		(void)snprintf(err, errlen, "cannot compose the message");
		return (-1);
	}
	if (pipe(fd) == -1) {
		(void)snprintf(err, errlen, "pipe: %s", strerror(errno));
		free(data);
		return (-1);
	}
	if ((pid = fork()) == -1) {
		(void)snprintf(err, errlen, "fork: %s", strerror(errno));
		(void)close(fd[0]);
		(void)close(fd[1]);
		free(data);
		return (-1);
	}
	if (pid == 0) {
		(void)close(fd[1]);
		if (dup2(fd[0], STDIN_FILENO) == -1)
			_exit(127);
		(void)close(fd[0]);
		if ((null = open("/dev/null", O_WRONLY)) != -1) {
			(void)dup2(null, STDOUT_FILENO);
			(void)dup2(null, STDERR_FILENO);
			(void)close(null);
		}
		execl(sendmail, sendmail, "-t", "-i", (char *)NULL);
		_exit(127);
	}
	(void)close(fd[0]);
	werr = write_all(fd[1], data, len) == -1 ? errno : 0;
	(void)close(fd[1]);
	free(data);
	while (waitpid(pid, &status, 0) == -1) {
		if (errno != EINTR) {
			(void)snprintf(err, errlen, "waitpid: %s",
			    strerror(errno));
			return (-1);
		}
	}
	if (!WIFEXITED(status)) {
		(void)snprintf(err, errlen, "sendmail killed by signal %d",
		    WIFSIGNALED(status) ? WTERMSIG(status) : 0);
		return (-1);
	}
	if (WEXITSTATUS(status) != 0) {
		(void)snprintf(err, errlen, "sendmail exited with status %d%s",
		    WEXITSTATUS(status), WEXITSTATUS(status) == 127 ?
		    " (not found?)" : "");
		return (-1);
	}
	if (werr != 0) {
		(void)snprintf(err, errlen, "writing to sendmail: %s",
		    strerror(werr));
		return (-1);
	}
	return (0);
}

/* Check a result (and free it); on error log the server's reason. */
static int
db_ok(PGconn *conn, PGresult *res, ExecStatusType want)
{
	int	ok;

	ok = PQresultStatus(res) == want;
	if (!ok) {
		/*
		 * The SQLSTATE only: a server message could quote a row
		 * value, and rows here hold addresses.
		 */
		fprintf(stderr, "mailer: query failed: %s\n",
		    PQresultErrorField(res, PG_DIAG_SQLSTATE) != NULL ?
		    PQresultErrorField(res, PG_DIAG_SQLSTATE) :
		    PQerrorMessage(conn));
	}
	PQclear(res);
	return (ok);
}

/*
 * Issue 8: remind owners of mastermind actions that are due soon (one
 * notification each, mm_action_remind()). Logs only how many, never
 * who or what. -1 on a database error.
 */
static int
remind_actions(PGconn *conn)
{
	PGresult	*res;
	long		 n;

	res = PQexec(conn, "SELECT mm_action_remind()");
	if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) != 1) {
		(void)db_ok(conn, res, PGRES_TUPLES_OK);
		return (-1);
	}
	n = strtol(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	if (n > 0)
		fprintf(stderr, "mailer: %ld action reminders\n", n);
	return (0);
}

/*
 * Each pending message once, in its own short transaction (the DSN may
 * set idle_in_transaction_session_timeout). -1 on a database error.
 */
static int
run_pass(PGconn *conn)
{
	PGresult	*res;
	struct msg	 m;
	char		 last[24], maxatt[12], err[ERR_MAX + 1];
	const char	*params[2];
	int		 rc;

	if (remind_actions(conn) == -1)
		return (-1);
	(void)snprintf(last, sizeof(last), "0");
	(void)snprintf(maxatt, sizeof(maxatt), "%d", MAX_ATTEMPTS);
	while (!stop) {
		if (!db_ok(conn, PQexec(conn, "BEGIN"), PGRES_COMMAND_OK))
			return (-1);
		params[0] = last;
		params[1] = maxatt;
		res = PQexecParams(conn, q_next, 2, NULL, params, NULL, NULL,
		    0);
		if (PQresultStatus(res) != PGRES_TUPLES_OK) {
			(void)db_ok(conn, res, PGRES_TUPLES_OK);
			(void)db_ok(conn, PQexec(conn, "ROLLBACK"),
			    PGRES_COMMAND_OK);
			return (-1);
		}
		if (PQntuples(res) == 0) {
			PQclear(res);
			return (db_ok(conn, PQexec(conn, "COMMIT"),
			    PGRES_COMMAND_OK) ? 0 : -1);
		}
		m.id = PQgetvalue(res, 0, 0);
		m.to = PQgetvalue(res, 0, 1);
		m.subject = PQgetvalue(res, 0, 2);
		m.body = PQgetvalue(res, 0, 3);
		(void)snprintf(last, sizeof(last), "%s", m.id);

		err[0] = '\0';
		if (!addr_ok(m.to)) {
			(void)snprintf(err, sizeof(err), "unusable address");
			rc = -1;
		} else if (sendmail != NULL)
			rc = deliver_sendmail(&m, err, sizeof(err));
		else
			rc = deliver_dir(&m, err, sizeof(err));
		PQclear(res);

		params[0] = last;
		params[1] = err;
		if (rc == 0)
			res = PQexecParams(conn, q_sent, 1, NULL, params,
			    NULL, NULL, 0);
		else
			res = PQexecParams(conn, q_failed, 2, NULL, params,
			    NULL, NULL, 0);
		if (!db_ok(conn, res, PGRES_COMMAND_OK) ||
		    !db_ok(conn, PQexec(conn, "COMMIT"), PGRES_COMMAND_OK)) {
			(void)db_ok(conn, PQexec(conn, "ROLLBACK"),
			    PGRES_COMMAND_OK);
			return (-1);
		}
		if (rc == 0)
			fprintf(stderr, "mailer: sent message %s\n", last);
		else
			fprintf(stderr, "mailer: message %s failed: %s\n",
			    last, err);
	}
	return (0);
}
