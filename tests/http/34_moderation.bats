#!/usr/bin/env bats
# Moderation (issue 6): reporting a post or an item (/melden) and the
# moderators' queue (/redactie/meldingen): hide with a note, put back,
# dismiss; the author is told, the audit log has it, and nobody sees a
# report about what they may not read.
load helpers

# Sessions live for the whole file: the fixtures register them once.
jar() {
	echo "$BATS_FILE_TMPDIR/jar-$1"
}

test_ip() {
	echo "10.34.$((RANDOM % 256)).$((RANDOM % 254 + 1))"
}

# newuser JAR NAME: register, stay signed in; prints the account id.
newuser() {
	local e
	e=$(unique_email "$1")
	post "$1" /registreren -H "X-Real-IP: $(test_ip)" \
	    --data-urlencode "email=$e" --data-urlencode "name=$2" \
	    --data-urlencode "password=$TEST_PASSWORD" \
	    --data-urlencode "kind=professional"
	[ "$status_code" = 303 ] || {
		echo "register $e: $status_code" >&2
		return 1
	}
	db -c "SELECT id FROM account WHERE email = '$e'"
}

# mpost JAR PATH [--form-string k=v ...]: a same-origin multipart POST
# (as the browser sends both forms) with the jar's token.
mpost() {
	local j=$1 path=$2 t
	shift 2
	t=$(csrf "$j")
	req -b "$(jar "$j")" -c "$(jar "$j")" -H "Origin: $BRON_URL" \
	    --form-string "_csrf=$t" "$@" "$path"
}

# The people, two communities (public; closed, with a canary) and their
# discussions, and an article with an author.
setup_file() {
	export S="$$-$RANDOM"
	export AUTHOR REPORTER MOD EDITOR MEMBER ADMIN
	AUTHOR=$(newuser author "Auteur $S")
	REPORTER=$(newuser reporter "Melder $S")
	MOD=$(newuser mod "Moderator $S")
	EDITOR=$(newuser editor "Redacteur $S")
	MEMBER=$(newuser member "Lid $S")
	ADMIN=$(newuser admin "Beheerder $S")
	db -c "UPDATE account SET role = 'redacteur' WHERE id = $EDITOR"
	db -c "UPDATE account SET role = 'beheerder' WHERE id = $ADMIN"
	export OPEN CLOSED
	OPEN=$(db -c "INSERT INTO community (slug, name, visibility)
	    VALUES ('mod-open-$S', 'Open moderatie $S', 'openbaar')
	    RETURNING id")
	CLOSED=$(db -c "INSERT INTO community (slug, name, visibility,
	    membership) VALUES ('mod-dicht-$S', 'Besloten moderatie $S',
	    'besloten', 'uitnodiging') RETURNING id")
	db -c "INSERT INTO member (community_id, account_id, state, moderator)
	    VALUES ($OPEN, $AUTHOR, 'lid', false),
	    ($OPEN, $REPORTER, 'lid', false), ($OPEN, $MOD, 'lid', true),
	    ($OPEN, $MEMBER, 'lid', false),
	    ($CLOSED, $AUTHOR, 'lid', false), ($CLOSED, $REPORTER, 'lid', false)"
	export TOPIC FIRST REPLY LONGTOPIC LATE CTOPIC CPOST
	read -r TOPIC FIRST < <(db -F ' ' -c "SELECT * FROM topic_create($OPEN,
	    $AUTHOR, 'Kleine groepen $S', 'Het openingsbericht over kleine groepen.',
	    '<p>Het openingsbericht.</p>', NULL)")
	REPLY=$(db -c "SELECT post_id FROM post_create($TOPIC, $AUTHOR,
	    'Een reactie die <grof> is, met *sterren*.', '<p>x</p>', NULL, NULL)")
	# A long discussion: its 26th post is on page 2.
	read -r LONGTOPIC _ < <(db -F ' ' -c "SELECT * FROM topic_create($OPEN,
	    $AUTHOR, 'Lang gesprek $S', 'Begin.', '<p>Begin.</p>', NULL)")
	db -c "SELECT post_create($LONGTOPIC, $AUTHOR, 'Reactie ' || g, '<p>r</p>',
	    NULL, NULL) FROM generate_series(2, 26) g" >/dev/null
	LATE=$(db -c "SELECT id FROM post WHERE topic_id = $LONGTOPIC AND n = 26")
	read -r CTOPIC CPOST < <(db -F ' ' -c "SELECT * FROM topic_create($CLOSED,
	    $AUTHOR, 'Geheim $S', 'kanarie-mod-$S in een besloten ruimte.',
	    '<p>k</p>', NULL)")
	export ART ART_SLUG="mod-artikel-$S"
	ART=$(db -c "INSERT INTO item (kind, slug, title, summary, body_md,
	    body_html, status, published_at) VALUES ('artikel', '$ART_SLUG',
	    'Artikel om te melden $S', 'Kort.', 'Tekst.', '<p>Tekst.</p>',
	    'gepubliceerd', now()) RETURNING id")
	db -c "INSERT INTO item_author VALUES ($ART, $AUTHOR)"
}

