/*
 * A series' calendar (issue 8, RFC 5545):
 *
 *   GET /masterminds/{serie}/agenda.ics
 *
 * One VEVENT per session of the last 90 days and every upcoming one,
 * with times in UTC; the text goes through core/ics.c (escaping,
 * folding). Only what every reader of the series sees: title, date,
 * place, the series' name and the session's address; never the
 * participants or the minutes. A series the reader may not read is
 * 404, as its page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "app.h"
#include "core/ics.h"
#include "core/path.h"
#include "db/q_mm_series.h"
#include "web/mm_series.h"
#include "web/resp.h"

#define ICS_PRODID	"-//Bron//Masterminds//NL"

struct mmics_ctx {
	struct db_ctx	 db;
	enum locale	 loc;
	char		 slug[PATH_SLUG_MAX + 1];
	int		 found;
	char		*name;
	char		 now[24];
	struct sbuf	 events;
};

static void	mmics_row(struct db_ctx *, struct kore_pgsql *, int);
static void	mmics_event(struct mmics_ctx *, struct kore_pgsql *, int);
static int	mmics_done(struct http_request *, struct db_ctx *);
static void	mmics_free(struct http_request *);

int
mm_series_ics(struct http_request *req)
{
	struct mmics_ctx	*ctx;
	char			 slug[PATH_SLUG_MAX + 1];

	if (!http_state_exists(req)) {
		if (mmser_path(req->path, "/agenda.ics", slug,
		    sizeof(slug)) == -1) {
			resp_error(req, 404);
			return (KORE_RESULT_OK);
		}
		ctx = http_state_create(req, sizeof(*ctx), mmics_free);
		ctx->loc = resp_locale(req);
		memcpy(ctx->slug, slug, sizeof(slug));
		sbuf_init(&ctx->events);
		db_start(req, &ctx->db, &q_mms_ics, mmics_row, mmics_done);
		ctx->db.params[0] = ctx->slug;
		ctx->db.params[1] = ctx->db.user.id;
	}
	return (db_run(req));
}

static void
mmics_row(struct db_ctx *db, struct kore_pgsql *sql, int r)
{
	struct mmics_ctx	*ctx = (struct mmics_ctx *)db;

	switch (atoi(db_text(sql, r, QMS_TYPE))) {
	case QMS_ICS_SERIES:
		if (ctx->found)
			break;
		ctx->found = 1;
		ctx->name = kore_strdup(db_text(sql, r, QMS_COL(2)));
		(void)kore_strlcpy(ctx->now, db_text(sql, r, QMS_COL(3)),
		    sizeof(ctx->now));
		break;
	case QMS_ICS_EVENT:
		mmics_event(ctx, sql, r);
		break;
	default:
		break;
	}
}

static void
mmics_event(struct mmics_ctx *ctx, struct kore_pgsql *sql, int r)
{
	struct sbuf	 uid, url, desc;
	const char	*args[1];

	sbuf_init(&uid);
	sbuf_init(&url);
	sbuf_init(&desc);
	sbuf_printf(&uid, "%s@bron", db_text(sql, r, QMS_COL(1)));
	sbuf_printf(&url, "%s%s", resp_base_url(),
	    db_text(sql, r, QMS_COL(3)));
	args[0] = ctx->name != NULL ? ctx->name : "";
	i18n_fmt(&desc, i18n_get(ctx->loc, MSG_mmser_ics_desc), args, 1);
	sbuf_printf(&desc, "\n%s", sbuf_cstr(&url));

	ics_line(&ctx->events, "BEGIN", "VEVENT");
	ics_text(&ctx->events, "UID", sbuf_cstr(&uid));
	ics_line(&ctx->events, "DTSTAMP", db_text(sql, r, QMS_COL(8)));
	ics_line(&ctx->events, "DTSTART", db_text(sql, r, QMS_COL(4)));
	ics_line(&ctx->events, "DTEND", db_text(sql, r, QMS_COL(5)));
	ics_line(&ctx->events, "SEQUENCE", db_text(sql, r, QMS_COL(7)));
	ics_text(&ctx->events, "SUMMARY", db_text(sql, r, QMS_COL(2)));
	ics_text(&ctx->events, "DESCRIPTION", sbuf_cstr(&desc));
	/* A URI value: no TEXT escaping (our paths are slugs). */
	ics_line(&ctx->events, "URL", sbuf_cstr(&url));
	if (*db_text(sql, r, QMS_COL(6)) != '\0')
		ics_text(&ctx->events, "LOCATION",
		    db_text(sql, r, QMS_COL(6)));
	ics_line(&ctx->events, "STATUS", "CONFIRMED");
	ics_line(&ctx->events, "END", "VEVENT");
	sbuf_free(&uid);
	sbuf_free(&url);
	sbuf_free(&desc);
}

static int
mmics_done(struct http_request *req, struct db_ctx *db)
{
	struct mmics_ctx	*ctx = (struct mmics_ctx *)db;
	struct sbuf		 out, disp;

	if (!ctx->found) {
		resp_error(req, 404);
		return (HTTP_STATE_COMPLETE);
	}
	sbuf_init(&out);
	sbuf_init(&disp);
	ics_line(&out, "BEGIN", "VCALENDAR");
	ics_line(&out, "VERSION", "2.0");
	ics_line(&out, "PRODID", ICS_PRODID);
	ics_line(&out, "CALSCALE", "GREGORIAN");
	ics_line(&out, "METHOD", "PUBLISH");
	ics_text(&out, "X-WR-CALNAME", ctx->name);
	ics_line(&out, "X-WR-TIMEZONE", "Europe/Amsterdam");
	sbuf_add(&out, ctx->events.data, ctx->events.len);
	ics_line(&out, "END", "VCALENDAR");
	sbuf_printf(&disp, "inline; filename=\"%s.ics\"", ctx->slug);
	http_response_header(req, "content-type",
	    "text/calendar; charset=utf-8");
	http_response_header(req, "content-disposition", sbuf_cstr(&disp));
	http_response_header(req, "x-content-type-options", "nosniff");
	http_response_header(req, "referrer-policy", "same-origin");
	http_response_header(req, "content-security-policy",
	    "default-src 'none'; sandbox");
	/* A members-only series' calendar is personal: do not store it. */
	http_response_header(req, "cache-control", db->user.loaded ?
	    "private, no-store" : "no-cache");
	http_response(req, 200, out.data, out.len);
	sbuf_free(&out);
	sbuf_free(&disp);
	return (HTTP_STATE_COMPLETE);
}

static void
mmics_free(struct http_request *req)
{
	struct mmics_ctx	*ctx = http_state_get(req);

	kore_free(ctx->name);
	sbuf_free(&ctx->events);
}
