/*
 * The one async query runner (STYLE.md b). A handler's state struct
 * starts with a struct db_ctx; db_start() names the query, its text
 * parameters and two callbacks, and db_run() drives Kore's pgsql layer
 * through one shared http_state table:
 *
 *   DB_SETUP -> DB_QUERY -> DB_WAIT <-> DB_READ -> DB_DONE | DB_ERROR
 */
#ifndef BRON_DB_H
#define BRON_DB_H

#include <kore/kore.h>
#include <kore/http.h>
#include <kore/pgsql.h>
#include <kore/tasks.h>

#include "db/sess.h"

#define DB_NAME		"db"
#define DB_PARAMS_MAX	24	/* item_save() takes 20 */

struct db_query {
	const char	*name;
	const char	*sql;
	int		 nparams;
};

struct db_ctx;

/* Called per row while the PGresult lives; copy or render what you need. */
typedef void	(*db_row_fn)(struct db_ctx *, struct kore_pgsql *, int);
/* Called once after the last row: send the response, or chain. */
typedef int	(*db_done_fn)(struct http_request *, struct db_ctx *);
/* Called when the query failed, with the HTTP status chosen. */
typedef int	(*db_fail_fn)(struct http_request *, struct db_ctx *, int);

struct db_ctx {
	struct kore_pgsql	 sql;
	const struct db_query	*q;
	const char		*params[DB_PARAMS_MAX];
	db_row_fn		 row;
	db_done_fn		 done;
	db_fail_fn		 fail;		/* NULL: HTML error page */
	int			 nrows;
	int			 failed;	/* set by row callbacks */
	struct sess_user	 user;		/* who is signed in */
	/* The handler's first query while the session loads. */
	const struct db_query	*pend_q;
	db_row_fn		 pend_row;
	db_done_fn		 pend_done;
	struct kore_task	*task;		/* see db_task() */
};

/*
 * First entry of a handler: bind the query to the request. When the
 * request carries a session cookie, the session is loaded first (into
 * db->user). q may be NULL: only the session is loaded, then done runs.
 */
void	db_start(struct http_request *, struct db_ctx *,
	    const struct db_query *, db_row_fn, db_done_fn);
/*
 * From a done callback: run another query on the same request. Its
 * db->params may be set before or after the call (read when it runs).
 */
int	db_chain(struct http_request *, struct db_ctx *,
	    const struct db_query *, db_row_fn, db_done_fn);
/*
 * From a done callback: run a kore_task (created, not yet run) bound to
 * the request, then call done once it has finished.
 */
int	db_task(struct http_request *, struct db_ctx *, struct kore_task *,
	    db_done_fn);
int	db_run(struct http_request *);

/* Text of a column, "" for NULL. */
const char	*db_text(struct kore_pgsql *, int, int);
int		 db_isnull(struct kore_pgsql *, int, int);

#endif
