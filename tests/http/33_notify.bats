#!/usr/bin/env bats
# Following and notifications (issue 6): POST /volgen, /meldingen (a
# sentence per kind, unread marked, "Gelezen" and "Alles gelezen", 20 a
# page), /account/meldingen (per-kind switches, weekly e-mail), the
# unread count in the header, the follow buttons on the theme and
# article pages, and `bron digest` writing to the outbox.
#
# Communities, discussions and decisions are made through the SQL
# functions of sql/005_community.sql (as the pages of parts A, B and D
# call them), so these tests do not depend on those pages.

load helpers

BRON_CLI="${BRON_ROOT:-$BATS_TEST_DIRNAME/../..}/build/bron"

setup() {
	IP="10.33.$((RANDOM % 250 + 1)).$((RANDOM % 250 + 1))"
	# Unique per test: names, slugs and titles are found by it.
	TAG="n$$x$RANDOM$RANDOM"
}

# person JAR ROLE [NAME]: a new signed-in account; sets ID_<JAR>,
# MAIL_<JAR> and NAME_<JAR>.
person() {
	local e n
	e=$(unique_email "notify-$1")
	n=${3:-Lid $1 $TAG}
	post "$1" /registreren -H "X-Real-IP: $IP" \
	    --data-urlencode "email=$e" --data-urlencode "name=$n" \
	    --data-urlencode "password=$TEST_PASSWORD" \
	    --data-urlencode "kind=professional"
	[ "$status_code" = 303 ] || {
		echo "register $e: $status_code" >&2
		return 1
	}
	[ "$2" = lid ] || set_role "$e" "$2"
	printf -v "ID_$1" '%s' "$(db -c "SELECT id FROM account WHERE email = '$e'")"
	printf -v "MAIL_$1" '%s' "$e"
	printf -v "NAME_$1" '%s' "$n"
}

# community EDITOR VISIBILITY MEMBERSHIP: a new community made by
# EDITOR (its moderator); sets COMM (id), CSLUG and CNAME.
community() {
	CNAME="Gemeenschap $TAG"
	CSLUG=$(db -v actor="$1" -v name="$CNAME" -v vis="$2" -v mem="$3" \
	    -v slug="g-$TAG" <<'SQL'
SELECT slug FROM community_save(NULL, :'actor'::bigint, NULL, :'name',
    'Samen leren.', 'Ons doel.', '<p>Ons doel.</p>', '', :'vis', :'mem',
    :'slug', NULL)
SQL
)
	[ -n "$CSLUG" ]
	COMM=$(db -c "SELECT id FROM community WHERE slug = '$CSLUG'")
}

# member_act COMM ACTOR ACTION [TARGET]: prints the new state.
member_act() {
	db -v c="$1" -v a="$2" -v act="$3" -v t="${4:-}" <<'SQL'
SELECT member_act(:'c'::bigint, :'a'::bigint, :'act',
    nullif(:'t', '')::bigint, 'Graag!')
SQL
}

# topic AUTHOR TITLE: a discussion in $COMM; sets TOPIC.
topic() {
	TOPIC=$(db -v c="$COMM" -v a="$1" -v title="$2" <<'SQL'
SELECT topic_id FROM topic_create(:'c'::bigint, :'a'::bigint, :'title',
    'Wat vinden jullie?', '<p>Wat vinden jullie?</p>', NULL)
SQL
)
	[ -n "$TOPIC" ]
}

# reply AUTHOR BODY: a post in $TOPIC.
reply() {
	db -v t="$TOPIC" -v a="$1" -v body="$2" >/dev/null <<'SQL'
SELECT * FROM post_create(:'t'::bigint, :'a'::bigint, :'body',
    '<p>antwoord</p>', NULL, NULL)
SQL
}

# notes ACCOUNT_ID: the account's notifications as kind:read lines.
notes() {
	db -c "SELECT kind || ':' || (read_at IS NOT NULL)
	    FROM notification WHERE account_id = $1 ORDER BY id"
}

