#!/usr/bin/env bats
# R3/R11 for stories (issue 9). tests/http/authz_story.tsv: every story
# page and step × role (visitor, member, storyteller, another member,
# editor, admin, member of a closed community) for a public, a quotable,
# a members-only and a closed-community story and for each state that
# matters; 0 mismatches. Then the canary sweep: the storyteller's display
# name, e-mail and account id (as /mensen/<id>) appear in 0 responses to
# anyone but the storyteller and admins, on every story page, list, feed,
# search, notifications, the moderation and editors' queues, the monitor,
# the audit view (masked, admins too) and other people's data export; the
# admin's look writes an audit row. Last, account deletion: pg_dump of the
# database holds no copy of the e-mail, the withdrawn story's text, its
# pseudonym or the guardian's name.
load helpers
load story_fixture

roles=(bezoeker lid verteller ander redacteur beheerder gemeenschap)

setup_file() {
	local n=$$$RANDOM i
	echo "$n" >"$BATS_FILE_TMPDIR/n"
	story_accounts "$n" "${roles[@]}"
	story_community besloten "$n" verteller gemeenschap >"$BATS_FILE_TMPDIR/kring"
}

@test "every story role gets exactly what authz_story.tsv says" {
	local n x k mism=0 rows=0 skip=0 kring
	n=$(cat "$BATS_FILE_TMPDIR/n")
	kring=$(cat "$BATS_FILE_TMPDIR/kring")
	declare -A sub
	sub[n]=$n
	sub[pubid]=$(story_published verteller "authz-vh-pub-$n" "Authz openbaar $n" openbaar)
	sub[citid]=$(story_published verteller "authz-vh-cit-$n" "Authz citeren $n" citeren)
	sub[ledid]=$(story_published verteller "authz-vh-led-$n" "Authz leden $n" leden)
	sub[kringid]=$(story_published verteller "authz-vh-kring-$n" "Authz kring $n" openbaar "" "$kring")
	sub[conid]=$(story_write verteller "authz-vh-con-$n" "Authz concept $n")
	sub[revid]=$(story_write verteller "authz-vh-rev-$n" "Authz review $n")
	story_send "${sub[revid]}" verteller
	sub[vooid]=$(story_write verteller "authz-vh-voo-$n" "Authz voorstel $n")
	story_send "${sub[vooid]}" verteller
	story_check "${sub[vooid]}" voorstel "Maak het korter."
	sub[akkid]=$(story_write verteller "authz-vh-akk-$n" "Authz akkoord $n")
	story_send "${sub[akkid]}" verteller
	story_check "${sub[akkid]}" akkoord
	sub[wdid]=$(story_published verteller "authz-vh-wd-$n" "Authz ingetrokken $n" openbaar)
	db -c "SELECT story_withdraw(${sub[wdid]}, $(id verteller))" >/dev/null
	sub[andersid]=$(story_published ander "authz-vh-anders-$n" "Authz anders $n" openbaar)
	db -c "SELECT story_replies_set(${sub[pubid]}, $(id verteller), 'aan')" >/dev/null
	sub[rep]=$(db -c "SELECT story_reply_add(${sub[pubid]}, $(id lid), 'Veel sterkte.',
	    '<p>Veel sterkte.</p>', NULL)")
	db -c "SELECT story_reply_decide(${sub[rep]}, $(id verteller), 'afgewezen')" >/dev/null
	sub[goal]=$(db -c "SELECT slug FROM change_goal ORDER BY id LIMIT 1")
	sub[quote]=$(db -c "SELECT story_quote_add(${sub[citid]}, $(id redacteur),
	    '${sub[goal]}', 'Zo ging het bij mij.')")
	for k in pub cit led kring con rev voo akk wd anders; do
		sub[$k]=$(story_slug "${sub[${k}id]}")
		sub[${k}rev]=$(story_rev "${sub[${k}id]}")
	done
	[ "$(story_state "${sub[wdid]}")" = ingetrokken ]
	[ "$(story_state "${sub[akkid]}")" = akkoord ]

	local method path fields c0 c1 c2 c3 c4 c5 c6
	while IFS=$'\t' read -r method path fields c0 c1 c2 c3 c4 c5 c6; do
		[[ -z "$method" || "$method" == \#* ]] && continue
		for k in "${!sub[@]}"; do
			path=${path//\{$k\}/${sub[$k]}}
			fields=${fields//\{$k\}/${sub[$k]}}
		done
		local want=("$c0" "$c1" "$c2" "$c3" "$c4" "$c5" "$c6") i r
		for i in "${!roles[@]}"; do
			r=${roles[$i]}
			if [ "${want[$i]}" = - ]; then
				skip=$((skip + 1))
				continue
			fi
			if [ "$method" = GET ]; then
				req -b "$(jar "$r")" "$path"
			elif [[ "$fields" == mp:* ]]; then
				local args=() f
				IFS='&' read -r -a f <<<"${fields#mp:}"
				for x in "${f[@]}"; do args+=(-F "$x"); done
				post_mp "$r" "$path" "${args[@]}"
			else
				local args=() f
				if [ "$fields" != - ]; then
					IFS='&' read -r -a f <<<"$fields"
					for x in "${f[@]}"; do args+=(--data-urlencode "$x"); done
				fi
				post "$r" "$path" "${args[@]}"
			fi
			rows=$((rows + 1))
			if [[ "|${want[$i]}|" != *"|$status_code|"* ]]; then
				echo "MISMATCH $method $path as $r: got $status_code, want ${want[$i]}" >&2
				mism=$((mism + 1))
			fi
			# No page of a story ever fails.
			[[ "$status_code" != 5* ]] || echo "SERVER ERROR $method $path as $r" >&2
		done
	done <"$BATS_TEST_DIRNAME/authz_story.tsv"
	echo "authz (stories): $rows checks, $mism mismatches ($skip not asked)" >&3
	[ "$mism" = 0 ]
	# Nothing changed by the refused requests.
	[ "$(story_state "${sub[pubid]}")" = gepubliceerd ]
	[ "$(story_state "${sub[akkid]}")" = akkoord ]
	[ "$(story_state "${sub[conid]}")" = concept ]
	[ "$(story_state "${sub[revid]}")" = ter_review ]
	[ "$(story_state "${sub[wdid]}")" = ingetrokken ]
	[ "$(story_state "${sub[andersid]}")" = gepubliceerd ]
	[ "$(db -c "SELECT scope FROM story WHERE item_id = ${sub[kringid]}")" = openbaar ]
	[ "$(db -c "SELECT count(*) FROM story_reply WHERE item_id IN
	    (${sub[ledid]}, ${sub[conid]}, ${sub[kringid]})")" = 0 ]
	[ "$(db -c "SELECT state FROM story_reply WHERE id = ${sub[rep]}")" = afgewezen ]
	[ "$(db -c "SELECT count(*) FROM story_quote WHERE id = ${sub[quote]}")" = 0 ]
	[ "$(db -c "SELECT count(*) FROM story_quote WHERE item_id = ${sub[citid]}")" = 0 ]
}

# leaks ROLE PATH...: count the pages (GET; "POST /account/export" for
# the role's own export) that show the storyteller's name, e-mail or
# profile link to ROLE. Sets $checks and $hits.
leaks() {
	local r=$1 p q vid vname vmail
	shift
	vid=$(id verteller)
	vname=$(name_of verteller)
	vmail=$(email_of verteller)
	for p in "$@"; do
		if [ "$p" = "POST /account/export" ]; then
			post "$r" /account/export
		else
			req -b "$(jar "$r")" "$p"
		fi
		checks=$((checks + 1))
		[[ "$status_code" != 5* ]] || echo "SERVER ERROR $p as $r" >&2
		# A search page repeats its query (the name searched for).
		if [[ "$p" == /zoeken* ]]; then
			q=${p#*q=}
			body=${body//"${q//+/ }"/}
		fi
		if [[ "$body" == *"$vname"* || "$body" == *"$vmail"* ||
		    "$body" == *"/mensen/$vid\""* || "$body" == *"/mensen/$vid#"* ||
		    "$body" == *"account_id\": $vid,"* ]]; then
			echo "LEAK $p as $r" >&2
			hits=$((hits + 1))
		fi
	done
}

@test "the storyteller's name, e-mail and account: 0 times to anyone but them and admins" {
	local n kring pub led krg wd rv goal rep k checks=0 hits=0 pages r vname
	n=$(cat "$BATS_FILE_TMPDIR/n")
	kring=$(cat "$BATS_FILE_TMPDIR/kring")
	vname=$(name_of verteller)
	pub=$(story_published verteller "kanarie-vh-pub-$n" "Kanarieverhaal $n" citeren "separatie")
	led=$(story_published verteller "kanarie-vh-led-$n" "Kanarieleden $n" leden)
	krg=$(story_published verteller "kanarie-vh-kring-$n" "Kanariekring $n" openbaar "" "$kring")
	rv=$(story_write verteller "kanarie-vh-rev-$n" "Kanariereview $n" "suicide")
	story_send "$rv" verteller
	wd=$(story_published verteller "kanarie-vh-wd-$n" "Kanarieweg $n" openbaar)
	db -c "SELECT story_withdraw($wd, $(id verteller))" >/dev/null
	# Everything that puts a story in front of others: a follower, a
	# placed reply, a report, a quote, a wider scope asked for, a change
	# after publication (back to the editors), an admin's look.
	db -c "INSERT INTO follow (account_id, item_id) VALUES ($(id lid), $pub)" >/dev/null
	db -c "SELECT story_replies_set($pub, $(id verteller), 'aan')" >/dev/null
	rep=$(db -c "SELECT story_reply_add($pub, $(id lid), 'Dank voor je verhaal.',
	    '<p>Dank voor je verhaal.</p>', NULL)")
	db -c "SELECT story_reply_decide($rep, $(id verteller), 'geplaatst')" >/dev/null
	db -c "SELECT flag_create($(id ander), NULL, $pub, 'ongepast', 'Kanariemelding $n')" >/dev/null
	goal=$(db -c "SELECT slug FROM change_goal ORDER BY id LIMIT 1")
	db -c "SELECT story_quote_add($pub, $(id redacteur), '$goal', 'Zo ging het bij mij.')" >/dev/null
	db -c "SELECT story_scope_change($led, $(id verteller), 'openbaar', '$STORY_CONSENT',
	    false, '', '')" >/dev/null
	db -c "SELECT * FROM story_author_look($pub, $(id beheerder))" >/dev/null
	# The admin's look is on record: who, which story, when.
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'verhaal_auteur_bekeken'
	    AND actor_id = $(id beheerder) AND target_id = $pub")" = 1 ]
	# The storyteller's own story steps carry no actor, creating it
	# included (item_save's 'aanmaken' row loses it in a trigger).
	[ "$(db -c "SELECT count(*) FROM audit WHERE target_id IN ($pub, $led, $krg, $rv, $wd)
	    AND actor_id = $(id verteller)")" = 0 ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE target_id IN ($pub, $led, $krg, $rv, $wd)
	    AND action = 'aanmaken' AND detail = 'verhaal, verteller'")" = 5 ]
	local sp sl sk sr
	sp=$(story_slug "$pub") sl=$(story_slug "$led") sk=$(story_slug "$krg") sr=$(story_slug "$rv")
	# Sanity: the storyteller sees their own stories and name.
	req -b "$(jar verteller)" /account/verhalen
	[ "$status_code" = 200 ]
	assert_contains "Kanarieverhaal $n"
	assert_contains "Kanarieweg $n"
	req -b "$(jar redacteur)" "/verhalen/$sp"
	[ "$status_code" = 200 ]
	assert_contains "Kanarieverhaal $n schuilnaam"
	pages=(/ /verhalen "/verhalen?thema=kleinschaligheid" /verhalen?zonder=1
	    "/verhalen/$sp" "/verhalen/$sp?tonen=1" "/verhalen/$sl" "/verhalen/$sk"
	    "/verhalen/$sr" "/verhalen/$sr/beoordelen" "/verhalen/$sl/beoordelen"
	    "/verhalen/$sp/citaten" /redactie/verhalen /redactie /redactie/meldingen
	    /feeds/verhalen.atom /themas/kleinschaligheid
	    /feeds/themas/kleinschaligheid.atom "/gemeenschappen/$kring"
	    "/feeds/gemeenschappen/$kring.atom" "/zoeken?q=Kanarieverhaal"
	    "/zoeken?q=$(printf %s "$vname" | sed 's/ /+/g')" "/monitor/$goal"
	    /meldingen /account/verhalen /bronnen "POST /account/export")
	for r in bezoeker lid ander redacteur gemeenschap; do
		leaks "$r" "${pages[@]}"
	done
	# Admins may look on purpose (/auteur), but the audit view masks the
	# storyteller's own steps and the lists show the pseudonym. (Not the
	# admin's /meldingen: it tells of the storyteller joining the
	# community the admin made, which says nothing about stories.)
	leaks beheerder / /verhalen "/verhalen/$sp" "/verhalen/$sr/beoordelen" \
	    /redactie/verhalen /redactie/meldingen \
	    "/beheer/audit" "/beheer/audit?actie=aanmaken" \
	    "/beheer/audit?actie=verhaal_insturen" \
	    "/beheer/audit?actie=verhaal_publiceren" \
	    "/beheer/audit?actie=verhaal_intrekken" \
	    "/beheer/audit?actie=verhaal_auteur_bekeken"
	echo "canaries (storyteller): $checks pages, $hits leaks" >&3
	[ "$hits" = 0 ]
	# The look itself shows the admin who wrote it, and is recorded again.
	post beheerder "/verhalen/$sp/auteur"
	[ "$status_code" = 200 ]
	assert_contains "$vname"
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'verhaal_auteur_bekeken'
	    AND actor_id = $(id beheerder) AND target_id = $pub")" = 2 ]
}

@test "R11: after account deletion pg_dump holds no copy of the storyteller's story" {
	local n e i k dump c
	n=$(cat "$BATS_FILE_TMPDIR/n")
	e=$(unique_email "vhwis")
	register wis "$e" "Wisverteller $n"
	echo "$e" >"$BATS_FILE_TMPDIR/email-wis"
	db -c "SELECT id FROM account WHERE email = '$e'" >"$BATS_FILE_TMPDIR/id-wis"
	# Under 16: the guardian's name is in the consent record.
	i=$(story_write wis "wis-vh-$n" "Wiskanarie$n" "verlies")
	[ -z "$(db -c "SELECT story_submit($i, $(id wis), $(story_rev "$i"), 'openbaar',
	    '$STORY_CONSENT', true, 'Voogdkanarie$n', '$STORY_CONSENT')")" ]
	story_check "$i" voorstel "Noem de plaats niet."
	# A second revision, then published and withdrawn.
	db -c "SELECT id FROM story_save($i, $(story_rev "$i"), $(id wis), 'Wiskanarie$n titel 2',
	    'Wiskanarie$n samenvatting 2', 'Wiskanarie$n tekst twee.', '<p>Wiskanarie$n tekst twee.</p>',
	    '', 3, '', 'kleinschaligheid', '', '', 'Wiskanarie$n schuilnaam', '{verlies}',
	    '{namen,plaatsen,fotos}', false, NULL)" >/dev/null
	[ -z "$(db -c "SELECT story_submit($i, $(id wis), $(story_rev "$i"), 'openbaar',
	    '$STORY_CONSENT', true, 'Voogdkanarie$n', '$STORY_CONSENT')")" ]
	story_check "$i" akkoord
	story_pub "$i" wis
	db -c "SELECT story_withdraw($i, $(id wis))" >/dev/null
	# A second story, published and not withdrawn (not kept either).
	k=$(story_published wis "wis-vh2-$n" "Wistweede$n" leden)
	[ "$(db -c "SELECT count(*) FROM story_consent WHERE guardian_name = 'Voogdkanarie$n'")" = 2 ]
	post wis /account/verwijderen --data-urlencode "password=$TEST_PASSWORD"
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT deleted_at IS NOT NULL FROM account WHERE id = $(id wis)")" = t ]
	req "/verhalen/$(story_slug "$k")"
	[ "$status_code" = 404 ]
	dump=$BATS_FILE_TMPDIR/dump.sql
	pg_dump --no-owner "$BRON_DATABASE_URL" >"$dump"
	[ -s "$dump" ]
	for c in "$e" "Wiskanarie$n" "Wistweede$n" "Voogdkanarie$n"; do
		if grep -qiF "$c" "$dump"; then
			echo "pg_dump holds $c:" >&2
			grep -iF "$c" "$dump" | cut -c1-200 | head -5 >&2
			return 1
		fi
	done
	# The consent record stays (the versions), without the guardian.
	[ "$(db -c "SELECT count(*) FROM story_consent WHERE item_id = $i AND under16
	    AND guardian_version = '$STORY_CONSENT' AND guardian_name = ''")" = 2 ]
}
