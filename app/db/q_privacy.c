/*
 * Privacy (issue 4): the data export, account deletion, public profiles.
 *
 * The export is one statement: PostgreSQL builds the whole document and
 * a data-modifying CTE writes the audit row, so the download and its
 * record cannot part. Every sub-select filters by the account id; the
 * columns are named one by one, so secrets (password hash, session
 * token hash, CSRF token, reset token hash) are never selected.
 */
#include "db/q_privacy.h"

/* coalesce(json_agg(...), '[]'): an empty list, never null. */
#define LIST(expr, from) \
	"coalesce((SELECT json_agg(" expr ") " from "), '[]'::json)"

const struct db_query	q_privacy_export = {
	"privacy_export",
	"WITH me AS ("
	"  SELECT * FROM account WHERE id = $1::bigint AND deleted_at IS NULL"
	"), logged AS ("
	"  INSERT INTO audit (actor_id, action, target_id, detail)"
	"  SELECT id, 'export', id, '' FROM me RETURNING at, action, detail"
	")"
	" SELECT json_build_object("
	"  'bron_export', 1,"
	"  'created_at', now(),"
	"  'account', to_jsonb(me) - 'password_hash',"
	"  'sessions', " LIST("json_build_object("
	"    'created_at', s.created_at, 'last_seen_at', s.last_seen_at,"
	"    'user_agent', s.user_agent, 'expires_at', s.expires_at)"
	"    ORDER BY s.created_at",
	"    FROM session s WHERE s.account_id = me.id") ","
	"  'contributions', " LIST("json_build_object("
	"    'kind', i.kind, 'slug', i.slug, 'title', i.title,"
	"    'status', i.status, 'visibility', i.visibility,"
	"    'created_at', i.created_at) ORDER BY i.created_at",
	"    FROM item_author ia JOIN item i ON i.id = ia.item_id"
	"    WHERE ia.account_id = me.id") ","
	"  'consents', " LIST("json_build_object("
	"    'subject', c.subject, 'scope', c.scope,"
	"    'text_version', c.text_version, 'given', c.given,"
	"    'created_at', c.created_at) ORDER BY c.created_at",
	"    FROM consent c WHERE c.account_id = me.id") ","
	"  'notifications', " LIST("json_build_object("
	"    'kind', n.kind, 'text', n.text, 'href', n.href,"
	"    'created_at', n.created_at, 'read_at', n.read_at)"
	"    ORDER BY n.created_at",
	"    FROM notification n WHERE n.account_id = me.id") ","
	"  'memberships', " LIST("json_build_object("
	"    'community', c.slug, 'state', m.state, 'moderator', m.moderator,"
	"    'note', m.note, 'created_at', m.created_at,"
	"    'decided_at', m.decided_at) ORDER BY m.created_at",
	"    FROM member m JOIN community c ON c.id = m.community_id"
	"    WHERE m.account_id = me.id") ","
	"  'follows', " LIST("json_build_object("
	"    'community', (SELECT slug FROM community WHERE id = f.community_id),"
	"    'topic', f.topic_id,"
	"    'theme', (SELECT slug FROM theme WHERE id = f.theme_id),"
	"    'item', (SELECT kind || '/' || slug FROM item WHERE id = f.item_id"
	"    AND (kind <> 'verhaal' OR story_may_read(id, me.id))),"
	"    'created_at', f.created_at) ORDER BY f.created_at",
	"    FROM follow f WHERE f.account_id = me.id") ","
	"  'notification_settings', " LIST("json_build_object("
	"    'kind', np.kind, 'in_app', np.in_app) ORDER BY np.kind",
	"    FROM notify_pref np WHERE np.account_id = me.id") ","
	"  'topics', " LIST("json_build_object("
	"    'id', t.id, 'community', c.slug, 'title', t.title,"
	"    'created_at', t.created_at) ORDER BY t.created_at",
	"    FROM topic t JOIN community c ON c.id = t.community_id"
	"    WHERE t.author_id = me.id") ","
	"  'posts', " LIST("json_build_object("
	"    'id', p.id, 'topic', p.topic_id, 'number', p.n,"
	"    'body', p.body_md, 'revision', p.revision,"
	"    'hidden', p.hidden_at IS NOT NULL, 'created_at', p.created_at,"
	"    'updated_at', p.updated_at) ORDER BY p.created_at",
	"    FROM post p WHERE p.author_id = me.id") ","
	"  'post_edits', " LIST("json_build_object("
	"    'post', r.post_id, 'revision', r.rev, 'body', r.body_md,"
	"    'created_at', r.created_at) ORDER BY r.created_at",
	"    FROM post_revision r JOIN post p ON p.id = r.post_id"
	"    WHERE p.author_id = me.id") ","
	"  'helpful_marks', " LIST("json_build_object("
	"    'post', h.post_id, 'created_at', h.created_at)"
	"    ORDER BY h.created_at",
	"    FROM post_helpful h WHERE h.account_id = me.id") ","
	"  'flags', " LIST("json_build_object("
	"    'post', fl.post_id, 'item', fl.item_id, 'reason', fl.reason,"
	"    'note', fl.note, 'created_at', fl.created_at,"
	"    'decision', fl.decision) ORDER BY fl.created_at",
	"    FROM flag fl WHERE fl.reporter_id = me.id") ","
	"  'outbox', " LIST("json_build_object("
	"    'to', o.to_addr, 'subject', o.subject, 'body', o.body,"
	"    'created_at', o.created_at, 'sent_at', o.sent_at)"
	"    ORDER BY o.created_at",
	"    FROM outbox o WHERE o.account_id = me.id") ","
	/* Pilots: where I am (asked to be) the contact, my lessons and
	 * the phase changes I recorded. */
	"  'pilot_contact', " LIST("json_build_object("
	"    'pilot', i.slug, 'title', i.title,"
	"    'agreed_at', pc.contact_agreed_at) ORDER BY i.id",
	"    FROM pilot pc JOIN item i ON i.id = pc.item_id"
	"    WHERE pc.contact_id = me.id") ","
	"  'lessons', " LIST("json_build_object("
	"    'id', l.id, 'pilot', i.slug, 'kind', l.kind,"
	"    'statement', l.statement, 'explanation', l.explanation_md,"
	"    'created_at', l.created_at, 'updated_at', l.updated_at)"
	"    ORDER BY l.id",
	"    FROM lesson l JOIN item i ON i.id = l.pilot_id"
	"    WHERE l.created_by = me.id") ","
	"  'pilot_phases', " LIST("json_build_object("
	"    'pilot', i.slug, 'phase', ph.phase, 'since', ph.since,"
	"    'note', ph.note, 'recorded_at', ph.recorded_at) ORDER BY ph.id",
	"    FROM pilot_phase ph JOIN item i ON i.id = ph.pilot_id"
	"    WHERE ph.recorded_by = me.id") ","
	/* Masterminds: the series I run and sessions I led, where I took
	 * part (my own row only: never the others present), the actions
	 * I own, my amendments and addenda. */
	"  'mastermind_series', " LIST("json_build_object("
	"    'series', s.slug, 'name', s.name, 'position', f.position)"
	"    ORDER BY s.id",
	"    FROM mm_facilitator f JOIN mm_series s ON s.id = f.series_id"
	"    WHERE f.account_id = me.id") ","
	"  'mastermind_led', " LIST("json_build_object("
	"    'session', mm_session_href(x.item_id), 'starts_at', x.starts_at)"
	"    ORDER BY x.starts_at",
	"    FROM mm_session x WHERE x.facilitator_id = me.id") ","
	"  'mastermind_participations', " LIST("json_build_object("
	"    'session', mm_session_href(p.session_id), 'title', i.title,"
	"    'role', p.role, 'starts_at', x.starts_at)"
	"    ORDER BY x.starts_at",
	"    FROM mm_participant p JOIN mm_session x"
	"    ON x.item_id = p.session_id JOIN item i ON i.id = p.session_id"
	"    WHERE p.account_id = me.id") ","
	"  'mastermind_actions', " LIST("json_build_object("
	"    'id', a.id, 'session', mm_session_href(a.session_id),"
	"    'what', a.what, 'due_on', a.due_on, 'status', a.status,"
	"    'note', a.note, 'closed_at', a.closed_at,"
	"    'created_at', a.created_at) ORDER BY a.id",
	"    FROM mm_action a WHERE a.owner_id = me.id") ","
	"  'mastermind_amendments', " LIST("json_build_object("
	"    'id', m.id, 'session', mm_session_href(m.session_id),"
	"    'section', m.section, 'comment', m.comment,"
	"    'proposal', m.proposal_md, 'state', m.state, 'reply', m.reply,"
	"    'created_at', m.created_at, 'decided_at', m.decided_at)"
	"    ORDER BY m.id",
	"    FROM mm_amendment m WHERE m.author_id = me.id") ","
	"  'mastermind_addenda', " LIST("json_build_object("
	"    'id', d.id, 'session', mm_session_href(d.session_id),"
	"    'body', d.body_md, 'created_at', d.created_at) ORDER BY d.id",
	"    FROM mm_addendum d WHERE d.author_id = me.id") ","
	/* Stories (issue 9): mine, with their text and consent record,
	 * and my replies under stories (anyone's; the story named only
	 * while I may read it: a withdrawn one's slug is its title). */
	"  'stories', " LIST("json_build_object("
	"    'slug', i.slug, 'title', i.title, 'summary', i.summary,"
	"    'body', i.body_md, 'pseudonym', s.pseudonym,"
	"    'warnings', s.warnings, 'state', s.state, 'scope', s.scope,"
	"    'scope_wanted', s.scope_wanted, 'replies', s.replies,"
	"    'keep_after_delete', i.keep_after_delete,"
	"    'submitted_at', s.submitted_at, 'withdrawn_at', s.withdrawn_at,"
	"    'created_at', i.created_at, 'updated_at', i.updated_at,"
	"    'consent', " LIST("json_build_object("
	"      'event', sc.event, 'scope', sc.scope,"
	"      'text_version', sc.text_version, 'under16', sc.under16,"
	"      'guardian_name', sc.guardian_name,"
	"      'guardian_version', sc.guardian_version,"
	"      'by', sc.by_whom, 'at', sc.at) ORDER BY sc.id",
	"      FROM story_consent sc WHERE sc.item_id = i.id") ")"
	"    ORDER BY i.created_at, i.id",
	"    FROM item i JOIN story s ON s.item_id = i.id"
	"    WHERE i.kind = 'verhaal' AND i.owner_id = me.id") ","
	"  'story_replies', " LIST("json_build_object("
	"    'story', CASE WHEN story_may_read(i.id, me.id) THEN i.slug END,"
	"    'body', r.body_md, 'state', r.state,"
	"    'created_at', r.created_at, 'decided_at', r.decided_at)"
	"    ORDER BY r.id",
	"    FROM story_reply r JOIN item i ON i.id = r.item_id"
	"    WHERE r.author_id = me.id") ","
	/* Uploads (issue 10): my images and resource files; the file
	 * itself is at /bestanden/<token> while I may fetch it. */
	"  'uploads', " LIST("json_build_object("
	"    'token', u.token, 'purpose', u.purpose, 'name', u.name,"
	"    'mime', u.mime, 'size', u.size, 'alt', u.alt,"
	"    'created_at', u.created_at) ORDER BY u.created_at, u.id",
	"    FROM upload u WHERE u.owner_id = me.id") ","
	"  'password_reset', " LIST("json_build_object("
	"    'created_at', p.created_at, 'expires_at', p.expires_at,"
	"    'used_at', p.used_at) ORDER BY p.created_at",
	"    FROM password_reset p WHERE p.account_id = me.id") ","
	/* This export's own row is not visible yet: add it from the CTE. */
	"  'audit', " LIST("json_build_object("
	"    'at', x.at, 'action', x.action, 'detail', x.detail)"
	"    ORDER BY x.at",
	"    FROM (SELECT at, action, detail FROM audit a"
	"      WHERE a.actor_id = me.id OR (a.target_id = me.id"
	"      AND audit_target(a.action) = 'account')"
	"      UNION ALL SELECT at, action, detail FROM logged) x")
	" )::text FROM me",
	1
};

