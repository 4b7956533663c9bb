/*
 * The sentence of a notification, in the reader's language: "Pim
 * reageerde in het gesprek <Titel>." The database stores the kind and
 * the subject's title (sql/005_community.sql, notification); the words
 * around it come from here, so /meldingen (as HTML, the title a link)
 * and the weekly digest mail (plain text) say the same thing.
 */
#ifndef BRON_NOTIFY_TEXT_H
#define BRON_NOTIFY_TEXT_H

#include "core/i18n.h"

struct sbuf;

struct notify_subject {
	const char	*kind;		/* notify_kind: 'reactie', ... */
	const char	*sub;		/* which variant of the kind, or "" */
	const char	*actor;		/* display name; "" when unknown */
	const char	*title;		/* the subject's title */
	const char	*community;	/* the community's name, or "" */
	const char	*href;		/* local path of the subject */
};

/*
 * Append the sentence. html: escaped HTML with the title as a link to
 * href (html_url's allowlist); else plain text without the link. An
 * unknown kind still gives the title. An empty actor is "Iemand".
 */
void	notify_text(struct sbuf *, enum locale, const struct notify_subject *,
	    int);

#endif
