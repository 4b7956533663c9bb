#!/usr/bin/env bats
# Communities of practice (issue 6): the list, making and editing a
# community (editors; moderators edit), its home with "Recent", what
# outsiders may see of members-only and closed communities, and the Atom
# feed of a public community. Membership is in 31_membership.bats.
load helpers

# Communities and items made here are removed again afterwards: the
# development database is shared.
setup_file() {
	export CT_T0
	CT_T0=$(db -c "SELECT now()")
}

teardown_file() {
	db -c "DELETE FROM item WHERE slug LIKE 'ct-item-%' AND created_at >= '$CT_T0'"
	db -c "DELETE FROM community WHERE created_at >= '$CT_T0'
	    AND (name LIKE 'Testgemeenschap %' OR name LIKE 'Nieuw'
	    OR name LIKE '%<script>%')"
}

# Registration is throttled per IP: every sign-up gets its own address.
test_ip() {
	echo "10.30.$((RANDOM % 256)).$((RANDOM % 254 + 1))"
}

newuser() {
	post "$1" /registreren -H "X-Real-IP: $(test_ip)" \
	    --data-urlencode "email=$2" --data-urlencode "name=${3:-Testlid}" \
	    --data-urlencode "password=$TEST_PASSWORD" \
	    --data-urlencode "kind=professional"
	[ "$status_code" = 303 ] || {
		echo "register $2: $status_code" >&2
		return 1
	}
}

# An editor signed in with jar "red".
new_editor() {
	local e
	e=$(unique_email redactie)
	newuser red "$e" "Redacteur $$ $RANDOM"
	set_role "$e" redacteur
}

# A member signed in with jar $1; $MEMBER_ID is their id.
new_member() {
	local e
	e=$(unique_email lid)
	newuser "$1" "$e" "${2:-Lid $$ $RANDOM}"
	MEMBER_ID=$(db -c "SELECT id FROM account WHERE email = '$e'")
}

# mpost JAR PATH [--form-string k=v ...]: a same-origin multipart POST
# (as the browser sends the community form) with the jar's token.
mpost() {
	local j=$1 path=$2 t
	shift 2
	t=$(csrf "$j")
	req -b "$(jar "$j")" -c "$(jar "$j")" -H "Origin: $BRON_URL" \
	    --form-string "_csrf=$t" "$@" "$path"
}

# A fresh nonce from the form, as the browser would send it.
nonce() {
	curl -s -b "$(jar "$1")" "$BRON_URL/gemeenschappen/nieuw" |
	    grep -o 'name="nonce" value="[^"]*"' | cut -d'"' -f4
}

# create NAME VISIBILITY MEMBERSHIP [args...]: as the editor; sets $SLUG.
create() {
	local name=$1 vis=$2 mem=$3
	shift 3
	mpost red /gemeenschappen/nieuw --form-string "nonce=$(nonce red)" \
	    --form-string "name=$name" \
	    --form-string "summary=Een korte uitleg voor de test." \
	    --form-string "purpose=Samen **leren** over de test." \
	    --form-string "visibility=$vis" --form-string "membership=$mem" "$@"
	[ "$status_code" = 303 ] || {
		echo "create $name: $status_code" >&2
		return 1
	}
	SLUG=$(header location | sed -n 's|^/gemeenschappen/\([a-z0-9-]*\)?gedaan=aangemaakt$|\1|p')
	[ -n "$SLUG" ]
}

comm_id() {
	db -c "SELECT id FROM community WHERE slug = '$1'"
}

# publish_item COMMUNITY_SLUG TITLE: a published article in the community.
publish_item() {
	db -c "INSERT INTO item (kind, slug, title, summary, body_md, body_html,
	    status, published_at, community_id)
	    VALUES ('artikel', 'ct-item-$$-$RANDOM$RANDOM', '$2',
	    'Samenvatting van $2', 'Tekst', '<p>Tekst</p>', 'gepubliceerd',
	    now(), $(comm_id "$1"))"
}

