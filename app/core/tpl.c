/*
 * Template renderer. Interprets the template text on each call: the
 * templates are small and embedded, and a scan is cheaper than the
 * bookkeeping a compiled form would need at this size.
 */
#include <stdio.h>
#include <string.h>

#include "html.h"
#include "sbuf.h"
#include "tpl.h"

static const struct tpl_bind	*tpl_find(const struct tpl_env *,
				    const char *, size_t);
static int			 tpl_key_ok(const char *, size_t);

static int
tpl_key_ok(const char *k, size_t n)
{
	size_t	i;

	if (n == 0 || n > 64)
		return (0);
	for (i = 0; i < n; i++) {
		if (!((k[i] >= 'a' && k[i] <= 'z') ||
		    (k[i] >= '0' && k[i] <= '9') || k[i] == '_'))
			return (0);
	}
	return (1);
}

static const struct tpl_bind *
tpl_find(const struct tpl_env *env, const char *k, size_t n)
{
	size_t	i;

	for (i = 0; i < env->nbinds; i++) {
		if (strlen(env->binds[i].key) == n &&
		    memcmp(env->binds[i].key, k, n) == 0)
			return (&env->binds[i]);
	}
	return (NULL);
}

int
tpl_render(struct sbuf *out, const char *t, size_t len,
    const struct tpl_env *env, char *err, size_t errlen)
{
	const struct tpl_bind	*b;
	const char		*p, *end, *open, *close, *key, *msg;
	size_t			 klen, off;
	int			 raw;

	p = t;
	end = t + len;
	while (p < end) {
		open = memmem(p, (size_t)(end - p), "{{", 2);
		if (open == NULL) {
			sbuf_add(out, p, (size_t)(end - p));
			break;
		}
		sbuf_add(out, p, (size_t)(open - p));
		off = (size_t)(open - t);
		raw = (open + 2 < end && open[2] == '{');
		key = open + (raw ? 3 : 2);
		close = memmem(key, (size_t)(end - key), raw ? "}}}" : "}}",
		    raw ? 3 : 2);
		if (close == NULL) {
			snprintf(err, errlen, "unterminated tag at %zu", off);
			return (-1);
		}
		klen = (size_t)(close - key);
		p = close + (raw ? 3 : 2);

		if (!raw && klen > 2 && key[1] == ':' &&
		    (key[0] == 't' || key[0] == 'u')) {
			if (!tpl_key_ok(key + 2, klen - 2))
				goto badkey;
			if (key[0] == 't') {
				msg = env->msg == NULL ? NULL :
				    env->msg(env->msgarg, key + 2, klen - 2);
				if (msg == NULL)
					goto badkey;
				html_text(out, msg, strlen(msg));
				continue;
			}
			if ((b = tpl_find(env, key + 2, klen - 2)) == NULL)
				goto badkey;
			html_url(out, b->val, strlen(b->val));
			continue;
		}
		if (!tpl_key_ok(key, klen) ||
		    (b = tpl_find(env, key, klen)) == NULL)
			goto badkey;
		if (raw) {
			if (b->kind != TPL_TRUSTED_HTML) {
				snprintf(err, errlen,
				    "raw tag on untrusted binding at %zu", off);
				return (-1);
			}
			sbuf_puts(out, b->val);
		} else
			html_text(out, b->val, strlen(b->val));
	}
	return (0);

badkey:
	snprintf(err, errlen, "unknown or bad key at %zu", off);
	return (-1);
}
