/*
 * The workflow buttons of an item page (article, pilot): the engine's
 * routes under the item's path (web/flow.h).
 */
#ifndef BRON_ITEM_ACTIONS_H
#define BRON_ITEM_ACTIONS_H

#include "core/i18n.h"
#include "core/sbuf.h"

struct item_actions {
	const char	*base;		/* "/pilots/slug" */
	const char	*status;	/* item.status */
	const char	*csrf;
	int		 may_edit;	/* item_may_edit() */
	int		 owner;
	int		 editor;
	int		 with_check;	/* "gecontroleerd" (articles) */
	const char	*extra;		/* one more link after "Bewerken", */
	enum msg_id	 extra_label;	/* or NULL */
	enum msg_id	 label;		/* the section's aria-label */
};

/*
 * Edit and history for those who may edit (edit not on an archived
 * item unless editor), submit a concept, review (editors, ter_review),
 * on a published item "gecontroleerd" (with_check) and archive (owner,
 * editor), put back (editors). Appends nothing for a reader without
 * rights. 0, or -1 when a template failed.
 */
int	item_actions(struct sbuf *, enum locale, const struct item_actions *);

#endif
