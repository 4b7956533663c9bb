#!/usr/bin/env bats
# The article workflow (issue 5): submit, review (approve with a note,
# send back with feedback), archive, restore, checked; history, diff,
# a revision's source and restoring it; the editors' queue /redactie and
# /account/artikelen. Who may do what, CSRF and methods on every route.
#
# Articles are made through item_save() in SQL, as the editor saves
# them, so these tests do not depend on the editor's pages.

load helpers

setup() {
	IP="10.21.$((RANDOM % 250 + 1)).$((RANDOM % 250 + 1))"
	# A word no other test uses, to find this test's articles.
	TAG="f$$x$RANDOM$RANDOM"
}

# person JAR ROLE [NAME]: a new signed-in account with that role; sets
# ID_<JAR>.
person() {
	local e
	e=$(unique_email "flow-$1")
	post "$1" /registreren -H "X-Real-IP: $IP" \
	    --data-urlencode "email=$e" --data-urlencode "name=${3:-Lid $1}" \
	    --data-urlencode "password=$TEST_PASSWORD" \
	    --data-urlencode "kind=professional"
	[ "$status_code" = 303 ] || {
		echo "register $e: $status_code" >&2
		return 1
	}
	[ "$2" = lid ] || set_role "$e" "$2"
	printf -v "ID_$1" '%s' "$(db -c "SELECT id FROM account WHERE email = '$e'")"
}

# article ACTOR TITLE BODY: a new article by account ACTOR; sets SLUG
# and ART (its id).
article() {
	SLUG=$(db -v actor="$1" -v title="$2" -v body="$3" -v slug="$TAG" <<'SQL'
SELECT slug FROM item_save('artikel', NULL, NULL, :'actor'::bigint,
    :'title', 'Kort gezegd.', :'body', '<p>Tekst van het artikel.</p>',
    '', 4, 'eerste versie', :'slug', '', '', '', NULL, '', '', NULL, NULL)
SQL
)
	[ -n "$SLUG" ]
	ART=$(db -c "SELECT id FROM item WHERE kind = 'artikel' AND slug = '$SLUG'")
}

# revise ACTOR TITLE BODY [NOTE]: save a new revision of $ART.
revise() {
	db -v actor="$1" -v title="$2" -v body="$3" -v note="${4:-}" \
	    -v id="$ART" >/dev/null <<'SQL'
SELECT * FROM item_save('artikel', :'id'::bigint,
    (SELECT revision FROM item WHERE id = :'id'::bigint), :'actor'::bigint,
    :'title', 'Kort gezegd.', :'body', '<p>Tekst.</p>', '', 4, :'note',
    '', '', '', '', NULL, '', '', NULL, NULL)
SQL
}

item() {
	db -c "SELECT $1 FROM item WHERE id = $ART"
}

# The audit actions on $ART, in order.
audit_trail() {
	db -c "SELECT string_agg(action, ',' ORDER BY id) FROM audit
	    WHERE target_id = $ART AND action IN ('aanmaken', 'indienen',
	    'goedkeuren', 'publiceren', 'terugsturen', 'archiveren',
	    'terugzetten', 'gecontroleerd', 'versie_herstellen')"
}

# step JAR ACTION: POST /artikelen/$SLUG/status.
step() {
	post "$1" "/artikelen/$SLUG/status" -d "action=$2"
}

# mpost JAR PATH [curl --form-string args...]: a multipart POST (the
# review form), same origin, with the jar's CSRF token.
mpost() {
	local j=$1 path=$2
	shift 2
	local t
	t=$(csrf "$j")
	req -b "$(jar "$j")" -c "$(jar "$j")" -H "Origin: $BRON_URL" \
	    --form-string "_csrf=$t" "$@" "$path"
}

review() {
	mpost "$1" "/artikelen/$SLUG/beoordelen" --form-string "decision=$2" \
	    --form-string "note=$3"
}