@test "the new-community form is for editors: visitors sign in, members get 403" {
	req /gemeenschappen/nieuw
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/inloggen?terug=%2Fgemeenschappen%2Fnieuw" ]
	new_member lid
	req -b "$(jar lid)" /gemeenschappen/nieuw
	[ "$status_code" = 403 ]
	mpost lid /gemeenschappen/nieuw --form-string "name=Testgemeenschap lid" \
	    --form-string "summary=x" --form-string "purpose=x" \
	    --form-string "visibility=openbaar" --form-string "membership=open"
	[ "$status_code" = 403 ]
	[ "$(db -c "SELECT count(*) FROM community WHERE name = 'Testgemeenschap lid'")" = 0 ]
	new_editor
	req -b "$(jar red)" /gemeenschappen/nieuw
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains '<h1>Nieuwe gemeenschap</h1>'
	assert_contains 'name="nonce" value="'
	assert_contains 'id="visibility-besloten"'
	assert_contains 'Alleen leden weten dat de gemeenschap bestaat.'
}

@test "bad input: a Dutch message next to each field, and the typed text comes back" {
	new_editor
	long=$(printf 'x%.0s' $(seq 1 301))
	mpost red /gemeenschappen/nieuw --form-string "nonce=$(nonce red)" \
	    --form-string "name=" --form-string "summary=$long" \
	    --form-string "purpose=Ons doel, met <em>tekst</em>" \
	    --form-string "themes=bestaat-niet-$$" \
	    --form-string "visibility=geheim" --form-string "membership=open"
	[ "$status_code" = 400 ]
	assert_contains 'Vul een naam in.'
	assert_contains 'De tekst bij In het kort is te lang. Gebruik hoogstens 300 tekens.'
	assert_contains 'Een van de gekozen thema&#39;s bestaat niet meer.'
	assert_contains 'Kies wie kan meelezen.'
	assert_contains "value=\"$long\""
	assert_contains '>Ons doel, met &lt;em&gt;tekst&lt;/em&gt;</textarea>'
	assert_contains 'aria-invalid="true"'
	# Nothing typed that yields no address: its own message.
	mpost red /gemeenschappen/nieuw --form-string "nonce=$(nonce red)" \
	    --form-string "name=!!!" --form-string "summary=Kort" \
	    --form-string "purpose=Doel" --form-string "visibility=openbaar" \
	    --form-string "membership=aanvraag"
	[ "$status_code" = 400 ]
	assert_contains 'Gebruik in de naam ook letters of cijfers.'
	assert_contains 'id="membership-aanvraag" name="membership" value="aanvraag" aria-describedby="membership-aanvraag-hint" checked'
	# A form without its nonce is refused with a fresh one.
	mpost red /gemeenschappen/nieuw --form-string "name=Testgemeenschap zonder nonce $$" \
	    --form-string "summary=Kort" --form-string "purpose=Doel" \
	    --form-string "visibility=openbaar" --form-string "membership=open"
	[ "$status_code" = 400 ]
	assert_contains 'Het formulier was niet compleet.'
	[ "$(db -c "SELECT count(*) FROM community WHERE name = 'Testgemeenschap zonder nonce $$'")" = 0 ]
}

