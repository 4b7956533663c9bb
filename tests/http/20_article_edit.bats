#!/usr/bin/env bats
# The article editor (issue 5): /artikelen/nieuw and
# /artikelen/{slug}/bewerken. Preview without saving, saving through
# item_save (revision, author, nonce), slugs, field errors that keep the
# typed text, CSRF, who may edit, the 409 page and escaping.

load helpers

setup() {
	IP="10.20.$((RANDOM % 250 + 1)).$((RANDOM % 250 + 1))"
	# A word no other test uses, to find this test's articles.
	TAG="t$$x$RANDOM$RANDOM"
}

# member JAR [NAME]: a new signed-in member; prints nothing, sets EMAIL_<JAR>.
member() {
	local e
	e=$(unique_email "edit-$1")
	post "$1" /registreren -H "X-Real-IP: $IP" \
	    --data-urlencode "email=$e" --data-urlencode "name=${2:-Schrijver}" \
	    --data-urlencode "password=$TEST_PASSWORD" \
	    --data-urlencode "kind=professional"
	[ "$status_code" = 303 ] || {
		echo "register $e: $status_code" >&2
		return 1
	}
	printf -v "EMAIL_$1" '%s' "$e"
}

acct_id() {
	db -c "SELECT id FROM account WHERE email = '$1'"
}

# mpost JAR PATH [curl --form-string args...]: the editor's multipart
# POST, same origin, with the jar's CSRF token.
mpost() {
	local j=$1 path=$2
	shift 2
	local t
	t=$(csrf "$j")
	req -b "$(jar "$j")" -c "$(jar "$j")" -H "Origin: $BRON_URL" \
	    --form-string "_csrf=$t" "$@" "$path"
}

# nonce JAR: a fresh nonce from the new-article form.
nonce() {
	req -b "$(jar "$1")" -c "$(jar "$1")" /artikelen/nieuw
	grep -o 'name="nonce" value="[^"]*"' <<<"$body" | cut -d'"' -f4
}

# create JAR TITLE [curl args...]: save a new article; sets SLUG.
create() {
	local j=$1 title=$2 n
	shift 2
	n=$(nonce "$j")
	mpost "$j" /artikelen/nieuw --form-string "nonce=$n" \
	    --form-string "action=save" --form-string "title=$title" \
	    --form-string "summary=Wat je hieraan hebt." \
	    --form-string "body=Tekst over $TAG." "$@"
	[ "$status_code" = 303 ] || {
		echo "create: $status_code" >&2
		echo "${body:0:3000}" >&2
		return 1
	}
	SLUG=$(header location | sed -n 's|^/artikelen/\([a-z0-9-]*\)?gedaan=opgeslagen$|\1|p')
	[ -n "$SLUG" ]
}

item() {
	db -c "SELECT $2 FROM item WHERE kind = 'artikel' AND slug = '$1'"
}

# base JAR SLUG: the revision the edit form starts from.
base() {
	req -b "$(jar "$1")" "/artikelen/$2/bewerken"
	grep -o 'name="base" value="[^"]*"' <<<"$body" | cut -d'"' -f4
}

@test "visitors are sent to sign in, and back to the editor afterwards" {
	req /artikelen/nieuw
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/inloggen?terug=%2Fartikelen%2Fnieuw" ]
	req /artikelen/iets/bewerken
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/inloggen?terug=%2Fartikelen%2Fiets%2Fbewerken" ]
	# A POST without a session changes nothing and asks to sign in.
	req -H "Origin: $BRON_URL" -F "title=x" /artikelen/nieuw
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/inloggen" ]
}

@test "a member gets the empty form: multipart, a nonce, the themes" {
	member a
	req -b "$(jar a)" /artikelen/nieuw
	[ "$status_code" = 200 ]
	assert_html_headers
	[ "$(header cache-control)" = "no-store" ]
	assert_contains "<h1>Nieuw artikel</h1>"
	assert_contains 'action="/artikelen/nieuw" enctype="multipart/form-data"'
	grep -Eq 'name="nonce" value="[A-Za-z0-9_-]{43}"' <<<"$body"
	assert_contains '<label for="summary">In het kort</label>'
	assert_contains "Schrijf in korte zinnen wat de lezer hieraan heeft."
	assert_contains 'type="checkbox" id="themes-kleinschaligheid" name="themes" value="kleinschaligheid">'
	assert_contains 'name="action" value="preview"'
	assert_contains 'name="action" value="save"'
	# Members do not choose an owner.
	assert_not_contains 'name="owner"'
	# Two visits, two nonces.
	[ "$(nonce a)" != "$(nonce a)" ]
}