@test "visitors are sent to sign in; GET /volgen is 405" {
	req /meldingen
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/inloggen?terug=%2Fmeldingen" ]
	req /account/meldingen
	[ "$status_code" = 303 ]
	[[ "$(header location)" == /inloggen* ]]
	req /volgen
	[ "$status_code" = 405 ]
	req -X PUT /meldingen
	[ "$status_code" = 405 ]
}

@test "an empty list says how to get notifications; no count in the header" {
	person a lid
	req -b "$(jar a)" /meldingen
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains '<h1>Meldingen</h1>'
	assert_contains 'Je hebt nog geen meldingen.'
	assert_contains 'href="/meldingen" aria-current="page">Meldingen</a>'
	assert_not_contains 'unread-count'
	assert_not_contains 'Alles gelezen'
}

@test "follow and unfollow a community: 303 back with a notice, rows in follow" {
	person ed redacteur
	person a lid
	community "$ID_ed" openbaar open
	post a /volgen --data-urlencode "what=gemeenschap" \
	    --data-urlencode "id=$COMM" --data-urlencode "on=1" \
	    --data-urlencode "terug=/gemeenschappen/$CSLUG?x=1#recent"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/gemeenschappen/$CSLUG?x=1&gedaan=gevolgd#recent" ]
	[ "$(db -c "SELECT count(*) FROM follow WHERE account_id = $ID_a AND community_id = $COMM")" = 1 ]
	# Twice is still one row.
	post a /volgen --data-urlencode "what=gemeenschap" \
	    --data-urlencode "id=$COMM" --data-urlencode "on=1" \
	    --data-urlencode "terug=/gemeenschappen/$CSLUG"
	[ "$(header location)" = "/gemeenschappen/$CSLUG?gedaan=gevolgd" ]
	[ "$(db -c "SELECT count(*) FROM follow WHERE account_id = $ID_a AND community_id = $COMM")" = 1 ]
	post a /volgen --data-urlencode "what=gemeenschap" \
	    --data-urlencode "id=$COMM" --data-urlencode "on=0" \
	    --data-urlencode "terug=/gemeenschappen/$CSLUG"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/gemeenschappen/$CSLUG?gedaan=ontvolgd" ]
	[ "$(db -c "SELECT count(*) FROM follow WHERE account_id = $ID_a")" = 0 ]
}

@test "/volgen refuses what it must: CSRF, bad fields, foreign returns, closed communities" {
	person ed redacteur
	person a lid
	community "$ID_ed" besloten uitnodiging
	# No token: 403 and nothing written.
	req -b "$(jar a)" -H "Origin: $BRON_URL" --data "what=thema&id=1&on=1&terug=/" /volgen
	[ "$status_code" = 403 ]
	assert_contains 'Dit formulier was verlopen'
	# Unknown kind, missing id, on=2: 400 with a way back.
	post a /volgen --data-urlencode "what=planeet" --data-urlencode "id=1" \
	    --data-urlencode "on=1" --data-urlencode "terug=/themas"
	[ "$status_code" = 400 ]
	assert_contains 'Deze knop werkte niet.'
	assert_contains 'href="/themas"'
	post a /volgen --data-urlencode "what=thema" --data-urlencode "on=1"
	[ "$status_code" = 400 ]
	post a /volgen --data-urlencode "what=thema" --data-urlencode "id=1" \
	    --data-urlencode "on=2"
	[ "$status_code" = 400 ]
	post a /volgen --data-urlencode "what=thema" --data-urlencode "id=01" \
	    --data-urlencode "on=1"
	[ "$status_code" = 400 ]
	# A closed community one is not in does not exist.
	post a /volgen --data-urlencode "what=gemeenschap" \
	    --data-urlencode "id=$COMM" --data-urlencode "on=1" \
	    --data-urlencode "terug=/"
	[ "$status_code" = 404 ]
	post a /volgen --data-urlencode "what=item" \
	    --data-urlencode "id=999999999999" --data-urlencode "on=1"
	[ "$status_code" = 404 ]
	[ "$(db -c "SELECT count(*) FROM follow WHERE account_id = $ID_a")" = 0 ]
	# Elsewhere is never a place to return to.
	local theme
	theme=$(db -c "SELECT id FROM theme ORDER BY id LIMIT 1")
	for bad in '//evil.example/x' 'https://evil.example/' '/\evil'; do
		post a /volgen --data-urlencode "what=thema" \
		    --data-urlencode "id=$theme" --data-urlencode "on=1" \
		    --data-urlencode "terug=$bad"
		[ "$status_code" = 303 ]
		[ "$(header location)" = "/?gedaan=gevolgd" ]
	done
	# Signed out meanwhile: sign in first, then back to the page.
	req -H "Origin: $BRON_URL" --data "what=thema&id=$theme&on=1&terug=/themas" /volgen
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/inloggen?terug=%2Fthemas" ]
}