teardown_file() {
	db -c "DELETE FROM item WHERE slug = '$ART_SLUG'"
	db -c "DELETE FROM community WHERE slug IN ('mod-open-$S', 'mod-dicht-$S')"
}

flags() {
	db -c "SELECT count(*) FROM flag WHERE $1"
}

@test "visitors are sent to sign in and come back to the report form" {
	req "/melden?bericht=$REPLY"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/inloggen?terug=%2Fmelden%3Fbericht%3D$REPLY" ]
	req "/melden?item=$ART"
	[ "$(header location)" = "/inloggen?terug=%2Fmelden%3Fitem%3D$ART" ]
	req /redactie/meldingen
	[ "$status_code" = 303 ]
	[[ "$(header location)" == /inloggen\?terug=* ]]
	post visitor /melden --data "post=$REPLY" --data "reason=spam"
	[ "$status_code" = 303 ]
	[ "$(header location)" = /inloggen ]
	[ "$(flags "post_id = $REPLY")" = 0 ]
}

@test "nothing named, an unknown id or a closed space's post: 404" {
	req -b "$(jar member)" /melden
	[ "$status_code" = 404 ]
	req -b "$(jar member)" "/melden?bericht=$REPLY&item=$ART"
	[ "$status_code" = 404 ]
	req -b "$(jar member)" "/melden?bericht=abc"
	[ "$status_code" = 404 ]
	req -b "$(jar member)" "/melden?bericht=999999999"
	[ "$status_code" = 404 ]
	# Not a member of the closed community: it does not exist.
	req -b "$(jar member)" "/melden?bericht=$CPOST"
	[ "$status_code" = 404 ]
	assert_not_contains "kanarie-mod-$S"
	assert_not_contains "Geheim $S"
	mpost member /melden --form-string "post=$CPOST" \
	    --form-string reason=spam
	[ "$status_code" = 404 ]
	[ "$(flags "post_id = $CPOST")" = 0 ]
	# Its members may report it.
	req -b "$(jar reporter)" "/melden?bericht=$CPOST"
	[ "$status_code" = 200 ]
	assert_contains "kanarie-mod-$S"
}

@test "the form names the post and explains every reason" {
	req -b "$(jar reporter)" "/melden?bericht=$REPLY"
	[ "$status_code" = 200 ]
	assert_html_headers
	[ "$(header cache-control)" = "no-store" ]
	assert_contains "<h1>Melden bij een moderator</h1>"
	assert_contains "<a href=\"/gemeenschappen/mod-open-$S/gesprekken/$TOPIC#bericht-2\">Kleine groepen $S</a>"
	assert_contains "In de gemeenschap Open moderatie $S"
	# The first words, escaped, from the Markdown source.
	assert_contains "Een reactie die &lt;grof&gt; is, met *sterren*."
	assert_contains 'enctype="multipart/form-data"'
	assert_contains "<input type=\"hidden\" name=\"post\" value=\"$REPLY\">"
	assert_contains "<legend>Waarom meld je dit?</legend>"
	for r in ongepast onveilig privacy spam anders; do
		assert_contains "<input type=\"radio\" id=\"reason-$r\" name=\"reason\" value=\"$r\" aria-describedby=\"reason-$r-hint\">"
		assert_contains "<p class=\"hint flag-hint\" id=\"reason-$r-hint\">"
	done
	assert_contains '<label for="reason-onveilig">Onveilig</label>'
	assert_contains "Bel 113 of gratis 0800-0113."
	# English too.
	req -b "$(jar reporter)" -H "Accept-Language: en" "/melden?item=$ART"
	[ "$status_code" = 200 ]
	assert_contains "<h1>Report to a moderator</h1>"
	assert_contains '<label for="reason-anders">Something else</label>'
	assert_contains "Artikel om te melden $S"
}