@test "an editor makes a community: it exists once, with themes, and the maker moderates it" {
	new_editor
	n=$(nonce red)
	name="Testgemeenschap Maken $$ $RANDOM"
	for i in 1 2; do
		mpost red /gemeenschappen/nieuw --form-string "nonce=$n" \
		    --form-string "name=$name" --form-string "summary=Voor wie leert." \
		    --form-string "purpose=Samen **leren**." \
		    --form-string "themes=kleinschaligheid" --form-string "themes=vakmanschap" \
		    --form-string "visibility=openbaar" --form-string "membership=open"
		[ "$status_code" = 303 ]
	done
	[ "$(db -c "SELECT count(*) FROM community WHERE name = '$name'")" = 1 ]
	slug=$(db -c "SELECT slug FROM community WHERE name = '$name'")
	[ "$(header location)" = "/gemeenschappen/$slug?gedaan=aangemaakt" ]
	[ "$(db -c "SELECT string_agg(t.slug, ',' ORDER BY t.slug) FROM community_theme ct
	    JOIN theme t ON t.id = ct.theme_id JOIN community c ON c.id = ct.community_id
	    WHERE c.slug = '$slug'")" = "kleinschaligheid,vakmanschap" ]
	[ "$(db -c "SELECT m.state || m.moderator::text FROM member m JOIN community c
	    ON c.id = m.community_id WHERE c.slug = '$slug'")" = "lidtrue" ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'gemeenschap_aangemaakt'
	    AND target_id = $(comm_id "$slug")")" = 1 ]
	req -b "$(jar red)" "/gemeenschappen/$slug?gedaan=aangemaakt"
	[ "$status_code" = 200 ]
	assert_contains 'De gemeenschap is gemaakt. Jij bent de eerste moderator.'
	assert_contains '<p>Samen <strong>leren</strong>.</p>'
	assert_contains '<a href="/themas/vakmanschap">Vakmanschap</a>'
	assert_contains 'Je bent lid en moderator van deze gemeenschap.'
	assert_contains "href=\"/gemeenschappen/$slug/bewerken\""
	# The addresses /gemeenschappen/nieuw and .../uitnodiging stay free.
	create "Nieuw" openbaar open
	[ "$SLUG" = nieuw-2 ] || [[ "$SLUG" == nieuw-* ]]
}

@test "the list: public and members-only for everyone, closed only for members and editors" {
	new_editor
	create "Testgemeenschap Open $$" openbaar open
	open=$SLUG
	create "Testgemeenschap Leden $$" leden aanvraag
	leden=$SLUG
	create "Testgemeenschap Besloten $$" besloten uitnodiging
	closed=$SLUG
	req /gemeenschappen
	[ "$status_code" = 200 ]
	assert_contains "Testgemeenschap Open $$"
	assert_contains "Testgemeenschap Leden $$"
	assert_not_contains "Testgemeenschap Besloten $$"
	assert_not_contains "$closed"
	new_member lid
	req -b "$(jar lid)" /gemeenschappen
	assert_not_contains "Testgemeenschap Besloten $$"
	req -b "$(jar red)" /gemeenschappen
	assert_contains "Testgemeenschap Besloten $$"
	assert_contains 'Je bent moderator'
	assert_contains 'Besloten · Alleen op uitnodiging · Leden: 1'
	assert_contains 'href="/gemeenschappen/nieuw"'
	req -b "$(jar lid)" /gemeenschappen
	assert_not_contains 'href="/gemeenschappen/nieuw"'
	# A bad page number is page 1, never an error.
	req '/gemeenschappen?pagina=abc'
	[ "$status_code" = 200 ]
	req '/gemeenschappen?pagina=999999'
	[ "$status_code" = 200 ]
}

@test "a closed community is 404 to outsiders on every page; members-only shows no content" {
	new_editor
	create "Testgemeenschap Dicht $$" besloten uitnodiging
	closed=$SLUG
	create "Testgemeenschap Ledenkring $$" leden aanvraag
	leden=$SLUG
	publish_item "$closed" "Kanarie besloten $$"
	publish_item "$leden" "Kanarie leden $$"
	new_member lid
	for j in "" "-b $(jar lid)"; do
		for p in "" /leden; do
			req $j "/gemeenschappen/$closed$p"
			[ "$status_code" = 404 ]
			assert_not_contains "Testgemeenschap Dicht"
		done
	done
	req -b "$(jar lid)" "/gemeenschappen/$closed/bewerken"
	[ "$status_code" = 404 ]
	# A visitor is asked to sign in first, as for any address.
	req "/gemeenschappen/$closed/bewerken"
	[ "$status_code" = 303 ]
	post lid "/gemeenschappen/$closed/lidmaatschap" --data-urlencode "action=aanmelden"
	[ "$status_code" = 404 ]
	post lid "/gemeenschappen/$closed/leden" --data-urlencode "action=goedkeuren" \
	    --data-urlencode "account=1"
	[ "$status_code" = 404 ]
	post lid "/gemeenschappen/$closed/uitnodigen" --data-urlencode "who=iemand@example.org"
	[ "$status_code" = 404 ]
	[ "$(db -c "SELECT count(*) FROM member m JOIN community c ON c.id = m.community_id WHERE c.slug = '$closed'")" = 1 ]
	for j in "" "-b $(jar lid)"; do
		req $j "/gemeenschappen/$leden"
		[ "$status_code" = 200 ]
		assert_contains 'Alleen voor leden'
		assert_contains 'Wat in deze gemeenschap staat, is alleen voor leden.'
		assert_not_contains "Kanarie leden $$"
		assert_not_contains 'Recent'
		req $j "/gemeenschappen/$leden/leden"
		[ "$status_code" = 403 ]
		assert_contains 'Alleen voor leden'
		assert_not_contains "Redacteur $$"
	done
	req "/gemeenschappen/$leden"
	assert_contains 'Log in om lid te worden'
	req -b "$(jar lid)" "/gemeenschappen/$leden"
	assert_contains 'Lid worden aanvragen'
	# Nowhere public: the article list, the home page, search.
	for p in /artikelen / '/zoeken?q=Kanarie'; do
		req -b "$(jar lid)" "$p"
		assert_not_contains "Kanarie besloten $$"
		assert_not_contains "Kanarie leden $$"
	done
	# Editors read both.
	req -b "$(jar red)" "/gemeenschappen/$closed"
	[ "$status_code" = 200 ]
	assert_contains "Kanarie besloten $$"
}

