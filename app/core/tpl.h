/*
 * Templates with escaping by default (kcgi's design, inverted lwan default).
 *
 *   {{key}}      binding, HTML-escaped
 *   {{u:key}}    binding as a URL attribute (scheme allowlist, escaped)
 *   {{t:key}}    i18n message by name, HTML-escaped
 *   {{{key}}}    raw binding: only if the binding is TPL_TRUSTED_HTML
 *
 * Keys are [a-z0-9_]. An unknown key, an unterminated tag or a raw tag on
 * an untrusted binding makes tpl_render() fail: a template bug must not
 * turn into a half-escaped page.
 */
#ifndef BRON_TPL_H
#define BRON_TPL_H

#include <stddef.h>

struct sbuf;

enum tpl_kind {
	TPL_TEXT,
	TPL_TRUSTED_HTML	/* grep TRUSTED: every raw insertion */
};

struct tpl_bind {
	const char	*key;
	const char	*val;
	enum tpl_kind	 kind;
};

/* Looks up an i18n message by name; NULL if unknown. */
typedef const char *(*tpl_msg_fn)(void *, const char *, size_t);

struct tpl_env {
	const struct tpl_bind	*binds;
	size_t			 nbinds;
	tpl_msg_fn		 msg;
	void			*msgarg;
};

#define TPL_ERR_MAX	128

int	tpl_render(struct sbuf *, const char *, size_t,
	    const struct tpl_env *, char *, size_t);

#endif
