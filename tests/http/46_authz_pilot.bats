#!/usr/bin/env bats
# R3 for pilots (issue 7): tests/http/authz_pilot.tsv, pilots and lessons
# × role × action, for a visitor, a signed-in member of Bron with no part
# in them, their author, a member of their communities and an editor;
# 0 mismatches. Then canaries: the text of members-only and closed pilots
# and their lessons appears 0 times to outsiders on every list, page,
# feed and search; the contact person never shows to visitors, nor before
# agreeing.
load helpers

roles=(bezoeker buiten auteur lid redacteur)

jar() {
	echo "$BATS_FILE_TMPDIR/jar-$1"
}

# pilot ACTOR SLUG TITLE COMMUNITY: a complete pilot saved by ACTOR; prints
# its id. Fields carry the title too, so canaries reach every field.
pilot() {
	db -c "SELECT id FROM pilot_save(NULL, NULL, $1, '$3', '$3 kort',
	    '$3 tekst', '<p>$3 tekst</p>', '', 3, '', '$2',
	    'gezinsgericht-werken', '', '$4', NULL, '', '', '', NULL,
	    jsonb_build_object('region', 'twente', 'setting', 'ambulant',
	    'phase', 'lopend', 'start', '2025-01-01',
	    'target_group', '$3 doelgroep', 'partners', jsonb_build_array('$3 partner'),
	    'problem_md', '$3 knelpunt', 'problem_html', '<p>$3 knelpunt</p>',
	    'approach_md', '$3 aanpak', 'approach_html', '<p>$3 aanpak</p>',
	    'figures', jsonb_build_array(jsonb_build_object('label', '$3 cijfer',
	    'value', '7', 'unit', 'x'))))"
}

setup_file() {
	local r e n=$$$RANDOM
	for r in "${roles[@]:1}"; do
		e=$(unique_email "p$r")
		register "$r" "$e" "Pilotrol $r $n"
		db -c "SELECT id FROM account WHERE email = '$e'" >"$BATS_FILE_TMPDIR/id-$r"
	done
	set_role "$(db -c "SELECT email FROM account WHERE id = $(cat "$BATS_FILE_TMPDIR/id-redacteur")")" redacteur
}

id() {
	cat "$BATS_FILE_TMPDIR/id-$1"
}

