#!/usr/bin/env bats
# R3 for communities: members-only and closed content never reaches an
# outsider. Canary strings sit in the titles, summaries and bodies of
# items, topics and posts of a members-only and a closed community; a
# visitor and a signed-in outsider fetch every page, list, theme page,
# feed, search and notification list that could show them, and the
# canaries must appear 0 times. A member fetching the same pages sees
# them (so the test can fail).
load helpers

# One set of signed-in clients for the whole file.
jar() {
	echo "$BATS_FILE_TMPDIR/jar-$1"
}

setup_file() {
	export PRIV_DIR=$BATS_FILE_TMPDIR
	local n=$$$RANDOM
	export CAN_L="kanarieleden$n" CAN_B="kanariebesloten$n"
	export CAN_P="kanarieopenbaar$n" CAN_N=$n
	export ED_EMAIL=$(unique_email redactie) MEM_EMAIL=$(unique_email lid)
	export OUT_EMAIL=$(unique_email buiten)
	register editor "$ED_EMAIL" "Redactie Privacy"
	set_role "$ED_EMAIL" redacteur
	register member "$MEM_EMAIL" "Lid Privacy"
	register outsider "$OUT_EMAIL" "Buitenstaander"
	export ED=$(db -c "SELECT id FROM account WHERE email = '$ED_EMAIL'")
	export MEM=$(db -c "SELECT id FROM account WHERE email = '$MEM_EMAIL'")
	export OUT=$(db -c "SELECT id FROM account WHERE email = '$OUT_EMAIL'")
	# The outsider follows the theme everything is filed under.
	export THEME=suicidepreventie
	db -c "SELECT follow_set($OUT, 'thema', (SELECT id FROM theme
	    WHERE slug = '$THEME'), true)" >/dev/null
	local v slug can c
	for v in openbaar leden besloten; do
		case $v in
		openbaar) can=$CAN_P ;;
		leden) can=$CAN_L ;;
		besloten) can=$CAN_B ;;
		esac
		slug=$(db -c "SELECT slug FROM community_save(NULL, $ED, 0,
		    'Ruimte $v $n', 'Samenvatting van de ruimte', 'Doel',
		    '<p>Doel</p>', '$THEME', '$v', 'uitnodiging',
		    'ruimte-$v-$n', 'priv-$v-$n')")
		c=$(db -c "SELECT id FROM community WHERE slug = '$slug'")
		db -c "SELECT member_act($c, $ED, 'uitnodigen', $MEM, '')" >/dev/null
		db -c "SELECT member_act($c, $MEM, 'accepteren', NULL, '')" >/dev/null
		# An article by the member, filed in the community, published.
		local item
		item=$(db -c "SELECT id FROM item_save('artikel', NULL, NULL,
		    $MEM, 'Titel $can', 'Kort $can', 'Tekst $can zoekwoord$v$n',
		    '<p>Tekst $can</p>', '', 2, '', 'artikel-$v-$n', '$THEME',
		    'label$v$n', '$slug', NULL, '', '', '', NULL)")
		db -c "SELECT item_transition($item, $ED, 'goedkeuren', '')" >/dev/null
		# A discussion with a reply.
		local topic
		topic=$(db -c "SELECT topic_id FROM topic_create($c, $MEM,
		    'Gesprek $can', 'Opening $can', '<p>Opening $can</p>', '')")
		db -c "SELECT post_create($topic, $ED, 'Reactie $can',
		    '<p>Reactie $can</p>', NULL, '')" >/dev/null
		echo "$slug $item $topic" >"$PRIV_DIR/$v"
	done
}