@test "a refused report comes back with the message and what was typed" {
	mpost reporter /melden --form-string "post=$REPLY" \
	    --form-string "note=Zie <b>hier</b>"
	[ "$status_code" = 400 ]
	assert_contains '<p class="field-error" id="reason-error">Kies waarom je dit meldt.</p>'
	assert_contains '<a href="#reason">Kies waarom je dit meldt.</a>'
	assert_contains '>Zie &lt;b&gt;hier&lt;/b&gt;</textarea>'
	# "Iets anders" needs a note.
	mpost reporter /melden --form-string "post=$REPLY" \
	    --form-string reason=anders --form-string "note=   "
	[ "$status_code" = 400 ]
	assert_contains 'id="note-error">Schrijf kort wat er mis is. Dat moet als je Iets anders kiest.</p>'
	assert_contains '<input type="radio" id="reason-anders" name="reason" value="anders" aria-describedby="reason-anders-hint" checked>'
	# At most 500 characters; the text stays.
	long=$(printf 'x%.0s' $(seq 501))
	mpost reporter /melden --form-string "post=$REPLY" \
	    --form-string reason=spam --form-string "note=$long"
	[ "$status_code" = 400 ]
	assert_contains "Gebruik hoogstens 500 tekens."
	assert_contains ">$long</textarea>"
	# Without the form token nothing is saved.
	req -b "$(jar reporter)" -H "Origin: $BRON_URL" -F "post=$REPLY" \
	    -F reason=spam /melden
	[ "$status_code" = 403 ]
	[ "$(flags "post_id = $REPLY")" = 0 ]
}

@test "a report goes to the moderators once, then the page says so" {
	mpost reporter /melden --form-string "post=$REPLY" \
	    --form-string reason=ongepast \
	    --form-string $'note=Scheldwoord in\r\nde tweede zin.'
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/gemeenschappen/mod-open-$S/gesprekken/$TOPIC?gedaan=gemeld#bericht-2" ]
	[ "$(db -c "SELECT reason || '|' || note FROM flag
	    WHERE post_id = $REPLY AND reporter_id = $REPORTER
	    AND resolved_at IS NULL")" = $'ongepast|Scheldwoord in\nde tweede zin.' ]
	req -b "$(jar reporter)" "/melden?bericht=$REPLY"
	[ "$status_code" = 200 ]
	assert_contains "Je hebt dit al gemeld. Een moderator kijkt ernaar."
	assert_not_contains 'name="reason"'
	mpost reporter /melden --form-string "post=$REPLY" \
	    --form-string reason=spam
	[ "$status_code" = 409 ]
	assert_contains "Je hebt dit al gemeld."
	[ "$(flags "post_id = $REPLY")" = 1 ]
	# Someone else may report it too.
	mpost member /melden --form-string "post=$REPLY" \
	    --form-string reason=spam
	[ "$status_code" = 303 ]
	[ "$(flags "post_id = $REPLY AND resolved_at IS NULL")" = 2 ]
}

@test "a post on page 2 and an article return to their own page" {
	mpost reporter /melden --form-string "post=$LATE" \
	    --form-string reason=spam
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/gemeenschappen/mod-open-$S/gesprekken/$LONGTOPIC?pagina=2&gedaan=gemeld#bericht-26" ]
	mpost reporter /melden --form-string "item=$ART" \
	    --form-string reason=privacy --form-string "note=Naam van een cliënt."
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/artikelen/$ART_SLUG?gedaan=gemeld" ]
	[ "$(flags "item_id = $ART AND reason = 'privacy'")" = 1 ]
	req -b "$(jar reporter)" "/artikelen/$ART_SLUG?gedaan=gemeld"
	[ "$status_code" = 200 ]
	assert_contains '<p class="notice" role="status">Bedankt voor je melding. Een moderator kijkt ernaar.</p>'
}

