#!/usr/bin/env bats
# Review of issue 8: bugs found after the parts landed, each with the
# test that shows it fixed.
#   - an action's owner who may not read the session's (concept)
#     minutes got its text as a notification, and its one reminder was
#     spent on them without a notification;
#   - updating the status of an action whose owner is blocked turned
#     the owner into an external name (or failed as 'frozen' on final
#     minutes);
#   - a visitor or stranger saw the summary of concept minutes.

load helpers

jar() {
	echo "$BATS_FILE_TMPDIR/jar-$1"
}

# session TITLE SLUG DATE PARTICIPANTS_JSON: prints the item id.
session() {
	db -v s="$SERIES_ID" -v title="$1" -v slug="$2" -v d="$3" \
	    -v p="$4" -v actor="$RUNNER_ID" <<'SQL'
SELECT id FROM mm_session_save(NULL, NULL, :'actor', :'s', :'title',
    'SAMENVATTING-CANARY.', 'Inzicht.', '<p>Inzicht.</p>', '', 1, '',
    :'slug', '', '', '', '', NULL,
    jsonb_build_object('date', :'d', 'time', '14:00', 'duration', '90',
    'participants', :'p'::jsonb));
SQL
}

setup_file() {
	export RUN="rv$$r$RANDOM"
	local e who
	for who in runner part owner stranger; do
		e=$(unique_email "mmr-$who")
		register "$who" "$e" "Review $who $RUN"
		db -c "SELECT id FROM account WHERE email = '$e'" >"$BATS_FILE_TMPDIR/id-$who"
	done
	export RUNNER_ID PART_ID OWNER_ID STRANGER_ID SERIES_ID SERIES
	RUNNER_ID=$(cat "$BATS_FILE_TMPDIR/id-runner")
	PART_ID=$(cat "$BATS_FILE_TMPDIR/id-part")
	OWNER_ID=$(cat "$BATS_FILE_TMPDIR/id-owner")
	STRANGER_ID=$(cat "$BATS_FILE_TMPDIR/id-stranger")
	SERIES="review-$RUN"
	SERIES_ID=$(db -c "SELECT id FROM mm_series_save(NULL, NULL, $RUNNER_ID,
	    'Reviewserie $RUN', '$SERIES', 'Doel', '<p>Doel</p>', '', '', 7,
	    NULL)")
}

@test "an owner who may not read concept minutes gets no notification with the action's text; the reminder waits for them" {
	local s a
	s=$(session "Een $RUN" "een-$RUN" 2026-01-10 \
	    "[{\"name\": \"Review part $RUN\", \"role\": \"\"}]")
	# The owner is no participant: the concept minutes are closed to them.
	[ "$(db -c "SELECT mm_minutes_may_read($s, $OWNER_ID)")" = f ]
	a=$(db -c "SELECT id FROM mm_action_save(NULL, $s, $RUNNER_ID, NULL,
	    'GEHEIME-ACTIE-$RUN', 'Review owner $RUN',
	    to_char(now() + interval '1 day', 'YYYY-MM-DD'), NULL, '', '',
	    NULL, NULL)")
	[ -n "$a" ]
	[ "$(db -c "SELECT owner_id FROM mm_action WHERE id = $a")" = "$OWNER_ID" ]
	req -b "$(jar owner)" /meldingen
	[ "$status_code" = 200 ]
	assert_not_contains "GEHEIME-ACTIE-$RUN"
	[ "$(db -c "SELECT count(*) FROM notification
	    WHERE account_id = $OWNER_ID AND text LIKE '%GEHEIME-ACTIE-$RUN%'")" = 0 ]
	# The reminder is not spent on someone who may not read it.
	db -c "SELECT mm_action_remind(3)" >/dev/null
	[ "$(db -c "SELECT reminded_at IS NULL FROM mm_action WHERE id = $a")" = t ]
	[ "$(db -c "SELECT count(*) FROM notification
	    WHERE account_id = $OWNER_ID AND text LIKE '%GEHEIME-ACTIE-$RUN%'")" = 0 ]
	# Once the minutes are final the owner may read them: the reminder
	# comes, once.
	db -c "SELECT mm_minutes_step($s, $RUNNER_ID, 'openen', 1)" >/dev/null
	db -c "UPDATE mm_session SET amend_until = now() - interval '1 minute'
	    WHERE item_id = $s"
	db -c "SELECT mm_minutes_step($s, $RUNNER_ID, 'vaststellen', NULL)" >/dev/null
	db -c "SELECT mm_action_remind(3)" >/dev/null
	db -c "SELECT mm_action_remind(3)" >/dev/null
	[ "$(db -c "SELECT count(*) FROM notification
	    WHERE account_id = $OWNER_ID AND text LIKE 'herinnering:%GEHEIME-ACTIE-$RUN'")" = 1 ]
	# A participant who becomes an owner is told.
	a=$(db -c "SELECT id FROM mm_action_save(NULL,
	    $(session "Twee $RUN" "twee-$RUN" 2026-02-10 \
	    "[{\"name\": \"Review part $RUN\", \"role\": \"\"}]"),
	    $RUNNER_ID, NULL, 'DEELNEMER-ACTIE-$RUN', 'Review part $RUN', '',
	    NULL, '', '', NULL, NULL)")
	req -b "$(jar part)" /meldingen
	assert_contains "DEELNEMER-ACTIE-$RUN"
}