@test "preview renders the Markdown, keeps the form and saves nothing" {
	member a
	mpost a /artikelen/nieuw --form-string "nonce=$(nonce a)" \
	    --form-string "action=preview" --form-string "title=Voorbeeld $TAG" \
	    --form-string "summary=Kort." \
	    --form-string $'body=## Eerste kop\r\n\r\nTekst met *nadruk* en [een link](https://example.org).\r\n\r\n## Tweede kop\r\n\r\nMeer.' \
	    --form-string "tags=Alpha, beta" --form-string "themes=vakmanschap"
	[ "$status_code" = 200 ]
	assert_contains '<h2 id="preview-title">Voorbeeld</h2>'
	assert_contains "<em>nadruk</em>"
	assert_contains 'id="voorbeeld-eerste-kop"'
	assert_contains 'href="#voorbeeld-tweede-kop"'
	assert_contains 'rel="nofollow'
	# The form is still there, with what was typed (LF line breaks).
	assert_contains "value=\"Voorbeeld $TAG\""
	assert_contains $'>## Eerste kop\n\nTekst met *nadruk*'
	assert_contains 'value="Alpha, beta"'
	assert_contains 'value="vakmanschap" checked>'
	assert_contains 'name="nonce" value="'
	[ "$(db -c "SELECT count(*) FROM item WHERE title = 'Voorbeeld $TAG'")" = 0 ]
}

@test "save creates a draft with revision 1, its revision row and author" {
	member a
	create a "Nieuw $TAG" --form-string "themes=vakmanschap" \
	    --form-string "themes=kleinschaligheid" \
	    --form-string "tags=Jeugdzorg,  Thuis " \
	    --form-string "note=Eerste versie"
	[ "$(item "$SLUG" "status || '|' || revision || '|' || summary")" = \
	    "concept|1|Wat je hieraan hebt." ]
	local id aid
	id=$(item "$SLUG" id)
	aid=$(acct_id "$EMAIL_a")
	[ "$(item "$SLUG" "owner_id || '|' || created_by")" = "$aid|$aid" ]
	[ "$(item "$SLUG" "body_html")" = "<p>Tekst over $TAG.</p>" ]
	[ "$(db -c "SELECT rev || '|' || note || '|' || author_id FROM item_revision WHERE item_id = $id")" = \
	    "1|Eerste versie|$aid" ]
	[ "$(db -c "SELECT account_id FROM item_author WHERE item_id = $id")" = "$aid" ]
	[ "$(db -c "SELECT string_agg(t.slug, ',' ORDER BY t.slug) FROM item_theme it JOIN theme t ON t.id = it.theme_id WHERE it.item_id = $id")" = \
	    "kleinschaligheid,vakmanschap" ]
	[ "$(db -c "SELECT string_agg(tag, ',' ORDER BY tag) FROM item_tag WHERE item_id = $id")" = \
	    "jeugdzorg,thuis" ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'aanmaken' AND target_id = $id")" = 1 ]
	# The edit form starts from what was saved.
	req -b "$(jar a)" "/artikelen/$SLUG/bewerken"
	[ "$status_code" = 200 ]
	assert_contains "<h1>Artikel bewerken</h1>"
	assert_contains 'name="base" value="1"'
	assert_contains "value=\"Nieuw $TAG\""
	assert_contains 'value="jeugdzorg, thuis"'
	assert_contains 'value="vakmanschap" checked>'
	assert_contains 'value="kleinschaligheid" checked>'
	assert_not_contains 'value="suicidepreventie" checked>'
}

