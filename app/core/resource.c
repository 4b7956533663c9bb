/*
 * Resource types and languages: SQL value to message (resource.h).
 */
#include <stddef.h>
#include <string.h>

#include "resource.h"

const struct resource_word resource_types[RESOURCE_TYPES] = {
	{ "publicatie", MSG_rt_publicatie, MSG_rt_publicatie_help },
	{ "sjabloon", MSG_rt_sjabloon, MSG_rt_sjabloon_help },
	{ "toolkit", MSG_rt_toolkit, MSG_rt_toolkit_help },
	{ "video", MSG_rt_video, MSG_rt_video_help },
	{ "website", MSG_rt_website, MSG_rt_website_help },
	{ "onderzoek", MSG_rt_onderzoek, MSG_rt_onderzoek_help },
};

const struct resource_word resource_languages[RESOURCE_LANGUAGES] = {
	{ "nl", MSG_rl_nl, MSG_rl_nl_own },
	{ "en", MSG_rl_en, MSG_rl_en_own },
	{ "fy", MSG_rl_fy, MSG_rl_fy_own },
	{ "de", MSG_rl_de, MSG_rl_de_own },
	{ "fr", MSG_rl_fr, MSG_rl_fr_own },
	{ "ar", MSG_rl_ar, MSG_rl_ar_own },
	{ "tr", MSG_rl_tr, MSG_rl_tr_own },
	{ "pl", MSG_rl_pl, MSG_rl_pl_own },
	{ "uk", MSG_rl_uk, MSG_rl_uk_own },
};

static const struct resource_word *
resource_find(const struct resource_word *w, size_t n, const char *word)
{
	size_t	i;

	if (word == NULL)
		return (NULL);
	for (i = 0; i < n; i++)
		if (strcmp(w[i].word, word) == 0)
			return (&w[i]);
	return (NULL);
}

const struct resource_word *
resource_type(const char *word)
{
	return (resource_find(resource_types, RESOURCE_TYPES, word));
}

const struct resource_word *
resource_language(const char *word)
{
	return (resource_find(resource_languages, RESOURCE_LANGUAGES, word));
}