@test "the article page offers the report link to readers who are signed in" {
	req -b "$(jar member)" "/artikelen/$ART_SLUG"
	[ "$status_code" = 200 ]
	assert_contains "<p class=\"flag-link\"><a href=\"/melden?item=$ART\">Meld dit bij een moderator</a></p>"
	req "/artikelen/$ART_SLUG"
	[ "$status_code" = 200 ]
	assert_not_contains "/melden?item="
}

@test "the queue: members 403, moderators their communities, editors all" {
	# A report in the closed community (its members may make one).
	mpost reporter /melden --form-string "post=$CPOST" \
	    --form-string reason=privacy --form-string "note=kanarie-notitie-$S"
	[ "$status_code" = 303 ]
	req -b "$(jar member)" /redactie/meldingen
	[ "$status_code" = 403 ]
	assert_contains "Alleen voor moderatoren"
	assert_not_contains "Kleine groepen $S"

	req -b "$(jar mod)" /redactie/meldingen
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains "<h1>Gemelde berichten en items</h1>"
	assert_contains "Je ziet de meldingen uit de gemeenschappen die je modereert."
	assert_contains "<a href=\"/gemeenschappen/mod-open-$S/gesprekken/$TOPIC#bericht-2\">Kleine groepen $S</a>"
	assert_contains "Gemeenschap: Open moderatie $S"
	assert_contains "Geschreven door Auteur $S"
	assert_contains "Meldingen van lezers: 2 meldingen"
	assert_contains "<strong>Ongepast</strong>"
	assert_contains $'Scheldwoord in\nde tweede zin.'
	assert_contains "<textarea id=\"note-p$REPLY\" name=\"note\""
	assert_contains "<input type=\"hidden\" name=\"post\" value=\"$REPLY\">"
	# Reporters stay anonymous.
	assert_not_contains "Melder $S"
	# Neither the closed community nor the article (no community).
	assert_not_contains "kanarie"
	assert_not_contains "Geheim $S"
	assert_not_contains "Artikel om te melden $S"

	req -b "$(jar editor)" /redactie/meldingen
	[ "$status_code" = 200 ]
	assert_contains "Je bent redacteur. Daarom zie je alle meldingen."
	assert_contains "kanarie-notitie-$S"
	assert_contains "Artikel om te melden $S"
	assert_contains '<a href="/redactie">Terug naar de redactie</a>'
	req -b "$(jar editor)" /redactie
	assert_contains '<a href="/redactie/meldingen">Gemelde berichten en items</a>'
}

@test "hiding needs a note; the message sits next to that post's form" {
	mpost mod /redactie/meldingen --form-string "post=$REPLY" \
	    --form-string action=verbergen --form-string "note= "
	[ "$status_code" = 400 ]
	assert_contains "<p class=\"field-error\" id=\"note-p$REPLY-error\">Schrijf waarom je dit verbergt."
	assert_contains "<a href=\"#note-p$REPLY\">Schrijf waarom je dit verbergt."
	assert_contains "aria-describedby=\"note-p$REPLY-hint note-p$REPLY-error\" aria-invalid=\"true\""
	long="Te lang: $(printf 'y%.0s' $(seq 500))"
	mpost mod /redactie/meldingen --form-string "post=$REPLY" \
	    --form-string action=verbergen --form-string "note=$long"
	[ "$status_code" = 400 ]
	assert_contains ">$long</textarea>"
	# An unknown action changes nothing.
	mpost mod /redactie/meldingen --form-string "post=$REPLY" \
	    --form-string action=wissen --form-string "note=x"
	[ "$status_code" = 400 ]
	assert_contains "Kies Verbergen, Terugzetten of Melding afwijzen."
	[ "$(db -c "SELECT hidden_at IS NULL FROM post WHERE id = $REPLY")" = t ]
	[ "$(flags "post_id = $REPLY AND resolved_at IS NULL")" = 2 ]
}