@test "closing the action of a blocked owner keeps the owner (also on final minutes)" {
	local s a rev
	s=$(session "Drie $RUN" "drie-$RUN" 2026-03-10 "[]")
	a=$(db -c "SELECT id FROM mm_action_save(NULL, $s, $RUNNER_ID, NULL,
	    'Blok-actie $RUN', 'Review stranger $RUN', '2026-03-20', NULL, '',
	    '', NULL, NULL)")
	[ "$(db -c "SELECT owner_id FROM mm_action WHERE id = $a")" = "$STRANGER_ID" ]
	db -c "SELECT mm_minutes_step($s, $RUNNER_ID, 'openen', 1)" >/dev/null
	db -c "UPDATE mm_session SET amend_until = now() - interval '1 minute'
	    WHERE item_id = $s"
	db -c "SELECT mm_minutes_step($s, $RUNNER_ID, 'vaststellen', NULL)" >/dev/null
	db -c "UPDATE account SET blocked_at = now() WHERE id = $STRANGER_ID"
	rev=$(db -c "SELECT revision FROM mm_action WHERE id = $a")
	# The status form of the session page: no what, owner or due.
	post runner "/acties/$a" --data-urlencode "base=$rev" \
	    --data-urlencode "status=gedaan" --data-urlencode "note=Klaar" \
	    --data-urlencode "sessie=$s"
	db -c "UPDATE account SET blocked_at = NULL WHERE id = $STRANGER_ID"
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT status || ' ' || coalesce(owner_id::text, '-') || ' '
	    || coalesce(owner_name, '-') FROM mm_action WHERE id = $a")" = "gedaan $STRANGER_ID -" ]
	# The action form of concept minutes sends the owner's name back
	# unchanged: the blocked member stays the owner.
	s=$(session "Vier $RUN" "vier-$RUN" 2026-04-10 "[]")
	a=$(db -c "SELECT id FROM mm_action_save(NULL, $s, $RUNNER_ID, NULL,
	    'Blok-actie twee $RUN', 'Review stranger $RUN', '', NULL, '', '',
	    NULL, NULL)")
	db -c "UPDATE account SET blocked_at = now() WHERE id = $STRANGER_ID"
	run db -c "SELECT coalesce(error, '') FROM mm_action_save($a, NULL,
	    $RUNNER_ID, 1, 'Blok-actie twee $RUN', 'Review stranger $RUN', '',
	    'open', 'Opmerking', '', NULL, NULL)"
	db -c "UPDATE account SET blocked_at = NULL WHERE id = $STRANGER_ID"
	[ "$status" -eq 0 ]
	[ "$output" = "" ]
	[ "$(db -c "SELECT coalesce(owner_id::text, '-') || ' '
	    || coalesce(owner_name, '-') FROM mm_action WHERE id = $a")" = "$STRANGER_ID -" ]
}

@test "a visitor or stranger sees no summary of concept minutes; a participant does" {
	local p="/masterminds/$SERIES/vijf-$RUN"
	session "Vijf $RUN" "vijf-$RUN" 2026-05-10 \
	    "[{\"name\": \"Review part $RUN\", \"role\": \"\"}]" >/dev/null
	req "$p"
	[ "$status_code" = 200 ]
	assert_contains "Vijf $RUN"
	assert_contains "Het verslag is nog niet definitief."
	assert_not_contains "SAMENVATTING-CANARY"
	# Again from the visitor page cache.
	req "$p"
	[ "$status_code" = 200 ]
	assert_not_contains "SAMENVATTING-CANARY"
	req -b "$(jar stranger)" "$p"
	[ "$status_code" = 200 ]
	assert_not_contains "SAMENVATTING-CANARY"
	req -b "$(jar part)" "$p"
	[ "$status_code" = 200 ]
	assert_contains "SAMENVATTING-CANARY"
}