@test "a member submits; cannot approve, publish or restore from the archive" {
	person lid lid "Schrijver $TAG"
	article "$ID_lid" "Over $TAG" "Eerste tekst."
	[ "$(item status)" = concept ]
	step lid indienen
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/artikelen/$SLUG?gedaan=ingediend" ]
	[ "$(item status)" = ter_review ]
	# Submitting twice: the wrong state, with a Dutch reason.
	step lid indienen
	[ "$status_code" = 409 ]
	assert_contains "Je kunt alleen een concept indienen."
	assert_html_headers
	# Approving is publishing: editors only.
	step lid goedkeuren
	[ "$status_code" = 403 ]
	assert_contains "Alleen de redactie kan artikelen goedkeuren"
	req -b "$(jar lid)" "/artikelen/$SLUG/beoordelen"
	[ "$status_code" = 403 ]
	review lid goedkeuren "Zelf goedgekeurd"
	[ "$status_code" = 403 ]
	[ "$(item status)" = ter_review ]
	[ -z "$(item approved_by)" ]
	# An action the form never sends.
	step lid publiceren
	[ "$status_code" = 400 ]
	assert_contains "Bron kent deze actie niet."
	[ "$(item status)" = ter_review ]
	[ "$(audit_trail)" = aanmaken,indienen ]
	# Archived (by an editor): the author may not put it back.
	db -c "UPDATE item SET status = 'gearchiveerd', published_at = now()
	    WHERE id = $ART"
	step lid terugzetten
	[ "$status_code" = 403 ]
	[ "$(item status)" = gearchiveerd ]
}

@test "an editor approves with a note: published, approver, review and audit rows" {
	person lid lid "Schrijver $TAG"
	person red redacteur "Redacteur $TAG"
	article "$ID_lid" "Goed stuk $TAG" "Tekst om te lezen."
	step lid indienen
	[ "$status_code" = 303 ]
	req -b "$(jar red)" "/artikelen/$SLUG/beoordelen"
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains "Goed stuk $TAG"
	assert_contains "Kort gezegd."
	assert_contains "<p>Tekst van het artikel.</p>"
	assert_contains "Versie 1, door Schrijver $TAG. Status: Ter review."
	assert_contains 'enctype="multipart/form-data"'
	assert_contains 'value="terugsturen"'
	review red goedkeuren "Helder en <b>goed</b> onderbouwd."
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/artikelen/$SLUG?gedaan=goedgekeurd" ]
	[ "$(item status)" = gepubliceerd ]
	[ "$(item approved_by)" = "$ID_red" ]
	[ "$(item approve_note)" = "Helder en <b>goed</b> onderbouwd." ]
	[ -n "$(item approved_at)" ]
	[ -n "$(item published_at)" ]
	[ -n "$(item checked_at)" ]
	[ "$(db -c "SELECT decision || '|' || reviewer_id || '|' || note
	    FROM item_review WHERE item_id = $ART")" = \
	    "goedgekeurd|$ID_red|Helder en <b>goed</b> onderbouwd." ]
	[ "$(audit_trail)" = aanmaken,indienen,goedkeuren,publiceren ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE target_id = $ART
	    AND action IN ('goedkeuren', 'publiceren')
	    AND actor_id = $ID_red")" = 2 ]
	# Once published there is nothing left to review.
	req -b "$(jar red)" "/artikelen/$SLUG/beoordelen"
	[ "$status_code" = 409 ]
	assert_contains "Dit artikel wacht niet op een beoordeling."
	review red goedkeuren ""
	[ "$status_code" = 409 ]
}

