#!/usr/bin/env bats
# The issue's lifecycle of one story (issue 9), through the pages: written
# as a concept → sent in with consent → the editor suggests changes → the
# storyteller changes it and sends it in again → the editor checks it →
# the storyteller puts it online → an editor quotes it, a member replies →
# the storyteller narrows the scope (quotable → public → members only) →
# withdraws it. At each step: what a visitor, a member, an editor, an
# admin and the storyteller see (the story page's status and its canary
# texts, /verhalen, the review page, /account/verhalen,
# /redactie/verhalen). After withdrawal: 0 occurrences of its title,
# summary or text on any page, list, search, feed, notification or the
# monitor, for everyone but the storyteller.
load helpers
load story_fixture

roles=(bezoeker lid verteller redacteur beheerder)

setup_file() {
	local n=$$$RANDOM
	echo "$n" >"$BATS_FILE_TMPDIR/n"
	story_accounts "$n" "${roles[@]}"
	story_community openbaar "$n" verteller lid >"$BATS_FILE_TMPDIR/comm"
}

# hidden_of NAME: the value of the hidden field NAME in $body.
hidden_of() {
	grep -o "<input[^>]*name=\"$1\"[^>]*>" <<<"$body" | head -n 1 |
	    grep -o 'value="[^"]*"' | cut -d'"' -f2
}

# form ROLE PAGE TARGET [-F field=value...]: open PAGE as ROLE and send
# its form to TARGET as multipart, with the page's token and, when the
# form has them, its nonce, base and rev.
form() {
	local r=$1 page=$2 target=$3 t extra=() h v
	shift 3
	req -b "$(jar "$r")" -c "$(jar "$r")" "$page"
	[ "$status_code" = 200 ] || {
		echo "GET $page as $r: $status_code" >&2
		return 1
	}
	t=$(hidden_of _csrf)
	for h in nonce base rev; do
		v=$(hidden_of "$h")
		[ -n "$v" ] && extra+=(-F "$h=$v")
	done
	req -b "$(jar "$r")" -c "$(jar "$r")" -H "Origin: $BRON_URL" \
	    -F "_csrf=$t" "${extra[@]}" "$@" "$target"
}

# sees ROLE PATH STATUS [TEXT...]: ROLE gets STATUS on PATH and, with
# 200, the page holds every TEXT. A TEXT starting with "!" must be absent.
sees() {
	local r=$1 p=$2 want=$3 x
	shift 3
	req -b "$(jar "$r")" "$p"
	if [ "$status_code" != "$want" ]; then
		echo "$p as $r: $status_code, want $want" >&2
		return 1
	fi
	for x in "$@"; do
		if [[ "$x" == !* ]]; then
			[[ "$body" != *"${x#!}"* ]] || {
				echo "$p as $r shows ${x#!}" >&2
				return 1
			}
		else
			[[ "$body" == *"$x"* ]] || {
				echo "$p as $r lacks $x" >&2
				return 1
			}
		fi
	done
}

# story_fields N TEXT: the story form's fields (no consent).
story_fields() {
	printf '%s\n' -F "title=Levenstitel$1" \
	    -F "summary=Levenssamenvatting$1: over mijn tijd in een gesloten groep." \
	    -F "body=$2" -F "themes=kleinschaligheid" \
	    -F "community=$(cat "$BATS_FILE_TMPDIR/comm")" \
	    -F "pseudonym=Levensnaam$1" -F "warnings=separatie" \
	    -F "checklist=namen" -F "checklist=plaatsen" -F "checklist=fotos"
}

