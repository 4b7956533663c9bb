/*
 * tpl_render on arbitrary templates. Input: template, a NUL byte, then
 * the value of binding "v" (up to the next NUL). It must never crash;
 * on failure the error is a short C string; on success, without a raw
 * "{{{" tag, every < > " ' in the output comes from the template text
 * itself, never from a binding or a message.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/sbuf.h"
#include "core/tpl.h"
#include "fuzz.h"

#define TRUSTED	"<b class=\"t\">trusted</b>"

static const char	*msg_en_cb(void *, const char *, size_t);
static size_t		 count(const char *, size_t, const char *);

static const char *
msg_en_cb(void *arg, const char *k, size_t n)
{
	(void)arg;
	return (i18n_byname(LOC_EN, k, n));
}

/* Occurrences of any byte of set in s[0..n), or of the string set if
 * it is longer than one byte (overlapping). */
static size_t
count(const char *s, size_t n, const char *set)
{
	size_t	i, c = 0, sl = strlen(set);

	if (sl == 1) {
		for (i = 0; i < n; i++)
			c += s[i] == set[0];
		return (c);
	}
	for (i = 0; i + sl <= n; i++)
		c += memcmp(s + i, set, sl) == 0;
	return (c);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*t = (const char *)data, *sep;
	char		*val, err[TPL_ERR_MAX];
	size_t		 tlen, vlen, raws, i;
	struct sbuf	 out;
	struct tpl_env	 env;
	struct tpl_bind	 binds[4];
	int		 rc;
	static const char specials[][2] = { "<", ">", "\"", "'" };

	sep = memchr(t, '\0', size);
	tlen = sep != NULL ? (size_t)(sep - t) : size;
	vlen = sep != NULL ? size - tlen - 1 : 0;
	if ((val = malloc(vlen + 1)) == NULL)
		abort();
	if (vlen > 0)
		memcpy(val, sep + 1, vlen);
	val[vlen] = '\0';

	binds[0] = (struct tpl_bind){ "v", val, TPL_TEXT };
	binds[1] = (struct tpl_bind){ "h", TRUSTED, TPL_TRUSTED_HTML };
	binds[2] = (struct tpl_bind){ "x_1", "<&>\"'", TPL_TEXT };
	binds[3] = (struct tpl_bind){ "u", "javascript:alert(1)", TPL_TEXT };
	env = (struct tpl_env){ binds, 4, msg_en_cb, NULL };

	sbuf_init(&out);
	memset(err, 'x', sizeof(err));
	rc = tpl_render(&out, t, tlen, &env, err, sizeof(err));
	CHECK(rc == 0 || rc == -1);
	if (rc == -1) {
		CHECK(memchr(err, '\0', sizeof(err)) != NULL);
		CHECK(strlen(err) > 0);
	} else {
		raws = count(t, tlen, "{{{");
		for (i = 0; i < sizeof(specials) / sizeof(specials[0]); i++) {
			if (raws == 0)
				CHECK(count(out.data, out.len, specials[i]) ==
				    count(t, tlen, specials[i]));
			else
				CHECK(count(out.data, out.len, specials[i]) <=
				    count(t, tlen, specials[i]) + raws *
				    count(TRUSTED, strlen(TRUSTED),
				    specials[i]));
		}
	}
	sbuf_free(&out);

	/* Without a message callback, never crash either. */
	env.msg = NULL;
	(void)tpl_render(&out, t, tlen, &env, err, sizeof(err));
	sbuf_free(&out);
	free(val);
	return (0);
}
