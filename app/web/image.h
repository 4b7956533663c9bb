/*
 * Members' images (/account/afbeeldingen): what the list page
 * (image_list.c) and the page of one image (image_change.c) share
 * (image_view.c).
 */
#ifndef BRON_WEB_IMAGE_H
#define BRON_WEB_IMAGE_H

#include <kore/kore.h>
#include <kore/pgsql.h>

#include "core/i18n.h"
#include "core/sbuf.h"

#define IMAGE_PATH	"/account/afbeeldingen"
#define IMAGE_ALT_MAX	300	/* characters, as upload.alt in SQL */
#define IMAGE_TOKEN_LEN	32

/* One row of q_image_list / q_image_one, copied out of the result. */
struct image_row {
	char		 token[IMAGE_TOKEN_LEN + 1];
	char		*name;
	char		*alt;
	char		*used;		/* "href\x1ftitle" joined by "\x1e" */
	char		 date[16];
	char		 others[24];
	long long	 size;
};

void	image_row_read(struct image_row *, struct kore_pgsql *, int);
void	image_row_free(struct image_row *);
/* "850 kB", "3,2 MB" (Dutch) or "3.2 MB" (English). */
void	image_size(struct sbuf *, enum locale, long long);
/* ![alt](/bestanden/token), the alt's Markdown characters escaped. */
void	image_markdown(struct sbuf *, const char *, const char *);
/*
 * Where the image is shown: a list of links to the uploader's own items
 * and a sentence counting other people's (both escaped HTML); nothing
 * when it is shown nowhere. Returns -1 on a template error.
 */
int	image_used_list(struct sbuf *, enum locale, const struct image_row *);
/* 1 if the image is shown in any item. */
int	image_is_used(const struct image_row *);
/* "1,2 MB · Toegevoegd op 01-02-2026" (text). */
void	image_facts(struct sbuf *, enum locale, const struct image_row *);
/*
 * A description as typed: made one line and trimmed (*alt points at
 * the trimmed text); 0, or -1 with the message for next to the field
 * (its %s, the length, in num).
 */
int	image_alt_check(char **, enum msg_id *, char *, size_t);

#endif
