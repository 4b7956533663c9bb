/*
 * The facet query-string parser and its canonical writer (facet.h).
 */
#include <string.h>

#include "facet.h"
#include "path.h"
#include "pilot.h"
#include "sbuf.h"

static const char *const	key_names[FACET__MAX] = {
	"regio", "setting", "fase", "thema", "project", "jaar", "soort",
	"ids", "sorteer", "pagina"
};

static int	hexval(int);
static int	decode(struct sbuf *, const char *, size_t);
static int	key_find(const struct facet_conf *, const char *, size_t);
static int	digits(const char *, size_t, size_t, long *);
static int	cmp_value(enum facet_key, const char *, const char *);
static void	take(struct facet *, enum facet_key, const char *, size_t);
static void	take_one(struct facet *, enum facet_key, const char *,
		    size_t, unsigned *);
static int	sort_index(const struct facet_conf *, const char *, size_t);
static void	write_state(struct sbuf *, const char *,
		    const struct facet *);

const char *
facet_key_name(enum facet_key k)
{
	if ((unsigned)k >= FACET__MAX)
		return (NULL);
	return (key_names[k]);
}

void
facet_init(struct facet *f, const struct facet_conf *conf)
{
	memset(f, 0, sizeof(*f));
	f->conf = conf;
	f->page = 1;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return (c - '0');
	if (c >= 'a' && c <= 'f')
		return (c - 'a' + 10);
	if (c >= 'A' && c <= 'F')
		return (c - 'A' + 10);
	return (-1);
}

/* Percent-decode s[0..n) into out ("+" is a space); -1 on a bad escape. */
static int
decode(struct sbuf *out, const char *s, size_t n)
{
	size_t	i;
	int	hi, lo;

	sbuf_reset(out);
	for (i = 0; i < n; i++) {
		if (s[i] == '+')
			sbuf_putc(out, ' ');
		else if (s[i] == '%') {
			if (i + 2 >= n)
				return (-1);
			if ((hi = hexval((unsigned char)s[i + 1])) == -1 ||
			    (lo = hexval((unsigned char)s[i + 2])) == -1)
				return (-1);
			sbuf_putc(out, (char)(hi * 16 + lo));
			i += 2;
		} else
			sbuf_putc(out, s[i]);
	}
	(void)sbuf_cstr(out);
	return (0);
}

/* The key named by s[0..n) if conf uses it, else -1. */
static int
key_find(const struct facet_conf *conf, const char *s, size_t n)
{
	int	k;

	for (k = 0; k < FACET__MAX; k++) {
		if (strlen(key_names[k]) == n &&
		    memcmp(key_names[k], s, n) == 0)
			return ((conf->keys & FACET_BIT(k)) ? k : -1);
	}
	return (-1);
}

/* 1..max digits, no leading zero; the number in *out. */
static int
digits(const char *s, size_t n, size_t max, long *out)
{
	size_t	i;
	long	v;

	if (n == 0 || n > max || s[0] == '0')
		return (0);
	v = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return (0);
		/* Only looked at when it cannot overflow. */
		if (n <= 9)
			v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return (1);
}

static int
sort_index(const struct facet_conf *conf, const char *s, size_t n)
{
	int	i;

	if (conf->sorts == NULL)
		return (-1);
	for (i = 0; conf->sorts[i] != NULL; i++) {
		if (strlen(conf->sorts[i]) == n &&
		    memcmp(conf->sorts[i], s, n) == 0)
			return (i);
	}
	return (-1);
}

int
facet_value_ok(const struct facet_conf *conf, enum facet_key k,
    const char *s, size_t n)
{
	char	word[32];
	long	v;

	if (memchr(s, '\0', n) != NULL)
		return (0);
	switch (k) {
	case FACET_REGIO:
	case FACET_SETTING:
	case FACET_THEMA:
	case FACET_PROJECT:
		return (path_slug_ok(s, n));
	case FACET_FASE:
	case FACET_SOORT:
		if (n == 0 || n >= sizeof(word))
			return (0);
		memcpy(word, s, n);
		word[n] = '\0';
		return (k == FACET_FASE ? pilot_phase(word) != NULL :
		    pilot_lesson_kind(word) != NULL);
	case FACET_JAAR:
		return (n == 4 && digits(s, n, 4, &v) &&
		    v >= FACET_YEAR_MIN && v <= FACET_YEAR_MAX);
	case FACET_IDS:
		return (digits(s, n, 18, &v));
	case FACET_SORTEER:
		return (sort_index(conf, s, n) != -1);
	case FACET_PAGINA:
		return (digits(s, n, 6, &v) && v <= FACET_PAGE_MAX);
	default:
		return (0);
	}
}