@test "an editor sends back with feedback; the author sees it on /account/artikelen" {
	person lid lid "Schrijver $TAG"
	person red redacteur
	article "$ID_lid" "Bijna klaar $TAG" "Tekst."
	step lid indienen
	review red terugsturen $'Voeg bronnen toe.\r\nEn <script>alert(1)</script> weg.'
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/artikelen/$SLUG?gedaan=teruggestuurd" ]
	[ "$(item status)" = concept ]
	[ "$(item feedback)" = $'Voeg bronnen toe.\nEn <script>alert(1)</script> weg.' ]
	[ -z "$(item approved_by)" ]
	[ "$(db -c "SELECT decision FROM item_review WHERE item_id = $ART")" = teruggestuurd ]
	[ "$(audit_trail)" = aanmaken,indienen,terugsturen ]
	req -b "$(jar lid)" /account/artikelen
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains "Bijna klaar $TAG"
	assert_contains "Teruggestuurd"
	assert_contains "Feedback van de redactie:"
	assert_contains $'Voeg bronnen toe.\nEn &lt;script&gt;alert(1)&lt;/script&gt; weg.'
	assert_not_contains "<script>alert(1)"
	assert_contains "href=\"/artikelen/$SLUG/bewerken\""
	# The editors see it under Teruggestuurd.
	req -b "$(jar red)" /redactie
	assert_contains "Bijna klaar $TAG"
	# Sending back a draft is the wrong state.
	review red terugsturen "Nog een keer"
	[ "$status_code" = 409 ]
	assert_contains "Je kunt alleen een ingediend artikel terugsturen."
	# Resubmitted and approved: the feedback is cleared.
	step lid indienen
	review red goedkeuren ""
	[ "$status_code" = 303 ]
	[ -z "$(item feedback)" ]
	[ -z "$(item approve_note)" ]
}

@test "sending back without feedback: 400, the message next to the field, typed text kept" {
	person lid lid
	person red redacteur
	article "$ID_lid" "Zonder uitleg $TAG" "Tekst."
	step lid indienen
	review red terugsturen "   "
	[ "$status_code" = 400 ]
	assert_html_headers
	assert_contains "<title>Fout: Beoordelen: Zonder uitleg $TAG"
	assert_contains '<p class="field-error" id="note-error">Schrijf wat de schrijver moet verbeteren. Dat is verplicht als je een artikel terugstuurt.</p>'
	assert_contains 'aria-describedby="note-hint note-error" aria-invalid="true"'
	assert_contains '<a href="#note">'
	assert_contains 'value="terugsturen" checked'
	[ "$(item status)" = ter_review ]
	# No decision chosen: the note comes back as typed, escaped.
	review red "" "Mijn <b>uitleg</b> & meer"
	[ "$status_code" = 400 ]
	assert_contains "Kies of je het artikel goedkeurt of terugstuurt."
	assert_contains ">Mijn &lt;b&gt;uitleg&lt;/b&gt; &amp; meer</textarea>"
	# Too long: the message names the limit, the text stays.
	long=$(printf 'woord %.0s' $(seq 1 400))
	review red terugsturen "$long"
	[ "$status_code" = 400 ]
	assert_contains "2000"
	assert_contains ">${long% }</textarea>"
	[ "$(item status)" = ter_review ]
	[ -z "$(item feedback)" ]
	[ "$(audit_trail)" = aanmaken,indienen ]
}

@test "archive, put back and mark as checked: by editor and owner, with audit rows" {
	person lid lid
	person ander lid
	person red redacteur
	article "$ID_lid" "Oud stuk $TAG" "Tekst."
	step lid indienen
	review red goedkeuren ""
	[ "$(item status)" = gepubliceerd ]
	# Someone else may neither archive nor check it.
	step ander archiveren
	[ "$status_code" = 403 ]
	assert_contains "Alleen de eigenaar van het artikel en de redactie"
	step ander gecontroleerd
	[ "$status_code" = 403 ]
	# Due for a check: a year and a bit since the last one.
	db -c "UPDATE item SET checked_at = now() - interval '13 months'
	    WHERE id = $ART"
	req -b "$(jar lid)" /account/artikelen
	assert_contains "Oud stuk $TAG"
	assert_contains '<strong class="flow-due">Toe aan controle.</strong>'
	req -b "$(jar red)" /redactie
	assert_contains "Oud stuk $TAG"
	assert_contains "Markeer als gecontroleerd"
	step lid gecontroleerd
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/artikelen/$SLUG?gedaan=gecontroleerd" ]
	[ "$(db -c "SELECT checked_at > now() - interval '1 minute' FROM item
	    WHERE id = $ART")" = t ]
	[ "$(item status)" = gepubliceerd ]
	req -b "$(jar lid)" /account/artikelen
	assert_not_contains '<strong class="flow-due">'
	step red archiveren
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/artikelen/$SLUG?gedaan=gearchiveerd" ]
	[ "$(item status)" = gearchiveerd ]
	# Archived: checking or archiving again is the wrong state.
	step red gecontroleerd
	[ "$status_code" = 409 ]
	assert_contains "Dit kan alleen bij een gepubliceerd artikel."
	# Not published: someone who may not see it learns nothing.
	step ander terugzetten
	[ "$status_code" = 404 ]
	step red terugzetten
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/artikelen/$SLUG?gedaan=teruggezet" ]
	[ "$(item status)" = gepubliceerd ]
	step red terugzetten
	[ "$status_code" = 409 ]
	assert_contains "Je kunt alleen een gearchiveerd artikel terugzetten."
	# The owner (a member) may archive their own.
	step lid archiveren
	[ "$status_code" = 303 ]
	[ "$(audit_trail)" = aanmaken,indienen,goedkeuren,publiceren,gecontroleerd,archiveren,terugzetten,archiveren ]
}

