#!/usr/bin/env bats
# Discussions (issue 6): the topic list, a new topic (preview, save,
# nonce), the topic page with paged replies, quoting, editing with
# history and the 409 page, pinning and closing by moderators, helpful
# marks; members-only and closed communities; hidden posts; CSRF and
# methods on every write.
#
# Communities and memberships are made through the SQL functions
# (community_save, member_act), so these tests do not depend on the
# community pages.
load helpers

# One set of accounts for the whole file.
jar() {
	echo "$BATS_FILE_TMPDIR/jar-$1"
}

setup_file() {
	local n=$$x$RANDOM
	export N=$n
	export ED_EMAIL=$(unique_email gesprek-red) MOD_EMAIL=$(unique_email gesprek-mod)
	export A_EMAIL=$(unique_email gesprek-a) B_EMAIL=$(unique_email gesprek-b)
	export OUT_EMAIL=$(unique_email gesprek-buiten)
	export A_NAME="Anna$n" B_NAME="Bram$n" MOD_NAME="Moderator$n"
	register editor "$ED_EMAIL" "Redactie$n"
	set_role "$ED_EMAIL" redacteur
	register mod "$MOD_EMAIL" "$MOD_NAME"
	register a "$A_EMAIL" "$A_NAME"
	register b "$B_EMAIL" "$B_NAME"
	register out "$OUT_EMAIL" "Buiten$n"
	export ED=$(db -c "SELECT id FROM account WHERE email = '$ED_EMAIL'")
	export MOD=$(db -c "SELECT id FROM account WHERE email = '$MOD_EMAIL'")
	export A=$(db -c "SELECT id FROM account WHERE email = '$A_EMAIL'")
	export B=$(db -c "SELECT id FROM account WHERE email = '$B_EMAIL'")
	export OUT=$(db -c "SELECT id FROM account WHERE email = '$OUT_EMAIL'")
	# A public, open community: mod is its moderator, a and b members.
	export PUB=$(space openbaar open "Open ruimte $n")
	export PUB_ID=$(db -c "SELECT id FROM community WHERE slug = '$PUB'")
	members "$PUB_ID"
	# Members-only (on request) and closed (invitation only).
	export LED=$(space leden aanvraag "Ledenruimte $n")
	export LED_ID=$(db -c "SELECT id FROM community WHERE slug = '$LED'")
	members "$LED_ID"
	export BES=$(space besloten uitnodiging "Besloten ruimte $n")
	export BES_ID=$(db -c "SELECT id FROM community WHERE slug = '$BES'")
	members "$BES_ID"
}

# space VISIBILITY MEMBERSHIP NAME: a new community by the editor; its slug.
space() {
	db -v name="$3" -v vis="$1" -v mem="$2" -v ed="$ED" -v n="$N" <<'SQL'
SELECT slug FROM community_save(NULL, :'ed'::bigint, 0, :'name',
    'Een ruimte om te testen.', 'Het doel.', '<p>Het doel.</p>', '',
    :'vis', :'mem', 'gesprek-' || :'vis' || '-' || :'n', 'idem-' || :'name')
SQL
}

# members CID: mod (moderator), a and b become members.
members() {
	local who
	for who in "$MOD" "$A" "$B"; do
		db -c "SELECT member_act($1, $ED, 'uitnodigen', $who, '')" >/dev/null
		db -c "SELECT member_act($1, $who, 'accepteren', NULL, '')" >/dev/null
	done
	db -c "SELECT member_act($1, $ED, 'moderator', $MOD, '')" >/dev/null
}

# topic CID ACTOR TITLE BODY: a discussion through SQL; sets TID, P1.
topic() {
	TID=$(db -v c="$1" -v a="$2" -v t="$3" -v b="$4" <<'SQL'
SELECT topic_id FROM topic_create(:'c'::bigint, :'a'::bigint, :'t', :'b',
    '<p>' || :'b' || '</p>', '')
SQL
)
	[ -n "$TID" ]
	P1=$(db -c "SELECT id FROM post WHERE topic_id = $TID AND n = 1")
}