@test "a reply and a mention notify; the list and the header say so" {
	person ed redacteur
	person a lid
	person b lid "Bea $TAG"
	community "$ID_ed" openbaar open
	[ "$(member_act "$COMM" "$ID_a" aanmelden)" = lid ]
	[ "$(member_act "$COMM" "$ID_b" aanmelden)" = lid ]
	# A opens the topic and so follows it; B replies.
	topic "$ID_a" "Kleine groepen <b>$TAG</b>"
	reply "$ID_b" "Eens, het werkt."
	[ "$(notes "$ID_a")" = "reactie:false" ]
	req -b "$(jar a)" /meldingen
	[ "$status_code" = 200 ]
	assert_contains "Bea $TAG reageerde in het gesprek <a href=\"/gemeenschappen/$CSLUG/gesprekken/$TOPIC#bericht-2\">Kleine groepen &lt;b&gt;$TAG&lt;/b&gt;</a>."
	assert_contains '<strong class="notify-new">Nieuw</strong>'
	assert_contains 'Ongelezen: 1'
	assert_contains '>Meldingen <span class="unread-count">(1<span class="visually-hidden"> ongelezen</span>)</span></a>'
	# A mention by name ('@' + display name), once, not also a reply.
	reply "$ID_b" "Wat denk jij, @Lid a $TAG?"
	[ "$(notes "$ID_a")" = "$(printf 'reactie:false\nvermelding:false')" ]
	req -b "$(jar a)" /meldingen
	assert_contains "Bea $TAG noemde je in het gesprek"
	assert_contains "#bericht-3\">"
	assert_contains '(2<span class="visually-hidden"> ongelezen</span>)'
	# In English for an English reader.
	req -b "$(jar a)" -H 'Accept-Language: en' /meldingen
	assert_contains "Bea $TAG mentioned you in the discussion"
	assert_contains "Bea $TAG replied in the discussion"
	assert_contains 'Unread: 2'
}

@test "Gelezen marks one, Alles gelezen marks all; someone else's id changes nothing" {
	person ed redacteur
	person a lid
	person b lid "Bea $TAG"
	community "$ID_ed" openbaar open
	member_act "$COMM" "$ID_a" aanmelden
	member_act "$COMM" "$ID_b" aanmelden
	topic "$ID_a" "Gesprek $TAG"
	reply "$ID_b" "Een."
	reply "$ID_b" "Twee."
	local first
	first=$(db -c "SELECT min(id) FROM notification WHERE account_id = $ID_a")
	# B may not mark A's notification.
	post b /meldingen --data-urlencode "action=gelezen" --data-urlencode "id=$first"
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT read_at IS NULL FROM notification WHERE id = $first")" = t ]
	# CSRF and nonsense.
	req -b "$(jar a)" -H "Origin: $BRON_URL" --data "action=gelezen&id=$first" /meldingen
	[ "$status_code" = 403 ]
	post a /meldingen --data-urlencode "action=wissen"
	[ "$status_code" = 400 ]
	assert_contains 'Terug naar je meldingen'
	post a /meldingen --data-urlencode "action=gelezen"
	[ "$status_code" = 400 ]
	[ "$(db -c "SELECT count(*) FROM notification WHERE account_id = $ID_a AND read_at IS NOT NULL")" = 0 ]
	# The form of the page itself.
	req -b "$(jar a)" /meldingen
	assert_contains "name=\"id\" value=\"$first\""
	assert_contains '<span class="visually-hidden">: Gesprek '"$TAG"'</span>'
	post a /meldingen --data-urlencode "action=gelezen" --data-urlencode "id=$first"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/meldingen?gedaan=gelezen" ]
	[ "$(notes "$ID_a")" = "$(printf 'reactie:true\nreactie:false')" ]
	req -b "$(jar a)" "/meldingen?gedaan=gelezen"
	assert_contains 'De melding staat nu op gelezen.'
	assert_contains '(1<span class="visually-hidden"> ongelezen</span>)'
	post a /meldingen --data-urlencode "action=alles_gelezen" --data-urlencode "pagina=1"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/meldingen?gedaan=alles_gelezen" ]
	[ "$(notes "$ID_a")" = "$(printf 'reactie:true\nreactie:true')" ]
	req -b "$(jar a)" "/meldingen?gedaan=alles_gelezen"
	assert_contains 'Alle meldingen staan nu op gelezen.'
	assert_contains 'Ongelezen: 0'
	assert_not_contains 'unread-count'
	assert_not_contains 'notify-new'
	assert_not_contains 'name="action" value="gelezen"'
}