@test "the home shows Recent: the community's items, newest first, and its discussions, pinned first" {
	new_editor
	create "Testgemeenschap Recent $$" openbaar open
	publish_item "$SLUG" "Ouder stuk $$"
	db -c "UPDATE item SET published_at = now() - interval '2 days' WHERE title = 'Ouder stuk $$'"
	publish_item "$SLUG" "Nieuw stuk $$"
	red=$(db -c "SELECT account_id FROM member m JOIN community c ON c.id = m.community_id WHERE c.slug = '$SLUG'")
	cid=$(comm_id "$SLUG")
	db -c "SELECT topic_create($cid, $red, 'Gewoon gesprek $$', 'Hoi', '<p>Hoi</p>', NULL)"
	db -c "SELECT topic_create($cid, $red, 'Vast gesprek $$', 'Lees dit', '<p>Lees dit</p>', NULL)"
	db -c "UPDATE topic SET pinned = true, last_post_at = now() - interval '1 day' WHERE title = 'Vast gesprek $$'"
	req "/gemeenschappen/$SLUG"
	[ "$status_code" = 200 ]
	assert_contains '<h2 id="comm-recent">Recent</h2>'
	[[ "$body" == *"Nieuw stuk $$"*"Ouder stuk $$"* ]]
	[[ "$body" == *"Vast gesprek $$"*"Vastgezet"*"Gewoon gesprek $$"* ]]
	assert_contains "href=\"/gemeenschappen/$SLUG/gesprekken\">Alle gesprekken (2)</a>"
	assert_contains 'Berichten: 1'
	# A visitor may read a public community, but not start a discussion.
	assert_not_contains "/gemeenschappen/$SLUG/gesprekken/nieuw"
	req -b "$(jar red)" "/gemeenschappen/$SLUG"
	assert_contains "href=\"/gemeenschappen/$SLUG/gesprekken/nieuw\""
	# Hidden items leave the list.
	db -c "UPDATE item SET hidden_at = now() WHERE title = 'Nieuw stuk $$'"
	req "/gemeenschappen/$SLUG"
	assert_not_contains "Nieuw stuk $$"
}