# reply ACTOR BODY: a reply to $TID through SQL; prints its id.
reply() {
	db -v t="$TID" -v a="$1" -v b="$2" <<'SQL'
SELECT post_id FROM post_create(:'t'::bigint, :'a'::bigint, :'b',
    '<p>' || :'b' || '</p>', NULL, '')
SQL
}

# mpost JAR PATH [curl --form-string args...]: a multipart POST, same
# origin, with the jar's CSRF token.
mpost() {
	local j=$1 path=$2
	shift 2
	local t
	t=$(csrf "$j")
	req -b "$(jar "$j")" -c "$(jar "$j")" -H "Origin: $BRON_URL" \
	    --form-string "_csrf=$t" "$@" "$path"
}

# The value of input NAME on the page in $body.
input_value() {
	printf '%s' "$body" | grep -o "name=\"$1\" value=\"[^\"]*\"" |
	    head -n 1 | cut -d'"' -f4
}

@test "the list: visitors read a public community, members get Nieuw gesprek" {
	topic "$PUB_ID" "$A" "Lijstgesprek $N" "Eerste bericht $N"
	req "/gemeenschappen/$PUB/gesprekken"
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains "Lijstgesprek $N"
	assert_contains "$A_NAME"
	assert_not_contains "gesprekken/nieuw"
	req -b "$(jar a)" "/gemeenschappen/$PUB/gesprekken"
	[ "$status_code" = 200 ]
	assert_contains "href=\"/gemeenschappen/$PUB/gesprekken/nieuw\""
	# A signed-in outsider reads, but cannot start one.
	req -b "$(jar out)" "/gemeenschappen/$PUB/gesprekken"
	[ "$status_code" = 200 ]
	assert_not_contains "gesprekken/nieuw"
	req "/gemeenschappen/bestaat-niet-$N/gesprekken"
	[ "$status_code" = 404 ]
	req "/gemeenschappen/$PUB/gesprekken?pagina=abc"
	[ "$status_code" = 404 ]
	req "/gemeenschappen/$PUB/gesprekken?pagina=999"
	[ "$status_code" = 404 ]
	req -X POST "/gemeenschappen/$PUB/gesprekken"
	[ "$status_code" = 405 ]
}