@test "membership: a request reaches the moderator, the decision reaches the member" {
	person ed redacteur
	person c lid "Cas $TAG"
	community "$ID_ed" leden aanvraag
	[ "$(member_act "$COMM" "$ID_c" aanmelden)" = aanvraag ]
	req -b "$(jar ed)" /meldingen
	assert_contains "Cas $TAG wil lid worden van <a href=\"/gemeenschappen/$CSLUG/leden\">$CNAME</a>."
	[ "$(member_act "$COMM" "$ID_ed" goedkeuren "$ID_c")" = lid ]
	req -b "$(jar c)" /meldingen
	assert_contains "Er is een besluit over je lidmaatschap van <a href=\"/gemeenschappen/$CSLUG\">$CNAME</a>."
	# The moderator's notification now tells what became of it.
	req -b "$(jar ed)" /meldingen
	assert_contains "Cas $TAG is lid geworden van"
	# An invitation says who invites.
	person d lid
	community "$ID_ed" besloten uitnodiging
	[ "$(member_act "$COMM" "$ID_ed" uitnodigen "$ID_d")" = uitgenodigd ]
	req -b "$(jar d)" /meldingen
	assert_contains "nodigt je uit voor <a href=\"/gemeenschappen/$CSLUG\">$CNAME</a>."
}

@test "a review outcome reaches the author, with the decision" {
	person ed redacteur
	person a lid
	local slug art
	slug=$(db -v actor="$ID_a" -v title="Artikel $TAG" -v slug="a-$TAG" <<'SQL'
SELECT slug FROM item_save('artikel', NULL, NULL, :'actor'::bigint,
    :'title', 'Kort.', 'Tekst.', '<p>Tekst.</p>', '', 1, '', :'slug', '',
    '', '', NULL, '', '', NULL, NULL)
SQL
)
	art=$(db -c "SELECT id FROM item WHERE slug = '$slug' AND kind = 'artikel'")
	db -c "SELECT item_transition($art, $ID_a, 'indienen', '')" >/dev/null
	db -c "SELECT item_transition($art, $ID_ed, 'terugsturen', 'Korter graag.')" >/dev/null
	req -b "$(jar a)" /meldingen
	assert_contains "De redactie heeft <a href=\"/artikelen/$slug\">Artikel $TAG</a> teruggestuurd."
	db -c "SELECT item_transition($art, $ID_a, 'indienen', '')" >/dev/null
	db -c "SELECT item_transition($art, $ID_ed, 'goedkeuren', '')" >/dev/null
	req -b "$(jar a)" /meldingen
	assert_contains "De redactie heeft <a href=\"/artikelen/$slug\">Artikel $TAG</a> goedgekeurd."
	[ "$(notes "$ID_a")" = "$(printf 'beoordeling:false\nbeoordeling:false')" ]
}

