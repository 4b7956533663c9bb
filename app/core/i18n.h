/*
 * Interface strings: kcgi's enum + array idiom, one array per locale.
 * MSG_LIST is the single list of message names; each locale file fills
 * every slot with a designated initialiser, and test_i18n checks that no
 * slot is empty and that printf placeholders match across locales.
 */
#ifndef BRON_I18N_H
#define BRON_I18N_H

#include <stddef.h>

/*
 * Areas keep their names in msg_<area>.h and their strings in
 * msg_<area>_<locale>.inc, included by msg_<locale>.c.
 */
#include "msg_auth.h"
#include "msg_account.h"
#include "msg_admin.h"
#include "msg_reset.h"
#include "msg_privacy.h"
#include "msg_edit.h"
#include "msg_flow.h"
#include "msg_article.h"
#include "msg_theme.h"
#include "msg_community.h"
#include "msg_topic.h"
#include "msg_notify.h"
#include "msg_moderation.h"
#include "msg_pilotfield.h"
#include "msg_pilotedit.h"
#include "msg_pilot.h"
#include "msg_pilotlist.h"
#include "msg_mmfield.h"
#include "msg_mmseries.h"
#include "msg_mmsession.h"
#include "msg_mmflow.h"
#include "msg_storyfield.h"
#include "msg_storyedit.h"
#include "msg_storyread.h"
#include "msg_storyflow.h"
#include "msg_storyextra.h"
#include "msg_resfield.h"
#include "msg_resedit.h"
#include "msg_resshow.h"
#include "msg_upload.h"
#include "msg_search.h"
#include "msg_synonym.h"

#define MSG_LIST(X) MSG_LIST_CORE(X) MSG_LIST_AUTH(X) \
	MSG_LIST_ACCOUNT(X) MSG_LIST_ADMIN(X) MSG_LIST_RESET(X) \
	MSG_LIST_PRIVACY(X) MSG_LIST_EDIT(X) MSG_LIST_FLOW(X) \
	MSG_LIST_ARTICLE(X) MSG_LIST_THEME(X) MSG_LIST_COMMUNITY(X) \
	MSG_LIST_TOPIC(X) MSG_LIST_NOTIFY(X) MSG_LIST_MODERATION(X) \
	MSG_LIST_PILOTFIELD(X) MSG_LIST_PILOTEDIT(X) MSG_LIST_PILOT(X) \
	MSG_LIST_PILOTLIST(X) MSG_LIST_MMFIELD(X) MSG_LIST_MMSERIES(X) \
	MSG_LIST_MMSESSION(X) MSG_LIST_MMFLOW(X) MSG_LIST_STORYFIELD(X) \
	MSG_LIST_STORYEDIT(X) MSG_LIST_STORYREAD(X) MSG_LIST_STORYFLOW(X) \
	MSG_LIST_STORYEXTRA(X) MSG_LIST_RESFIELD(X) MSG_LIST_RESEDIT(X) \
	MSG_LIST_RESSHOW(X) MSG_LIST_UPLOAD(X) MSG_LIST_SEARCH(X) \
	MSG_LIST_SYNONYM(X)

#define MSG_LIST_CORE(X) \
	X(site_name) X(site_tagline) X(skip_link) X(nav_label) \
	X(nav_home) X(nav_articles) X(nav_pilots) X(nav_masterminds) \
	X(nav_stories) X(nav_resources) X(nav_communities) X(nav_themes) \
	X(nav_monitor) X(nav_search) X(lang_label) X(lang_other_name) \
	X(lang_other_code) X(lang_code) X(footer_label) X(footer_about) \
	X(footer_accessibility) X(footer_privacy) X(footer_text) \
	X(footer_help_title) X(footer_help) X(home_title) X(home_lead) \
	X(home_intro) X(home_for_title) X(home_for_prof) \
	X(home_for_expert) X(home_for_editor) X(home_for_visitor) \
	X(home_latest_title) X(home_latest_intro) X(home_more) \
	X(kind_artikel) X(kind_pilot) X(kind_mastermind) X(kind_verhaal) \
	X(kind_bron) X(intro_artikel) X(intro_pilot) X(intro_mastermind) \
	X(intro_verhaal) X(intro_bron) X(empty_artikel) X(empty_pilot) \
	X(empty_mastermind) X(empty_verhaal) X(empty_bron) X(all_artikel) \
	X(all_pilot) X(all_mastermind) X(all_verhaal) X(all_bron) \
	X(published_on) X(summary_label) X(communities_intro) \
	X(communities_empty) X(community_open) X(community_request) \
	X(community_invite) X(themes_intro) X(themes_empty) \
	X(theme_items_title) X(theme_items_empty) X(monitor_title) \
	X(monitor_intro) X(monitor_fast) X(monitor_long) \
	X(monitor_empty) X(monitor_back) X(monitor_theme) X(search_intro) \
	X(search_label) X(search_hint) X(search_button) X(search_prompt) \
	X(search_none) X(search_count) X(search_too_long) X(err_home_link) \
	X(err_404_title) X(err_404_text) X(err_405_title) X(err_405_text) \
	X(err_409_title) X(err_409_text) X(nav_my_articles) X(nav_redactie) \
	X(nav_moderation) X(pager_label) X(pager_page_word) X(pager_page_of) \
	X(pager_prev) X(pager_next) \
	X(err_413_title) X(err_413_text) X(err_500_title) X(err_500_text) \
	X(err_503_title) X(err_503_text) X(err_400_title) X(err_400_text) \
	X(err_403_title) X(err_403_text) X(page_back_home) \
	X(search_type_page) X(search_bad_chars) X(err_too_many_args)

#define MSG_ENUM(n)	MSG_##n,
enum msg_id {
	MSG_LIST(MSG_ENUM)
	MSG__MAX
};
#undef MSG_ENUM

enum locale {
	LOC_NL,
	LOC_EN,
	LOC__MAX
};

extern const char *const msg_nl[MSG__MAX];
extern const char *const msg_en[MSG__MAX];
extern const char *const msg_names[MSG__MAX];

const char	*i18n_get(enum locale, enum msg_id);
/* Look a message up by its name (for templates); NULL if unknown. */
const char	*i18n_byname(enum locale, const char *, size_t);
const char	*i18n_code(enum locale);
/* "nl" or "en" exactly; anything else gives -1. */
int		 i18n_parse_code(const char *, enum locale *);
/*
 * Pick a locale from an Accept-Language header: the supported language
 * with the highest q wins, Dutch on ties and when nothing matches.
 */
enum locale	 i18n_negotiate(const char *);
/*
 * Fill a message's placeholders in order: "%s" and "%d" both take the
 * next string of args (callers format numbers), "%%" is a percent sign.
 * Never a printf format, so a translated string cannot misuse varargs.
 */
struct sbuf;
void		 i18n_fmt(struct sbuf *, const char *, const char *const *,
		    size_t);

#endif
