/*
 * What the reply and quote pages (issue 9, part D: story_reply*.c,
 * story_quote*.c) share: the story a path names, loaded with the
 * reader's rights, its path, and a message page.
 */
#ifndef BRON_STORY_REPLY_H
#define BRON_STORY_REPLY_H

#include <stddef.h>

#include "core/i18n.h"
#include "core/path.h"
#include "core/sbuf.h"
#include "db/db.h"

#define SX_PATH		"/verhalen"
#define SX_ID_MAX	18

/* A story as q_sx_story gives it (strings owned, kore_free). */
struct sx_story {
	int		 found;
	char		 id[24];
	char		 slug[PATH_SLUG_MAX + 1];	/* from the path */
	char		 state[16];
	char		 replies[8];
	int		 may_read;
	int		 teller;
	int		 editor;
	int		 quotable;
	char		*title;
	char		*pseudonym;
	char		*body_html;
	char		*body_md;
};

/* Every handler ctx of these pages starts with this. */
struct sx_head {
	struct db_ctx	 db;
	struct sx_story	 s;
};

/* "/verhalen/{slug}" + suffix -> s->slug; 0, or -1 for another shape. */
int	sx_path(const char *, const char *, struct sx_story *);
/* "/{prefix}/{id}" + suffix -> id (digits, not 0); 0 or -1. */
int	sx_id_path(const char *, const char *, const char *, char *, size_t);
/* From a done callback: load h->s (by its slug) for the user. */
int	sx_load(struct http_request *, struct sx_head *, db_done_fn);
void	sx_story_free(struct sx_story *);
/* "/verhalen/{slug}", with ?gedaan=word and #anchor when not NULL. */
void	sx_href(struct sbuf *, const char *, const char *, const char *);
/* A page with a heading, a text and a link back, with status. */
void	sx_message(struct http_request *, enum locale, int, enum msg_id,
	    enum msg_id, const char *, enum msg_id);

#endif
