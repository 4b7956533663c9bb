/*
 * The content kinds with their Dutch paths and interface strings.
 */
#ifndef BRON_KIND_H
#define BRON_KIND_H

#include "core/i18n.h"

struct kind {
	const char	*kind;		/* item.kind in SQL */
	const char	*path;		/* "/artikelen" */
	enum msg_id	 title;
	enum msg_id	 intro;
	enum msg_id	 empty;
	enum msg_id	 all;
};

#define KIND__MAX	5
extern const struct kind	kinds[KIND__MAX];

/* By item.kind value, or by path ("/artikelen" or "/artikelen/x"). */
const struct kind	*kind_by_name(const char *);
const struct kind	*kind_by_path(const char *);

#endif