@test "the same nonce twice makes one article" {
	member a
	local n first
	n=$(nonce a)
	mpost a /artikelen/nieuw --form-string "nonce=$n" --form-string "action=save" \
	    --form-string "title=Dubbel $TAG" --form-string "summary=Kort." \
	    --form-string "body=Tekst."
	[ "$status_code" = 303 ]
	first=$(header location)
	mpost a /artikelen/nieuw --form-string "nonce=$n" --form-string "action=save" \
	    --form-string "title=Dubbel $TAG" --form-string "summary=Kort." \
	    --form-string "body=Tekst."
	[ "$status_code" = 303 ]
	[ "$(header location)" = "$first" ]
	[ "$(db -c "SELECT count(*) FROM item WHERE title = 'Dubbel $TAG'")" = 1 ]
	# Without a nonce nothing is saved; the form gets a fresh one.
	mpost a /artikelen/nieuw --form-string "action=save" \
	    --form-string "title=Zonder $TAG" --form-string "summary=Kort." \
	    --form-string "body=Tekst."
	[ "$status_code" = 400 ]
	assert_contains "Het formulier was niet compleet."
	grep -Eq 'name="nonce" value="[A-Za-z0-9_-]{43}"' <<<"$body"
	[ "$(db -c "SELECT count(*) FROM item WHERE title = 'Zonder $TAG'")" = 0 ]
}

@test "slugs fold Dutch diacritics and stay unique" {
	member a
	create a "Ëën ïdee $TAG"
	[ "$SLUG" = "een-idee-$TAG" ]
	create a "Ëën ïdee $TAG"
	[ "$SLUG" = "een-idee-$TAG-2" ]
	# Nothing usable in the title: the kind's name.
	create a "!!! ???"
	[[ "$SLUG" =~ ^artikel(-[0-9]+)?$ ]]
}

@test "field errors: 400, a message per field, every typed text kept" {
	member a
	local long301 tags11 tag41
	long301=$(printf 'a%.0s' $(seq 301))
	tags11="een,twee,drie,vier,vijf,zes,zeven,acht,negen,tien,elf"
	tag41=$(printf 'b%.0s' $(seq 41))
	mpost a /artikelen/nieuw --form-string "nonce=$(nonce a)" \
	    --form-string "action=save" --form-string "title=" \
	    --form-string "summary=$long301" \
	    --form-string $'body=Regel een\r\nRegel twee\r\n\r\nAlinea.' \
	    --form-string "tags=$tags11" --form-string "note=$long301"
	[ "$status_code" = 400 ]
	assert_html_headers
	assert_contains "<title>Fout: Nieuw artikel"
	assert_contains 'class="error-summary"'
	assert_contains "Geef je artikel een titel."
	assert_contains "Dit stuk is te lang: 301 tekens. Gebruik hoogstens 300 tekens."
	assert_contains "Je hebt 11 trefwoorden. Gebruik er hoogstens 10."
	assert_contains "Je uitleg is te lang: 301 tekens."
	assert_contains 'id="title-error"'
	assert_contains 'aria-describedby="title-hint title-error" aria-invalid="true"'
	assert_contains ">$long301</textarea>"
	assert_contains $'>Regel een\nRegel twee\n\nAlinea.</textarea>'
	assert_contains "value=\"$tags11\""
	assert_contains "value=\"$long301\""
	# One long tag is named; an empty body is refused.
	mpost a /artikelen/nieuw --form-string "nonce=$(nonce a)" \
	    --form-string "action=save" --form-string "title=Titel $TAG" \
	    --form-string "summary=Kort." --form-string $'body= \r\n ' \
	    --form-string "tags=goed, $tag41"
	[ "$status_code" = 400 ]
	assert_contains "Dit trefwoord is te lang: “$tag41”."
	assert_contains "Schrijf de tekst van je artikel."
	assert_contains "value=\"Titel $TAG\""
	[ "$(db -c "SELECT count(*) FROM item WHERE title = 'Titel $TAG'")" = 0 ]
}

@test "a body over the limit gets a message and comes back whole" {
	member a
	local big
	big=$(head -c 270000 /dev/zero | tr '\0' 'x')
	printf '%s' "$big" > "$BATS_TEST_TMPDIR/body"
	mpost a /artikelen/nieuw --form-string "nonce=$(nonce a)" \
	    --form-string "action=save" --form-string "title=Groot $TAG" \
	    --form-string "summary=Kort." -F "body=<$BATS_TEST_TMPDIR/body"
	[ "$status_code" = 400 ]
	assert_contains "Je tekst is te lang: 264 kB. Er past hoogstens 256 kB in."
	assert_contains ">$big</textarea>"
	[ "$(db -c "SELECT count(*) FROM item WHERE title = 'Groot $TAG'")" = 0 ]
}