# Every path an outsider could try; {slug} {topic} {item} per space. No
# canary is part of a path or query (a typed query is shown back): the
# search and tag filters use words of their own.
paths() {
	local v=$1 slug item topic
	read -r slug item topic <"$PRIV_DIR/$v"
	local aslug
	aslug=$(db -c "SELECT slug FROM item WHERE id = $item")
	cat <<EOF
/
/artikelen
/artikelen?gemeenschap=$slug
/artikelen?thema=$THEME
/artikelen?tag=label$v${CAN_N}
/artikelen/$aslug
/artikelen/$aslug/geschiedenis
/themas/$THEME
/themas
/feeds/artikelen.atom
/feeds/themas/$THEME.atom
/feeds/gemeenschappen/$slug.atom
/zoeken?q=zoekwoord$v${CAN_N}
/zoeken?q=Titel
/zoeken?q=Tekst
/gemeenschappen
/gemeenschappen/$slug
/gemeenschappen/$slug/leden
/gemeenschappen/$slug/gesprekken
/gemeenschappen/$slug/gesprekken/$topic
/berichten/$(db -c "SELECT id FROM post WHERE topic_id = $topic AND n = 2")/geschiedenis
/mensen/$MEM
/meldingen
EOF
}

# count WHO: canary occurrences over every page of both private spaces.
count_canaries() {
	local who=$1 v p total=0 n
	for v in leden besloten; do
		while read -r p; do
			if [ "$who" = visitor ]; then
				req "$p"
			else
				req -b "$(jar "$who")" "$p"
			fi
			if [ "${status_code:0:1}" = 5 ]; then
				echo "5xx on $p as $who" >&2
				return 1
			fi
			n=$(grep -o "$CAN_L\|$CAN_B" <<<"$body" | wc -l)
			if [ "$n" != 0 ]; then
				echo "$who saw $n canaries on $p" >&2
			fi
			total=$((total + n))
		done < <(paths "$v")
	done
	echo "$total"
}

@test "a visitor sees 0 canaries of members-only and closed spaces" {
	n=$(count_canaries visitor)
	echo "canaries seen by a visitor: $n" >&3
	[ "$n" = 0 ]
}

@test "a signed-in outsider sees 0 canaries, also in notifications" {
	n=$(count_canaries outsider)
	echo "canaries seen by an outsider: $n" >&3
	[ "$n" = 0 ]
	# The theme they follow got the public article only.
	[ "$(db -c "SELECT count(*) FROM notification WHERE account_id = $OUT
	    AND (text LIKE '%$CAN_L%' OR text LIKE '%$CAN_B%')")" = 0 ]
	[ "$(db -c "SELECT count(*) FROM notification WHERE account_id = $OUT
	    AND text LIKE '%$CAN_P%'")" -ge 1 ]
}

@test "the member sees the canaries (the check can fail)" {
	local slug item topic
	read -r slug item topic <"$PRIV_DIR/besloten"
	req -b "$(jar member)" "/gemeenschappen/$slug/gesprekken/$topic"
	[ "$status_code" = 200 ]
	assert_contains "Reactie $CAN_B"
	aslug=$(db -c "SELECT slug FROM item WHERE id = $item")
	req -b "$(jar member)" "/artikelen/$aslug"
	[ "$status_code" = 200 ]
	assert_contains "Tekst $CAN_B"
	req -b "$(jar member)" "/gemeenschappen/$slug"
	[ "$status_code" = 200 ]
	assert_contains "Titel $CAN_B"
}

@test "a closed space is 404 to outsiders, a members-only one shows no content" {
	local slug item topic
	read -r slug item topic <"$PRIV_DIR/besloten"
	for p in "/gemeenschappen/$slug" "/gemeenschappen/$slug/gesprekken" \
	    "/gemeenschappen/$slug/gesprekken/$topic" \
	    "/gemeenschappen/$slug/leden" "/feeds/gemeenschappen/$slug.atom"; do
		req "$p"
		[ "$status_code" = 404 ] || { echo "visitor $p: $status_code" >&2; false; }
		req -b "$(jar outsider)" "$p"
		[ "$status_code" = 404 ] || { echo "outsider $p: $status_code" >&2; false; }
	done
	# Its article's pages: 404 too, never a 403 that tells the slug exists
	# (/beoordelen is 403 for every member, whatever the slug).
	aslug=$(db -c "SELECT slug FROM item WHERE id = $item")
	for p in "" /bewerken /geschiedenis "/verschil?van=1&naar=1" \
	    /versies/1; do
		req -b "$(jar outsider)" "/artikelen/$aslug$p"
		[ "$status_code" = 404 ] || { echo "outsider /artikelen/$aslug$p: $status_code" >&2; false; }
	done
	post outsider "/artikelen/$aslug/status" --data-urlencode "action=archiveren"
	[ "$status_code" = 404 ]
	req -b "$(jar outsider)" /gemeenschappen
	assert_not_contains "/gemeenschappen/$slug\""
	read -r slug item topic <"$PRIV_DIR/leden"
	req -b "$(jar outsider)" "/gemeenschappen/$slug"
	[ "$status_code" = 200 ]
	assert_contains "Ruimte leden"
}

