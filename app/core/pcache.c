/*
 * pcache: direct-mapped, one entry per slot, FNV-1a over the key. A
 * collision simply replaces the older entry: the cache only ever saves
 * work, it never decides what is shown.
 */
#include <stdlib.h>
#include <string.h>

#include "pcache.h"

struct pcache_slot {
	char		 key[PCACHE_KEY_MAX + 1];
	long long	 gen;
	char		*body;		/* body, then NUL, then title, NUL */
	size_t		 body_len;
	const char	*title;
};

static struct pcache_slot	slots[PCACHE_SLOTS];
static size_t			used;

static struct pcache_slot	*slot_of(const char *);

static struct pcache_slot *
slot_of(const char *key)
{
	unsigned long long	h = 14695981039346656037ULL;

	for (; *key != '\0'; key++) {
		h ^= (unsigned char)*key;
		h *= 1099511628211ULL;
	}
	return (&slots[h % PCACHE_SLOTS]);
}

int
pcache_get(const char *key, long long gen, struct pcache_hit *hit)
{
	struct pcache_slot	*s;

	if (strlen(key) > PCACHE_KEY_MAX)
		return (0);
	s = slot_of(key);
	if (s->body == NULL || s->gen != gen || strcmp(s->key, key) != 0)
		return (0);
	hit->body = s->body;
	hit->body_len = s->body_len;
	hit->title = s->title;
	return (1);
}

void
pcache_put(const char *key, long long gen, const char *body,
    size_t body_len, const char *title)
{
	struct pcache_slot	*s;
	size_t			 klen, tlen;
	char			*p;

	klen = strlen(key);
	tlen = strlen(title);
	if (klen > PCACHE_KEY_MAX || body_len > PCACHE_MAX_BODY ||
	    tlen > PCACHE_MAX_BODY)
		return;
	if ((p = malloc(body_len + tlen + 2)) == NULL)
		return;		/* a cache may forget; never fail a page */
	memcpy(p, body, body_len);
	p[body_len] = '\0';
	memcpy(p + body_len + 1, title, tlen + 1);

	s = slot_of(key);
	if (s->body == NULL)
		used++;
	free(s->body);
	memcpy(s->key, key, klen + 1);
	s->gen = gen;
	s->body = p;
	s->body_len = body_len;
	s->title = p + body_len + 1;
}

void
pcache_clear(void)
{
	size_t	i;

	for (i = 0; i < PCACHE_SLOTS; i++) {
		free(slots[i].body);
		slots[i].body = NULL;
	}
	used = 0;
}

size_t
pcache_count(void)
{
	return (used);
}
