/*
 * The pieces the storyteller's and the editors' story pages share
 * (issue 9, part C): the story a path names, loaded with the reader's
 * rights; a message page; warnings and scopes as words.
 */
#ifndef BRON_STORY_FLOW_H
#define BRON_STORY_FLOW_H

#include <stddef.h>

#include "core/i18n.h"
#include "core/path.h"
#include "core/sbuf.h"
#include "db/db.h"

/*
 * The scope page's handler. Not story_scope (app.h): core/story.h
 * defines a function of that name, the scope lookup.
 */
struct http_request;
int	story_scope_page(struct http_request *);
/* As in app.h, for the files that include core/story.h instead. */
int	story_queue(struct http_request *);

#define SFL_PATH	"/verhalen"

/* A story as q_sfl_story gives it (strings owned, kore_free). */
struct sfl_story {
	int		 found;
	char		 slug[PATH_SLUG_MAX + 1];	/* from the path */
	char		 id[24];
	char		 rev[16];
	char		 state[16];
	char		 scope[16];
	char		 wanted[16];
	char		 reviewed_rev[16];
	char		 submitted[16];
	char		 c_scope[16];
	char		 c_version[48];
	int		 c_under16;
	int		 c_guardian;
	char		 c_at[16];
	int		 read;
	int		 teller;
	int		 editor;
	int		 admin;
	int		 came_back;
	char		*title;
	char		*summary;
	char		*body_html;
	char		*pseudonym;
	char		*warnings;
	char		*checklist;
	char		*note;
};

/* Every handler ctx of these pages starts with this. */
struct sfl_head {
	struct db_ctx	 db;
	struct sfl_story s;
};

/*
 * "/verhalen/{slug}" + suffix ("/beoordelen"): 0 and the slug in s, or
 * -1 when the path is not of that shape.
 */
int	sfl_path(const char *, const char *, struct sfl_story *);
/* From a done callback: load h->s (by its slug) for the user. */
int	sfl_load(struct http_request *, struct sfl_head *, db_done_fn);
void	sfl_story_free(struct sfl_story *);
/* The story's page, with ?gedaan=word when not NULL. */
void	sfl_href(struct sbuf *, const struct sfl_story *, const char *);
/*
 * A page with a heading, a text, optional trusted HTML (made here) and
 * a link back, with status.
 */
void	sfl_message(struct http_request *, enum locale, int, const char *,
	    const char *, const char *, const char *, const char *);
/* Shorthand: a 409 page with msg, linking back to the story. */
int	sfl_refused(struct http_request *, enum locale,
	    const struct sfl_story *, enum msg_id);
/* Space-separated warning codes as their names, ", " between. */
void	sfl_warning_names(struct sbuf *, enum locale, const char *);
/* A scope's name, or the word itself when unknown ("" stays ""). */
const char *sfl_scope_name(enum locale, const char *);
/* The warnings as a line (MSG_sw_label + names), or "" when none. */
int	sfl_warning_line(struct sbuf *, enum locale, const char *);

#endif