@test "a space that turns members-only takes its old notifications along" {
	local slug item topic c
	read -r slug item topic <"$PRIV_DIR/openbaar"
	c=$(db -c "SELECT id FROM community WHERE slug = '$slug'")
	req -b "$(jar outsider)" /meldingen
	[ "$status_code" = 200 ]
	assert_contains "$CAN_P"
	db -c "UPDATE community SET visibility = 'leden' WHERE id = $c"
	# Its items follow the community's visibility ...
	[ "$(db -c "SELECT visibility FROM item WHERE id = $item")" = leden ]
	# ... and the notification about them is no longer shown.
	req -b "$(jar outsider)" /meldingen
	assert_not_contains "$CAN_P"
	req /artikelen
	assert_not_contains "$CAN_P"
	db -c "UPDATE community SET visibility = 'openbaar' WHERE id = $c"
}

@test "an author who left a closed community cannot take the article out of it" {
	local slug item topic c aslug
	read -r slug item topic <"$PRIV_DIR/besloten"
	c=$(db -c "SELECT id FROM community WHERE slug = '$slug'")
	aslug=$(db -c "SELECT slug FROM item WHERE id = $item")
	db -c "INSERT INTO member (community_id, account_id, state)
	    VALUES ($c, $OUT, 'lid')"
	db -c "INSERT INTO item_author (item_id, account_id) VALUES ($item, $OUT)"
	db -c "SELECT member_act($c, $ED, 'verwijderen', $OUT, '')" >/dev/null
	# Told, although the community no longer exists for them.
	req -b "$(jar outsider)" /meldingen
	[ "$status_code" = 200 ]
	assert_contains "Ruimte besloten"
	# The edit form opens (an author), but saving it outside the
	# community is refused, and the article stays closed.
	req -b "$(jar outsider)" "/artikelen/$aslug/bewerken"
	[ "$status_code" = 200 ]
	run db -c "SELECT * FROM item_save('artikel', $item,
	    (SELECT revision FROM item WHERE id = $item), $OUT, 'Titel', 'Kort',
	    'Tekst', '<p>Tekst</p>', '', 1, '', 'x', '', '', '', NULL, '', '',
	    '', NULL)"
	[ "$status" != 0 ]
	[[ "$output" == *"may not move"* ]]
	[ "$(db -c "SELECT visibility FROM item WHERE id = $item")" = besloten ]
	req "/artikelen/$aslug"
	[ "$status_code" = 404 ]
	db -c "DELETE FROM item_author WHERE item_id = $item AND account_id = $OUT"
}

@test "the header's set query agrees with notification_visible() on every row" {
	# notifications_visible(acct) (the unread count) and
	# notification_visible(n, acct) (the list, notify_send) must never
	# disagree, for any notification of any account in this database.
	[ "$(db -c "SELECT count(*) FROM notification n
	    WHERE notification_visible(n, n.account_id) IS DISTINCT FROM
	    EXISTS (SELECT 1 FROM notifications_visible(n.account_id) v
	    WHERE v.id = n.id)")" = 0 ]
	# And the check has rows of both outcomes to compare.
	[ "$(db -c "SELECT count(DISTINCT notification_visible(n, n.account_id))
	    FROM notification n")" = 2 ]
}
