/*
 * Queries of communities of practice (issue 6, db/q_community.c). Every
 * right is asked of the SQL functions of sql/005_community.sql
 * (community_may_see/read/moderate, member_act, community_save, ...),
 * so a page and the statement that changes something decide alike.
 * Parameters are text; '' for "nobody signed in" becomes NULL in SQL.
 */
#ifndef BRON_Q_COMMUNITY_H
#define BRON_Q_COMMUNITY_H

#include "db/db.h"

#define QCM_PER_PAGE	20	/* communities and members per page */
#define QCM_RECENT	10	/* items and discussions on the home */

/*
 * /gemeenschappen: $1 viewer id or '', $2 offset, $3 limit. The
 * communities the viewer may see (community_may_see: closed ones only
 * for their members, the people they invited and editors), by name:
 * slug, name, summary, visibility, membership, members (count of 'lid'),
 * the viewer's state ('' none, 'lid', 'aanvraag', 'uitgenodigd'),
 * moderator (t/f), total (all rows the viewer may see).
 */
enum { QCL_SLUG, QCL_NAME, QCL_SUMMARY, QCL_VISIBILITY, QCL_MEMBERSHIP,
    QCL_MEMBERS, QCL_STATE, QCL_MODERATOR, QCL_TOTAL };
extern const struct db_query	q_community_index;

/*
 * Typed rows (column 0 the type, 1 the order within it, then text
 * columns QCH_C1..). Every page about one community starts with the
 * head row, present only when the viewer may see the community (no rows
 * at all: 404):
 *   QCH_HEAD  id, slug, name, summary, purpose_html, visibility,
 *             membership, revision, viewer state ('' or member.state),
 *             viewer is moderator (t/f), may_read (t/f), may_moderate
 *             (t/f), members, requests (moderators only, else 0),
 *             following (t/f), topics (visible), open e-mail
 *             invitations (moderators only, else 0), may_post (t/f)
 */
enum { QCH_TYPE, QCH_POS, QCH_C1, QCH_C2, QCH_C3, QCH_C4, QCH_C5, QCH_C6,
    QCH_C7, QCH_C8, QCH_C9, QCH_C10, QCH_C11, QCH_C12, QCH_C13, QCH_C14,
    QCH_C15, QCH_C16, QCH_C17, QCH_C18 };
enum { QCH_HEAD = 1, QCH_THEME, QCH_MODERATOR, QCH_ITEM, QCH_TOPIC,
    QCH_MEMBER, QCH_REQUEST, QCH_INVITED };
/* Columns of the head row, as named above. */
enum { QCH_ID = QCH_C1, QCH_SLUG, QCH_NAME, QCH_SUMMARY, QCH_PURPOSE,
    QCH_VISIBILITY, QCH_MEMBERSHIP, QCH_REVISION, QCH_STATE, QCH_IS_MOD,
    QCH_MAY_READ, QCH_MAY_MOD, QCH_MEMBERS, QCH_REQUESTS, QCH_FOLLOWING,
    QCH_TOPICS, QCH_MAILED, QCH_MAY_POST };

/* The head row alone (purpose ''), $1 slug, $2 viewer id or ''. */
extern const struct db_query	q_community_head;

/*
 * The community home, $1 slug, $2 viewer id or '': the head, then
 *   QCH_THEME      slug, title
 *   QCH_MODERATOR  account id, display name ('' deleted)
 * and only for those who may read:
 *   QCH_ITEM       kind, slug, title, summary, published (YYYY-MM-DD),
 *                  a story's warnings (item_warnings())
 *                  (published, not hidden, newest first, QCM_RECENT)
 *   QCH_TOPIC      id, title, author name ('' none), posts,
 *                  last post (YYYY-MM-DD), pinned (t/f), closed (t/f)
 *                  (not hidden; pinned first, then last activity)
 */
extern const struct db_query	q_community_home;

/*
 * The member list, $1 slug, $2 viewer, $3 offset, $4 limit: the head,
 * then for those who may read
 *   QCH_MEMBER     account id, display name ('' deleted), moderator
 *                  (t/f), member since (YYYY-MM-DD)
 *                  (moderators first, then by name; one page)
 * and for moderators
 *   QCH_REQUEST    account id, display name, motivation, asked (date)
 *   QCH_INVITED    account id, display name, invited by (name or ''),
 *                  invited (date)
 */
extern const struct db_query	q_community_members;

/*
 * The create and edit form, $1 slug ('' for a new community), $2
 * viewer: QCH_HEAD as above when $1 names one the viewer may see, but
 * with purpose_md instead of purpose_html in QCH_PURPOSE, then every
 * theme:
 *   QCH_THEME      slug, title, chosen (t/f)
 */
extern const struct db_query	q_community_form;

/*
 * community_save(): $1 id ('' new), $2 actor, $3 base revision ('' new),
 * $4 name, $5 summary, $6 purpose_md, $7 purpose_html, $8 theme slugs
 * (one a line), $9 visibility, $10 membership, $11 slug base, $12 nonce
 * ('' edit). One row: id, slug, revision, conflict (t/f).
 */
enum { QCS_ID, QCS_SLUG, QCS_REVISION, QCS_CONFLICT };
extern const struct db_query	q_community_save;

/*
 * member_act(): $1 community slug, $2 actor, $3 action, $4 target
 * account id ('' for oneself), $5 note. One row: the target's state
 * afterwards ('lid', 'aanvraag', 'uitgenodigd', 'geen'); no row: no
 * such slug.
 */
extern const struct db_query	q_community_act;

/*
 * Invite by display name: $1 community id, $2 actor, $3 name, $4 note.
 * One row: how many active accounts have that name (0, 1, or 2 for
 * "more than one"), and when exactly one, member_act('uitnodigen')'s
 * result (else '').
 */
enum { QCI_MATCHES, QCI_STATE };
extern const struct db_query	q_community_invite_name;

/*
 * community_invite_email(): $1 community id, $2 actor, $3 address, $4
 * token hash (hex), $5 subject, $6 body. One row: its result.
 */
extern const struct db_query	q_community_invite_mail;

/*
 * An e-mail invitation still open: $1 token hash (hex). One row: the
 * community's slug, name and summary, and the inviter's display name
 * ('' none); no row: unknown, used or expired.
 */
enum { QCV_SLUG, QCV_NAME, QCV_SUMMARY, QCV_INVITER };
extern const struct db_query	q_community_invitation;

/* community_invite_accept(): $1 token hash (hex), $2 actor: the slug. */
extern const struct db_query	q_community_invitation_accept;

/*
 * The Atom feed of a public community, $1 slug: one type '1' row (the
 * community's slug and name in QF_SLUG, QF_TITLE) when it exists and is
 * public, then its published public items as type '2' rows with the
 * QF_* columns of db/q_article.h.
 */
extern const struct db_query	q_community_feed;

#endif