@test "a missing or foreign CSRF token: 403, the form comes back, nothing saved" {
	member a
	local n
	n=$(nonce a)
	req -b "$(jar a)" -H "Origin: $BRON_URL" -F "nonce=$n" -F "action=save" \
	    --form-string "title=Vervalst $TAG" --form-string "summary=Kort." \
	    --form-string "body=Mijn tekst." /artikelen/nieuw
	[ "$status_code" = 403 ]
	assert_contains "Dit formulier was verlopen of kwam niet van deze site."
	assert_contains "value=\"Vervalst $TAG\""
	assert_contains ">Mijn tekst.</textarea>"
	req -b "$(jar a)" -H "Origin: https://evil.example" \
	    --form-string "_csrf=$(csrf a)" -F "nonce=$n" -F "action=save" \
	    --form-string "title=Vervalst $TAG" --form-string "summary=Kort." \
	    --form-string "body=Mijn tekst." /artikelen/nieuw
	[ "$status_code" = 403 ]
	[ "$(db -c "SELECT count(*) FROM item WHERE title = 'Vervalst $TAG'")" = 0 ]
}

@test "another member may not edit; an editor may; unknown articles are 404" {
	member a "Auteur"
	member b "Ander"
	member r "Redacteur"
	set_role "$EMAIL_r" redacteur
	create a "Van een ander $TAG"
	# A concept does not exist for others: 404, as an unknown slug.
	req -b "$(jar b)" "/artikelen/$SLUG/bewerken"
	[ "$status_code" = 404 ]
	mpost b "/artikelen/$SLUG/bewerken" --form-string "base=1" \
	    --form-string "action=save" --form-string "title=Gekaapt" \
	    --form-string "summary=Kort." --form-string "body=Weg."
	[ "$status_code" = 404 ]
	[ "$(item "$SLUG" "title || '|' || revision")" = "Van een ander $TAG|1" ]
	# Once published it is public: editing it is refused with 403.
	db -c "UPDATE item SET status = 'gepubliceerd', published_at = now()
	    WHERE slug = '$SLUG' AND kind = 'artikel'"
	req -b "$(jar b)" "/artikelen/$SLUG/bewerken"
	[ "$status_code" = 403 ]
	db -c "UPDATE item SET status = 'concept' WHERE slug = '$SLUG'
	    AND kind = 'artikel'"
	req -b "$(jar b)" "/artikelen/bestaat-niet-$TAG/bewerken"
	[ "$status_code" = 404 ]

	# The editor sees the owner field (authors and editors) and saves.
	req -b "$(jar r)" "/artikelen/$SLUG/bewerken"
	[ "$status_code" = 200 ]
	assert_contains '<select id="owner" name="owner"'
	assert_contains "<option value=\"$(acct_id "$EMAIL_a")\" selected>Auteur</option>"
	assert_contains "<option value=\"$(acct_id "$EMAIL_r")\">Redacteur</option>"
	assert_not_contains ">Ander</option>"
	mpost r "/artikelen/$SLUG/bewerken" --form-string "base=1" \
	    --form-string "action=save" --form-string "title=Verbeterd $TAG" \
	    --form-string "summary=Kort." --form-string "body=Beter." \
	    --form-string "owner=$(acct_id "$EMAIL_r")" --form-string "note=Taal"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/artikelen/$SLUG?gedaan=opgeslagen" ]
	[ "$(item "$SLUG" "title || '|' || revision || '|' || owner_id")" = \
	    "Verbeterd $TAG|2|$(acct_id "$EMAIL_r")" ]
	[ "$(db -c "SELECT count(*) FROM item_author WHERE item_id = $(item "$SLUG" id)")" = 2 ]
	# An owner that is not on the list is refused.
	mpost r "/artikelen/$SLUG/bewerken" --form-string "base=2" \
	    --form-string "action=save" --form-string "title=Verbeterd $TAG" \
	    --form-string "summary=Kort." --form-string "body=Beter." \
	    --form-string "owner=$(acct_id "$EMAIL_b")"
	[ "$status_code" = 400 ]
	assert_contains "Kies een eigenaar uit de lijst."
	# The author keeps editing; a member's owner field is ignored.
	mpost a "/artikelen/$SLUG/bewerken" --form-string "base=2" \
	    --form-string "action=save" --form-string "title=Verbeterd $TAG" \
	    --form-string "summary=Kort." --form-string "body=Beter nog." \
	    --form-string "owner=$(acct_id "$EMAIL_a")"
	[ "$status_code" = 303 ]
	[ "$(item "$SLUG" "revision || '|' || owner_id")" = "3|$(acct_id "$EMAIL_r")" ]
}