@test "a new topic: preview saves nothing, errors keep the text, the nonce saves once" {
	req -b "$(jar a)" "/gemeenschappen/$PUB/gesprekken/nieuw"
	[ "$status_code" = 200 ]
	assert_contains 'enctype="multipart/form-data"'
	local nonce
	nonce=$(input_value nonce)
	[ ${#nonce} = 43 ]
	# Preview: rendered, nothing written.
	mpost a "/gemeenschappen/$PUB/gesprekken/nieuw" --form-string "nonce=$nonce" \
	    --form-string "title=Voorbeeld $N" --form-string "body=Een **vet** woord" \
	    --form-string action=preview
	[ "$status_code" = 200 ]
	assert_contains "<strong>vet</strong>"
	assert_contains "Een **vet** woord</textarea>"
	[ "$(db -c "SELECT count(*) FROM topic WHERE title = 'Voorbeeld $N'")" = 0 ]
	# Too long, even for a preview: the count next to the field.
	mpost a "/gemeenschappen/$PUB/gesprekken/nieuw" --form-string "nonce=$nonce" \
	    --form-string "title=Lang" --form-string "body=$(printf 'a%.0s' $(seq 20001))" \
	    --form-string action=preview
	[ "$status_code" = 400 ]
	assert_contains "Je bericht is te lang: 20001 tekens."
	# No title: the message next to the field, the body kept.
	mpost a "/gemeenschappen/$PUB/gesprekken/nieuw" --form-string "nonce=$nonce" \
	    --form-string "title=" --form-string "body=Mijn tekst $N" \
	    --form-string action=save
	[ "$status_code" = 400 ]
	assert_contains "Geef je gesprek een onderwerp."
	assert_contains "Mijn tekst $N</textarea>"
	# Script in the title and body stays text.
	mpost a "/gemeenschappen/$PUB/gesprekken/nieuw" --form-string "nonce=$nonce" \
	    --form-string "title=Nieuw <b>gesprek</b> $N" \
	    --form-string $'body=Regel een\r\n\r\n<script>alert(1)</script> '"$N" \
	    --form-string action=save
	[ "$status_code" = 303 ]
	local loc tid
	loc=$(header location)
	[[ "$loc" =~ ^/gemeenschappen/$PUB/gesprekken/([0-9]+)\?gedaan=gestart$ ]]
	tid=${BASH_REMATCH[1]}
	[ "$(db -c "SELECT body_md FROM post WHERE topic_id = $tid AND n = 1")" = $'Regel een\n\n<script>alert(1)</script> '"$N" ]
	# The same nonce again: the same topic, not a second one.
	mpost a "/gemeenschappen/$PUB/gesprekken/nieuw" --form-string "nonce=$nonce" \
	    --form-string "title=Nieuw <b>gesprek</b> $N" --form-string "body=Anders" \
	    --form-string action=save
	[ "$status_code" = 303 ]
	[ "$(header location)" = "$loc" ]
	[ "$(db -c "SELECT count(*) FROM topic WHERE title = 'Nieuw <b>gesprek</b> $N'")" = 1 ]
	req -b "$(jar a)" "$loc"
	[ "$status_code" = 200 ]
	assert_contains "Je gesprek staat erop."
	assert_contains "Nieuw &lt;b&gt;gesprek&lt;/b&gt; $N"
	assert_not_contains "<script>alert(1)"
	# The writer follows it.
	[ "$(db -c "SELECT count(*) FROM follow WHERE topic_id = $tid AND account_id = $A")" = 1 ]
	assert_contains "Niet meer volgen"
	# Outsiders and visitors: the form is not theirs.
	req -b "$(jar out)" "/gemeenschappen/$PUB/gesprekken/nieuw"
	[ "$status_code" = 403 ]
	assert_contains "Alleen leden van deze gemeenschap kunnen een gesprek beginnen."
	assert_contains 'value="aanmelden"'
	req "/gemeenschappen/$PUB/gesprekken/nieuw"
	[ "$status_code" = 303 ]
	[[ "$(header location)" == /inloggen* ]]
	# No CSRF token: refused, the text kept.
	req -b "$(jar a)" -H "Origin: $BRON_URL" --form-string "nonce=$nonce" \
	    --form-string "title=Zonder token $N" --form-string "body=Tekst" \
	    --form-string action=save "/gemeenschappen/$PUB/gesprekken/nieuw"
	[ "$status_code" = 403 ]
	assert_contains "Zonder token $N"
}

@test "replies: the page of the new post, errors keep the text, non-members cannot" {
	topic "$PUB_ID" "$A" "Reactiegesprek $N" "Opening $N"
	local path="/gemeenschappen/$PUB/gesprekken/$TID"
	req -b "$(jar b)" "$path"
	[ "$status_code" = 200 ]
	local nonce
	nonce=$(input_value nonce)
	mpost b "$path" --form-string "nonce=$nonce" --form-string "body=   "
	[ "$status_code" = 400 ]
	assert_contains "Schrijf je bericht."
	mpost b "$path" --form-string "nonce=$nonce" \
	    --form-string $'body=Dag @'"$A_NAME"$',\r\nmijn antwoord '"$N"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "$path?gedaan=geplaatst#bericht-2" ]
	# Repeated: the same post.
	mpost b "$path" --form-string "nonce=$nonce" --form-string "body=Nog eens"
	[ "$(header location)" = "$path?gedaan=geplaatst#bericht-2" ]
	[ "$(db -c "SELECT count(*) FROM post WHERE topic_id = $TID")" = 2 ]
	[ "$(db -c "SELECT posts FROM topic WHERE id = $TID")" = 2 ]
	# The mention told a; b follows now.
	[ "$(db -c "SELECT count(*) FROM notification WHERE account_id = $A AND kind = 'vermelding' AND topic_id = $TID")" = 1 ]
	[ "$(db -c "SELECT count(*) FROM follow WHERE topic_id = $TID AND account_id = $B")" = 1 ]
	req -b "$(jar b)" "$path?gedaan=geplaatst"
	assert_contains "Je reactie staat erbij."
	assert_contains 'id="bericht-2"'
	assert_contains "mijn antwoord $N"
	assert_contains "Bericht 2 van"
	# A signed-in outsider reads, gets the join button instead of the form.
	req -b "$(jar out)" "$path"
	[ "$status_code" = 200 ]
	assert_contains "mijn antwoord $N"
	assert_not_contains 'name="nonce"'
	assert_contains 'value="aanmelden"'
	mpost out "$path" --form-string "nonce=$nonce" --form-string "body=Ik ook $N"
	[ "$status_code" = 403 ]
	assert_contains "Alleen leden van deze gemeenschap kunnen reageren."
	[ "$(db -c "SELECT count(*) FROM post WHERE topic_id = $TID")" = 2 ]
	# A visitor reads; replying means signing in first.
	req "$path"
	[ "$status_code" = 200 ]
	assert_contains "Log in om mee te doen"
	req -d "body=Als bezoeker" "$path"
	[ "$status_code" = 303 ]
	[[ "$(header location)" == /inloggen* ]]
	# Bad CSRF token: 403, the typed text comes back.
	req -b "$(jar b)" -H "Origin: $BRON_URL" --form-string "_csrf=verkeerd" \
	    --form-string "body=Zonder geldig token $N" "$path"
	[ "$status_code" = 403 ]
	assert_contains "Zonder geldig token $N</textarea>"
	req "/gemeenschappen/$PUB/gesprekken/99999999999"
	[ "$status_code" = 404 ]
	# A topic under another community's slug does not exist there.
	req -b "$(jar a)" "/gemeenschappen/$LED/gesprekken/$TID"
	[ "$status_code" = 404 ]
}

@test "quoting: ?citeer fills the reply box; the reply says what it answers" {
	topic "$PUB_ID" "$A" "Citeergesprek $N" $'Eerste regel '"$N"$'\n\nTweede <regel>'
	local path="/gemeenschappen/$PUB/gesprekken/$TID"
	req -b "$(jar b)" "$path"
	assert_contains "href=\"$path?citeer=$P1#antwoord\""
	req -b "$(jar b)" "$path?citeer=$P1"
	[ "$status_code" = 200 ]
	assert_contains "&gt; Eerste regel $N"
	assert_contains "&gt; Tweede &lt;regel&gt;"
	assert_contains "&gt; — $A_NAME"
	[ "$(input_value quote)" = "$P1" ]
	local nonce
	nonce=$(input_value nonce)
	mpost b "$path" --form-string "nonce=$nonce" --form-string "quote=$P1" \
	    --form-string $'body=> Eerste regel\r\n\r\nEens.'
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT quote_of FROM post WHERE topic_id = $TID AND n = 2")" = "$P1" ]
	req -b "$(jar b)" "$path"
	assert_contains "Reactie op bericht 1"
	assert_contains "<blockquote>"
	# A post of another topic, or nonsense, is not quoted.
	req -b "$(jar b)" "$path?citeer=1"
	[ "$status_code" = 200 ]
	assert_not_contains "&gt; —"
	req -b "$(jar b)" "$path?citeer=abc"
	[ "$status_code" = 200 ]
}