@test "the workflow on a draft of someone else or an unknown article is 404" {
	person lid lid
	person ander lid
	article "$ID_lid" "Geheim concept $TAG" "Tekst."
	for a in indienen goedkeuren archiveren; do
		step ander "$a"
		[ "$status_code" = 404 ]
	done
	post lid "/artikelen/bestaat-niet-$TAG/status" -d action=indienen
	[ "$status_code" = 404 ]
	req -b "$(jar lid)" "/artikelen/$SLUG/geschiedenis"
	[ "$status_code" = 200 ]
	for p in geschiedenis verschil versies/1; do
		req -b "$(jar ander)" "/artikelen/$SLUG/$p"
		[ "$status_code" = 404 ]
		req "/artikelen/$SLUG/$p"
		[ "$status_code" = 404 ]
	done
	post ander "/artikelen/$SLUG/herstellen" -d rev=1 -d base=1
	[ "$status_code" = 404 ]
	[ "$(item status)" = concept ]
}

@test "visitors are sent to sign in; POST without a token is 403 everywhere; GET on POST routes is 405" {
	person lid lid
	person red redacteur
	article "$ID_lid" "Beveiligd $TAG" "Een."
	revise "$ID_lid" "Beveiligd $TAG" "Twee."
	for p in /redactie /account/artikelen "/artikelen/$SLUG/beoordelen"; do
		req "$p"
		[ "$status_code" = 303 ]
		[[ "$(header location)" == /inloggen* ]]
	done
	req /redactie
	[ "$(header location)" = "/inloggen?terug=%2Fredactie" ]
	req -H "Origin: $BRON_URL" -d action=indienen "/artikelen/$SLUG/status"
	[ "$status_code" = 303 ]
	[ "$(header location)" = /inloggen ]
	before=$(db -c "SELECT status || revision FROM item WHERE id = $ART")
	audit_before=$(audit_trail)
	# Signed in, same origin, but no token.
	req -b "$(jar lid)" -H "Origin: $BRON_URL" -d action=indienen \
	    "/artikelen/$SLUG/status"
	[ "$status_code" = 403 ]
	assert_contains "Dit formulier was verlopen"
	req -b "$(jar lid)" -H "Origin: $BRON_URL" -d rev=1 -d base=2 \
	    "/artikelen/$SLUG/herstellen"
	[ "$status_code" = 403 ]
	req -b "$(jar red)" -H "Origin: $BRON_URL" \
	    --form-string decision=goedkeuren --form-string "note=Mijn notitie" \
	    "/artikelen/$SLUG/beoordelen"
	[ "$status_code" = 403 ]
	# The review form comes back with the typed note.
	assert_contains ">Mijn notitie</textarea>"
	# The right token from another site.
	t=$(csrf red)
	req -b "$(jar red)" -H "Origin: http://evil.example" \
	    --form-string "_csrf=$t" --form-string decision=goedkeuren \
	    "/artikelen/$SLUG/beoordelen"
	[ "$status_code" = 403 ]
	[ "$(db -c "SELECT status || revision FROM item WHERE id = $ART")" = "$before" ]
	[ "$(audit_trail)" = "$audit_before" ]
	for p in status herstellen; do
		req -b "$(jar lid)" "/artikelen/$SLUG/$p?action=indienen"
		[ "$status_code" = 405 ]
	done
	[ "$(db -c "SELECT status || revision FROM item WHERE id = $ART")" = "$before" ]
}