@test "an article without an owner keeps none unless an editor picks one" {
	member r "Redacteur"
	set_role "$EMAIL_r" redacteur
	# As the importer saves: no actor, so no owner and no author.
	SLUG=$(db -c "BEGIN" -c "SET LOCAL bron.importer = 'on'" \
	    -c "SELECT slug FROM item_save('artikel', NULL, NULL, NULL,
	    'Geimporteerd $TAG', 'Kort.', 'Tekst.', '<p>Tekst.</p>', '', 1, '',
	    'geimporteerd-$TAG', '', '', '', NULL, '', '', NULL, NULL)" \
	    -c "COMMIT")
	req -b "$(jar r)" "/artikelen/$SLUG/bewerken"
	[ "$status_code" = 200 ]
	assert_contains '<option value="" selected>Geen eigenaar</option>'
	mpost r "/artikelen/$SLUG/bewerken" --form-string "base=1" \
	    --form-string "action=save" --form-string "title=Geimporteerd $TAG" \
	    --form-string "summary=Kort." --form-string "body=Tekst, beter." \
	    --form-string "owner="
	[ "$status_code" = 303 ]
	[ "$(item "$SLUG" "revision || '|' || coalesce(owner_id::text, 'geen')")" = "2|geen" ]
}

@test "archived articles: editors only" {
	member a
	member r
	set_role "$EMAIL_r" redacteur
	create a "Gearchiveerd $TAG"
	db -c "UPDATE item SET status = 'gearchiveerd', published_at = now() WHERE slug = '$SLUG' AND kind = 'artikel'"
	req -b "$(jar a)" "/artikelen/$SLUG/bewerken"
	[ "$status_code" = 403 ]
	req -b "$(jar r)" "/artikelen/$SLUG/bewerken"
	[ "$status_code" = 200 ]
	assert_contains "Dit artikel is gearchiveerd."
}

@test "two edits from the same revision: the second gets 409 with both texts" {
	member a
	create a "Botsing $TAG"
	[ "$(base a "$SLUG")" = 1 ]
	mpost a "/artikelen/$SLUG/bewerken" --form-string "base=1" \
	    --form-string "action=save" --form-string "title=Botsing $TAG" \
	    --form-string "summary=Kort." \
	    --form-string $'body=Eerste regel.\r\nDe versie van Anna.'
	[ "$status_code" = 303 ]
	mpost a "/artikelen/$SLUG/bewerken" --form-string "base=1" \
	    --form-string "action=save" --form-string "title=Botsing van Bram" \
	    --form-string "summary=Bram zijn samenvatting." \
	    --form-string $'body=Eerste regel.\r\nDe versie van Bram.'
	[ "$status_code" = 409 ]
	assert_contains "<title>Fout: Artikel bewerken"
	assert_contains "Iemand anders heeft dit artikel net aangepast"
	assert_contains "Je begon bij versie 1. Intussen is versie 2 opgeslagen."
	# The stored version, the diff, and the typed text in the form.
	assert_contains $'<pre class="editor-source">Eerste regel.\nDe versie van Anna.</pre>'
	assert_contains '<table class="diff"'
	assert_contains 'De versie van <del'
	assert_contains 'value="Botsing van Bram"'
	assert_contains ">Bram zijn samenvatting.</textarea>"
	assert_contains $'>Eerste regel.\nDe versie van Bram.</textarea>'
	# Saving again is a choice: the form now names revision 2.
	assert_contains 'name="base" value="2"'
	[ "$(item "$SLUG" "revision || '|' || body_md")" = \
	    $'2|Eerste regel.\nDe versie van Anna.' ]
	[ "$(db -c "SELECT count(*) FROM item_revision WHERE item_id = $(item "$SLUG" id)")" = 2 ]
	# Saving from the new base goes through.
	mpost a "/artikelen/$SLUG/bewerken" --form-string "base=2" \
	    --form-string "action=save" --form-string "title=Botsing van Bram" \
	    --form-string "summary=Kort." \
	    --form-string $'body=Eerste regel.\r\nDe versie van Bram.'
	[ "$status_code" = 303 ]
	[ "$(item "$SLUG" revision)" = 3 ]
}

