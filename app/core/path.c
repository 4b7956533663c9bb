/*
 * Slugs and local paths.
 */
#include <string.h>

#include "path.h"

int
path_slug_ok(const char *s, size_t n)
{
	size_t	i;

	if (n == 0 || n > PATH_SLUG_MAX || s[0] == '-' || s[n - 1] == '-')
		return (0);
	for (i = 0; i < n; i++) {
		if (s[i] == '-') {
			if (s[i + 1] == '-')
				return (0);
			continue;
		}
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9')))
			return (0);
	}
	return (1);
}

int
path_slug(const char *path, const char *prefix, char *out, size_t outlen)
{
	size_t	plen, n;

	plen = strlen(prefix);
	if (strncmp(path, prefix, plen) != 0 || path[plen] != '/')
		return (-1);
	path += plen + 1;
	n = strlen(path);
	if (!path_slug_ok(path, n) || n >= outlen)
		return (-1);
	memcpy(out, path, n + 1);
	return (0);
}

int
path_local_ok(const char *s)
{
	size_t	i, n;

	n = strlen(s);
	if (n == 0 || n > 512 || s[0] != '/')
		return (0);
	if (n > 1 && (s[1] == '/' || s[1] == '\\'))
		return (0);
	for (i = 0; i < n; i++) {
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f ||
		    s[i] == '\\')
			return (0);
	}
	return (1);
}

size_t
path_query_args(const char *qs)
{
	size_t	n;

	if (qs == NULL || *qs == '\0')
		return (0);
	for (n = 1; *qs != '\0'; qs++) {
		if (*qs == '&')
			n++;
	}
	return (n);
}

int
path_query_has(const char *qs, const char *name)
{
	size_t	n;

	if (qs == NULL)
		return (0);
	n = strlen(name);
	while (*qs != '\0') {
		if (strncmp(qs, name, n) == 0 && qs[n] == '=' &&
		    qs[n + 1] != '\0' && qs[n + 1] != '&')
			return (1);
		if ((qs = strchr(qs, '&')) == NULL)
			break;
		qs++;
	}
	return (0);
}

int
path_slug_seg(const char *path, const char *prefix, char *out, size_t len)
{
	const char	*p, *e;
	size_t		 n;

	if (strncmp(path, prefix, strlen(prefix)) != 0)
		return (-1);
	p = path + strlen(prefix);
	if ((e = strchr(p, '/')) == NULL)
		e = p + strlen(p);
	n = (size_t)(e - p);
	if (n == 0 || n >= len || n > PATH_SLUG_MAX)
		return (-1);
	memcpy(out, p, n);
	out[n] = '\0';
	return (path_slug_ok(out, n) ? 0 : -1);
}