@test "paging: 25 posts a page, the pager, a reply lands on the last page" {
	topic "$PUB_ID" "$A" "Lang gesprek $N" "Bericht een"
	local i
	for i in $(seq 2 30); do
		reply "$(( i % 2 ? A : B ))" "Bericht nummer $i" >/dev/null
	done
	local path="/gemeenschappen/$PUB/gesprekken/$TID"
	req "$path"
	[ "$status_code" = 200 ]
	assert_contains 'id="bericht-25"'
	assert_not_contains 'id="bericht-26"'
	assert_contains "Pagina 1 van 2"
	assert_contains "href=\"$path?pagina=2\" rel=\"next\""
	req "$path?pagina=2"
	[ "$status_code" = 200 ]
	assert_contains 'id="bericht-26"'
	assert_contains 'id="bericht-30"'
	assert_not_contains 'id="bericht-25"'
	assert_contains "href=\"$path\" rel=\"prev\""
	assert_contains 'aria-current="page"'
	req "$path?pagina=3"
	[ "$status_code" = 404 ]
	req "$path?pagina=0"
	[ "$status_code" = 404 ]
	req -b "$(jar a)" "$path"
	mpost a "$path" --form-string "nonce=$(input_value nonce)" --form-string "body=Nummer 31"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "$path?pagina=2&gedaan=geplaatst#bericht-31" ]
	# The list counts replies.
	req "/gemeenschappen/$PUB/gesprekken"
	assert_contains "Lang gesprek $N"
}