@test "a story's life: write, consent, review, publish, narrow, withdraw — what each role sees" {
	local n comm slug i goal loc r p q body1 body2 hits=0 checks=0 args
	n=$(cat "$BATS_FILE_TMPDIR/n")
	comm=$(cat "$BATS_FILE_TMPDIR/comm")
	goal=$(db -c "SELECT slug FROM change_goal ORDER BY id LIMIT 1")
	body1="Levenstekst$n. De eerste nacht sliep ik niet. Ik wilde dat iemand met me praatte."
	body2="$body1 Later kreeg ik een mentor die wel luisterde."

	# 1. Write a concept.
	mapfile -t args < <(story_fields "$n" "$body1")
	form verteller /verhalen/nieuw /verhalen/nieuw "${args[@]}" -F action=save
	[ "$status_code" = 303 ]
	loc=$(header location)
	[[ "$loc" == /verhalen/*"?gedaan=bewaard" ]]
	slug=${loc#/verhalen/}
	slug=${slug%%\?*}
	i=$(db -c "SELECT id FROM item WHERE kind = 'verhaal' AND slug = '$slug'")
	[ "$(story_state "$i")" = concept ]
	[ "$(db -c "SELECT count(*) FROM story_consent WHERE item_id = $i")" = 0 ]
	sees verteller "/verhalen/$slug" 200 "Levenstitel$n" "Levensnaam$n"
	for r in bezoeker lid redacteur beheerder; do
		sees "$r" "/verhalen/$slug" 404 "!Levenstitel$n"
		sees "$r" "/verhalen/$slug/beoordelen" 404
	done
	sees verteller /account/verhalen 200 "Levenstitel$n"
	sees redacteur /redactie/verhalen 200 "!Levenstitel$n"
	sees lid /verhalen 200 "!Levenstitel$n"

	# 2. Sent in with consent (scope citeren: editors may quote it).
	form verteller "/verhalen/$slug/bewerken" "/verhalen/$slug/bewerken" \
	    "${args[@]}" -F scope=citeren -F consent=1 \
	    -F "consent_version=$STORY_CONSENT" -F under16=nee -F action=submit
	[ "$status_code" = 303 ]
	[[ "$(header location)" == "/verhalen/$slug?gedaan=ingestuurd" ]]
	[ "$(story_state "$i")" = ter_review ]
	[ "$(db -c "SELECT event || ' ' || scope || ' ' || text_version FROM story_consent
	    WHERE item_id = $i")" = "gegeven citeren $STORY_CONSENT" ]
	for r in bezoeker lid; do
		sees "$r" "/verhalen/$slug" 404 "!Levenstitel$n"
	done
	for r in redacteur beheerder; do
		sees "$r" "/verhalen/$slug" 200 "Levenstitel$n" "Levensnaam$n"
		sees "$r" "/verhalen/$slug/beoordelen" 200 "Levenstitel$n" "Levenstekst$n"
		sees "$r" /redactie/verhalen 200 "Levenstitel$n"
	done
	sees verteller "/verhalen/$slug/beoordelen" 403 "!Levenstekst$n"
	sees lid /redactie/verhalen 403 "!Levenstitel$n"
	sees bezoeker /verhalen 200 "!Levenstitel$n"

	# 3. The editor suggests changes: notes are needed.
	form redacteur "/verhalen/$slug/beoordelen" "/verhalen/$slug/beoordelen" \
	    -F besluit=voorstel -F notes= -F herkenbaar=ja -F veilig=ja
	[ "$status_code" = 422 ]
	[ "$(story_state "$i")" = ter_review ]
	form redacteur "/verhalen/$slug/beoordelen" "/verhalen/$slug/beoordelen" \
	    -F besluit=voorstel -F "notes=Levensnotitie$n: vertel ook wat hielp." \
	    -F herkenbaar=ja -F veilig=ja
	[ "$status_code" = 303 ]
	[[ "$(header location)" == /redactie/verhalen* ]]
	[ "$(story_state "$i")" = voorstel ]
	sees verteller "/verhalen/$slug" 200 "Levensnotitie$n"
	sees verteller "/verhalen/$slug/bewerken" 200 "Levensnotitie$n"
	sees verteller /account/verhalen 200 "Levenstitel$n"
	for r in bezoeker lid; do
		sees "$r" "/verhalen/$slug" 404 "!Levenstitel$n"
	done
	sees redacteur "/verhalen/$slug" 200 "Levenstitel$n"

	# 4. The storyteller takes the suggestion and sends it in again; the
	# editor checks it; only the storyteller puts it online.
	mapfile -t args < <(story_fields "$n" "$body2")
	form verteller "/verhalen/$slug/bewerken" "/verhalen/$slug/bewerken" \
	    "${args[@]}" -F scope=citeren -F consent=1 \
	    -F "consent_version=$STORY_CONSENT" -F under16=nee -F action=submit
	[ "$status_code" = 303 ]
	[ "$(story_state "$i")" = ter_review ]
	form redacteur "/verhalen/$slug/beoordelen" "/verhalen/$slug/beoordelen" \
	    -F besluit=akkoord -F notes= -F herkenbaar=ja -F veilig=ja
	[ "$status_code" = 303 ]
	[ "$(story_state "$i")" = akkoord ]
	for r in bezoeker lid; do
		sees "$r" "/verhalen/$slug" 404 "!Levenstitel$n"
	done
	sees verteller "/verhalen/$slug" 200 "/verhalen/$slug/publiceren"
	sees verteller /account/verhalen 200 "/verhalen/$slug/publiceren"
	# An editor cannot put it online.
	post redacteur "/verhalen/$slug/publiceren" --data-urlencode "rev=$(story_rev "$i")"
	[ "$status_code" = 403 ]
	form verteller "/verhalen/$slug" "/verhalen/$slug/publiceren"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/verhalen/$slug?gedaan=gepubliceerd" ]
	[ "$(story_state "$i")" = gepubliceerd ]

	# 5. Published: everyone reads it under its pseudonym; the warning
	# gate is closed for a visitor.
	for r in bezoeker lid redacteur beheerder verteller; do
		sees "$r" "/verhalen/$slug" 200 "Levenstitel$n" "Levensnaam$n" "Levenstekst$n"
		sees "$r" /verhalen 200 "Levenstitel$n" "Levenssamenvatting$n" "!Levenstekst$n"
	done
	sees bezoeker "/verhalen/$slug" 200 "<details"
	sees bezoeker / 200 "Levenstitel$n" "!Levenstekst$n"
	sees bezoeker /themas/kleinschaligheid 200 "Levenstitel$n" "!Levenstekst$n"
	sees bezoeker "/gemeenschappen/$comm" 200 "Levenstitel$n" "!Levenstekst$n"
	sees bezoeker /feeds/verhalen.atom 200 "Levenstitel$n" "Levensnaam$n" "!Levenstekst$n"
	sees bezoeker "/zoeken?q=Levenstitel$n" 200 "/verhalen/$slug"
	sees redacteur /redactie/verhalen 200
	# An editor quotes it; a member replies, the storyteller places it.
	form redacteur "/verhalen/$slug/citaten" "/verhalen/$slug/citaten" \
	    -F "citaat=Ik wilde dat iemand met me praatte." -F "opgave=$goal"
	[ "$status_code" = 303 ]
	sees bezoeker "/monitor/$goal" 200 "Ik wilde dat iemand met me praatte." "Levensnaam$n"
	db -c "SELECT story_replies_set($i, $(id verteller), 'aan')" >/dev/null
	form lid "/verhalen/$slug" "/verhalen/$slug/reacties" -F "body=Levensreactie$n: sterkte."
	[ "$status_code" = 303 ]
	sees bezoeker "/verhalen/$slug" 200 "!Levensreactie$n"
	p=$(db -c "SELECT id FROM story_reply WHERE item_id = $i")
	form verteller "/verhalen/$slug" "/reacties/$p" -F besluit=geplaatst -F "terug=/verhalen/$slug"
	[ "$status_code" = 303 ]
	sees bezoeker "/verhalen/$slug" 200 "Levensreactie$n"

	# 6. Narrower at once: openbaar drops the quote; leden shuts out
	# visitors, not members.
	form verteller "/verhalen/$slug/reikwijdte" "/verhalen/$slug/reikwijdte" -F scope=openbaar
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT scope FROM story WHERE item_id = $i")" = openbaar ]
	sees bezoeker "/monitor/$goal" 200 "!Ik wilde dat iemand met me praatte." "!Levensnaam$n"
	sees bezoeker "/verhalen/$slug" 200 "Levenstitel$n"
	form verteller "/verhalen/$slug/reikwijdte" "/verhalen/$slug/reikwijdte" -F scope=leden
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT scope FROM story WHERE item_id = $i")" = leden ]
	sees bezoeker "/verhalen/$slug" 404 "!Levenstitel$n"
	sees bezoeker /verhalen 200 "!Levenstitel$n"
	sees bezoeker /feeds/verhalen.atom 200 "!Levenstitel$n"
	sees lid "/verhalen/$slug" 200 "Levenstitel$n"
	sees lid /verhalen 200 "Levenstitel$n"
	[ "$(db -c "SELECT string_agg(event || ':' || scope, ' ' ORDER BY id)
	    FROM story_consent WHERE item_id = $i")" = \
	    "gegeven:citeren gegeven:citeren beperkt:openbaar beperkt:leden" ]

	# 7. Withdrawn: one button.
	form verteller "/verhalen/$slug" "/verhalen/$slug/intrekken"
	[ "$status_code" = 303 ]
	[ "$(story_state "$i")" = ingetrokken ]
	[ "$(db -c "SELECT event FROM story_consent WHERE item_id = $i ORDER BY id DESC LIMIT 1")" = ingetrokken ]
	sees verteller "/verhalen/$slug" 200 "Levenstitel$n"
	sees verteller /account/verhalen 200 "Levenstitel$n"
	for r in bezoeker lid redacteur beheerder; do
		for p in "/verhalen/$slug" "/verhalen/$slug/beoordelen" \
		    "/verhalen/$slug/citaten" "/verhalen/$slug/auteur"; do
			# The quote page answers non-editors before any lookup.
			[[ "$p" == */citaten && "$r" != redacteur && "$r" != beheerder ]] && continue
			req -b "$(jar "$r")" "$p"
			[ "$status_code" = 404 ] || {
				echo "$p as $r: $status_code after withdrawal" >&2
				return 1
			}
		done
		for p in / /verhalen /verhalen?zonder=1 /themas/kleinschaligheid \
		    "/gemeenschappen/$comm" "/zoeken?q=Levenstitel$n" \
		    "/zoeken?q=Levenstekst$n" "/zoeken?q=Levenssamenvatting$n" \
		    /feeds/verhalen.atom /feeds/themas/kleinschaligheid.atom \
		    "/feeds/gemeenschappen/$comm.atom" /meldingen "/monitor/$goal" \
		    /redactie/verhalen /redactie /redactie/meldingen /account/verhalen; do
			req -b "$(jar "$r")" "$p"
			checks=$((checks + 1))
			# A search page repeats its query: that is no leak.
			if [[ "$p" == /zoeken* ]]; then
				q=${p#*q=}
				body=${body//"$q"/}
			fi
			if [[ "$body" == *"Levenstitel$n"* || "$body" == *"Levenssamenvatting$n"* ||
			    "$body" == *"Levenstekst$n"* || "$body" == *"Levensreactie$n"* ||
			    "$body" == *"Levensnaam$n"* || "$body" == *"/verhalen/$slug\""* ]]; then
				echo "LEAK $p as $r after withdrawal" >&2
				hits=$((hits + 1))
			fi
		done
	done
	echo "after withdrawal: $checks pages, $hits leaks" >&3
	[ "$hits" = 0 ]
	# Others' notifications about it are gone; the editors were told
	# without its title.
	[ "$(db -c "SELECT count(*) FROM notification WHERE item_id = $i
	    AND account_id <> $(id verteller)")" = 0 ]
	[ "$(db -c "SELECT count(*) FROM notification WHERE account_id = $(id redacteur)
	    AND kind = 'verhaal' AND text = 'ingetrokken'")" -ge 1 ]
	[ "$(db -c "SELECT count(*) FROM notification WHERE text LIKE '%Levens%$n%'
	    AND account_id <> $(id verteller)")" = 0 ]
	# Sending it in again is the storyteller's choice, with new consent.
	sees verteller "/verhalen/$slug/bewerken" 200 "Levenstitel$n"
}