@test "editing: moderators only, a stale revision gives 409 with the typed text" {
	new_editor
	create "Testgemeenschap Bewerken $$" openbaar open
	req -b "$(jar red)" "/gemeenschappen/$SLUG/bewerken"
	[ "$status_code" = 200 ]
	assert_contains 'name="base" value="1"'
	assert_contains 'Samen **leren** over de test.</textarea>'
	new_member lid
	req -b "$(jar lid)" "/gemeenschappen/$SLUG/bewerken"
	[ "$status_code" = 403 ]
	req "/gemeenschappen/$SLUG/bewerken"
	[ "$status_code" = 303 ]
	mpost red "/gemeenschappen/$SLUG/bewerken" --form-string "base=1" \
	    --form-string "name=Testgemeenschap Bewerkt $$" \
	    --form-string "summary=Nieuwe uitleg." \
	    --form-string "purpose=Eerste regel.
Tweede regel." \
	    --form-string "visibility=leden" --form-string "membership=aanvraag"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/gemeenschappen/$SLUG?gedaan=opgeslagen" ]
	[ "$(db -c "SELECT name || '|' || visibility || '|' || revision FROM community WHERE slug = '$SLUG'")" = "Testgemeenschap Bewerkt $$|leden|2" ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'gemeenschap_gewijzigd' AND target_id = $(comm_id "$SLUG")")" = 1 ]
	# Someone else saved version 2 meanwhile: this edit started at 1.
	mpost red "/gemeenschappen/$SLUG/bewerken" --form-string "base=1" \
	    --form-string "name=Testgemeenschap Mijn versie $$" \
	    --form-string "summary=Mijn uitleg." \
	    --form-string "purpose=Eerste regel.
Mijn regel." \
	    --form-string "visibility=leden" --form-string "membership=aanvraag"
	[ "$status_code" = 409 ]
	assert_contains 'Iemand anders heeft de gemeenschap intussen veranderd'
	assert_contains 'Jij begon bij versie 1. Nu is versie 2 opgeslagen.'
	assert_contains "value=\"Testgemeenschap Mijn versie $$\""
	assert_contains 'Mijn regel.</textarea>'
	assert_contains 'name="base" value="2"'
	assert_contains 'class="diff'
	[ "$(db -c "SELECT name FROM community WHERE slug = '$SLUG'")" = "Testgemeenschap Bewerkt $$" ]
	# A member who is not a moderator cannot save either.
	mpost lid "/gemeenschappen/$SLUG/bewerken" --form-string "base=2" \
	    --form-string "name=Overgenomen" --form-string "summary=x" \
	    --form-string "purpose=x" --form-string "visibility=openbaar" \
	    --form-string "membership=open"
	[ "$status_code" = 403 ]
	[ "$(db -c "SELECT revision FROM community WHERE slug = '$SLUG'")" = 2 ]
	# Without a valid CSRF token nothing is saved; the text comes back.
	req -b "$(jar red)" -H "Origin: $BRON_URL" --form-string "_csrf=x" \
	    --form-string "base=2" --form-string "name=Zonder token $$" \
	    --form-string "summary=x" --form-string "purpose=x" \
	    --form-string "visibility=openbaar" --form-string "membership=open" \
	    "/gemeenschappen/$SLUG/bewerken"
	[ "$status_code" = 403 ]
	assert_contains "value=\"Zonder token $$\""
	[ "$(db -c "SELECT revision FROM community WHERE slug = '$SLUG'")" = 2 ]
}

@test "names and purposes are inert: escaped text, safe Markdown" {
	new_editor
	create "Testgemeenschap <script>alert(1)</script> $$" openbaar open \
	    --form-string "purpose=<script>alert(2)</script> [x](javascript:alert(3))"
	req "/gemeenschappen/$SLUG"
	[ "$status_code" = 200 ]
	assert_contains "Testgemeenschap &lt;script&gt;alert(1)&lt;/script&gt; $$"
	assert_not_contains '<script>alert'
	assert_not_contains 'javascript:'
	req /gemeenschappen
	assert_not_contains '<script>alert'
}

@test "the article editor offers only communities the writer may post in" {
	new_editor
	create "Testgemeenschap Schrijven $$" openbaar open
	new_member lid
	req -b "$(jar lid)" /artikelen/nieuw
	[ "$status_code" = 200 ]
	assert_not_contains "Testgemeenschap Schrijven $$"
	post lid "/gemeenschappen/$SLUG/lidmaatschap" --data-urlencode "action=aanmelden"
	[ "$status_code" = 303 ]
	req -b "$(jar lid)" /artikelen/nieuw
	assert_contains "Testgemeenschap Schrijven $$"
	req -b "$(jar red)" /artikelen/nieuw
	assert_contains "Testgemeenschap Schrijven $$"
}