@test "editing keeps every version: history with a diff, 409 on a stale base" {
	topic "$PUB_ID" "$A" "Bewerkgesprek $N" $'Oude zin.\nTweede regel.'
	local path="/gemeenschappen/$PUB/gesprekken/$TID"
	req -b "$(jar a)" "$path"
	assert_contains "href=\"/berichten/$P1/bewerken\""
	req -b "$(jar a)" "/berichten/$P1/bewerken"
	[ "$status_code" = 200 ]
	[ "$(input_value base)" = 1 ]
	mpost a "/berichten/$P1/bewerken" --form-string base=1 \
	    --form-string $'body=Nieuwe zin.\r\nTweede regel.'
	[ "$status_code" = 303 ]
	[ "$(header location)" = "$path?gedaan=bewerkt#bericht-1" ]
	[ "$(db -c "SELECT revision FROM post WHERE id = $P1")" = 2 ]
	[ "$(db -c "SELECT count(*) FROM post_revision WHERE post_id = $P1")" = 2 ]
	req "$path"
	assert_contains "href=\"/berichten/$P1/geschiedenis\">bewerkt</a>"
	req "/berichten/$P1/geschiedenis"
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains "Versie 2"
	assert_contains "Versie 1"
	assert_contains "<del>Oude</del>"
	assert_contains "<ins>Nieuwe</ins>"
	# Stale base: nothing written, the typed text and the stored one shown.
	mpost a "/berichten/$P1/bewerken" --form-string base=1 \
	    --form-string "body=Mijn late versie $N"
	[ "$status_code" = 409 ]
	assert_contains "Iemand anders heeft dit bericht net aangepast"
	assert_contains "Mijn late versie $N</textarea>"
	assert_contains "Nieuwe zin."
	[ "$(input_value base)" = 2 ]
	[ "$(db -c "SELECT revision FROM post WHERE id = $P1")" = 2 ]
	# The same text again: no new version.
	mpost a "/berichten/$P1/bewerken" --form-string base=2 \
	    --form-string $'body=Nieuwe zin.\r\nTweede regel.'
	[ "$status_code" = 303 ]
	[ "$(header location)" = "$path?gedaan=ongewijzigd#bericht-1" ]
	[ "$(db -c "SELECT revision FROM post WHERE id = $P1")" = 2 ]
	# Empty: a message, nothing saved.
	mpost a "/berichten/$P1/bewerken" --form-string base=2 --form-string "body="
	[ "$status_code" = 400 ]
	assert_contains "Schrijf je bericht."
	# Another member may not; the moderator may (and leaves an audit row).
	req -b "$(jar b)" "/berichten/$P1/bewerken"
	[ "$status_code" = 403 ]
	assert_contains "Alleen de schrijver van dit bericht en de moderatoren"
	assert_not_contains 'name="base"'
	mpost b "/berichten/$P1/bewerken" --form-string base=2 --form-string "body=Van b"
	[ "$status_code" = 403 ]
	[ "$(db -c "SELECT revision FROM post WHERE id = $P1")" = 2 ]
	mpost mod "/berichten/$P1/bewerken" --form-string base=2 \
	    --form-string "body=Door de moderator $N"
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE action = 'bericht_bewerkt' AND target_id = $P1 AND actor_id = $MOD")" = 1 ]
	req "/berichten/$P1/geschiedenis"
	assert_contains "Versie 3"
	assert_contains "$MOD_NAME"
	req "/berichten/$P1/bewerken"
	[ "$status_code" = 303 ]
	req "/berichten/99999999999/geschiedenis"
	[ "$status_code" = 404 ]
	req -b "$(jar a)" "/berichten/99999999999/bewerken"
	[ "$status_code" = 404 ]
}

