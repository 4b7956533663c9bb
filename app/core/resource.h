/*
 * The fixed words of resources that live in code as well as in SQL
 * (sql/009_resource.sql): the kinds of resource and the languages
 * offered, each with its message id.
 */
#ifndef BRON_RESOURCE_H
#define BRON_RESOURCE_H

#include "i18n.h"

struct resource_word {
	const char	*word;		/* the SQL value: "sjabloon" */
	enum msg_id	 msg;		/* its name: "Sjabloon" */
	enum msg_id	 help;		/* one plain sentence more */
};

#define RESOURCE_TYPES		6
#define RESOURCE_LANGUAGES	9

extern const struct resource_word	resource_types[RESOURCE_TYPES];
/* ISO 639 codes, Dutch first; help is the name in that language. */
extern const struct resource_word	resource_languages[RESOURCE_LANGUAGES];

/* The entry for an SQL value, or NULL when it is not one. */
const struct resource_word	*resource_type(const char *);
const struct resource_word	*resource_language(const char *);

#endif