/* Ids compare as numbers (no leading zeros: by length first). */
static int
cmp_value(enum facet_key k, const char *a, const char *b)
{
	size_t	la, lb;

	if (k == FACET_IDS) {
		la = strlen(a);
		lb = strlen(b);
		if (la != lb)
			return (la < lb ? -1 : 1);
	}
	return (strcmp(a, b));
}

size_t
facet_count(const struct facet *f, enum facet_key k)
{
	size_t	i, n;

	for (i = n = 0; i < f->n; i++)
		n += f->vals[i].key == k;
	return (n);
}

int
facet_has(const struct facet *f, enum facet_key k, const char *v)
{
	size_t	i;

	for (i = 0; i < f->n; i++) {
		if (f->vals[i].key == k && strcmp(f->vals[i].v, v) == 0)
			return (1);
	}
	return (0);
}

int
facet_add(struct facet *f, enum facet_key k, const char *v)
{
	size_t	i, n;
	int	c;

	n = strlen(v);
	if ((unsigned)k >= FACET_SETS || !(f->conf->keys & FACET_BIT(k)) ||
	    n > FACET_VALUE_MAX || !facet_value_ok(f->conf, k, v, n))
		return (-1);
	/* The slot: after every smaller key, and smaller value. */
	for (i = 0; i < f->n; i++) {
		if (f->vals[i].key < k)
			continue;
		if (f->vals[i].key > k)
			break;
		if ((c = cmp_value(k, f->vals[i].v, v)) == 0)
			return (0);
		if (c > 0)
			break;
	}
	if (f->n == FACET_VALUES || facet_count(f, k) == FACET_KEY_VALUES) {
		f->over |= FACET_BIT(k);
		return (-1);
	}
	memmove(&f->vals[i + 1], &f->vals[i], (f->n - i) * sizeof(f->vals[0]));
	f->vals[i].key = k;
	memcpy(f->vals[i].v, v, n + 1);
	f->n++;
	return (1);
}

int
facet_remove(struct facet *f, enum facet_key k, const char *v)
{
	size_t	i;

	for (i = 0; i < f->n; i++) {
		if (f->vals[i].key == k && strcmp(f->vals[i].v, v) == 0) {
			memmove(&f->vals[i], &f->vals[i + 1],
			    (f->n - i - 1) * sizeof(f->vals[0]));
			f->n--;
			return (1);
		}
	}
	return (0);
}

/* One decoded value of a set key: each comma-separated part. */
static void
take(struct facet *f, enum facet_key k, const char *s, size_t n)
{
	char		 buf[FACET_VALUE_MAX + 1];
	const char	*p, *end, *c;
	size_t		 len;

	for (p = s, end = s + n; p < end; p = c + 1) {
		if ((c = memchr(p, ',', (size_t)(end - p))) == NULL)
			c = end;
		len = (size_t)(c - p);
		if (len == 0)
			continue;	/* "a,,b", a trailing comma */
		if (len > FACET_VALUE_MAX ||
		    !facet_value_ok(f->conf, k, p, len)) {
			f->bad |= FACET_BIT(k);
			continue;
		}
		memcpy(buf, p, len);
		buf[len] = '\0';
		(void)facet_add(f, k, buf);
	}
}

/* sorteer or pagina: the first well-formed one counts. */
static void
take_one(struct facet *f, enum facet_key k, const char *s, size_t n,
    unsigned *seen)
{
	long	v;

	if (!facet_value_ok(f->conf, k, s, n)) {
		f->bad |= FACET_BIT(k);
		return;
	}
	if (*seen & FACET_BIT(k))
		return;
	*seen |= FACET_BIT(k);
	if (k == FACET_SORTEER)
		f->sort = (size_t)sort_index(f->conf, s, n);
	else if (digits(s, n, 6, &v))
		f->page = v;
}