@test "moderators pin and close; members cannot; a closed topic takes no replies" {
	topic "$PUB_ID" "$A" "Oud gesprek $N" "Eerst"
	local old=$TID
	topic "$PUB_ID" "$B" "Nieuwer gesprek $N" "Daarna"
	local path="/gemeenschappen/$PUB/gesprekken/$old"
	req -b "$(jar mod)" "$path"
	assert_contains 'value="vastzetten"'
	assert_contains 'value="sluiten"'
	req -b "$(jar a)" "$path"
	assert_not_contains 'value="vastzetten"'
	post a "$path/status" -d action=vastzetten
	[ "$status_code" = 403 ]
	assert_contains "Alleen de moderatoren van deze gemeenschap"
	[ "$(db -c "SELECT pinned FROM topic WHERE id = $old")" = f ]
	post mod "$path/status" -d action=vastzetten
	[ "$status_code" = 303 ]
	[ "$(header location)" = "$path?gedaan=vastgezet" ]
	[ "$(db -c "SELECT pinned FROM topic WHERE id = $old")" = t ]
	# Pinned first in the list, above the newer one.
	req "/gemeenschappen/$PUB/gesprekken"
	local rest=${body#*Oud gesprek $N}
	[[ "$rest" == *"Nieuwer gesprek $N"* ]]
	assert_contains "Vastgezet"
	post mod "$path/status" -d action=sluiten
	[ "$(header location)" = "$path?gedaan=gesloten" ]
	[ "$(db -c "SELECT count(*) FROM audit WHERE action IN ('gesprek_vastzetten', 'gesprek_sluiten') AND target_id = $old")" = 2 ]
	req -b "$(jar a)" "$path"
	assert_contains "Dit gesprek is gesloten. Je kunt niet meer reageren."
	assert_not_contains 'name="nonce"'
	mpost a "$path" --form-string "body=Toch nog $N"
	[ "$status_code" = 409 ]
	assert_contains "Toch nog $N</textarea>"
	# The moderator still may.
	req -b "$(jar mod)" "$path"
	assert_contains "Als moderator kun je nog wel reageren."
	mpost mod "$path" --form-string "nonce=$(input_value nonce)" --form-string "body=Slotwoord"
	[ "$status_code" = 303 ]
	post mod "$path/status" -d action=heropenen
	[ "$(db -c "SELECT closed FROM topic WHERE id = $old")" = f ]
	post mod "$path/status" -d action=weggooien
	[ "$status_code" = 400 ]
	# No CSRF token.
	req -b "$(jar mod)" -H "Origin: $BRON_URL" -d action=sluiten "$path/status"
	[ "$status_code" = 403 ]
	[ "$(db -c "SELECT closed FROM topic WHERE id = $old")" = f ]
	req -b "$(jar mod)" "$path/status"
	[ "$status_code" = 405 ]
	# Another community's slug: not there.
	post mod "/gemeenschappen/$LED/gesprekken/$old/status" -d action=sluiten
	[ "$status_code" = 404 ]
}

@test "helpful marks: others may mark, not the writer; taking the mark back" {
	topic "$PUB_ID" "$A" "Nuttig gesprek $N" "Een goede tip $N"
	local path="/gemeenschappen/$PUB/gesprekken/$TID"
	req -b "$(jar a)" "$path"
	assert_not_contains "/berichten/$P1/nuttig"
	post b "/berichten/$P1/nuttig" -d on=1
	[ "$status_code" = 303 ]
	[ "$(header location)" = "$path?gedaan=nuttig#bericht-1" ]
	[ "$(db -c "SELECT helpful FROM post WHERE id = $P1")" = 1 ]
	req -b "$(jar b)" "$path"
	assert_contains "1 persoon vindt dit nuttig"
	assert_contains "Niet meer nuttig"
	post out "/berichten/$P1/nuttig" -d on=1
	[ "$status_code" = 303 ]
	req "$path"
	assert_contains "2 mensen vinden dit nuttig"
	post a "/berichten/$P1/nuttig" -d on=1
	[ "$status_code" = 409 ]
	assert_contains "Je kunt je eigen bericht niet nuttig vinden."
	post b "/berichten/$P1/nuttig" -d on=0
	[ "$(header location)" = "$path?gedaan=niet_nuttig#bericht-1" ]
	[ "$(db -c "SELECT helpful FROM post WHERE id = $P1")" = 1 ]
	post b "/berichten/$P1/nuttig" -d on=2
	[ "$status_code" = 400 ]
	req -X POST -d on=1 "/berichten/$P1/nuttig"
	[ "$status_code" = 303 ]
	[[ "$(header location)" == /inloggen* ]]
	req -b "$(jar b)" -H "Origin: $BRON_URL" -d on=1 "/berichten/$P1/nuttig"
	[ "$status_code" = 403 ]
	req "/berichten/$P1/nuttig"
	[ "$status_code" = 405 ]
}

@test "members-only and closed: the notice or 404, never the content" {
	local can="kanarie$N"
	topic "$LED_ID" "$A" "Ledengesprek $can" "Ledentekst $can"
	local lt=$TID lp=$P1
	topic "$BES_ID" "$A" "Besloten gesprek $can" "Besloten tekst $can"
	local bt=$TID bp=$P1
	local j
	for j in "" out; do
		local c=()
		[ -n "$j" ] && c=(-b "$(jar "$j")")
		req "${c[@]}" "/gemeenschappen/$LED/gesprekken"
		[ "$status_code" = 403 ]
		assert_contains "Dit is alleen voor leden."
		assert_not_contains "$can"
		req "${c[@]}" "/gemeenschappen/$LED/gesprekken/$lt"
		[ "$status_code" = 403 ]
		assert_not_contains "$can"
		req "${c[@]}" "/berichten/$lp/geschiedenis"
		[ "$status_code" = 403 ]
		assert_not_contains "$can"
		for p in "/gemeenschappen/$BES/gesprekken" \
		    "/gemeenschappen/$BES/gesprekken/$bt" \
		    "/gemeenschappen/$BES/gesprekken/nieuw" \
		    "/berichten/$bp/geschiedenis"; do
			req "${c[@]}" "$p"
			[ "$status_code" = 404 ] || [ -z "$j" -a "$status_code" = 303 ]
			assert_not_contains "$can"
			assert_not_contains "Besloten ruimte"
		done
	done
	# The outsider asks to join the members-only one; a visitor signs in.
	req -b "$(jar out)" "/gemeenschappen/$LED/gesprekken"
	assert_contains 'value="aanmelden"'
	assert_contains 'name="note"'
	req "/gemeenschappen/$LED/gesprekken"
	assert_contains "/inloggen?terug="
	# Writes by the outsider: 404 in the closed one.
	post out "/berichten/$bp/nuttig" -d on=1
	[ "$status_code" = 404 ]
	post out "/gemeenschappen/$BES/gesprekken/$bt/status" -d action=sluiten
	[ "$status_code" = 404 ]
	mpost out "/gemeenschappen/$BES/gesprekken/$bt" --form-string "body=Ik $N"
	[ "$status_code" = 404 ]
	req -b "$(jar out)" "/berichten/$bp/bewerken"
	[ "$status_code" = 404 ]
	[ "$(db -c "SELECT count(*) FROM post WHERE topic_id = $bt")" = 1 ]
	# Members read both.
	req -b "$(jar b)" "/gemeenschappen/$BES/gesprekken/$bt"
	[ "$status_code" = 200 ]
	assert_contains "Besloten tekst $can"
	req -b "$(jar b)" "/gemeenschappen/$LED/gesprekken"
	[ "$status_code" = 200 ]
	assert_contains "Ledengesprek $can"
	# The editor reads without being a member.
	req -b "$(jar editor)" "/gemeenschappen/$BES/gesprekken/$bt"
	[ "$status_code" = 200 ]
	# Removed while writing: the members-only page gives the text back.
	req -b "$(jar b)" "/gemeenschappen/$LED/gesprekken/$lt"
	local nonce
	nonce=$(input_value nonce)
	db -c "SELECT member_act($LED_ID, $ED, 'verwijderen', $B, '')" >/dev/null
	mpost b "/gemeenschappen/$LED/gesprekken/$lt" --form-string "nonce=$nonce" \
	    --form-string "body=Mijn <lange> reactie $N"
	[ "$status_code" = 403 ]
	assert_contains "Je tekst is niet opgeslagen."
	assert_contains "Mijn &lt;lange&gt; reactie $N"
	assert_not_contains "$can"
}

@test "a hidden post: others see the notice, the writer and moderators the text" {
	topic "$PUB_ID" "$A" "Verbergesprek $N" "Opening"
	local p
	p=$(reply "$B" "Geheime reactie $N")
	db -c "SELECT moderate($MOD, $p, NULL, 'verbergen', 'Niet vriendelijk')" >/dev/null
	local path="/gemeenschappen/$PUB/gesprekken/$TID"
	req -b "$(jar a)" "$path"
	[ "$status_code" = 200 ]
	assert_contains "Verborgen door een moderator."
	assert_not_contains "Geheime reactie $N"
	assert_not_contains "Niet vriendelijk"
	assert_not_contains "/berichten/$p/nuttig"
	req -b "$(jar b)" "$path"
	assert_contains "Geheime reactie $N"
	assert_contains "Niet vriendelijk"
	req -b "$(jar mod)" "$path"
	assert_contains "Geheime reactie $N"
	req -b "$(jar a)" "/berichten/$p/geschiedenis"
	[ "$status_code" = 404 ]
	req -b "$(jar b)" "/berichten/$p/geschiedenis"
	[ "$status_code" = 200 ]
	post a "/berichten/$p/nuttig" -d on=1
	[ "$status_code" = 404 ]
	# The opening post hidden: the topic leaves the list for others.
	db -c "SELECT moderate($MOD, $P1, NULL, 'verbergen', 'Weg ermee')" >/dev/null
	req -b "$(jar b)" "/gemeenschappen/$PUB/gesprekken"
	assert_not_contains "Verbergesprek $N"
	req -b "$(jar b)" "$path"
	[ "$status_code" = 404 ]
	req -b "$(jar a)" "$path"
	[ "$status_code" = 200 ]
	assert_contains "Dit gesprek is verborgen door een moderator."
	req -b "$(jar mod)" "/gemeenschappen/$PUB/gesprekken"
	assert_contains "Verbergesprek $N"
	assert_contains "Verborgen"
}

@test "English: the topic page speaks the reader's language" {
	topic "$PUB_ID" "$A" "Taalgesprek $N" "Tekst"
	req -H "Accept-Language: en" "/gemeenschappen/$PUB/gesprekken/$TID"
	[ "$status_code" = 200 ]
	assert_contains "Sign in to take part"
	assert_contains "Message 1 by"
}
