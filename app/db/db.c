/*
 * Generic async query state machine, shared by every handler.
 *
 * The handler is re-entered from the top on each wake-up; Kore keeps
 * req->fsm_state between entries and frees the state (and cleans up the
 * bound kore_pgsql) when the request ends or the client goes away.
 */
#include <string.h>

#include "db/db.h"
#include "db/q.h"
#include "web/resp.h"

enum {
	DB_SETUP,
	DB_QUERY,
	DB_WAIT,
	DB_READ,
	DB_DONE,
	DB_ERROR,
	DB_TASK,
	DB__MAX
};

static int	db_setup(struct http_request *);
static int	db_query(struct http_request *);
static int	db_wait(struct http_request *);
static int	db_read(struct http_request *);
static int	db_done(struct http_request *);
static int	db_error(struct http_request *);
static int	db_task_wait(struct http_request *);

static struct http_state	db_states[] = {
	KORE_HTTP_STATE(db_setup),
	KORE_HTTP_STATE(db_query),
	KORE_HTTP_STATE(db_wait),
	KORE_HTTP_STATE(db_read),
	KORE_HTTP_STATE(db_done),
	KORE_HTTP_STATE(db_error),
	KORE_HTTP_STATE(db_task_wait),
};

void
db_start(struct http_request *req, struct db_ctx *db,
    const struct db_query *q, db_row_fn row, db_done_fn done)
{
	kore_pgsql_init(&db->sql);
	kore_pgsql_bind_request(&db->sql, req);
	db->q = q;
	db->row = row;
	db->done = done;
	db->nrows = 0;
	if (!db->user.checked) {
		db->user.checked = 1;
		if (sess_begin(req, db))
			return;
	}
	req->fsm_state = q != NULL ? DB_SETUP : DB_DONE;
}

int
db_chain(struct http_request *req, struct db_ctx *db,
    const struct db_query *q, db_row_fn row, db_done_fn done)
{
	kore_pgsql_cleanup(&db->sql);
	db_start(req, db, q, row, done);
	return (HTTP_STATE_CONTINUE);
}


int
db_task(struct http_request *req, struct db_ctx *db, struct kore_task *t,
    db_done_fn done)
{
	kore_pgsql_cleanup(&db->sql);
	kore_pgsql_init(&db->sql);
	db->task = t;
	db->done = done;
	kore_task_bind_request(t, req);
	kore_task_run(t);
	req->fsm_state = DB_TASK;
	return (HTTP_STATE_RETRY);
}

/* The task wakes the request when it finishes (tasks.c). */
static int
db_task_wait(struct http_request *req)
{
	struct db_ctx	*db = http_state_get(req);

	if (kore_task_state(db->task) != KORE_TASK_STATE_FINISHED) {
		http_request_sleep(req);
		return (HTTP_STATE_RETRY);
	}
	return (db->done(req, db));
}

int
db_run(struct http_request *req)
{
	return (http_state_run(db_states, DB__MAX, req));
}

const char *
db_text(struct kore_pgsql *sql, int r, int c)
{
	return (kore_pgsql_getvalue(sql, r, c));
}

int
db_isnull(struct kore_pgsql *sql, int r, int c)
{
	return (PQgetisnull(sql->result, r, c));
}

static int
db_setup(struct http_request *req)
{
	struct db_ctx	*db = http_state_get(req);

	if (!kore_pgsql_setup(&db->sql, DB_NAME, KORE_PGSQL_ASYNC)) {
		/* Still INIT: queued for a free connection, sleep. */
		if (db->sql.state == KORE_PGSQL_STATE_INIT) {
			req->fsm_state = DB_SETUP;
			return (HTTP_STATE_RETRY);
		}
		req->fsm_state = DB_ERROR;
	} else
		req->fsm_state = DB_QUERY;
	return (HTTP_STATE_CONTINUE);
}

static int
db_query(struct http_request *req)
{
	struct db_ctx	*db = http_state_get(req);

	req->fsm_state = DB_WAIT;
	if (!kore_pgsql_query_param_fields(&db->sql, db->q->sql, 0,
	    db->q->nparams, sess_params(db), NULL, NULL))
		req->fsm_state = DB_ERROR;
	return (HTTP_STATE_CONTINUE);
}

static int
db_wait(struct http_request *req)
{
	struct db_ctx	*db = http_state_get(req);

	switch (db->sql.state) {
	case KORE_PGSQL_STATE_WAIT:
		return (HTTP_STATE_RETRY);
	case KORE_PGSQL_STATE_COMPLETE:
		req->fsm_state = DB_DONE;
		break;
	case KORE_PGSQL_STATE_ERROR:
		req->fsm_state = DB_ERROR;
		break;
	case KORE_PGSQL_STATE_RESULT:
		req->fsm_state = DB_READ;
		break;
	default:
		kore_pgsql_continue(&db->sql);
		break;
	}
	return (HTTP_STATE_CONTINUE);
}

static int
db_read(struct http_request *req)
{
	struct db_ctx	*db = http_state_get(req);
	int		 i, n;

	n = kore_pgsql_ntuples(&db->sql);
	for (i = 0; i < n; i++) {
		if (db->row != NULL)
			db->row(db, &db->sql, i);
		db->nrows++;
	}
	kore_pgsql_continue(&db->sql);
	req->fsm_state = DB_WAIT;
	return (HTTP_STATE_CONTINUE);
}

static int
db_done(struct http_request *req)
{
	struct db_ctx	*db = http_state_get(req);

	if (db->failed) {
		/* A row could not be rendered: a bug, not the client's. */
		kore_pgsql_cleanup(&db->sql);
		resp_error(req, 500);
		return (HTTP_STATE_COMPLETE);
	}
	return (db->done(req, db));
}

/*
 * SQLSTATE to HTTP: constraint and input errors are the client's (they
 * back up form checks); the SQL functions of sql/004_content.sql raise
 * 42501 (not allowed), 55000 (wrong workflow state) and P0002 (no such
 * item). Everything else, including a lost connection
 * or an exhausted pool, is 503 so clients and nginx retry.
 */
static int
db_error(struct http_request *req)
{
	struct db_ctx	*db = http_state_get(req);
	const char	*state;
	int		 status;

	status = 503;
	state = NULL;
	if (db->sql.result != NULL)
		state = PQresultErrorField(db->sql.result, PG_DIAG_SQLSTATE);
	if (state != NULL) {
		if (strcmp(state, "23505") == 0 ||
		    strcmp(state, "55000") == 0)	/* wrong workflow state */
			status = 409;
		else if (strcmp(state, "23514") == 0 ||
		    strcmp(state, "22P02") == 0 ||
		    strcmp(state, "22001") == 0 ||
		    strcmp(state, "22023") == 0)
			status = 400;
		else if (strcmp(state, "42501") == 0)	/* raised in sql/ */
			status = 403;
		else if (strcmp(state, "P0002") == 0)
			status = 404;
	}
	/*
	 * Server messages can quote row values (an e-mail in a unique
	 * violation): log them only when there is no SQLSTATE, i.e. for
	 * connection-level errors.
	 */
	if (state != NULL)
		kore_log(LOG_NOTICE, "db: %s failed: sqlstate %s",
		    db->q->name, state);
	else
		kore_log(LOG_NOTICE, "db: %s failed: %s", db->q->name,
		    db->sql.error != NULL ? db->sql.error : "unknown");
	kore_pgsql_cleanup(&db->sql);
	if (db->fail != NULL)
		return (db->fail(req, db, status));
	resp_error(req, status);
	return (HTTP_STATE_COMPLETE);
}