@test "news of a closed community leaves the list and the count once the reader is out; the removal is told" {
	person ed redacteur
	person a lid
	community "$ID_ed" besloten uitnodiging
	member_act "$COMM" "$ID_ed" uitnodigen "$ID_a" >/dev/null
	[ "$(member_act "$COMM" "$ID_a" accepteren)" = lid ]
	post a /volgen --data-urlencode "what=gemeenschap" \
	    --data-urlencode "id=$COMM" --data-urlencode "on=1"
	[ "$status_code" = 303 ]
	topic "$ID_ed" "Geheim $TAG"
	req -b "$(jar a)" /meldingen
	assert_contains "begon een nieuw gesprek in $CNAME: <a"
	assert_contains "Geheim $TAG"
	assert_contains '(2<span class="visually-hidden"> ongelezen</span>)'
	member_act "$COMM" "$ID_ed" verwijderen "$ID_a" >/dev/null
	# The rows stay, but a closed community no longer exists for them:
	# its news and the invitation leave the list and the count. Only the
	# decision itself is told, by name, not tied to the community.
	[ "$(db -c "SELECT count(*) FROM notification WHERE account_id = $ID_a AND read_at IS NULL")" = 3 ]
	[ "$(db -c "SELECT count(*) FROM notification WHERE account_id = $ID_a
	    AND community_id IS NULL AND kind = 'lidmaatschap'")" = 1 ]
	req -b "$(jar a)" /meldingen
	assert_not_contains "Geheim $TAG"
	assert_not_contains "/gemeenschappen/$CSLUG\""
	assert_contains "$CNAME"
	assert_contains '(1<span class="visually-hidden"> ongelezen</span>)'
}

@test "20 a page, newest first; a page past the end is 404" {
	person a lid
	local i
	for i in $(seq 1 23); do
		db -c "SELECT notify_send($ID_a, 'nieuw_item', 'Titel $TAG nummer $i', '/artikelen/x', NULL, NULL, NULL, NULL, NULL)" >/dev/null
	done
	req -b "$(jar a)" /meldingen
	[ "$status_code" = 200 ]
	[ "$(grep -o 'notify-item' <<<"$body" | wc -l)" = 20 ]
	assert_contains "Titel $TAG nummer 23<"
	assert_not_contains "Titel $TAG nummer 3<"
	assert_contains 'Pagina 1 van 2'
	assert_contains 'href="/meldingen?pagina=2" rel="next">Volgende'
	req -b "$(jar a)" '/meldingen?pagina=2'
	[ "$status_code" = 200 ]
	[ "$(grep -o 'notify-item' <<<"$body" | wc -l)" = 3 ]
	assert_contains "Titel $TAG nummer 1<"
	assert_contains 'href="/meldingen" rel="prev">Vorige'
	assert_contains 'name="pagina" value="2"'
	req -b "$(jar a)" '/meldingen?pagina=3'
	[ "$status_code" = 404 ]
	req -b "$(jar a)" '/meldingen?pagina=nul'
	[ "$status_code" = 404 ]
	req -b "$(jar a)" '/meldingen?pagina=0'
	[ "$status_code" = 404 ]
	# Marking read on page 2 returns there.
	post a /meldingen --data-urlencode "action=alles_gelezen" --data-urlencode "pagina=2"
	[ "$(header location)" = "/meldingen?pagina=2&gedaan=alles_gelezen" ]
	# 99+ at most in the header.
	for i in $(seq 1 101); do echo "SELECT notify_send($ID_a, 'nieuw_item', 'x', '/', NULL, NULL, NULL, NULL, NULL);"; done | db >/dev/null
	req -b "$(jar a)" /account
	assert_contains '(99+<span class="visually-hidden"> ongelezen</span>)'
}