@test "a save that races another save: 409 too, nothing overwritten" {
	member a
	create a "Race $TAG"
	local id aid
	id=$(item "$SLUG" id)
	aid=$(acct_id "$EMAIL_a")
	# Another save holds the row while ours runs: our page query still
	# sees revision 1, item_save() waits and then finds revision 2.
	db -c "BEGIN; SELECT revision FROM item_save('artikel', $id, 1, $aid,
	    'Race $TAG', 'Kort.', 'De andere tekst.', '<p>De andere tekst.</p>',
	    '', 3, '', 'x', '', '', '', NULL, '', '', NULL, NULL);
	    SELECT pg_sleep(2); COMMIT;" >/dev/null &
	sleep 0.5
	mpost a "/artikelen/$SLUG/bewerken" --form-string "base=1" \
	    --form-string "action=save" --form-string "title=Race $TAG" \
	    --form-string "summary=Kort." --form-string "body=Mijn eigen tekst."
	wait
	[ "$status_code" = 409 ]
	assert_contains "Intussen is versie 2 opgeslagen."
	assert_contains '<pre class="editor-source">De andere tekst.</pre>'
	assert_contains ">Mijn eigen tekst.</textarea>"
	assert_contains 'name="base" value="2"'
	[ "$(item "$SLUG" "revision || '|' || body_md")" = "2|De andere tekst." ]
}

@test "related links: Bron items are stored, anything else is named" {
	member a
	create a "Doel $TAG"
	local target=$SLUG
	create a "Bron $TAG" --form-string $'related=/artikelen/'"$target"$'\r\n'"http://127.0.0.1:8080/artikelen/$target"
	local id
	id=$(item "$SLUG" id)
	[ "$(db -c "SELECT count(*) FROM item_link WHERE from_id = $id AND type = 'gerelateerd' AND to_id = $(item "$target" id)")" = 1 ]
	req -b "$(jar a)" "/artikelen/$SLUG/bewerken"
	assert_contains ">/artikelen/$target
</textarea>"
	mpost a "/artikelen/$SLUG/bewerken" --form-string "base=1" \
	    --form-string "action=save" --form-string "title=Bron $TAG" \
	    --form-string "summary=Kort." --form-string "body=Tekst." \
	    --form-string $'related=https://example.org/x\r\n/artikelen/'"$target"
	[ "$status_code" = 400 ]
	assert_contains "Dit zijn geen links naar iets op Bron: https://example.org/x."
	mpost a "/artikelen/$SLUG/bewerken" --form-string "base=1" \
	    --form-string "action=save" --form-string "title=Bron $TAG" \
	    --form-string "summary=Kort." --form-string "body=Tekst." \
	    --form-string $'related=/artikelen/bestaat-niet-'"$TAG"$'\r\n/pilots/ook-niet-'"$TAG"
	[ "$status_code" = 400 ]
	assert_contains "Deze pagina&#39;s bestaan niet op Bron: /artikelen/bestaat-niet-$TAG, /pilots/ook-niet-$TAG."
	assert_contains $'>/artikelen/bestaat-niet-'"$TAG"$'\n/pilots/ook-niet-'"$TAG</textarea>"
	[ "$(item "$SLUG" revision)" = 1 ]
}

