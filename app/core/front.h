/*
 * Front matter of content/ files: a "---" line, "key: value" lines,
 * a "---" line, then the Markdown body.
 */
#ifndef BRON_FRONT_H
#define BRON_FRONT_H

#include <stddef.h>

#define FRONT_MAX_KEYS	16
#define FRONT_KEY_MAX	32
#define FRONT_VAL_MAX	1024

struct front_kv {
	char	key[FRONT_KEY_MAX];
	char	val[FRONT_VAL_MAX];
};

struct front {
	struct front_kv	 kv[FRONT_MAX_KEYS];
	size_t		 nkv;
	const char	*body;		/* points into the input */
	size_t		 bodylen;
};

/* 0 on success; -1 with a message in err (line number included). */
int		 front_parse(const char *, size_t, struct front *,
		    char *, size_t);
const char	*front_get(const struct front *, const char *);

#endif