@test "settings: kinds switched off are not written; the form keeps its state" {
	person ed redacteur
	person a lid
	person b lid "Bea $TAG"
	req -b "$(jar a)" /account/meldingen
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains '<legend>Meldingen in Bron</legend>'
	assert_contains 'id="k_reactie" name="k_reactie" value="1" aria-describedby="k_reactie-hint" checked>'
	assert_contains 'id="digest" name="digest" value="1" aria-describedby="digest-hint">'
	# Only replies and the digest on.
	post a /account/meldingen --data-urlencode "k_reactie=1" --data-urlencode "digest=1"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/account/meldingen?gedaan=opgeslagen" ]
	[ "$(db -c "SELECT string_agg(kind || '=' || in_app, ' ' ORDER BY kind) FROM notify_pref WHERE account_id = $ID_a")" = "actie=false beoordeling=false contact=false gesprek=false lidmaatschap=false mastermind=false moderatie=false nieuw_item=false reactie=true verhaal=false vermelding=false wijziging=false" ]
	[ "$(db -c "SELECT digest FROM account WHERE id = $ID_a")" = t ]
	req -b "$(jar a)" "/account/meldingen?gedaan=opgeslagen"
	assert_contains 'Je keuzes zijn opgeslagen.'
	assert_contains 'name="k_reactie" value="1" aria-describedby="k_reactie-hint" checked>'
	assert_contains 'name="k_vermelding" value="1" aria-describedby="k_vermelding-hint">'
	assert_contains 'aria-describedby="digest-hint" checked>'
	# No mentions now: a post that names A is a reply like any other.
	community "$ID_ed" openbaar open
	member_act "$COMM" "$ID_a" aanmelden >/dev/null
	member_act "$COMM" "$ID_b" aanmelden >/dev/null
	topic "$ID_a" "Gesprek $TAG"
	reply "$ID_b" "Hoi @Lid a $TAG"
	[ "$(notes "$ID_a")" = "reactie:false" ]
	# Replies off too: nothing at all.
	post a /account/meldingen
	[ "$status_code" = 303 ]
	reply "$ID_b" "Nog iets."
	[ "$(notes "$ID_a")" = "reactie:false" ]
	post a /account/meldingen --data-urlencode "k_reactie=1" --data-urlencode "digest=1"
	[ "$status_code" = 303 ]
	# A refused form (no token) comes back as it was sent, nothing saved.
	req -b "$(jar a)" -H "Origin: $BRON_URL" --data "k_gesprek=1" /account/meldingen
	[ "$status_code" = 403 ]
	assert_contains 'Dit formulier was verlopen'
	assert_contains 'name="k_gesprek" value="1" aria-describedby="k_gesprek-hint" checked>'
	assert_contains 'name="k_reactie" value="1" aria-describedby="k_reactie-hint">'
	[ "$(db -c "SELECT in_app FROM notify_pref WHERE account_id = $ID_a AND kind = 'gesprek'")" = f ]
	# All off.
	post a /account/meldingen
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT count(*) FROM notify_pref WHERE account_id = $ID_a AND in_app")" = 0 ]
	[ "$(db -c "SELECT digest FROM account WHERE id = $ID_a")" = f ]
}

@test "follow buttons: theme and article pages for people signed in, not for visitors" {
	person a lid
	local theme tid
	theme=$(db -c "SELECT slug FROM theme ORDER BY id LIMIT 1")
	tid=$(db -c "SELECT id FROM theme WHERE slug = '$theme'")
	req "/themas/$theme"
	[ "$status_code" = 200 ]
	assert_not_contains 'action="/volgen"'
	req -b "$(jar a)" "/themas/$theme"
	assert_contains 'action="/volgen"'
	assert_contains 'name="what" value="thema"'
	assert_contains "name=\"id\" value=\"$tid\""
	assert_contains "name=\"terug\" value=\"/themas/$theme\""
	assert_contains '<button type="submit">Volgen</button>'
	post a /volgen --data-urlencode "what=thema" --data-urlencode "id=$tid" \
	    --data-urlencode "on=1" --data-urlencode "terug=/themas/$theme"
	[ "$(header location)" = "/themas/$theme?gedaan=gevolgd" ]
	req -b "$(jar a)" "/themas/$theme"
	assert_contains '<button type="submit">Niet meer volgen</button>'
	assert_contains 'name="on" value="0"'

	# A published article: the button in the part only readers signed in get.
	local slug aid
	slug=$(db -c "SELECT slug FROM item WHERE kind = 'artikel' AND status = 'gepubliceerd' AND visibility = 'openbaar' AND hidden_at IS NULL ORDER BY id LIMIT 1")
	aid=$(db -c "SELECT id FROM item WHERE kind = 'artikel' AND slug = '$slug'")
	req "/artikelen/$slug"
	[ "$status_code" = 200 ]
	assert_not_contains 'action="/volgen"'
	req -b "$(jar a)" "/artikelen/$slug"
	assert_contains 'name="what" value="item"'
	assert_contains "name=\"id\" value=\"$aid\""
	assert_contains '<button type="submit">Volgen</button>'
	post a /volgen --data-urlencode "what=item" --data-urlencode "id=$aid" \
	    --data-urlencode "on=1" --data-urlencode "terug=/artikelen/$slug"
	[ "$(header location)" = "/artikelen/$slug?gedaan=gevolgd" ]
	req -b "$(jar a)" "/artikelen/$slug?gedaan=gevolgd"
	assert_contains 'Je volgt dit nu.'
	assert_contains '<button type="submit">Niet meer volgen</button>'
	# The visitor's cached page still has no button.
	req "/artikelen/$slug"
	assert_not_contains 'action="/volgen"'
	assert_not_contains 'Je volgt dit nu.'
	db -c "DELETE FROM follow WHERE account_id = $ID_a"
}

