/*
 * Prototypes of everything the Kore configuration names: the onload
 * init and the route handlers (keeps -Wmissing-prototypes quiet and is
 * the one list of entry points).
 */
#ifndef BRON_APP_H
#define BRON_APP_H

struct http_request;

int	app_init(int);
/* web/valid.c: function validators */
int	v_md(struct http_request *, const void *);

int	home_show(struct http_request *);
int	health_show(struct http_request *);
int	lang_set(struct http_request *);
int	item_list(struct http_request *);
int	item_show(struct http_request *);
int	community_list(struct http_request *);
int	theme_list(struct http_request *);
int	theme_show(struct http_request *);
int	goal_list(struct http_request *);
int	goal_show(struct http_request *);
int	search_show(struct http_request *);
/* Issue 11: the synonym editor (web/synonym*.c) */
int	synonym_list(struct http_request *);
int	synonym_create(struct http_request *);
int	synonym_edit(struct http_request *);
int	synonym_update(struct http_request *);
int	synonym_delete(struct http_request *);
int	page_show(struct http_request *);
int	error_show(struct http_request *);
int	not_found(struct http_request *);

/* Issue 4: accounts */
int	login_page(struct http_request *);
int	logout_post(struct http_request *);
int	register_page(struct http_request *);
/* web/account.c: /account and its settings forms */
int	account_show(struct http_request *);
int	account_profile(struct http_request *);
int	account_password(struct http_request *);
int	account_email(struct http_request *);
/* web/privacy.c, web/profile.c: export, deletion, public profiles */
int	export_page(struct http_request *);
int	delete_page(struct http_request *);
int	profile_show(struct http_request *);
/* web/reset.c: password reset by e-mail */
int	reset_request(struct http_request *);
int	reset_form(struct http_request *);
/* web/admin.c: users, roles, blocks, audit log */
int	admin_home(struct http_request *);
int	admin_users(struct http_request *);
int	admin_user_update(struct http_request *);
int	admin_audit(struct http_request *);

/* Issue 5: articles, the content engine, themes */
/* web/article_edit.c: write, preview, edit, 409 on a stale revision */
int	article_new(struct http_request *);
int	article_edit(struct http_request *);
/* web/article_flow.c, article_history.c, redactie.c: workflow, review,
 * revisions, diff, restore, the editors' queue, "mijn artikelen" */
int	article_status(struct http_request *);
int	article_review(struct http_request *);
int	article_history(struct http_request *);
int	article_diff(struct http_request *);
int	article_revision(struct http_request *);
int	article_restore(struct http_request *);
int	redactie_queue(struct http_request *);
int	account_articles(struct http_request *);
/* web/article.c, feed.c: reading, lists, Atom feeds */
int	article_show(struct http_request *);
int	article_list(struct http_request *);
int	feed_articles(struct http_request *);
int	feed_theme(struct http_request *);
/* web/theme_admin.c: the controlled list of themes */
int	theme_admin_list(struct http_request *);
int	theme_admin_edit(struct http_request *);
int	theme_admin_merge(struct http_request *);

/* Issue 6: communities of practice */
/* web/community*.c: list, create/edit, home, membership, invitations, feed */
int	community_new(struct http_request *);
int	community_show(struct http_request *);
int	community_edit(struct http_request *);
int	community_membership(struct http_request *);
int	community_members(struct http_request *);
int	community_invite(struct http_request *);
int	community_invitation(struct http_request *);
int	feed_community(struct http_request *);
/* web/topic*.c, post*.c: discussions */
int	topic_list(struct http_request *);
int	topic_new(struct http_request *);
int	topic_show(struct http_request *);
int	topic_status(struct http_request *);
int	post_edit(struct http_request *);
int	post_history(struct http_request *);
int	post_helpful(struct http_request *);
/* web/notify*.c, follow.c: notifications, settings, following */
int	notify_list(struct http_request *);
int	notify_settings(struct http_request *);
int	follow_post(struct http_request *);
/* web/flag.c, moderation.c: flags and the moderation queue */
int	flag_page(struct http_request *);
int	moderation_queue(struct http_request *);

/* Issue 7: pilot case studies */
/* web/pilot_edit*.c: the editor */
int	pilot_new(struct http_request *);
int	pilot_edit(struct http_request *);
/* web/pilot_show*.c, lesson*.c, pilot_contact.c: page, lessons, contact */
int	pilot_show(struct http_request *);
int	pilot_contact(struct http_request *);
int	lesson_show(struct http_request *);
int	lesson_new(struct http_request *);
int	lesson_edit(struct http_request *);
int	lesson_remove(struct http_request *);
/* web/pilot_list.c, pilot_compare.c, lesson_list.c: overview, compare, feed */
int	pilot_list(struct http_request *);
int	pilot_compare(struct http_request *);
int	lesson_list(struct http_request *);
int	feed_pilots(struct http_request *);

/* Issue 8: mastermind series and sessions */
/* web/mm_index.c, mm_series*.c, mm_ics.c, mm_actions_list.c, feed: series */
int	mm_index(struct http_request *);
int	mm_series_new(struct http_request *);
int	mm_series_show(struct http_request *);
int	mm_series_edit(struct http_request *);
int	mm_series_ics(struct http_request *);
int	mm_series_actions(struct http_request *);
int	feed_masterminds(struct http_request *);
/* web/mm_session*.c, mm_export.c: the session form, page and export */
int	mm_session_new(struct http_request *);
int	mm_session_show(struct http_request *);
int	mm_session_edit(struct http_request *);
int	mm_session_md(struct http_request *);
/* web/mm_minutes.c, mm_amend*.c, mm_addendum.c, mm_action*.c: workflow */
int	mm_minutes(struct http_request *);
int	mm_amend_new(struct http_request *);
int	mm_amend_decide(struct http_request *);
int	mm_addendum_new(struct http_request *);
int	mm_action_new(struct http_request *);
int	mm_action_edit(struct http_request *);
int	mm_action_remove(struct http_request *);
int	mm_my_actions(struct http_request *);

/* Issue 9: stories */
/* web/story_edit*.c, story_mine.c: write, send in with consent, mine */
int	story_new(struct http_request *);
int	story_edit(struct http_request *);
int	story_mine(struct http_request *);
/* web/story_show*.c, story_list.c, feed_story.c: read */
int	story_list(struct http_request *);
int	story_show(struct http_request *);
int	feed_stories(struct http_request *);
/* web/story_review.c, story_publish.c, story_withdraw.c, story_scope.c,
 * story_author.c, story_queue.c: the storyteller in charge */
int	story_review(struct http_request *);
int	story_publish(struct http_request *);
int	story_withdraw(struct http_request *);
int	story_scope_page(struct http_request *);
int	story_author(struct http_request *);
int	story_queue(struct http_request *);
/* web/story_reply*.c, story_quote*.c: replies and quotes */
int	story_reply_new(struct http_request *);
int	story_replies_setting(struct http_request *);
int	story_reply_decide(struct http_request *);
int	story_quote_new(struct http_request *);
int	story_quote_remove(struct http_request *);

/* Issue 10: resources and uploads */
/* web/resource_edit*.c (helper C) */
int	resource_new(struct http_request *);
int	resource_edit(struct http_request *);
/* web/resource_show*.c, resource_list*.c, feed_resource.c (helper D) */
int	resource_list(struct http_request *);
int	resource_show(struct http_request *);
int	feed_resources(struct http_request *);
/* web/upload*.c, file_download.c, image*.c (helper B) */
int	file_download(struct http_request *);
int	image_list(struct http_request *);
int	image_change(struct http_request *);

#endif
