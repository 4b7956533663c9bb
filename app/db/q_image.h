/*
 * Queries of members' images (web/image*.c): the list with the space
 * used, one image of its uploader, and changing or removing it
 * (upload_image_change() in sql/009_resource.sql). Adding one is the
 * upload path's q_upload_add (db/q_upload.h).
 */
#ifndef BRON_Q_IMAGE_H
#define BRON_Q_IMAGE_H

#include "db/db.h"

/*
 * The columns of an image row. used: "href\x1ftitle" lines joined by
 * "\x1e", the items of the uploader's own (owner or author) whose text
 * shows the image; others: how many items of other people show it.
 */
enum { QIM_TOKEN, QIM_NAME, QIM_MIME, QIM_SIZE, QIM_ALT, QIM_DATE,
	QIM_USED, QIM_OTHERS, QIM_TOTAL };

#define QIM_SEP_FIELD	'\x1f'
#define QIM_SEP_ROW	'\x1e'

/*
 * $1 account id: every image of the account, newest first; QIM_TOTAL
 * is the sum of their sizes (the same on every row). One row with a
 * NULL token and total 0 when there are none.
 */
extern const struct db_query	q_image_list;

/* $1 token, $2 account id: the image when it is that account's. */
extern const struct db_query	q_image_one;

/*
 * $1 token, $2 account id, $3 the new description, or NULL: remove.
 * 42501 when it is someone else's, P0002 when there is no such image.
 */
extern const struct db_query	q_image_change;

#endif