@test "/redactie: 403 for members; editors see submitted articles, oldest first" {
	person lid lid "Schrijver $TAG"
	person red redacteur
	article "$ID_lid" "Eerst ingediend $TAG" "Tekst."
	first=$SLUG
	step lid indienen
	TAG="${TAG}b"
	article "$ID_lid" "Later ingediend $TAG" "Tekst."
	step lid indienen
	req -b "$(jar lid)" /redactie
	[ "$status_code" = 403 ]
	req -b "$(jar red)" /redactie
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains '<a href="/redactie/themas">'
	assert_contains "<h2 id=\"queue-review\">Ter review</h2>"
	assert_contains "<a href=\"/artikelen/$first/beoordelen\">Beoordelen"
	assert_contains "<a href=\"/artikelen/$SLUG/beoordelen\">Beoordelen"
	assert_contains "Schrijver ${TAG%b}"
	# Oldest first.
	[[ "$body" == *"/artikelen/$first/beoordelen"*"/artikelen/$SLUG/beoordelen"* ]]
	# The admin is an editor too.
	person beh beheerder
	req -b "$(jar beh)" /redactie
	[ "$status_code" = 200 ]
}

@test "history lists every revision; others get 403 on a published article" {
	person lid lid "Schrijver $TAG"
	person ander lid
	person red redacteur
	article "$ID_lid" "Met versies $TAG" "Een."
	revise "$ID_lid" "Met versies $TAG" "Twee." "tweede <script>x</script>"
	revise "$ID_red" "Met versies $TAG" "Drie."
	req -b "$(jar lid)" "/artikelen/$SLUG/geschiedenis"
	[ "$status_code" = 200 ]
	assert_html_headers
	for n in 1 2 3; do
		assert_contains "<a href=\"/artikelen/$SLUG/versies/$n\">Versie $n</a>"
		assert_contains "id=\"van-$n\" name=\"van\" value=\"$n\""
		assert_contains "id=\"naar-$n\" name=\"naar\" value=\"$n\""
	done
	assert_contains "Versie 3</a> (huidige versie)"
	assert_contains "tweede &lt;script&gt;x&lt;/script&gt;"
	assert_not_contains "<script>x"
	assert_contains ">Schrijver $TAG</a>"
	assert_contains "action=\"/artikelen/$SLUG/verschil\""
	# A restore button for each old revision, none for the current one.
	assert_contains 'form="herstel-1">Zet versie 1 terug</button>'
	assert_contains 'form="herstel-2">Zet versie 2 terug</button>'
	assert_not_contains 'form="herstel-3"'
	assert_contains '<input type="hidden" name="base" value="3">'
	# An editor may see it; another member may not (once published).
	req -b "$(jar red)" "/artikelen/$SLUG/geschiedenis"
	[ "$status_code" = 200 ]
	step lid indienen
	review red goedkeuren ""
	req -b "$(jar ander)" "/artikelen/$SLUG/geschiedenis"
	[ "$status_code" = 403 ]
	assert_contains "Alleen de schrijvers, de eigenaar en de redactie"
	assert_not_contains "versies/1"
	req -b "$(jar ander)" "/artikelen/$SLUG/verschil?van=1&naar=2"
	[ "$status_code" = 403 ]
	assert_not_contains "Een."
	req -b "$(jar ander)" "/artikelen/$SLUG/versies/1"
	[ "$status_code" = 403 ]
	req "/artikelen/$SLUG/geschiedenis"
	[ "$status_code" = 303 ]
	# A revision's source, escaped; unknown revisions are 404.
	req -b "$(jar lid)" "/artikelen/$SLUG/versies/2"
	[ "$status_code" = 200 ]
	assert_contains "<pre class=\"md-source\">Twee.</pre>"
	assert_contains "Vergelijk met de huidige versie"
	req -b "$(jar lid)" "/artikelen/$SLUG/versies/99"
	[ "$status_code" = 404 ]
	req -b "$(jar lid)" "/artikelen/$SLUG/versies/0"
	[ "$status_code" = 404 ]
}