@test "an action's note and evidence can be emptied: a form that holds them says so, and what it holds but did not send is empty" {
	local s a rev
	s=$(session "Zes $RUN" "zes-$RUN" 2026-02-10 '[]')
	a=$(db -c "SELECT id FROM mm_action_save(NULL, $s, $RUNNER_ID, NULL,
	    'Wisbare actie $RUN', 'Review owner $RUN', '2026-03-01', 'gedaan',
	    'TOELICHTING-$RUN', '/masterminds/$SERIES/zes-$RUN', NULL, NULL)")
	[ -n "$a" ]
	rev=$(db -c "SELECT revision FROM mm_action WHERE id = $a")
	# Without the marker a missing note is kept (a form without it).
	post runner "/acties/$a" --data-urlencode "base=$rev" \
	    --data-urlencode "status=gedaan"
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT note FROM mm_action WHERE id = $a")" = "TOELICHTING-$RUN" ]
	[ "$(db -c "SELECT evidence_item_id = $s FROM mm_action WHERE id = $a")" = t ]
	# The update form holds both fields; emptied, they do not come
	# (Kore drops empty fields) and are emptied.
	rev=$(db -c "SELECT revision FROM mm_action WHERE id = $a")
	post runner "/acties/$a" --data-urlencode "base=$rev" \
	    --data-urlencode "status=gedaan" --data-urlencode "met_toelichting=1"
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT note FROM mm_action WHERE id = $a")" = "" ]
	[ "$(db -c "SELECT evidence_item_id IS NULL FROM mm_action WHERE id = $a")" = t ]
	# The due date too, from the form that holds what, owner and due.
	rev=$(db -c "SELECT revision FROM mm_action WHERE id = $a")
	post runner "/acties/$a" --data-urlencode "base=$rev" \
	    --data-urlencode "what=Wisbare actie $RUN" \
	    --data-urlencode "owner=Review owner $RUN" \
	    --data-urlencode "status=gedaan" --data-urlencode "met_kern=1"
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT due_on IS NULL FROM mm_action WHERE id = $a")" = t ]
	# The forms on the action's page and the session page carry it.
	req -b "$(jar runner)" "/acties/$a"
	assert_contains 'name="met_toelichting" value="1"'
	assert_contains 'name="met_kern" value="1"'
}

@test "a community's followers are told when a session record of its series becomes final, not before" {
	local e ed comm cid sid s before
	e=$(unique_email "mmr-ed")
	register ed "$e" "Review ed $RUN"
	set_role "$e" redacteur
	ed=$(db -c "SELECT id FROM account WHERE email = '$e'")
	comm=$(db -c "SELECT slug FROM community_save(NULL, $ed, 0,
	    'Volgkring $RUN', 'Kort', 'Doel', '<p>Doel</p>', 'vakmanschap',
	    'openbaar', 'open', 'volgkring-$RUN', '')")
	cid=$(db -c "SELECT id FROM community WHERE slug = '$comm'")
	db -c "INSERT INTO follow (account_id, community_id) VALUES ($OWNER_ID, $cid)"
	sid=$(db -c "SELECT id FROM mm_series_save(NULL, NULL, $ed,
	    'Volgserie $RUN', 'volgserie-$RUN', '', '', '$comm', '', 7, NULL)")
	s=$(db -c "SELECT id FROM mm_session_save(NULL, NULL, $ed, $sid,
	    'Volgsessie $RUN', '', 'Inzicht.', '<p>Inzicht.</p>', '', 1, '',
	    'volgsessie-$RUN', '', '', '', '', NULL,
	    '{\"date\": \"2026-01-15\", \"time\": \"10:00\"}'::jsonb)")
	before=$(db -c "SELECT count(*) FROM notification WHERE account_id = $OWNER_ID")
	db -c "SELECT mm_minutes_step($s, $ed, 'openen', 1)" >/dev/null
	db -c "UPDATE mm_session SET amend_until = now() - interval '1 minute'
	    WHERE item_id = $s"
	# Concept and open minutes tell the community's followers nothing.
	[ "$(db -c "SELECT count(*) FROM notification WHERE account_id = $OWNER_ID")" = "$before" ]
	db -c "SELECT mm_minutes_step($s, $ed, 'vaststellen', NULL)" >/dev/null
	[ "$(db -c "SELECT kind || ' ' || href FROM notification
	    WHERE account_id = $OWNER_ID AND item_id = $s")" = \
	    "nieuw_item /masterminds/volgserie-$RUN/volgsessie-$RUN" ]
	req -b "$(jar owner)" /meldingen
	assert_contains "Volgsessie $RUN"
	assert_contains "href=\"/masterminds/volgserie-$RUN/volgsessie-$RUN\""
}
