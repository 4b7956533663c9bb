/*
 * English interface strings, the second locale.
 */
#include "i18n.h"

const char *const msg_en[MSG__MAX] = {
	[MSG_site_name] = "Bron",
	[MSG_site_tagline] = "Learning together for the best fitting help "
	    "for young people",
	[MSG_skip_link] = "Skip to content",
	[MSG_nav_label] = "Main menu",
	[MSG_nav_home] = "Home",
	[MSG_nav_articles] = "Articles",
	[MSG_nav_pilots] = "Pilots",
	[MSG_nav_masterminds] = "Masterminds",
	[MSG_nav_stories] = "Stories",
	[MSG_nav_resources] = "Resources",
	[MSG_nav_communities] = "Communities",
	[MSG_nav_themes] = "Themes",
	[MSG_nav_monitor] = "Monitor",
	[MSG_nav_search] = "Search",
	[MSG_lang_label] = "Language",
	[MSG_lang_other_name] = "Nederlands",
	[MSG_lang_other_code] = "nl",
	[MSG_lang_code] = "en",
	[MSG_footer_label] = "About this site",
	[MSG_footer_about] = "About Bron",
	[MSG_footer_accessibility] = "Accessibility",
	[MSG_footer_privacy] = "Privacy",
	[MSG_footer_text] = "Bron is the learning network of a programme for "
	    "better youth care. Professionals, experts by experience and the "
	    "editors share what works.",
	[MSG_footer_help_title] = "Need to talk to someone?",
	[MSG_footer_help] = "Thinking about suicide? Call 113 or free "
	    "0800-0113 (113 Suicide Prevention). Under 18? Call De "
	    "Kindertelefoon: 0800-0432. In an emergency call 112.",
	[MSG_home_title] = "Learning together for the best fitting help",
	[MSG_home_lead] = "Vulnerable young people should get help that fits "
	    "them, earlier and faster. Preferably at home or close to home.",
	[MSG_home_intro] = "Bron is where people in youth care and education "
	    "learn from each other. The aim: fewer closed placements, no more "
	    "forced seclusion and fewer suicides among young people. Here you "
	    "find lessons from practice, pilots, mastermind records, stories "
	    "by experts by experience and publications.",
	[MSG_home_for_title] = "Who is Bron for?",
	[MSG_home_for_prof] = "Professionals: share what you learn at work "
	    "and join communities.",
	[MSG_home_for_expert] = "Experts by experience: tell your story. You "
	    "decide who sees it, and you can always withdraw it.",
	[MSG_home_for_editor] = "Programme editors: publish resources and "
	    "keep the monitor up to date.",
	[MSG_home_for_visitor] = "Everyone: read everything that is public, "
	    "without an account.",
	[MSG_home_latest_title] = "New on Bron",
	[MSG_home_latest_intro] = "The newest contributions of each kind.",
	[MSG_home_more] = "See all",
	[MSG_kind_artikel] = "Articles",
	[MSG_kind_pilot] = "Pilots",
	[MSG_kind_mastermind] = "Masterminds",
	[MSG_kind_verhaal] = "Stories",
	[MSG_kind_bron] = "Resources",
	[MSG_intro_artikel] = "Knowledge articles: lessons from practice, "
	    "written by professionals and checked by the editors.",
	[MSG_intro_pilot] = "Pilots and case studies: what was tried where, "
	    "what worked and what can you reuse?",
	[MSG_intro_mastermind] = "Records of mastermind sessions: the "
	    "question, the insights and the agreements.",
	[MSG_intro_verhaal] = "Stories by experts by experience. They decide "
	    "what they share and with whom.",
	[MSG_intro_bron] = "Publications and tools of the programme, such "
	    "as booklets and templates.",
	[MSG_empty_artikel] = "No articles have been published yet. As soon "
	    "as there is one, you will find it here.",
	[MSG_empty_pilot] = "No pilots have been described yet. As soon as "
	    "there is one, you will find it here.",
	[MSG_empty_mastermind] = "There are no mastermind records yet. As "
	    "soon as there is one, you will find it here.",
	[MSG_empty_verhaal] = "No stories have been shared yet. As soon as "
	    "there is one, you will find it here.",
	[MSG_empty_bron] = "No resources have been published yet. As soon "
	    "as there is one, you will find it here.",
	[MSG_all_artikel] = "All articles",
	[MSG_all_pilot] = "All pilots",
	[MSG_all_mastermind] = "All masterminds",
	[MSG_all_verhaal] = "All stories",
	[MSG_all_bron] = "All resources",
	[MSG_published_on] = "Published on",
	[MSG_summary_label] = "In short",
	[MSG_communities_intro] = "Communities are groups in which people "
	    "learn together about a subject.",
	[MSG_communities_empty] = "There are no public communities yet. As "
	    "soon as there is one, you will find it here.",
	[MSG_community_open] = "Anyone can join",
	[MSG_community_request] = "Join on request",
	[MSG_community_invite] = "By invitation only",
	[MSG_themes_intro] = "The themes of the programme. Each theme page "
	    "gathers everything about it on Bron.",
	[MSG_themes_empty] = "There are no themes yet.",
	[MSG_theme_items_title] = "On Bron about this theme",
	[MSG_theme_items_empty] = "There is nothing on Bron about this theme "
	    "yet.",
	[MSG_monitor_title] = "Monitor of the change goals",
	[MSG_monitor_intro] = "The programme works on two fast change goals "
	    "and a number of long-term ones. Follow their progress here.",
	[MSG_monitor_fast] = "Fast change goals",
	[MSG_monitor_long] = "Long-term change goals",
	[MSG_monitor_empty] = "No change goals have been entered yet.",
	[MSG_monitor_back] = "Back to the monitor",
	[MSG_monitor_theme] = "Theme",
	[MSG_search_intro] = "Search everything that is public on Bron.",
	[MSG_search_label] = "What are you looking for?",
	[MSG_search_hint] = "For example: kleinschalig, afzondering or "
	    "onderwijs.",
	[MSG_search_button] = "Search",
	[MSG_search_prompt] = "Type one or more words and choose Search.",
	[MSG_search_none] = "We found nothing for \xe2\x80\x9c%s\xe2\x80\x9d. "
	    "Try another word.",
	[MSG_search_count] = "Number of results for \xe2\x80\x9c%s\xe2\x80\x9d: "
	    "%d",
	[MSG_search_too_long] = "Your search is too long. Use fewer than 200 "
	    "characters.",
	[MSG_err_home_link] = "Go to the home page",
	[MSG_err_404_title] = "This page does not exist",
	[MSG_err_404_text] = "We cannot find this page. Maybe the address is "
	    "wrong, or the page is gone.",
	[MSG_err_405_title] = "This is not possible here",
	[MSG_err_405_text] = "This page does not support this action. Go back "
	    "and try again.",
	[MSG_err_409_title] = "This cannot be done now",
	[MSG_err_409_text] = "Someone changed this in the meantime, or it is already done. Reload the page and check whether your action is still needed.",
	[MSG_nav_my_articles] = "My contributions",
	[MSG_pager_label] = "Pages",
	[MSG_pager_page_word] = "Page",
	[MSG_pager_page_of] = "Page %s of %s",
	[MSG_pager_prev] = "Previous",
	[MSG_pager_next] = "Next",
	[MSG_nav_moderation] = "Moderation",
	[MSG_nav_redactie] = "Editorial",
	[MSG_err_413_title] = "That is too large",
	[MSG_err_413_text] = "What you sent is larger than Bron can take. "
	    "Make it smaller and try again.",
	[MSG_err_500_title] = "Something went wrong",
	[MSG_err_500_text] = "Something went wrong on our side. It is not "
	    "your fault. Please try again later.",
	[MSG_err_503_title] = "Bron is briefly unavailable",
	[MSG_err_503_text] = "It is too busy right now, or we are doing "
	    "maintenance. Please try again in a minute.",
	[MSG_err_400_title] = "This request is not right",
	[MSG_err_400_text] = "Bron did not understand this request. Check the "
	    "address and try again.",
	[MSG_err_403_title] = "No access",
	[MSG_err_403_text] = "This action is not allowed. Go back to the page "
	    "and try again.",
	[MSG_page_back_home] = "Back to home",
	[MSG_search_type_page] = "Page",
	[MSG_search_bad_chars] = "Your search contains characters Bron cannot read. Please type it again.",
	[MSG_err_too_many_args] = "This address has too many parts. Use the search field on this page.",
#include "msg_auth_en.inc"
#include "msg_account_en.inc"
#include "msg_admin_en.inc"
#include "msg_reset_en.inc"
#include "msg_privacy_en.inc"
#include "msg_edit_en.inc"
#include "msg_flow_en.inc"
#include "msg_article_en.inc"
#include "msg_theme_en.inc"
#include "msg_community_en.inc"
#include "msg_topic_en.inc"
#include "msg_notify_en.inc"
#include "msg_moderation_en.inc"
#include "msg_pilotfield_en.inc"
#include "msg_pilotedit_en.inc"
#include "msg_pilot_en.inc"
#include "msg_pilotlist_en.inc"
#include "msg_mmfield_en.inc"
#include "msg_mmseries_en.inc"
#include "msg_mmsession_en.inc"
#include "msg_mmflow_en.inc"
#include "msg_storyfield_en.inc"
#include "msg_storyedit_en.inc"
#include "msg_storyread_en.inc"
#include "msg_storyflow_en.inc"
#include "msg_storyextra_en.inc"
#include "msg_resfield_en.inc"
#include "msg_resedit_en.inc"
#include "msg_resshow_en.inc"
#include "msg_upload_en.inc"
#include "msg_search_en.inc"
#include "msg_synonym_en.inc"
};