@test "unknown communities and bad paths are 404" {
	req /gemeenschappen/bestaat-niet-$$
	[ "$status_code" = 404 ]
	req /gemeenschappen/bestaat-niet-$$/leden
	[ "$status_code" = 404 ]
	req /gemeenschappen/a--b
	[ "$status_code" = 404 ]
	new_member lid
	req -b "$(jar lid)" /gemeenschappen/bestaat-niet-$$/bewerken
	[ "$status_code" = 404 ]
}

@test "readers follow a community from its home; members read a members-only community's items" {
	new_editor
	create "Testgemeenschap Volgen $$" leden open
	publish_item "$SLUG" "Alleen voor leden stuk $$"
	cid=$(comm_id "$SLUG")
	req "/gemeenschappen/$SLUG"
	assert_not_contains 'action="/volgen"'
	new_member lid
	req -b "$(jar lid)" "/gemeenschappen/$SLUG"
	assert_not_contains 'action="/volgen"'
	post lid "/gemeenschappen/$SLUG/lidmaatschap" --data-urlencode "action=aanmelden"
	[ "$(header location)" = "/gemeenschappen/$SLUG?gedaan=lid" ]
	req -b "$(jar lid)" "/gemeenschappen/$SLUG"
	assert_contains "Alleen voor leden stuk $$"
	assert_contains 'action="/volgen"'
	assert_contains "name=\"id\" value=\"$cid\""
	assert_contains '>Volgen</button>'
	post lid /volgen --data-urlencode "what=gemeenschap" --data-urlencode "id=$cid" \
	    --data-urlencode "on=1" --data-urlencode "terug=/gemeenschappen/$SLUG"
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT count(*) FROM follow WHERE community_id = $cid AND account_id = $MEMBER_ID")" = 1 ]
	req -b "$(jar lid)" "$(header location)"
	[ "$status_code" = 200 ]
	assert_contains '>Niet meer volgen</button>'
	assert_contains 'class="notice"'
}

@test "the Atom feed: public communities only, with their public items" {
	new_editor
	create "Testgemeenschap Feed & <Co> $$" openbaar open
	pub=$SLUG
	publish_item "$pub" "Feedstuk $$"
	create "Testgemeenschap Feed Leden $$" leden aanvraag
	leden=$SLUG
	publish_item "$leden" "Kanarie feed leden $$"
	create "Testgemeenschap Feed Dicht $$" besloten uitnodiging
	closed=$SLUG
	req "/feeds/gemeenschappen/$pub.atom"
	[ "$status_code" = 200 ]
	[ "$(header content-type)" = "application/atom+xml; charset=utf-8" ]
	assert_contains '<feed xmlns="http://www.w3.org/2005/Atom"'
	assert_contains "<title>Bron - gemeenschap Testgemeenschap Feed &amp; &lt;Co&gt; $$</title>"
	assert_contains "/gemeenschappen/$pub\"/>"
	assert_contains "<title>Feedstuk $$</title>"
	assert_contains '<content type="html">&lt;p&gt;Tekst&lt;/p&gt;</content>'
	python3 -c 'import sys, xml.etree.ElementTree as E; E.fromstring(sys.stdin.buffer.read())' <<<"$body"
	# Hidden items leave the feed.
	db -c "UPDATE item SET hidden_at = now() WHERE title = 'Feedstuk $$'"
	req "/feeds/gemeenschappen/$pub.atom"
	[ "$status_code" = 200 ]
	assert_not_contains "Feedstuk $$"
	# Members-only, closed and unknown: 404, even for members and editors.
	for s in "$leden" "$closed" "bestaat-niet-$$"; do
		req "/feeds/gemeenschappen/$s.atom"
		[ "$status_code" = 404 ]
		assert_not_contains "Kanarie feed leden $$"
		req -b "$(jar red)" "/feeds/gemeenschappen/$s.atom"
		[ "$status_code" = 404 ]
	done
	# The public home links its feed; the others do not have one.
	req "/gemeenschappen/$pub"
	assert_contains "href=\"/feeds/gemeenschappen/$pub.atom\""
	req -b "$(jar red)" "/gemeenschappen/$leden"
	assert_not_contains '/feeds/gemeenschappen/'
}
