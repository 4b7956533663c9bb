# Shared by 51_mm_session.bats and 55_mm_export.bats: three sessions of a
# public series (two with a member and an external participant), one of a
# members-only series, and three actions, made through the SQL functions
# of sql/007_mastermind.sql. MM_CASE_MD (set before setup_file) is the
# case's Markdown source. Load after helpers.

jar() {
	echo "$BATS_FILE_TMPDIR/jar-$1"
}

# session SERIES_ID TITLE DATE PARTICIPANTS_JSON: prints the item id.
session() {
	db -v s="$1" -v title="$2" -v d="$3" -v p="$4" -v actor="$RUNNER_ID" \
	    -v slug="$(echo "$2" | tr 'A-Z ' 'a-z-')" \
	    -v case="${MM_CASE_MD:-Casus}" <<'SQL'
SELECT id FROM mm_session_save(NULL, NULL, :'actor', :'s', :'title',
    'Samenvatting.', 'Inzicht INZICHT-CANARY.', '<p>Inzicht INZICHT-CANARY.</p>',
    '', 3, '', :'slug', '', '', '', '', NULL,
    jsonb_build_object('date', :'d', 'time', '14:00', 'duration', '90',
    'location', 'Utrecht', 'case_md', :'case', 'case_html',
    '<p>Casus CASUS-CANARY</p>', 'agreements_md', 'Afspraak',
    'agreements_html', '<p>Afspraak</p>', 'participants', :'p'::jsonb));
SQL
}

# action SESSION WHAT OWNER DUE: prints the action id.
action() {
	db -c "SELECT id FROM mm_action_save(NULL, $1, $RUNNER_ID, NULL,
	    '$2', '$3', '$4', 'open', '', '', NULL, NULL)"
}

final() {
	db -c "SELECT mm_minutes_step($1, $RUNNER_ID, 'openen', 1)" >/dev/null
	db -c "UPDATE mm_session SET amend_until = now() - interval '1 minute'
	    WHERE item_id = $1"
	db -c "SELECT mm_minutes_step($1, $RUNNER_ID, 'vaststellen', NULL)" >/dev/null
}

setup_file() {
	export RUN="s$$r$RANDOM"
	local e who
	for who in runner part stranger member; do
		e=$(unique_email "mms-$who")
		register "$who" "$e" "Sessie $who $RUN"
		db -c "SELECT id FROM account WHERE email = '$e'" >"$BATS_FILE_TMPDIR/id-$who"
	done
	export RUNNER_ID PART_ID MEMBER_ID
	RUNNER_ID=$(cat "$BATS_FILE_TMPDIR/id-runner")
	PART_ID=$(cat "$BATS_FILE_TMPDIR/id-part")
	MEMBER_ID=$(cat "$BATS_FILE_TMPDIR/id-member")
	db -c "INSERT INTO community (slug, name, visibility, membership)
	    VALUES ('mmleden-$RUN', 'MM leden $RUN', 'leden', 'aanvraag')"
	db -c "INSERT INTO member (community_id, account_id, state)
	    SELECT c.id, a.id, 'lid' FROM community c, account a
	    WHERE c.slug = 'mmleden-$RUN' AND a.id IN ($RUNNER_ID, $MEMBER_ID)"
	export SERIES_ID SERIES CLOSED_ID
	SERIES_ID=$(db -c "SELECT id FROM mm_series_save(NULL, NULL, $RUNNER_ID,
	    'Serie $RUN', 'serie-$RUN', 'Doel', '<p>Doel</p>', '', '', 7, NULL)")
	SERIES="serie-$RUN"
	CLOSED_ID=$(db -c "SELECT id FROM mm_series_save(NULL, NULL, $RUNNER_ID,
	    'Dicht $RUN', 'dicht-$RUN', 'Doel', '<p>Doel</p>',
	    'mmleden-$RUN', '', 7, NULL)")
	local parts
	parts="[{\"name\": \"Sessie part $RUN\", \"role\": \"\"},
	    {\"name\": \"Externe Els $RUN\", \"role\": \"ouder\"}]"
	export S1 S2 S3 A1 A2 A3 CS
	S1=$(session "$SERIES_ID" "Eerste $RUN" 2026-01-10 "$parts")
	S2=$(session "$SERIES_ID" "Tweede $RUN" 2026-02-10 "$parts")
	S3=$(session "$SERIES_ID" "Derde $RUN" 2026-03-10 "[]")
	CS=$(session "$CLOSED_ID" "Besloten $RUN" 2026-02-10 "$parts")
	A1=$(action "$S1" "Protocol herschrijven" "Sessie part $RUN" 2020-01-01)
	A2=$(action "$S1" "Ouders bellen" "Extern Eric $RUN" 2030-01-01)
	A3=$(action "$S2" "Nieuwe actie" "Extern Fien $RUN" "")
}