@test "themes and communities must come from the lists" {
	member a
	db -c "INSERT INTO community (slug, name) VALUES ('gem-$TAG', 'Gemeenschap $TAG') ON CONFLICT DO NOTHING"
	# Only members file articles in a community (issue 6).
	db -c "INSERT INTO member (community_id, account_id, state)
	    SELECT c.id, a.id, 'lid' FROM community c, account a
	    WHERE c.slug = 'gem-$TAG' AND a.email = '$EMAIL_a'"
	req -b "$(jar a)" /artikelen/nieuw
	assert_contains "<option value=\"gem-$TAG\">Gemeenschap $TAG</option>"
	mpost a /artikelen/nieuw --form-string "nonce=$(nonce a)" \
	    --form-string "action=save" --form-string "title=Lijst $TAG" \
	    --form-string "summary=Kort." --form-string "body=Tekst." \
	    --form-string "themes=bestaat-niet" --form-string "community=ook-niet-$TAG"
	[ "$status_code" = 400 ]
	assert_contains "Een van de thema&#39;s bestaat niet meer."
	assert_contains "Deze gemeenschap bestaat niet."
	create a "Lijst $TAG" --form-string "community=gem-$TAG"
	[ "$(db -c "SELECT c.slug FROM item i JOIN community c ON c.id = i.community_id WHERE i.slug = '$SLUG' AND i.kind = 'artikel'")" = "gem-$TAG" ]
	req -b "$(jar a)" "/artikelen/$SLUG/bewerken"
	assert_contains "<option value=\"gem-$TAG\" selected>"
}

@test "the editors' feedback shows on the edit page of a sent-back article" {
	member a
	create a "Terug $TAG"
	db -c "UPDATE item SET feedback = 'Maak de tweede alinea korter <b>graag</b>.' WHERE slug = '$SLUG' AND kind = 'artikel'"
	req -b "$(jar a)" "/artikelen/$SLUG/bewerken"
	[ "$status_code" = 200 ]
	assert_contains "De redactie heeft je artikel teruggestuurd"
	assert_contains "Maak de tweede alinea korter &lt;b&gt;graag&lt;/b&gt;."
}

@test "XSS payloads come back escaped in the form and the preview" {
	member a
	mpost a /artikelen/nieuw --form-string "nonce=$(nonce a)" \
	    --form-string "action=preview" \
	    --form-string 'title=<script>alert(1)</script>"><svg onload=alert(2)>' \
	    --form-string 'summary="><img src=x onerror=alert(3)></textarea><script>alert(4)</script>' \
	    --form-string $'body=[klik](javascript:alert(5))\r\n\r\n<script>alert(6)</script>\r\n\r\n[x](jav&#x61;script:alert(7)) <img src=x onerror=alert(8)>\r\n\r\n</textarea><b>vet</b>\r\n\r\n## <em>kop</em> "id="x' \
	    --form-string 'tags=<b>tag</b>, "><script>alert(9)</script>' \
	    --form-string $'related=javascript:alert(10)'
	[ "$status_code" = 200 ]
	assert_not_contains "<script>alert"
	assert_not_contains "<svg"
	assert_not_contains "<img src=x"
	assert_not_contains 'href="javascript:'
	assert_not_contains 'href="jav'
	assert_not_contains "<b>vet</b>"
	assert_not_contains "<b>tag</b>"
	# Exactly one closing textarea per textarea: summary, body, related.
	[ "$(grep -o '</textarea>' <<<"$body" | wc -l)" = 3 ]
	assert_contains '&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;svg onload=alert(2)&gt;'
	assert_contains '&lt;/textarea&gt;&lt;script&gt;alert(4)&lt;/script&gt;'
	assert_contains 'value="&lt;b&gt;tag&lt;/b&gt;, &quot;&gt;&lt;script&gt;alert(9)&lt;/script&gt;"'
	# Saving stores them; the edit page escapes them again.
	mpost a /artikelen/nieuw --form-string "nonce=$(nonce a)" \
	    --form-string "action=save" \
	    --form-string 'title=<script>alert(1)</script> '"$TAG" \
	    --form-string 'summary="><img src=x onerror=alert(3)>' \
	    --form-string $'body=[klik](javascript:alert(5))\r\n\r\n<script>alert(6)</script>' \
	    --form-string 'tags=<b>tag</b>'
	[ "$status_code" = 303 ]
	SLUG=$(header location | sed -n 's|^/artikelen/\([a-z0-9-]*\)?.*|\1|p')
	[ "$SLUG" = "script-alert-1-script-$TAG" ]
	assert_not_contains "<script"
	[[ "$(item "$SLUG" body_html)" != *"<script"* ]]
	[[ "$(item "$SLUG" body_html)" != *"javascript:"* ]]
	req -b "$(jar a)" "/artikelen/$SLUG/bewerken"
	[ "$status_code" = 200 ]
	assert_not_contains "<script>alert"
	assert_not_contains "<img src=x"
	assert_contains "&lt;script&gt;alert(1)&lt;/script&gt; $TAG"
}