@test "every pilot role gets exactly what authz_pilot.tsv says" {
	local n=$$$RANDOM au li ed v c slug mism=0 rows=0
	au=$(id auteur)
	li=$(id lid)
	ed=$(id redacteur)
	declare -A sub
	# A members-only and a closed community with the author and the
	# member in them; the editor who made them steps out.
	for v in leden besloten; do
		slug=$(db -c "SELECT slug FROM community_save(NULL, $ed, 0,
		    'Pilots $v $n', 'Kort', 'Doel', '<p>Doel</p>', '', '$v',
		    '$([ $v = leden ] && echo aanvraag || echo uitnodiging)',
		    'pilots-$v-$n', '')")
		c=$(db -c "SELECT id FROM community WHERE slug = '$slug'")
		for r in auteur lid; do
			db -c "SELECT member_act($c, $ed, 'uitnodigen', $(id $r), '')" >/dev/null
			db -c "SELECT member_act($c, $(id $r), 'accepteren', NULL, '')" >/dev/null
		done
		db -c "DELETE FROM member WHERE community_id = $c AND account_id = $ed"
		sub[c_$v]=$slug
	done
	sub[pubid]=$(pilot "$au" "authz-pub-$n" "Authz openbaar $n" '')
	sub[pub2id]=$(pilot "$au" "authz-pub2-$n" "Authz tweede $n" '')
	sub[conid]=$(pilot "$au" "authz-con-$n" "Authz concept $n" '')
	sub[ledid]=$(pilot "$au" "authz-led-$n" "Authz leden $n" "${sub[c_leden]}")
	sub[besid]=$(pilot "$au" "authz-bes-$n" "Authz besloten $n" "${sub[c_besloten]}")
	for v in pub pub2 led bes; do
		db -c "SELECT item_transition(${sub[${v}id]}, $ed, 'goedkeuren', '')" >/dev/null
	done
	for v in pub led bes; do
		sub[l$v]=$(db -c "SELECT id FROM lesson_save(NULL, ${sub[${v}id]},
		    $au, NULL, 'werkte', 'Les $v $n', 'Uitleg', '<p>Uitleg</p>', NULL)")
	done
	# The member is asked to be the contact of {pub} (not yet agreed).
	db -c "UPDATE pilot SET contact_id = $li WHERE item_id = ${sub[pubid]}"
	for v in pub pub2 con led bes; do
		sub[$v]=$(db -c "SELECT slug FROM item WHERE id = ${sub[${v}id]}")
	done

	while IFS=$'\t' read -r method path fields c0 c1 c2 c3 c4; do
		[[ -z "$method" || "$method" == \#* ]] && continue
		local k
		for k in "${!sub[@]}"; do
			path=${path//\{$k\}/${sub[$k]}}
		done
		local want=("$c0" "$c1" "$c2" "$c3" "$c4") i r
		for i in "${!roles[@]}"; do
			r=${roles[$i]}
			if [ "$method" = GET ]; then
				req -b "$(jar "$r")" "$path"
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
	done <"$BATS_TEST_DIRNAME/authz_pilot.tsv"
	echo "authz (pilots): $rows checks, $mism mismatches" >&3
	[ "$mism" = 0 ]
}

@test "canaries of members-only and closed pilots: 0 times to outsiders" {
	local n=$$$RANDOM au ed v c slug pages p r hits=0 checks=0
	au=$(id auteur)
	ed=$(id redacteur)
	for v in leden besloten; do
		slug=$(db -c "SELECT slug FROM community_save(NULL, $ed, 0,
		    'Kring $v $n', 'Kort', 'Doel', '<p>Doel</p>',
		    'gezinsgericht-werken', '$v',
		    '$([ $v = leden ] && echo aanvraag || echo uitnodiging)',
		    'kring-$v-$n', '')")
		c=$(db -c "SELECT id FROM community WHERE slug = '$slug'")
		db -c "SELECT member_act($c, $ed, 'uitnodigen', $au, '')" >/dev/null
		db -c "SELECT member_act($c, $au, 'accepteren', NULL, '')" >/dev/null
		p=$(pilot "$au" "kanarie-$v-$n" "Kanariepilot$v$n" "$slug")
		db -c "SELECT item_transition($p, $ed, 'goedkeuren', '')" >/dev/null
		db -c "SELECT id FROM lesson_save(NULL, $p, $au, NULL, 'advies',
		    'Kanarieles$v$n', 'Uitleg', '<p>Uitleg</p>', NULL)" >/dev/null
	done
	# Sanity: the author sees both canaries on the overview and /lessen.
	req -b "$(jar auteur)" "/pilots?sorteer=nieuw"
	assert_contains "Kanariepilotleden$n"
	req -b "$(jar auteur)" /lessen
	assert_contains "Kanarielesbesloten$n"
	pages=(/pilots "/pilots?regio=overijssel" "/pilots?setting=ambulant&fase=lopend"
	    /lessen "/lessen?soort=advies" /feeds/pilots.atom /themas/gezinsgericht-werken
	    "/zoeken?q=Kanariepilotleden$n" "/zoeken?q=Kanarielesbesloten$n" / /feeds/artikelen.atom)
	for r in bezoeker buiten; do
		for p in "${pages[@]}"; do
			req -b "$(jar "$r")" "$p"
			checks=$((checks + 1))
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
	echo "canaries (pilots): $checks pages, $hits leaks" >&3
	[ "$hits" = 0 ]
}

@test "the contact person: never to visitors, to members only once agreed" {
	local n=$$$RANDOM au li p slug name
	au=$(id auteur)
	li=$(id lid)
	name=$(db -c "SELECT display_name FROM account WHERE id = $li")
	p=$(pilot "$au" "contact-$n" "Contactpilot $n" '')
	db -c "SELECT item_transition($p, $(id redacteur), 'goedkeuren', '')" >/dev/null
	slug=$(db -c "SELECT slug FROM item WHERE id = $p")
	db -c "UPDATE pilot SET contact_id = $li WHERE item_id = $p"
	req -b "$(jar buiten)" "/pilots/$slug"
	[ "$status_code" = 200 ]
	assert_not_contains "$name"
	post lid "/pilots/$slug/contactpersoon" --data answer=ja
	[ "$status_code" = 303 ]
	req -b "$(jar buiten)" "/pilots/$slug"
	assert_contains "$name"
	req "/pilots/$slug"
	[ "$status_code" = 200 ]
	assert_not_contains "$name"
	req /feeds/pilots.atom
	assert_not_contains "$name"
}

@test "the overview's page cache: shared only by readers who read the same" {
	local n=$$$RANDOM au li ed bu c c2 slug slug2 p p2 q
	au=$(id auteur)
	li=$(id lid)
	ed=$(id redacteur)
	bu=$(id buiten)
	# Two members-only communities; "lid" is in the first.
	slug=$(db -c "SELECT slug FROM community_save(NULL, $ed, 0,
	    'Cache $n', 'Kort', 'Doel', '<p>Doel</p>', '', 'leden',
	    'aanvraag', 'cache-$n', '')")
	c=$(db -c "SELECT id FROM community WHERE slug = '$slug'")
	slug2=$(db -c "SELECT slug FROM community_save(NULL, $ed, 0,
	    'Cache twee $n', 'Kort', 'Doel', '<p>Doel</p>', '', 'leden',
	    'aanvraag', 'cache2-$n', '')")
	c2=$(db -c "SELECT id FROM community WHERE slug = '$slug2'")
	db -c "SELECT member_act($c, $ed, 'uitnodigen', $li, '')" >/dev/null
	db -c "SELECT member_act($c, $li, 'accepteren', NULL, '')" >/dev/null
	db -c "DELETE FROM member WHERE community_id IN ($c, $c2)
	    AND account_id = $ed"
	p=$(pilot "$ed" "cache-pilot-$n" "Cachepilot$n" "$slug")
	p2=$(pilot "$ed" "cache2-pilot-$n" "Tweedecachepilot$n" "$slug2")
	db -c "SELECT item_transition($p, $ed, 'goedkeuren', '')" >/dev/null
	db -c "SELECT item_transition($p2, $ed, 'goedkeuren', '')" >/dev/null
	# The keys: an outsider reads what visitors read; an editor 'r';
	# an author of a non-public item shares nothing.
	[ "$(db -c "SELECT account_reach($bu)")" = "" ]
	[ "$(db -c "SELECT account_reach($bu) IS NULL")" = f ]
	[ "$(db -c "SELECT account_reach($ed)")" = r ]
	db -c "INSERT INTO item_author (item_id, account_id) VALUES ($p2, $au)
	    ON CONFLICT DO NOTHING"
	[ "$(db -c "SELECT account_reach($au) IS NULL")" = t ]
	[[ "$(db -c "SELECT account_reach($li)")" == *"l$c"* ]]
	q="/pilots?setting=ambulant&sorteer=nieuw"
	# Prime the caches (visitor, outsider), then members and editors
	# get their own lists.
	req "$q"
	assert_not_contains "Cachepilot$n"
	req -b "$(jar buiten)" "$q"
	req -b "$(jar buiten)" "$q"
	assert_not_contains "Cachepilot$n"
	assert_contains 'href="/pilots/nieuw"'
	req "$q"
	assert_not_contains 'href="/pilots/nieuw"'
	req -b "$(jar lid)" "$q"
	assert_contains "Cachepilot$n"
	assert_not_contains "Tweedecachepilot$n"
	req -b "$(jar redacteur)" "$q"
	assert_contains "Cachepilot$n"
	assert_contains "Tweedecachepilot$n"
	# The outsider joins the second community: their key changes at
	# once, and the first community's list, cached under the member's
	# key, never reaches them.
	db -c "SELECT member_act($c2, $bu, 'aanmelden', NULL, '')" >/dev/null
	db -c "UPDATE member SET state = 'lid' WHERE community_id = $c2
	    AND account_id = $bu"
	[ "$(db -c "SELECT account_reach($bu)")" = "l$c2" ]
	req -b "$(jar buiten)" "$q"
	assert_contains "Tweedecachepilot$n"
	assert_not_contains "Cachepilot$n"
	req -b "$(jar buiten)" "$q"
	assert_contains "Tweedecachepilot$n"
	assert_not_contains "Cachepilot$n"
	# The member, cached under their key, still sees only theirs.
	req -b "$(jar lid)" "$q"
	assert_contains "Cachepilot$n"
	assert_not_contains "Tweedecachepilot$n"
	# Leaving: back to what visitors read.
	db -c "SELECT member_act($c2, $bu, 'verlaten', NULL, '')" >/dev/null
	[ "$(db -c "SELECT account_reach($bu)")" = "" ]
	req -b "$(jar buiten)" "$q"
	assert_not_contains "Tweedecachepilot$n"
	# A hidden pilot leaves the list (for its moderators too: they
	# find it in the moderation queue); a moderator has a key of their
	# own, since they may open it.
	db -c "SELECT moderate($ed, NULL, $p, 'verbergen', 'Naam erin')" >/dev/null
	req -b "$(jar lid)" "$q"
	assert_not_contains "Cachepilot$n"
	db -c "UPDATE member SET moderator = true WHERE community_id = $c
	    AND account_id = $li"
	[[ "$(db -c "SELECT account_reach($li)")" == *"m$c"* ]]
	req -b "$(jar lid)" "$q"
	assert_not_contains "Cachepilot$n"
	req -b "$(jar lid)" "/pilots/cache-pilot-$n"
	[ "$status_code" = 200 ]
}