@test "a followed article's new revision notifies its follower" {
	person ed redacteur
	person a lid
	local slug art
	slug=$(db -v actor="$ID_ed" -v title="Volg $TAG" -v slug="v-$TAG" <<'SQL'
SELECT slug FROM item_save('artikel', NULL, NULL, :'actor'::bigint,
    :'title', 'Kort.', 'Tekst.', '<p>Tekst.</p>', '', 1, '', :'slug', '',
    '', '', NULL, '', '', NULL, NULL)
SQL
)
	art=$(db -c "SELECT id FROM item WHERE slug = '$slug' AND kind = 'artikel'")
	db -c "SELECT item_transition($art, $ID_ed, 'indienen', '')" >/dev/null
	db -c "SELECT item_transition($art, $ID_ed, 'goedkeuren', '')" >/dev/null
	post a /volgen --data-urlencode "what=item" --data-urlencode "id=$art" \
	    --data-urlencode "on=1" --data-urlencode "terug=/artikelen/$slug"
	[ "$status_code" = 303 ]
	db -v actor="$ID_ed" -v id="$art" >/dev/null <<'SQL'
SELECT * FROM item_save('artikel', :'id'::bigint,
    (SELECT revision FROM item WHERE id = :'id'::bigint), :'actor'::bigint,
    'Volg nieuw', 'Kort.', 'Nieuwe tekst.', '<p>Nieuwe tekst.</p>', '', 2,
    'beter', '', '', '', '', NULL, '', '', NULL, NULL)
SQL
	[ "$(notes "$ID_a")" = "wijziging:false" ]
	req -b "$(jar a)" /meldingen
	assert_contains "heeft <a href=\"/artikelen/$slug\">Volg nieuw</a> bijgewerkt."
}

