/*
 * Kind table: one row per content kind, in home page order.
 */
#include <string.h>

#include "web/kind.h"

const struct kind kinds[KIND__MAX] = {
	{ "artikel", "/artikelen", MSG_kind_artikel, MSG_intro_artikel,
	    MSG_empty_artikel, MSG_all_artikel },
	{ "pilot", "/pilots", MSG_kind_pilot, MSG_intro_pilot,
	    MSG_empty_pilot, MSG_all_pilot },
	{ "verhaal", "/verhalen", MSG_kind_verhaal, MSG_intro_verhaal,
	    MSG_empty_verhaal, MSG_all_verhaal },
	{ "mastermind", "/masterminds", MSG_kind_mastermind,
	    MSG_intro_mastermind, MSG_empty_mastermind, MSG_all_mastermind },
	{ "bron", "/bronnen", MSG_kind_bron, MSG_intro_bron, MSG_empty_bron,
	    MSG_all_bron },
};

const struct kind *
kind_by_name(const char *name)
{
	size_t	i;

	for (i = 0; i < KIND__MAX; i++) {
		if (strcmp(kinds[i].kind, name) == 0)
			return (&kinds[i]);
	}
	return (NULL);
}

const struct kind *
kind_by_path(const char *path)
{
	size_t	i, n;

	for (i = 0; i < KIND__MAX; i++) {
		n = strlen(kinds[i].path);
		if (strncmp(path, kinds[i].path, n) == 0 &&
		    (path[n] == '\0' || path[n] == '/'))
			return (&kinds[i]);
	}
	return (NULL);
}
