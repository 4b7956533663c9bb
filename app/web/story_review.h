/*
 * The editors' review page of a story (story_review.c, its rendering in
 * story_review_view.c).
 */
#ifndef BRON_STORY_REVIEW_H
#define BRON_STORY_REVIEW_H

#include "web/fv.h"
#include "web/story_flow.h"

#define SRV_NOTE_MAX	4000

struct srv_ctx {
	struct sfl_head	 h;
	enum locale	 loc;
	int		 bad;
	int		 post;
	int		 scope_form;	/* the POST decides on a wider scope */
	char		 rev[16];
	char		 besluit[16];
	char		 verruiming[16];
	int		 check_id;	/* "Niemand is te herkennen" ticked */
	int		 check_safe;	/* "Veilig te lezen" ticked */
	const char	*note;
	struct sbuf	 history;	/* earlier reviews, rendered */
	int		 nhistory;
	int		 hist_failed;
	struct fv	 fv;
};

/* Render the page with status (200, 422, 403 on a CSRF failure). */
int	srv_render(struct http_request *, struct srv_ctx *, int);

#endif
