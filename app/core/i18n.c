/*
 * Message lookup and Accept-Language negotiation.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "sbuf.h"

#define MSG_NAME(n)	[MSG_##n] = #n,
const char *const msg_names[MSG__MAX] = {
	MSG_LIST(MSG_NAME)
};
#undef MSG_NAME

static const char *const *const tables[LOC__MAX] = {
	[LOC_NL] = msg_nl,
	[LOC_EN] = msg_en,
};

static const char *const codes[LOC__MAX] = {
	[LOC_NL] = "nl",
	[LOC_EN] = "en",
};

static int	lang_q(const char *, size_t);

const char *
i18n_get(enum locale loc, enum msg_id id)
{
	const char	*s;

	if ((unsigned int)id >= MSG__MAX)
		return ("");
	if ((unsigned int)loc >= LOC__MAX)
		loc = LOC_NL;
	if ((s = tables[loc][id]) == NULL)
		s = msg_nl[id];
	return (s != NULL ? s : "");
}

const char *
i18n_byname(enum locale loc, const char *name, size_t len)
{
	size_t	i;

	for (i = 0; i < MSG__MAX; i++) {
		if (strlen(msg_names[i]) == len &&
		    memcmp(msg_names[i], name, len) == 0)
			return (i18n_get(loc, (enum msg_id)i));
	}
	return (NULL);
}

const char *
i18n_code(enum locale loc)
{
	if ((unsigned int)loc >= LOC__MAX)
		loc = LOC_NL;
	return (codes[loc]);
}

int
i18n_parse_code(const char *s, enum locale *loc)
{
	int	i;

	if (s == NULL)
		return (-1);
	for (i = 0; i < LOC__MAX; i++) {
		if (strcmp(s, codes[i]) == 0) {
			*loc = (enum locale)i;
			return (0);
		}
	}
	return (-1);
}

/*
 * Parse ";q=0.5" style parameters of one language range; returns the
 * weight in thousandths (0..1000), 1000 when absent, 0 when malformed.
 */
static int
lang_q(const char *p, size_t n)
{
	size_t	i;
	int	q, digits;

	for (i = 0; i < n; i++) {
		if (p[i] != ';')
			continue;
		i++;
		while (i < n && (p[i] == ' ' || p[i] == '\t'))
			i++;
		if (i + 1 >= n || (p[i] != 'q' && p[i] != 'Q') ||
		    p[i + 1] != '=')
			continue;
		i += 2;
		if (i >= n || (p[i] != '0' && p[i] != '1'))
			return (0);
		q = (p[i] - '0') * 1000;
		i++;
		if (i < n && p[i] == '.') {
			i++;
			for (digits = 0; i < n && digits < 3 &&
			    p[i] >= '0' && p[i] <= '9'; digits++, i++) {
				if (digits == 0)
					q += (p[i] - '0') * 100;
				else if (digits == 1)
					q += (p[i] - '0') * 10;
				else
					q += p[i] - '0';
			}
		}
		return (q > 1000 ? 1000 : q);
	}
	return (1000);
}

enum locale
i18n_negotiate(const char *hdr)
{
	const char	*p, *end, *tag;
	size_t		 n, tlen;
	int		 best_q[LOC__MAX] = { 0 };
	int		 i, q;

	if (hdr == NULL)
		return (LOC_NL);
	p = hdr;
	while (*p != '\0') {
		end = strchr(p, ',');
		n = end != NULL ? (size_t)(end - p) : strlen(p);
		tag = p;
		while (n > 0 && (*tag == ' ' || *tag == '\t')) {
			tag++;
			n--;
		}
		for (tlen = 0; tlen < n && tag[tlen] != ';' &&
		    tag[tlen] != ' '; tlen++)
			;
		q = lang_q(tag + tlen, n - tlen);
		for (i = 0; i < LOC__MAX; i++) {
			/* "nl", "nl-BE", "en-GB": primary subtag match. */
			if (tlen >= 2 && strncasecmp(tag, codes[i], 2) == 0 &&
			    (tlen == 2 || tag[2] == '-') && q > best_q[i])
				best_q[i] = q;
		}
		if (end == NULL)
			break;
		p = end + 1;
	}
	if (best_q[LOC_EN] > best_q[LOC_NL])
		return (LOC_EN);
	return (LOC_NL);
}

void
i18n_fmt(struct sbuf *out, const char *fmt, const char *const *args,
    size_t nargs)
{
	const char	*p;
	size_t		 next;

	next = 0;
	for (p = fmt; *p != '\0'; p++) {
		if (p[0] == '%' && (p[1] == 's' || p[1] == 'd')) {
			if (next < nargs)
				sbuf_puts(out, args[next]);
			next++;
			p++;
		} else if (p[0] == '%' && p[1] == '%') {
			sbuf_putc(out, '%');
			p++;
		} else
			sbuf_putc(out, *p);
	}
}