@test "diff of two revisions: removed and added words with markers, escaped" {
	person lid lid
	article "$ID_lid" "Titel <script>alert(1)</script> $TAG" \
	    $'# Kop\n\nDe oude tekst staat hier.\n\nSlot.'
	revise "$ID_lid" "Nieuwe titel $TAG" \
	    $'# Kop\n\nDe nieuwe tekst staat hier.\n<script>alert(2)</script>\n\nSlot.'
	req -b "$(jar lid)" "/artikelen/$SLUG/verschil?van=1&naar=2"
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains "Versie 1 vergeleken met versie 2"
	assert_contains "<del>oude</del>"
	assert_contains "<ins>nieuwe</ins>"
	assert_contains '<td class="diff-m">−</td>'
	assert_contains '<td class="diff-m">+</td>'
	assert_contains "&lt;script&gt;alert(2)&lt;/script&gt;"
	assert_contains "&lt;script&gt;alert(1)&lt;/script&gt;"
	assert_not_contains "<script>alert"
	# The legend explains the markers in words.
	assert_contains "Zo lees je de verschillen"
	assert_contains "min-teken (−)"
	assert_contains "plusteken (+)"
	# Title changed, summary not.
	assert_contains "De samenvatting is niet veranderd."
	assert_contains "<ins>Nieuwe"
	# Without arguments: the current revision against the one before.
	req -b "$(jar lid)" "/artikelen/$SLUG/verschil"
	[ "$status_code" = 200 ]
	assert_contains "Versie 1 vergeleken met versie 2"
}

@test "diff: swapped, equal, unknown and malformed revisions get a Dutch message, never a 500" {
	person lid lid
	article "$ID_lid" "Keuzes $TAG" "Een."
	req -b "$(jar lid)" "/artikelen/$SLUG/verschil"
	[ "$status_code" = 200 ]
	assert_contains "Er is nog maar één versie."
	revise "$ID_lid" "Keuzes $TAG" "Twee."
	req -b "$(jar lid)" "/artikelen/$SLUG/verschil?van=2&naar=1"
	[ "$status_code" = 400 ]
	assert_contains "De oude versie moet een lager nummer hebben dan de nieuwe."
	assert_contains 'id="van-error"'
	assert_not_contains "vergeleken met"
	req -b "$(jar lid)" "/artikelen/$SLUG/verschil?van=2&naar=2"
	[ "$status_code" = 400 ]
	assert_contains "Dit is twee keer dezelfde versie."
	req -b "$(jar lid)" "/artikelen/$SLUG/verschil?van=1&naar=99"
	[ "$status_code" = 404 ]
	assert_contains "Versie 99 bestaat niet."
	req -b "$(jar lid)" "/artikelen/$SLUG/verschil?van=abc&naar=2"
	[ "$status_code" = 400 ]
	assert_contains "Kies een versienummer uit de lijst."
	req -b "$(jar lid)" "/artikelen/$SLUG/verschil?van=1234567890&naar=2"
	[ "$status_code" = 400 ]
	req -b "$(jar lid)" "/artikelen/$SLUG/verschil?van=0&naar=999999999"
	[ "$status_code" = 404 ]
	# The pickers still list both revisions.
	assert_contains '<option value="1"'
	assert_contains '<option value="2"'
}

