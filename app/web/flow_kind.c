/*
 * The kinds of item the workflow pages serve (web/flow.h): what each
 * page says about "het artikel" or "de pilot", and where it links.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "core/path.h"
#include "web/flow.h"
#include "web/kind.h"

static const struct flow_kind	flow_kinds[] = {
	{
		"artikel", "/artikelen",
		MSG_flow_kind_artikel,
		MSG_flow_back_article, MSG_flow_back_articles,
		MSG_flow_bad_action,
		MSG_flow_403_indienen, MSG_flow_403_editor,
		MSG_flow_403_owner,
		MSG_flow_409_indienen, MSG_flow_409_goedkeuren,
		MSG_flow_409_terugsturen, MSG_flow_409_published,
		MSG_flow_409_terugzetten,
		MSG_flow_review_intro, MSG_flow_review_preview,
		MSG_flow_review_concept, MSG_flow_review_not_waiting,
		MSG_flow_review_changed,
		MSG_flow_decision_legend, MSG_flow_decision_missing,
		MSG_flow_feedback_missing, MSG_flow_note_hint,
		MSG_flow_history_intro, MSG_flow_one_version,
		MSG_flow_history_denied,
		MSG_flow_restore_stale, MSG_flow_restore_denied,
		MSG_flow_mine_edit,
	},
	{
		"pilot", "/pilots",
		MSG_flow_kind_pilot,
		MSG_flow_p_back_item, MSG_flow_p_back_list,
		MSG_flow_p_bad_action,
		MSG_flow_p_403_indienen, MSG_flow_p_403_editor,
		MSG_flow_p_403_owner,
		MSG_flow_p_409_indienen, MSG_flow_p_409_goedkeuren,
		MSG_flow_p_409_terugsturen, MSG_flow_p_409_published,
		MSG_flow_p_409_terugzetten,
		MSG_flow_p_review_intro, MSG_flow_p_review_preview,
		MSG_flow_p_review_concept, MSG_flow_p_review_not_waiting,
		MSG_flow_p_review_changed,
		MSG_flow_p_decision_legend, MSG_flow_p_decision_missing,
		MSG_flow_p_feedback_missing, MSG_flow_p_note_hint,
		MSG_flow_p_history_intro, MSG_flow_p_one_version,
		MSG_flow_p_history_denied,
		MSG_flow_p_restore_stale, MSG_flow_p_restore_denied,
		MSG_flow_p_mine_edit,
	},
	{
		"bron", "/bronnen",
		MSG_re_fk_kind,
		MSG_re_fk_back_item, MSG_re_fk_back_list,
		MSG_re_fk_bad_action,
		MSG_re_fk_403_indienen, MSG_re_fk_403_editor,
		MSG_re_fk_403_owner,
		MSG_re_fk_409_indienen, MSG_re_fk_409_goedkeuren,
		MSG_re_fk_409_terugsturen, MSG_re_fk_409_published,
		MSG_re_fk_409_terugzetten,
		MSG_re_fk_review_intro, MSG_re_fk_review_preview,
		MSG_re_fk_review_concept, MSG_re_fk_review_not_waiting,
		MSG_re_fk_review_changed,
		MSG_re_fk_decision_legend, MSG_re_fk_decision_missing,
		MSG_re_fk_feedback_missing, MSG_re_fk_note_hint,
		MSG_re_fk_history_intro, MSG_re_fk_one_version,
		MSG_re_fk_history_denied,
		MSG_re_fk_restore_stale, MSG_re_fk_restore_denied,
		MSG_re_fk_mine_edit,
	},
};

#define FLOW_NKINDS	(sizeof(flow_kinds) / sizeof(flow_kinds[0]))

const struct flow_kind *
flow_kind_by_name(const char *name)
{
	size_t	i;

	if (name == NULL)
		return (NULL);
	for (i = 0; i < FLOW_NKINDS; i++) {
		if (strcmp(flow_kinds[i].kind, name) == 0)
			return (&flow_kinds[i]);
	}
	return (NULL);
}

const struct flow_kind *
flow_kind_by_path(const char *path)
{
	const struct kind	*k;

	if ((k = kind_by_path(path)) == NULL)
		return (NULL);
	return (flow_kind_by_name(k->kind));
}

int
flow_kind_pilot(const struct flow_kind *fk)
{
	return (fk != NULL && strcmp(fk->kind, "pilot") == 0);
}

int
flow_target(const char *path, const struct flow_kind **fk, char *slug,
    size_t size)
{
	char	prefix[32];

	*slug = '\0';
	if ((*fk = flow_kind_by_path(path)) == NULL) {
		*fk = &flow_kinds[0];
		return (-1);
	}
	(void)snprintf(prefix, sizeof(prefix), "%s/", (*fk)->path);
	return (path_slug_seg(path, prefix, slug, size));
}
