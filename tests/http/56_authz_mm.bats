#!/usr/bin/env bats
# R3 for masterminds (issue 8): tests/http/authz_mm.tsv, series, sessions,
# minutes, actions, amendments, addenda, exports, calendars and the feed ×
# role, for a visitor, a signed-in member of Bron with no part in them, a
# participant, a facilitator, a member of the series' community and an
# editor; 0 mismatches. Then canaries: every text of a members-only
# series appears 0 times to outsiders on every page, list, feed,
# calendar, export and search; participants and external names of a
# public series never reach visitors (nor the visitors' page cache).
load helpers

roles=(bezoeker lid deelnemer leider gemeenschap redacteur)

jar() {
	echo "$BATS_FILE_TMPDIR/jar-$1"
}

id() {
	cat "$BATS_FILE_TMPDIR/id-$1"
}

name() {
	db -c "SELECT display_name FROM account WHERE id = $(id "$1")"
}

setup_file() {
	local r e n=$$$RANDOM
	for r in "${roles[@]:1}"; do
		e=$(unique_email "mm$r")
		register "$r" "$e" "Mmrol $r $n"
		db -c "SELECT id FROM account WHERE email = '$e'" >"$BATS_FILE_TMPDIR/id-$r"
	done
	set_role "$(db -c "SELECT email FROM account WHERE id = $(id redacteur)")" redacteur
}

# community VIS N: a community the editor makes, with leider, deelnemer
# and gemeenschap as members; the editor steps out. Prints its slug.
community() {
	local slug c r
	slug=$(db -c "SELECT slug FROM community_save(NULL, $(id redacteur), 0,
	    'Mmkring $1 $2', 'Kort', 'Doel', '<p>Doel</p>', 'vakmanschap', '$1',
	    '$([ "$1" = leden ] && echo aanvraag || echo uitnodiging)',
	    'mmkring-$1-$2', '')")
	c=$(db -c "SELECT id FROM community WHERE slug = '$slug'")
	for r in leider deelnemer gemeenschap; do
		db -c "SELECT member_act($c, $(id redacteur), 'uitnodigen', $(id $r), '')" >/dev/null
		db -c "SELECT member_act($c, $(id $r), 'accepteren', NULL, '')" >/dev/null
	done
	db -c "DELETE FROM member WHERE community_id = $c AND account_id = $(id redacteur)"
	echo "$slug"
}

# series SLUG NAME COMMUNITY [PURPOSE]: run by leider; prints "id slug".
series() {
	db -F ' ' -c "SELECT id, slug FROM mm_series_save(NULL, NULL, $(id leider),
	    '$2', '$1', '${4:-Doel}', '<p>${4:-Doel}</p>', '$3', '', 7, NULL)"
}

# session SERIES_ID SLUG TITLE DATE [TEXT] [PARTICIPANTS_JSON]: planned by
# leider, with case, insights and agreements carrying TEXT; prints its id.
session() {
	local t=${5:-Tekst}
	db -c "SELECT id FROM mm_session_save(NULL, NULL, $(id leider), $1,
	    '$3', '$t samenvatting', '$t inzicht', '<p>$t inzicht</p>', '', 2,
	    '', '$2', 'vakmanschap', '', '', '', NULL,
	    jsonb_build_object('date', '$4', 'time', '14:00',
	    'location', '$t plek', 'case_md', '$t casus',
	    'case_html', '<p>$t casus</p>', 'agreements_md', '$t afspraak',
	    'agreements_html', '<p>$t afspraak</p>',
	    'participants', '${6:-[]}'::jsonb))"
}

step() {
	db -c "SELECT mm_minutes_step($1, $(id leider), '$2', ${3:-NULL})" >/dev/null
}

# final SESSION: open, close the window and make the minutes final.
final() {
	step "$1" openen 1
	step "$1" sluiten
	step "$1" vaststellen
}