@test "a moderator cannot act outside their communities" {
	mpost mod /redactie/meldingen --form-string "post=$CPOST" \
	    --form-string action=verbergen --form-string "note=Nee"
	[ "$status_code" = 403 ]
	mpost member /redactie/meldingen --form-string "post=$REPLY" \
	    --form-string action=verbergen --form-string "note=Nee"
	[ "$status_code" = 403 ]
	mpost mod /redactie/meldingen --form-string "item=$ART" \
	    --form-string action=afwijzen
	[ "$status_code" = 403 ]
	# No form token, or a foreign page: refused, the queue comes back.
	req -b "$(jar mod)" -H "Origin: $BRON_URL" -F "post=$REPLY" \
	    -F action=verbergen -F "note=Zonder token" /redactie/meldingen
	[ "$status_code" = 403 ]
	t=$(csrf mod)
	req -b "$(jar mod)" -H "Origin: https://elders.example" \
	    --form-string "_csrf=$t" --form-string "post=$REPLY" \
	    --form-string action=verbergen --form-string "note=Van elders" \
	    /redactie/meldingen
	[ "$status_code" = 403 ]
	assert_contains ">Van elders</textarea>"
	req -X PUT -b "$(jar mod)" /redactie/meldingen
	[ "$status_code" = 405 ]
	[ "$(db -c "SELECT count(*) FROM post WHERE id IN ($CPOST, $REPLY)
	    AND hidden_at IS NOT NULL")" = 0 ]
	[ "$(flags "item_id = $ART AND resolved_at IS NULL")" = 1 ]
}