@test "bron digest: one outbox mail per account with news, then not again" {
	person ed redacteur
	person a lid
	person b lid "Bea $TAG"
	community "$ID_ed" openbaar open
	member_act "$COMM" "$ID_a" aanmelden >/dev/null
	member_act "$COMM" "$ID_b" aanmelden >/dev/null
	topic "$ID_a" "Digest $TAG"
	reply "$ID_b" "Eerste reactie."
	# Digest off: nothing for A.
	run env BRON_DATABASE_URL="$BRON_DATABASE_URL" BRON_BASE_URL="https://bron.test/" "$BRON_CLI" digest
	[ "$status" -eq 0 ]
	[[ "$output" =~ ^[0-9]+\ e-mails?\ geschreven$ ]]
	[ "$(db -c "SELECT count(*) FROM outbox WHERE account_id = $ID_a")" = 0 ]
	post a /account/meldingen --data-urlencode "k_reactie=1" --data-urlencode "digest=1"
	[ "$status_code" = 303 ]
	run env BRON_DATABASE_URL="$BRON_DATABASE_URL" BRON_BASE_URL="https://bron.test/" "$BRON_CLI" digest
	[ "$status" -eq 0 ]
	[[ "$output" != "0 e-mails geschreven" ]]
	[ "$(db -c "SELECT count(*) FROM outbox WHERE account_id = $ID_a")" = 1 ]
	[ "$(db -c "SELECT to_addr FROM outbox WHERE account_id = $ID_a")" = "$MAIL_a" ]
	[ "$(db -c "SELECT subject FROM outbox WHERE account_id = $ID_a")" = "Bron: je meldingen van deze week" ]
	body=$(db -c "SELECT body FROM outbox WHERE account_id = $ID_a")
	assert_contains "Hallo Lid a $TAG,"
	assert_contains "- Bea $TAG reageerde in het gesprek Digest $TAG."
	assert_contains "  https://bron.test/gemeenschappen/$CSLUG/gesprekken/$TOPIC#bericht-2"
	assert_contains "https://bron.test/account/meldingen"
	[ "$(db -c "SELECT digest_at IS NOT NULL FROM account WHERE id = $ID_a")" = t ]
	# Nothing new: no second mail.
	run env BRON_DATABASE_URL="$BRON_DATABASE_URL" "$BRON_CLI" digest
	[ "$status" -eq 0 ]
	[ "$(db -c "SELECT count(*) FROM outbox WHERE account_id = $ID_a")" = 1 ]
	# Something new, read in the app: still no mail. Unread and new: mail.
	reply "$ID_b" "Tweede."
	db -c "UPDATE notification SET read_at = now() WHERE account_id = $ID_a" >/dev/null
	run env BRON_DATABASE_URL="$BRON_DATABASE_URL" "$BRON_CLI" digest
	[ "$(db -c "SELECT count(*) FROM outbox WHERE account_id = $ID_a")" = 1 ]
	reply "$ID_b" "Derde."
	db -c "UPDATE account SET lang = 'en' WHERE id = $ID_a" >/dev/null
	run env BRON_DATABASE_URL="$BRON_DATABASE_URL" "$BRON_CLI" digest
	[ "$(db -c "SELECT count(*) FROM outbox WHERE account_id = $ID_a")" = 2 ]
	body=$(db -c "SELECT body FROM outbox WHERE account_id = $ID_a ORDER BY id DESC LIMIT 1")
	assert_contains "Hello Lid a $TAG,"
	assert_contains "- Bea $TAG replied in the discussion Digest $TAG."
	assert_not_contains "Eerste"
	[ "$(db -c "SELECT subject FROM outbox WHERE account_id = $ID_a ORDER BY id DESC LIMIT 1")" = "Bron: your notifications of this week" ]
	# Older than a week never goes out.
	db -c "UPDATE account SET digest_at = NULL WHERE id = $ID_a" >/dev/null
	db -c "UPDATE notification SET created_at = now() - interval '8 days', read_at = NULL WHERE account_id = $ID_a" >/dev/null
	run env BRON_DATABASE_URL="$BRON_DATABASE_URL" "$BRON_CLI" digest
	[ "$(db -c "SELECT count(*) FROM outbox WHERE account_id = $ID_a")" = 2 ]
}

@test "titles are text in the list and the header count is per person" {
	person ed redacteur
	person a lid
	person b lid "<img src=x onerror=alert(1)>"
	community "$ID_ed" openbaar open
	member_act "$COMM" "$ID_a" aanmelden >/dev/null
	member_act "$COMM" "$ID_b" aanmelden >/dev/null
	topic "$ID_a" "\"><script>alert(1)</script>"
	reply "$ID_b" "x"
	req -b "$(jar a)" /meldingen
	assert_not_contains '<script>alert(1)'
	assert_not_contains '<img src=x'
	assert_contains '&lt;img src=x onerror=alert(1)&gt; reageerde in het gesprek'
	assert_contains '&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</a>'
	req -b "$(jar b)" /meldingen
	assert_not_contains 'unread-count'
	assert_contains 'Je hebt nog geen meldingen.'
}
