/*
 * Pieces of the synonym editor shared by its pages (web/synonym.h).
 */
#include <string.h>

#include <kore/kore.h>

#include "core/form.h"
#include "core/sbuf.h"
#include "web/synonym.h"
#include "web/view.h"

int
synonym_path_id(const char *path, const char *tail, char *out,
    size_t outsz)
{
	char	 digits[SY_ID_MAX + 1];
	size_t	 pre, n;

	pre = strlen(SY_PATH "/");
	if (strncmp(path, SY_PATH "/", pre) != 0)
		return (-1);
	path += pre;
	n = strspn(path, "0123456789");
	if (n == 0 || n > SY_ID_MAX || strcmp(path + n, tail) != 0)
		return (-1);
	memcpy(digits, path, n);
	digits[n] = '\0';
	return (form_id(out, outsz, digits));
}

const char *
synonym_source(enum locale loc, const char *source)
{
	return (i18n_get(loc, strcmp(source, "repo") == 0 ?
	    MSG_sy_source_repo : MSG_sy_source_redactie));
}

int
synonym_changed(struct sbuf *when, struct sbuf *by, enum locale loc,
    const char *iso, const char *shown, const char *name)
{
	const struct tpl_bind	b[] = {
		{ "at", iso, TPL_TEXT },
		{ "at_shown", shown, TPL_TEXT },
	};
	const char		*args[1];

	if (*name != '\0') {
		args[0] = name;
		i18n_fmt(by, i18n_get(loc, MSG_sy_by), args, 1);
	}
	return (view_append(when, VIEW_redactie_time, loc, b, NBINDS(b)));
}