# action SESSION WHAT OWNER: made by leider; prints its id.
action() {
	db -c "SELECT id FROM mm_action_save(NULL, $1, $(id leider), NULL,
	    '$2', '$3', '2026-01-15', 'open', '', '', NULL, NULL)"
}

# post_mp JAR PATH [-F args...]: a multipart form POST with the token.
post_mp() {
	local j=$1 path=$2 t
	shift 2
	t=$(csrf "$j")
	req -b "$(jar "$j")" -c "$(jar "$j")" -H "Origin: $BRON_URL" \
	    -F "_csrf=$t" "$@" "$path"
}

@test "every mastermind role gets exactly what authz_mm.tsv says" {
	local n=$$$RANDOM comm mism=0 rows=0 k x dn parts
	declare -A sub
	dn=$(name deelnemer)
	parts="[{\"name\": \"$dn\", \"role\": \"\"}, {\"name\": \"Extern $n\", \"role\": \"gast\"}]"
	comm=$(community leden "$n")
	read -r x sub[pub] <<<"$(series "authz-mm-pub-$n" "Authz mm openbaar $n" '')"
	sub[pubsid]=$x
	read -r x sub[led] <<<"$(series "authz-mm-led-$n" "Authz mm leden $n" "$comm")"
	sub[ledsid]=$x
	sub[pubconid]=$(session "${sub[pubsid]}" "authz-mm-pubcon-$n" "Concept $n" 2026-02-01 Tekst "$parts")
	sub[puboopid]=$(session "${sub[pubsid]}" "authz-mm-puboop-$n" "Open $n" 2026-02-15 Tekst "$parts")
	sub[pubdefid]=$(session "${sub[pubsid]}" "authz-mm-pubdef-$n" "Definitief $n" 2026-01-15 Tekst "$parts")
	sub[ledconid]=$(session "${sub[ledsid]}" "authz-mm-ledcon-$n" "Leden concept $n" 2026-02-01 Tekst "$parts")
	sub[leddefid]=$(session "${sub[ledsid]}" "authz-mm-leddef-$n" "Leden definitief $n" 2026-01-15 Tekst "$parts")
	sub[apub]=$(action "${sub[pubconid]}" "Actie concept $n" "$dn")
	sub[adef]=$(action "${sub[pubdefid]}" "Actie definitief $n" "$dn")
	sub[aled]=$(action "${sub[leddefid]}" "Actie leden $n" "$dn")
	step "${sub[puboopid]}" openen 5
	sub[am]=$(db -c "SELECT mm_amend(${sub[puboopid]}, $(id deelnemer),
	    'vraag', 'Een opmerking', '', '', NULL)")
	final "${sub[pubdefid]}"
	final "${sub[leddefid]}"
	for k in pubcon puboop pubdef ledcon leddef; do
		sub[$k]=$(db -c "SELECT slug FROM item WHERE id = ${sub[${k}id]}")
	done

	while IFS=$'\t' read -r method path fields c0 c1 c2 c3 c4 c5; do
		[[ -z "$method" || "$method" == \#* ]] && continue
		for k in "${!sub[@]}"; do
			path=${path//\{$k\}/${sub[$k]}}
		done
		local want=("$c0" "$c1" "$c2" "$c3" "$c4" "$c5") i r
		for i in "${!roles[@]}"; do
			r=${roles[$i]}
			if [ "$method" = GET ]; then
				req -b "$(jar "$r")" "$path"
			elif [[ "$fields" == mp:* ]]; then
				local args=() f
				IFS='&' read -r -a f <<<"${fields#mp:}"
				for x in "${f[@]}"; do args+=(-F "$x"); done
				post_mp "$r" "$path" "${args[@]}"
			else
				local args=()
				[ "$fields" != - ] && args=(--data "$fields")
				post "$r" "$path" "${args[@]}"
			fi
			rows=$((rows + 1))
			if [ "$status_code" != "${want[$i]}" ]; then
				echo "MISMATCH $method $path as $r: got $status_code, want ${want[$i]}" >&2
				mism=$((mism + 1))
			fi
		done
	done <"$BATS_TEST_DIRNAME/authz_mm.tsv"
	echo "authz (masterminds): $rows checks, $mism mismatches" >&3
	[ "$mism" = 0 ]
	# Nothing changed by the refused requests.
	[ "$(db -c "SELECT state FROM mm_session WHERE item_id = ${sub[puboopid]}")" = amendering ]
	[ "$(db -c "SELECT status FROM mm_action WHERE id = ${sub[adef]}")" = open ]
	[ "$(db -c "SELECT count(*) FROM mm_addendum WHERE session_id = ${sub[pubdefid]}")" = 0 ]
}

@test "canaries of a members-only series: 0 times to outsiders" {
	local n=$$$RANDOM comm sid sslug i slug a am dn pages p r hits=0 checks=0
	dn=$(name deelnemer)
	comm=$(community leden "k$n")
	read -r sid sslug <<<"$(series "kanarie-serie-$n" "Kanarieserie$n" "$comm" "Kanariedoel$n")"
	i=$(session "$sid" "kanarie-sessie-$n" "Kanariesessie$n" 2026-01-20 "Kanarietekst$n" \
	    "[{\"name\": \"$dn\", \"role\": \"Kanarierol$n\"}, {\"name\": \"Kanariegast$n\", \"role\": \"extern\"}]")
	a=$(action "$i" "Kanarieactie$n" "Kanarieeigenaar$n")
	action "$i" "Kanarieactielid$n" "$dn" >/dev/null
	step "$i" openen 2
	am=$(db -c "SELECT mm_amend($i, $(id deelnemer), 'inzichten',
	    'Kanarieopmerking$n', 'Kanarievoorstel$n', '<p>Kanarievoorstel$n</p>', NULL)")
	db -c "SELECT mm_amend_decide($am, $(id leider), false, 'Kanarieantwoord$n')" >/dev/null
	step "$i" sluiten
	step "$i" vaststellen
	db -c "SELECT mm_addendum_add($i, $(id leider), 'Kanarieaddendum$n',
	    '<p>Kanarieaddendum$n</p>', NULL)" >/dev/null
	slug=$(db -c "SELECT slug FROM item WHERE id = $i")
	# Sanity: the community's members see the canaries where outsiders
	# must not.
	req -b "$(jar gemeenschap)" "/masterminds/$sslug/$slug"
	[ "$status_code" = 200 ]
	assert_contains "Kanarietekst$n inzicht"
	assert_contains "Kanarieaddendum$n"
	req -b "$(jar gemeenschap)" /masterminds
	assert_contains "Kanarieserie$n"
	# Final records appear on their community's page, linked to their
	# path in the series through the 301 of /masterminds/{sessie}.
	# (Theme pages list public items only: 57 sees public sessions there.)
	req -b "$(jar gemeenschap)" "/gemeenschappen/$comm"
	assert_contains "Kanariesessie$n"
	assert_contains "href=\"/masterminds/$slug\""
	req -b "$(jar gemeenschap)" "/masterminds/$slug"
	[ "$status_code" = 301 ]
	[ "$(header location)" = "/masterminds/$sslug/$slug" ]
	req -b "$(jar deelnemer)" /account/acties
	assert_contains "Kanarieactielid$n"
	pages=(/ /masterminds "/masterminds/$sslug" "/masterminds/$sslug/$slug"
	    "/masterminds/$sslug/$slug.md" "/masterminds/$sslug/agenda.ics"
	    "/masterminds/$sslug/acties" "/masterminds/$sslug/acties?status=alle"
	    "/masterminds/$slug" "/acties/$a" /feeds/masterminds.atom
	    /feeds/artikelen.atom /themas/vakmanschap /themas
	    "/gemeenschappen/$comm" "/zoeken?q=Kanariesessie$n"
	    "/zoeken?q=Kanarietekst$n" "/zoeken?q=Kanarieserie$n"
	    /account/acties /meldingen "/masterminds/$sslug/$slug/aanvullingen/$am")
	for r in bezoeker lid; do
		for p in "${pages[@]}"; do
			req -b "$(jar "$r")" "$p"
			checks=$((checks + 1))
			body+=$(header location)
			# Every page repeats its own path (the language
			# switch's way back): that path is no leak.
			body=${body//"$p"/}
			body=${body//"${p%%\?*}"/}
			body=${body//"${p//\//%2F}"/}
			# A search page repeats the query: there only the
			# canaries' slugs (links to them) count.
			if [[ "$p" == /zoeken* ]]; then
				body=${body//Kanarie/-}
			fi
			if [[ "$body" == *Kanarie*"$n"* ||
			    "$body" == *kanarie-*"-$n"* ]]; then
				echo "LEAK $p as $r" >&2
				hits=$((hits + 1))
			fi
		done
	done
	echo "canaries (masterminds): $checks pages, $hits leaks" >&3
	[ "$hits" = 0 ]
}

@test "participants and external owners of a public series: never to visitors" {
	local n=$$$RANDOM sid sslug i slug dn p hits=0
	dn=$(name deelnemer)
	read -r sid sslug <<<"$(series "gasten-serie-$n" "Gastenserie $n" '')"
	i=$(session "$sid" "gasten-sessie-$n" "Gastensessie $n" 2026-01-22 "Gasten$n" \
	    "[{\"name\": \"$dn\", \"role\": \"Ledenrol$n\"}, {\"name\": \"Buitenstaander$n\", \"role\": \"Gastrol$n\"}]")
	action "$i" "Gastenactie $n" "Buiteneigenaar$n" >/dev/null
	slug=$(db -c "SELECT slug FROM item WHERE id = $i")
	# While concept: a visitor sees the title and date only.
	req "/masterminds/$sslug/$slug"
	[ "$status_code" = 200 ]
	assert_contains "Gastensessie $n"
	assert_contains "Het verslag is nog niet definitief"
	assert_not_contains "Gasten$n casus"
	assert_not_contains "Buitenstaander$n"
	final "$i"
	# A signed-in reader first (so a page cache would hold their page),
	# then visitors: the reader sees participants and the external
	# owner, visitors neither.
	req -b "$(jar lid)" "/masterminds/$sslug/$slug"
	[ "$status_code" = 200 ]
	assert_contains "Buitenstaander$n"
	assert_contains "Buiteneigenaar$n"
	assert_contains "$dn"
	for p in "/masterminds/$sslug/$slug" "/masterminds/$sslug/$slug" \
	    "/masterminds/$sslug/$slug.md" "/masterminds/$sslug" \
	    "/masterminds/$sslug/acties" "/masterminds/$sslug/acties?status=alle" \
	    "/masterminds/$sslug/agenda.ics" /masterminds /feeds/masterminds.atom \
	    "/zoeken?q=Gastensessie" /themas/vakmanschap; do
		req "$p"
		[ "$status_code" = 200 ] || { echo "$p: $status_code" >&2; return 1; }
		if [[ "$body" == *Buitenstaander"$n"* || "$body" == *Buiteneigenaar"$n"* ||
		    "$body" == *Gastrol"$n"* || "$body" == *Ledenrol"$n"* ]]; then
			echo "LEAK $p to a visitor" >&2
			hits=$((hits + 1))
		fi
	done
	# The minutes are public now; the external owner is "someone".
	req "/masterminds/$sslug/$slug"
	assert_contains "Gasten$n casus"
	assert_contains "Gastenactie $n"
	# Calendar and feed hold no participant even for a signed-in reader.
	for p in "/masterminds/$sslug/agenda.ics" /feeds/masterminds.atom; do
		req -b "$(jar lid)" "$p"
		if [[ "$body" == *Buitenstaander"$n"* || "$body" == *"$dn"* ]]; then
			echo "LEAK $p to a member" >&2
			hits=$((hits + 1))
		fi
	done
	[ "$hits" = 0 ]
}