@test "restore: revision N+1 with the old text and an audit row; a stale base is 409" {
	person lid lid
	person ander lid
	article "$ID_lid" "Herstel $TAG" "De eerste tekst [met link](/artikelen/bestaat-$TAG)."
	revise "$ID_lid" "Herstel anders $TAG" "De tweede tekst."
	post lid "/artikelen/$SLUG/herstellen" -d rev=1 -d base=2
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/artikelen/$SLUG?gedaan=hersteld" ]
	[ "$(item revision)" = 3 ]
	[ "$(item title)" = "Herstel $TAG" ]
	[ "$(item body_md)" = "De eerste tekst [met link](/artikelen/bestaat-$TAG)." ]
	# Rendered again from the Markdown, with its links.
	[[ "$(item body_html)" == *"De eerste tekst"* ]]
	[ "$(db -c "SELECT slug FROM item_ref WHERE from_id = $ART")" = "bestaat-$TAG" ]
	[ "$(db -c "SELECT restored_from || '|' || author_id FROM item_revision
	    WHERE item_id = $ART AND rev = 3")" = "1|$ID_lid" ]
	[ "$(db -c "SELECT detail FROM audit WHERE target_id = $ART
	    AND action = 'versie_herstellen'")" = "versie 1 als 3" ]
	req -b "$(jar lid)" "/artikelen/$SLUG/geschiedenis"
	assert_contains "Hersteld van versie 1."
	# The same form again: someone saved since (base 2, now 3).
	post lid "/artikelen/$SLUG/herstellen" -d rev=1 -d base=2
	[ "$status_code" = 409 ]
	assert_contains "Iemand heeft het artikel opgeslagen nadat je deze pagina opende."
	assert_contains "href=\"/artikelen/$SLUG/geschiedenis\""
	[ "$(item revision)" = 3 ]
	# The current revision, an unknown one, a missing field.
	post lid "/artikelen/$SLUG/herstellen" -d rev=3 -d base=3
	[ "$status_code" = 400 ]
	assert_contains "Dit is al de huidige versie."
	post lid "/artikelen/$SLUG/herstellen" -d rev=42 -d base=3
	[ "$status_code" = 404 ]
	assert_contains "Deze versie bestaat niet."
	post lid "/artikelen/$SLUG/herstellen" -d base=3
	[ "$status_code" = 400 ]
	post lid "/artikelen/$SLUG/herstellen" -d rev=x -d base=3
	[ "$status_code" = 400 ]
	# Someone who may not edit: 404 on a draft (nothing to know).
	post ander "/artikelen/$SLUG/herstellen" -d rev=2 -d base=3
	[ "$status_code" = 404 ]
	[ "$(item revision)" = 3 ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE target_id = $ART
	    AND action = 'versie_herstellen'")" = 1 ]
}

@test "restore on an archived article: editors only" {
	person lid lid
	person red redacteur
	article "$ID_lid" "Archief $TAG" "Een."
	revise "$ID_lid" "Archief $TAG" "Twee."
	step lid indienen
	review red goedkeuren ""
	step red archiveren
	[ "$(item status)" = gearchiveerd ]
	req -b "$(jar lid)" "/artikelen/$SLUG/geschiedenis"
	[ "$status_code" = 200 ]
	assert_not_contains 'form="herstel-1"'
	post lid "/artikelen/$SLUG/herstellen" -d rev=1 -d base=2
	[ "$status_code" = 403 ]
	assert_contains "Bij een gearchiveerd artikel kan alleen de redactie dat."
	post red "/artikelen/$SLUG/herstellen" -d rev=1 -d base=2
	[ "$status_code" = 303 ]
	[ "$(item revision)" = 3 ]
	[ "$(item body_md)" = "Een." ]
}

@test "/account/artikelen lists the member's own articles in every status" {
	person lid lid
	person ander lid
	article "$ID_lid" "Mijn concept $TAG" "Tekst."
	mine=$SLUG
	TAG="${TAG}o"
	article "$ID_ander" "Van een ander $TAG" "Tekst."
	req -b "$(jar lid)" /account/artikelen
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains "<a href=\"/artikelen/$mine\">Mijn concept ${TAG%o}</a>"
	assert_contains ">Concept</span>"
	assert_not_contains "Van een ander $TAG"
	assert_contains '<a href="/artikelen/nieuw">'
	# A co-author who is not the owner sees it too, without the due
	# marker (the owner has it).
	db -c "INSERT INTO item_author (item_id, account_id)
	    VALUES ($ART, $ID_lid)"
	db -c "UPDATE item SET status = 'gepubliceerd', published_at = now(),
	    checked_at = now() - interval '2 years' WHERE id = $ART"
	req -b "$(jar lid)" /account/artikelen
	assert_contains "Van een ander $TAG"
	assert_contains ">Gepubliceerd</span>"
	assert_not_contains '<strong class="flow-due">'
	req -b "$(jar ander)" /account/artikelen
	assert_contains '<strong class="flow-due">'
}

