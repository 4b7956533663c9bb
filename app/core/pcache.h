/*
 * pcache: a worker's cache of rendered page parts for visitors without
 * a session. Each entry is stamped with the content generation it was
 * rendered at (the content_gen row of sql/004_content.sql, which every
 * change to what public pages show moves forward); a lookup names the
 * generation just read from the database and misses on any other. So a
 * cached page is never older than the last committed change, on every
 * host, and a page costs one trivial query instead of its full one.
 *
 * One worker is one thread: no locking. Pointers handed out stay valid
 * until the next pcache_put() or pcache_clear().
 */
#ifndef BRON_PCACHE_H
#define BRON_PCACHE_H

#include <stddef.h>

#define PCACHE_SLOTS	512		/* direct-mapped by key hash */
#define PCACHE_KEY_MAX	160
#define PCACHE_MAX_BODY	(256 * 1024)	/* larger parts are not kept */

struct pcache_hit {
	const char	*body;
	size_t		 body_len;
	const char	*title;
};

/* 1 and *hit filled when key is cached at exactly generation gen. */
int	pcache_get(const char *key, long long gen, struct pcache_hit *hit);
/* Keep body and title under key at gen (replaces the slot's entry). */
void	pcache_put(const char *key, long long gen, const char *body,
	    size_t body_len, const char *title);
void	pcache_clear(void);
/* Entries in use, for tests. */
size_t	pcache_count(void);

#endif