void
facet_parse(struct facet *f, const struct facet_conf *conf, const char *qs)
{
	struct sbuf	 key, val;
	const char	*p, *amp, *eq;
	size_t		 seg;
	unsigned	 seen = 0;
	int		 k;

	facet_init(f, conf);
	if (qs == NULL)
		return;
	sbuf_init(&key);
	sbuf_init(&val);
	for (p = qs; *p != '\0'; p = *amp == '\0' ? amp : amp + 1) {
		amp = p + strcspn(p, "&");
		seg = (size_t)(amp - p);
		if ((eq = memchr(p, '=', seg)) == NULL)
			eq = amp;
		if (decode(&key, p, (size_t)(eq - p)) == -1 ||
		    (k = key_find(conf, key.data, key.len)) == -1)
			continue;	/* not ours */
		if (eq == amp || eq + 1 == amp)
			continue;	/* "regio" or "regio=": nothing chosen */
		if (decode(&val, eq + 1, (size_t)(amp - eq - 1)) == -1) {
			f->bad |= FACET_BIT(k);
			continue;
		}
		if (k < FACET_SETS)
			take(f, (enum facet_key)k, val.data, val.len);
		else
			take_one(f, (enum facet_key)k, val.data, val.len,
			    &seen);
	}
	sbuf_free(&key);
	sbuf_free(&val);
}

void
facet_csv(struct sbuf *out, const struct facet *f, enum facet_key k)
{
	size_t	i;
	int	first = 1;

	for (i = 0; i < f->n; i++) {
		if (f->vals[i].key != k)
			continue;
		if (!first)
			sbuf_putc(out, ',');
		sbuf_puts(out, f->vals[i].v);
		first = 0;
	}
	(void)sbuf_cstr(out);
}

int
facet_same(const struct facet *a, const struct facet *b)
{
	size_t	i;

	if (a->n != b->n || a->sort != b->sort || a->page != b->page)
		return (0);
	for (i = 0; i < a->n; i++) {
		if (a->vals[i].key != b->vals[i].key ||
		    strcmp(a->vals[i].v, b->vals[i].v) != 0)
			return (0);
	}
	return (1);
}

static void
write_state(struct sbuf *out, const char *base, const struct facet *f)
{
	size_t	i;
	char	sep = '?';

	sbuf_puts(out, base);
	for (i = 0; i < f->n; i++) {
		if (i > 0 && f->vals[i].key == f->vals[i - 1].key)
			sbuf_putc(out, ',');
		else {
			sbuf_putc(out, sep);
			sbuf_puts(out, key_names[f->vals[i].key]);
			sbuf_putc(out, '=');
			sep = '&';
		}
		sbuf_urlenc(out, f->vals[i].v);
	}
	if (f->sort != 0 && f->conf->sorts != NULL) {
		sbuf_putc(out, sep);
		sbuf_puts(out, "sorteer=");
		sbuf_urlenc(out, f->conf->sorts[f->sort]);
		sep = '&';
	}
	if (f->page > 1) {
		sbuf_putc(out, sep);
		sbuf_printf(out, "pagina=%ld", f->page);
	}
	(void)sbuf_cstr(out);
}

void
facet_write(struct sbuf *out, const char *base, const struct facet *f)
{
	write_state(out, base, f);
}

void
facet_href_toggle(struct sbuf *out, const char *base, const struct facet *f,
    enum facet_key k, const char *v)
{
	struct facet	 copy, *g = &copy;

	memcpy(g, f, sizeof(*g));
	g->page = 1;
	if (facet_remove(g, k, v) == 0)
		(void)facet_add(g, k, v);
	write_state(out, base, g);
}

void
facet_href_sort(struct sbuf *out, const char *base, const struct facet *f,
    size_t sort)
{
	struct facet	 copy, *g = &copy;

	memcpy(g, f, sizeof(*g));
	g->page = 1;
	g->sort = sort;
	write_state(out, base, g);
}

void
facet_href_page(struct sbuf *out, const char *base, const struct facet *f,
    long page)
{
	struct facet	 copy, *g = &copy;

	memcpy(g, f, sizeof(*g));
	g->page = page < 1 ? 1 : page > FACET_PAGE_MAX ? FACET_PAGE_MAX :
	    page;
	write_state(out, base, g);
}

void
facet_href_clear(struct sbuf *out, const char *base, const struct facet *f)
{
	struct facet	 copy, *g = &copy;

	memcpy(g, f, sizeof(*g));
	g->page = 1;
	g->n = 0;
	write_state(out, base, g);
}