@test "a decision is about the text the editor read: a newer revision gets 409 first" {
	person lid lid "Schrijver $TAG"
	person red redacteur "Redacteur $TAG"
	article "$ID_lid" "Over $TAG" "Eerste tekst."
	step lid indienen
	req -b "$(jar red)" "/artikelen/$SLUG/beoordelen"
	[ "$status_code" = 200 ]
	assert_contains 'name="rev" value="1"'
	# The author saves again while the editor reads version 1.
	revise "$ID_lid" "Over $TAG" "Tweede tekst, ongezien."
	mpost red "/artikelen/$SLUG/beoordelen" --form-string "rev=1" \
	    --form-string "decision=goedkeuren" --form-string "note=Mooi $TAG"
	[ "$status_code" = 409 ]
	assert_contains "dit is nu versie 2"
	assert_contains "Mooi $TAG"
	assert_contains 'name="rev" value="2"'
	[ "$(item status)" = ter_review ]
	# The same check holds in SQL, under the row lock.
	run db -c "SELECT item_transition($ART, $ID_red, 'goedkeuren', '', 1)"
	[ "$status" != 0 ]
	[ "$(item status)" = ter_review ]
	mpost red "/artikelen/$SLUG/beoordelen" --form-string "rev=2" \
	    --form-string "decision=goedkeuren" --form-string "note=Mooi $TAG"
	[ "$status_code" = 303 ]
	[ "$(item "status || '|' || approved_by")" = "gepubliceerd|$ID_red" ]
}

@test "an article without an owner: only editors may archive it or mark it checked" {
	person lid lid "Lid $TAG"
	person red redacteur "Redacteur $TAG"
	article "$ID_red" "Zonder eigenaar $TAG" "Tekst."
	db -c "UPDATE item SET owner_id = NULL WHERE id = $ART" >/dev/null
	db -c "DELETE FROM item_author WHERE item_id = $ART" >/dev/null
	review red goedkeuren ""
	[ "$(item status)" = gepubliceerd ]
	step lid archiveren
	[ "$status_code" = 403 ]
	step lid gecontroleerd
	[ "$status_code" = 403 ]
	[ "$(item status)" = gepubliceerd ]
	step red archiveren
	[ "$status_code" = 303 ]
	[ "$(item status)" = gearchiveerd ]
}

@test "an editor giving an article another owner leaves an audit row" {
	person lid lid "Lid $TAG"
	person red redacteur "Redacteur $TAG"
	article "$ID_lid" "Eigenaar $TAG" "Tekst."
	db -v id="$ART" -v actor="$ID_red" -v owner="$ID_red" >/dev/null <<'SQL'
SELECT * FROM item_save('artikel', :'id'::bigint, 1, :'actor'::bigint,
    'Eigenaar', 'Kort gezegd.', 'Tekst.', '<p>Tekst.</p>', '', 1, '',
    '', '', '', '', :'owner'::bigint, '', '', NULL, NULL)
SQL
	[ "$(item owner_id)" = "$ID_red" ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE target_id = $ART
	    AND action = 'eigenaar_gewijzigd' AND actor_id = $ID_red")" = 1 ]
	# Saving again with the same owner adds nothing.
	db -v id="$ART" -v actor="$ID_red" -v owner="$ID_red" >/dev/null <<'SQL'
SELECT * FROM item_save('artikel', :'id'::bigint, 2, :'actor'::bigint,
    'Eigenaar', 'Kort gezegd.', 'Tekst 2.', '<p>Tekst.</p>', '', 1, '',
    '', '', '', '', :'owner'::bigint, '', '', NULL, NULL)
SQL
	[ "$(db -c "SELECT count(*) FROM audit WHERE target_id = $ART
	    AND action = 'eigenaar_gewijzigd'")" = 1 ]
}