@test "hide: the author is told with the note, the audit log has it; put back" {
	before=$(db -c "SELECT count(*) FROM notification
	    WHERE account_id = $AUTHOR AND kind = 'moderatie'")
	mpost mod /redactie/meldingen --form-string "post=$REPLY" \
	    --form-string action=verbergen \
	    --form-string "note=Een scheldwoord past hier niet."
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/redactie/meldingen?gedaan=verborgen" ]
	[ "$(db -c "SELECT hidden_note FROM post WHERE id = $REPLY
	    AND hidden_at IS NOT NULL")" = "Een scheldwoord past hier niet." ]
	[ "$(flags "post_id = $REPLY AND decision = 'verborgen'
	    AND resolved_by = $MOD")" = 2 ]
	[ "$(db -c "SELECT count(*) FROM notification WHERE account_id = $AUTHOR
	    AND kind = 'moderatie' AND post_id = $REPLY
	    AND href LIKE '%#bericht-2'")" = $((before + 1)) ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'bericht_verborgen'
	    AND actor_id = $MOD AND target_id = $REPLY")" = 1 ]
	# The author reads it, with the moderator's note, on /meldingen.
	req -b "$(jar author)" /meldingen
	[ "$status_code" = 200 ]
	assert_contains "<a href=\"/gemeenschappen/mod-open-$S/gesprekken/$TOPIC#bericht-2\">Kleine groepen $S</a> verborgen."
	assert_contains "Een scheldwoord past hier niet."

	req -b "$(jar mod)" "/redactie/meldingen?gedaan=verborgen"
	[ "$status_code" = 200 ]
	assert_contains "Het is verborgen. De schrijver krijgt een melding met je uitleg."
	assert_not_contains "<textarea id=\"note-p$REPLY\""
	row=$(grep -A10 "gesprekken/$TOPIC#bericht-2\">Kleine groepen" <<<"$body")
	[[ "$row" == *"<td>Verborgen</td>"* ]]
	[[ "$row" == *"Een scheldwoord past hier niet."* ]]
	[[ "$row" == *"<td>Moderator $S</td>"* ]]
	[[ "$row" == *"Nu verborgen"* ]]
	[[ "$row" == *"value=\"herstellen\""* ]]

	# In the audit log, for the administrator.
	req -b "$(jar admin)" "/beheer/audit?actie=bericht_verborgen"
	[ "$status_code" = 200 ]
	assert_contains "Bericht verborgen"
	assert_contains "Moderator $S"

	# Put back (the small form in the table: urlencoded, no note).
	post mod /redactie/meldingen --data "post=$REPLY" --data action=herstellen
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/redactie/meldingen?gedaan=hersteld" ]
	[ "$(db -c "SELECT hidden_at IS NULL AND hidden_note = '' FROM post
	    WHERE id = $REPLY")" = t ]
	[ "$(db -c "SELECT count(*) FROM notification WHERE account_id = $AUTHOR
	    AND kind = 'moderatie' AND post_id = $REPLY")" = $((before + 2)) ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'bericht_hersteld'
	    AND target_id = $REPLY")" = 1 ]
	req -b "$(jar mod)" "/redactie/meldingen?gedaan=hersteld"
	assert_contains "Het is teruggezet."
	row=$(grep -A10 "gesprekken/$TOPIC#bericht-2\">Kleine groepen" <<<"$body")
	[[ "$row" == *"Nu zichtbaar"* ]]
	[[ "$row" != *"value=\"herstellen\""* ]]
}

@test "dismissing closes the reports and changes nothing else" {
	mpost reporter /melden --form-string "post=$FIRST" \
	    --form-string reason=spam
	[ "$status_code" = 303 ]
	before=$(db -c "SELECT count(*) FROM notification WHERE account_id = $AUTHOR")
	mpost mod /redactie/meldingen --form-string "post=$FIRST" \
	    --form-string action=afwijzen --form-string "note=Geen spam."
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/redactie/meldingen?gedaan=afgewezen" ]
	[ "$(flags "post_id = $FIRST AND decision = 'afgewezen'
	    AND decision_note = 'Geen spam.'")" = 1 ]
	[ "$(db -c "SELECT hidden_at IS NULL FROM post WHERE id = $FIRST")" = t ]
	[ "$(db -c "SELECT count(*) FROM notification
	    WHERE account_id = $AUTHOR")" = "$before" ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'bericht_afgewezen'
	    AND target_id = $FIRST")" = 1 ]
	req -b "$(jar mod)" "/redactie/meldingen?gedaan=afgewezen"
	assert_contains "De melding is afgewezen. Er is niets veranderd."
	# Reported again later: a new open report is possible.
	mpost reporter /melden --form-string "post=$FIRST" \
	    --form-string reason=ongepast
	[ "$status_code" = 303 ]
}

@test "an editor hides an article: gone for readers, the author is told" {
	req "/artikelen/$ART_SLUG"
	[ "$status_code" = 200 ]
	mpost editor /redactie/meldingen --form-string "item=$ART" \
	    --form-string action=verbergen --form-string "note=Er staat een naam in."
	[ "$status_code" = 303 ]
	req "/artikelen/$ART_SLUG"
	[ "$status_code" = 404 ]
	req -b "$(jar reporter)" "/artikelen/$ART_SLUG"
	[ "$status_code" = 404 ]
	# The editor still sees it, with the banner and the reason.
	req -b "$(jar editor)" "/artikelen/$ART_SLUG"
	[ "$status_code" = 200 ]
	assert_contains "Een moderator heeft dit artikel verborgen."
	assert_contains "Reden: Er staat een naam in."
	[ "$(db -c "SELECT count(*) FROM notification WHERE account_id = $AUTHOR
	    AND kind = 'moderatie' AND item_id = $ART
	    AND href = '/artikelen/$ART_SLUG'")" = 1 ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'item_verborgen'
	    AND actor_id = $EDITOR AND target_id = $ART")" = 1 ]
	# Hidden: nobody can report it any more.
	req -b "$(jar member)" "/melden?item=$ART"
	[ "$status_code" = 404 ]
	post editor /redactie/meldingen --data "item=$ART" --data action=herstellen
	[ "$status_code" = 303 ]
	req "/artikelen/$ART_SLUG"
	[ "$status_code" = 200 ]
}

@test "a hidden post cannot be reported again" {
	mpost reporter /melden --form-string "post=$LATE" \
	    --form-string reason=spam
	mpost mod /redactie/meldingen --form-string "post=$LATE" \
	    --form-string action=verbergen --form-string "note=Reclame."
	[ "$status_code" = 303 ]
	req -b "$(jar member)" "/melden?bericht=$LATE"
	[ "$status_code" = 200 ]
	assert_contains "Een moderator heeft dit al verborgen."
	assert_not_contains "Reactie 26"
	assert_not_contains 'name="reason"'
	mpost member /melden --form-string "post=$LATE" \
	    --form-string reason=spam
	[ "$status_code" = 409 ]
	[ "$(flags "post_id = $LATE AND reporter_id = $MEMBER")" = 0 ]
}