#define DELETE_BUCKET	"ARRAY['delete:acct:' || $1::bigint]"

const struct db_query	q_privacy_delete_check = {
	"privacy_delete_check",
	"SELECT throttle_peek(" DELETE_BUCKET ", ARRAY[$2::int], 900),"
	"    password_hash"
	" FROM account WHERE id = $1::bigint AND deleted_at IS NULL",
	2
};

const struct db_query	q_privacy_delete_failed = {
	"privacy_delete_failed",
	"SELECT throttle_hit(" DELETE_BUCKET ", ARRAY[$2::int], 900)",
	2
};

const struct db_query	q_privacy_delete = {
	"privacy_delete",
	"SELECT account_delete($1::bigint)",
	1
};

/*
 * Stories are never linked to a profile (they may be published under a
 * pseudonym), so kind 'verhaal' is left out entirely.
 */
const struct db_query	q_privacy_profile = {
	"privacy_profile",
	"SELECT i.kind, i.slug, i.title, i.summary,"
	"    to_char(i.published_at AT TIME ZONE 'Europe/Amsterdam',"
	"    'YYYY-MM-DD'), '',"
	"    a.display_name, a.member_kind, a.bio,"
	"    a.deleted_at IS NOT NULL, a.blocked_at IS NOT NULL"
	" FROM account a LEFT JOIN LATERAL ("
	"  SELECT it.kind, it.slug, it.title, it.summary, it.published_at,"
	"      it.id"
	"  FROM item_author ia JOIN item it ON it.id = ia.item_id"
	"  WHERE ia.account_id = a.id AND it.status = 'gepubliceerd'"
	"    AND it.visibility = 'openbaar' AND it.kind <> 'verhaal'"
	"    AND it.hidden_at IS NULL"
	"  ORDER BY it.published_at DESC, it.id DESC LIMIT 100"
	" ) i ON true"
	" WHERE a.id = $1::bigint"
	" ORDER BY i.published_at DESC NULLS LAST, i.id DESC",
	1
};
