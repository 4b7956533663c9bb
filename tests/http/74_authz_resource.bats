#!/usr/bin/env bats
# R3 for resources and uploads (issue 10). tests/http/authz_resource.tsv:
# every resource page, file, editor, workflow step and image page × role
# (visitor, the suggesting member, another member, a community member,
# editor, admin) for a published, a concept, an empty concept, a suggested,
# a members-only, a closed-community and an archived resource, their files
# (current and old version), a pending upload, an unused image and an
# image a members-only article shows; 0 mismatches. Then the canary
# sweep: the titles, summaries, descriptions, publishers and file names of
# what a role may not read appear 0 times to it on any page, list, feed
# or search. Last, the steps the matrix leaves out because they succeed.
# Fixtures are made through SQL (upload_add, resource_save, item_save,
# item_transition) with the files written into BRON_UPLOAD_DIR; the pages
# are tested by 70-73.
load helpers

roles=(bezoeker lid ander gemeenschap redacteur beheerder)

jar() {
	echo "$BATS_FILE_TMPDIR/jar-$1"
}

id() {
	cat "$BATS_FILE_TMPDIR/id-$1"
}

# post_mp JAR PATH [-F args...]: a multipart form POST with the token.
post_mp() {
	local j=$1 path=$2 t
	shift 2
	t=$(csrf "$j")
	req -b "$(jar "$j")" -c "$(jar "$j")" -H "Origin: $BRON_URL" \
	    -F "_csrf=$t" "$@" "$path"
}

# upload OWNER PURPOSE NAME [MIME]: a file of OWNER's (role) on disk and as
# an upload row; prints its token.
upload() {
	local token f size sum mime=${4:-application/pdf}
	token=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
	f=$BRON_UPLOAD_DIR/$token
	if [ "$mime" = image/png ]; then
		base64 -d >"$f" <<'PNG'
iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==
PNG
	else
		printf '%%PDF-1.4\n%s\n%%%%EOF\n' "$3" >"$f"
	fi
	size=$(stat -c %s "$f")
	sum=$(sha256sum "$f" | cut -d' ' -f1)
	db -v actor="$(id "$1")" -v purpose="$2" -v token="$token" -v name="$3" \
	    -v mime="$mime" -v size="$size" -v sum="$sum" >/dev/null <<'SQL' || return 1
SELECT upload_add(:'actor', :'purpose', :'token', :'mime', :'name', :'size',
    :'sum', CASE WHEN :'purpose' = 'afbeelding' THEN :'name' ELSE '' END,
    100000000);
SQL
	echo "$token"
}

# resource ACTOR CODE [COMMUNITY] [URL] [TOKEN]: saved by ACTOR (role) with
# the canaries of CODE in every text field; prints its id.
resource() {
	local c="Kanarie$2$N"
	db -v actor="$(id "$1")" -v c="$c" -v slug="authzbron-$2-$N" \
	    -v comm="${3:-}" -v url="${4:-}" -v tok="${5:-}" -v theme="authzbron-$N" <<'SQL'
SELECT id FROM resource_save(NULL, NULL, :'actor', :'c' || ' titel',
    :'c' || ' samenvatting', :'c' || ' beschrijving.',
    '<p>' || :'c' || ' beschrijving.</p>', '', 3, '', :'slug', :'theme', '',
    :'comm', NULL, '', '', NULL,
    jsonb_build_object('type', 'publicatie', 'publisher', :'c' || ' uitgever',
    'year', '2024', 'language', 'nl', 'url', :'url', 'file', :'tok'));
SQL
}

# attach ID TOKEN SLOT: the file as a new version of SLOT, by the editor.
attach() {
	db -v id="$1" -v token="$2" -v slot="$3" -v actor="$(id redacteur)" <<'SQL'
SELECT r.error FROM item i,
    resource_save(i.id, NULL, :'actor', i.title, i.summary, i.body_md,
    i.body_html, i.toc_html, i.words, 'tweede versie', i.slug,
    (SELECT string_agg(t.slug, E'\n') FROM item_theme it
        JOIN theme t ON t.id = it.theme_id WHERE it.item_id = i.id),
    '', (SELECT c.slug FROM community c WHERE c.id = i.community_id),
    NULL, '', '', NULL,
    resource_snapshot(i.id) || jsonb_build_object('file', :'token',
    'slot', :'slot', 'file_note', 'nieuwe versie')) r
WHERE i.id = :'id';
SQL
}

step() {
	db -c "SELECT item_transition($1, $(id "$2"), '$3', '${4:-}')" >/dev/null
}

slug_of() {
	db -c "SELECT slug FROM item WHERE id = $1"
}

rev_of() {
	db -c "SELECT revision FROM item WHERE id = $1"
}

status_of() {
	db -c "SELECT status FROM item WHERE id = $1"
}

setup_file() {
	local n r e c k
	n=$$$RANDOM
	export N=$n
	echo "$n" >"$BATS_FILE_TMPDIR/n"
	mkdir -p "$BRON_UPLOAD_DIR"
	for r in "${roles[@]}"; do
		[ "$r" = bezoeker ] && continue
		e=$(unique_email "ab$r")
		register "$r" "$e" "Bronrol$r $n"
		db -c "SELECT id FROM account WHERE email = '$e'" >"$BATS_FILE_TMPDIR/id-$r"
		case $r in
		redacteur) set_role "$e" redacteur ;;
		beheerder) set_role "$e" beheerder ;;
		esac
	done
	db -c "INSERT INTO theme (slug, title) VALUES ('authzbron-$n', 'Authzbron $n')"
	db -c "INSERT INTO community (slug, name, visibility, membership)
	    VALUES ('authzbronleden-$n', 'Authzbronleden $n', 'leden', 'aanvraag'),
	    ('authzbronkring-$n', 'Authzbronkring $n', 'besloten', 'uitnodiging')"
	db -c "INSERT INTO member (community_id, account_id, state)
	    SELECT c.id, $(id gemeenschap), 'lid' FROM community c
	    WHERE c.slug IN ('authzbronleden-$n', 'authzbronkring-$n')"

	# The resources, each with its file (the name a canary too).
	declare -A f
	for k in pub con rev led bes arc; do
		case $k in
		pub | led | bes | arc) r=redacteur ;;
		*) r=lid ;;
		esac
		f[$k]=$(upload "$r" bron "kanarie${k}$n.pdf")
		echo "${f[$k]}" >"$BATS_FILE_TMPDIR/tok-${k}f"
	done
	echo "$(resource redacteur pub "" "" "${f[pub]}")" >"$BATS_FILE_TMPDIR/id-pub"
	c=$(upload redacteur bron "kanariepubnieuw$n.pdf")
	[ -z "$(attach "$(cat "$BATS_FILE_TMPDIR/id-pub")" "$c" 1)" ]
	mv "$BATS_FILE_TMPDIR/tok-pubf" "$BATS_FILE_TMPDIR/tok-pubf1"
	echo "$c" >"$BATS_FILE_TMPDIR/tok-pubf2"
	resource lid con "" "https://example.org/kanariecon$n" "${f[con]}" >"$BATS_FILE_TMPDIR/id-con"
	resource lid leeg >"$BATS_FILE_TMPDIR/id-leeg"
	resource lid rev "" "" "${f[rev]}" >"$BATS_FILE_TMPDIR/id-rev"
	resource redacteur led "authzbronleden-$n" "" "${f[led]}" >"$BATS_FILE_TMPDIR/id-led"
	resource redacteur bes "authzbronkring-$n" "" "${f[bes]}" >"$BATS_FILE_TMPDIR/id-bes"
	resource redacteur arc "" "" "${f[arc]}" >"$BATS_FILE_TMPDIR/id-arc"
	step "$(cat "$BATS_FILE_TMPDIR/id-rev")" lid indienen
	for k in pub led bes arc; do
		step "$(cat "$BATS_FILE_TMPDIR/id-$k")" redacteur goedkeuren Goed.
	done
	step "$(cat "$BATS_FILE_TMPDIR/id-arc")" redacteur archiveren

	# Uploads: a pending resource file, an unused image, an image a
	# members-only community's article shows, a row whose file is gone.
	upload lid bron "kanariepend$n.pdf" >"$BATS_FILE_TMPDIR/tok-pend"
	upload lid afbeelding "Kanarieimg$n" image/png >"$BATS_FILE_TMPDIR/tok-img"
	c=$(upload gemeenschap afbeelding "Kanarieimgled$n" image/png)
	echo "$c" >"$BATS_FILE_TMPDIR/tok-imgled"
	k=$(db -c "SELECT id FROM item_save('artikel', NULL, NULL, $(id gemeenschap),
	    'Kanarieart$n titel', 'Kanarieart$n samenvatting',
	    '![Kanarieimgled$n](/bestanden/$c)', '<p><img src=\"/bestanden/$c\" alt=\"\"></p>',
	    '', 1, '', 'kanarieart-$n', 'authzbron-$n', '', 'authzbronleden-$n', NULL,
	    'afbeelding/$c', '', NULL, NULL)")
	echo "$k" >"$BATS_FILE_TMPDIR/id-art"
	step "$k" redacteur goedkeuren
	c=$(upload lid bron "kanarieweg$n.pdf")
	rm -f "$BRON_UPLOAD_DIR/$c"
	echo "$c" >"$BATS_FILE_TMPDIR/tok-nofile"
}

# The substitutions of authz_resource.tsv.
subst() {
	local k
	S[n]=$N
	for k in pub con leeg rev led bes arc; do
		S[$k]=$(slug_of "$(cat "$BATS_FILE_TMPDIR/id-$k")")
	done
	for k in pubf1 pubf2 conf revf ledf besf arcf pend img imgled nofile; do
		S[$k]=$(cat "$BATS_FILE_TMPDIR/tok-$k")
	done
	S[revrev]=$(rev_of "$(cat "$BATS_FILE_TMPDIR/id-rev")")
	# A save with every field valid and a stale base revision.
	S[save]="base=999999&action=save&title=Overgenomen&summary=Kort.&body=Tekst.&type=publicatie&language=nl&year=2024&url=https://example.org/overgenomen&publisher=X"
}

@test "every role gets exactly what authz_resource.tsv says" {
	local x k mism=0 rows=0 skip=0
	declare -A S
	N=$(cat "$BATS_FILE_TMPDIR/n")
	subst
	local before
	before=$(db -c "SELECT string_agg(id || status || revision, ',' ORDER BY id)
	    FROM item WHERE slug LIKE 'authzbron-%-$N'")

	local method path fields c0 c1 c2 c3 c4 c5
	while IFS=$'\t' read -r method path fields c0 c1 c2 c3 c4 c5; do
		[[ -z "$method" || "$method" == \#* ]] && continue
		for k in "${!S[@]}"; do
			path=${path//\{$k\}/"${S[$k]}"}
			fields=${fields//\{$k\}/"${S[$k]}"}
		done
		local want=("$c0" "$c1" "$c2" "$c3" "$c4" "$c5") i r
		for i in "${!roles[@]}"; do
			r=${roles[$i]}
			if [ "${want[$i]}" = - ]; then
				skip=$((skip + 1))
				continue
			fi
			if [ "$method" = GET ]; then
				req -b "$(jar "$r")" "$path" 2>/dev/null
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
				echo "MISMATCH $method $path ${fields:0:40} as $r: got $status_code, want ${want[$i]}" >&2
				mism=$((mism + 1))
			fi
			[[ "$status_code" != 5* ]] || echo "SERVER ERROR $method $path as $r" >&2
		done
	done <"$BATS_TEST_DIRNAME/authz_resource.tsv"
	echo "authz (resources): $rows checks, $mism mismatches ($skip not asked)" >&3
	# Nothing changed by any request of the table.
	[ "$(db -c "SELECT string_agg(id || status || revision, ',' ORDER BY id)
	    FROM item WHERE slug LIKE 'authzbron-%-$N'")" = "$before" ]
	[ "$(db -c "SELECT count(*) FROM upload WHERE token IN ('${S[img]}', '${S[imgled]}')
	    AND alt LIKE 'Kanarie%'")" = 2 ]
	[ "$mism" = 0 ]
}


@test "canaries: what a role may not read appears 0 times to it, lists, feeds and search included" {
	local r k p q pages checks=0 hits=0 c slug
	# The canaries of each object, and who may read it.
	local -A READERS=(
		[pub]="bezoeker lid ander gemeenschap redacteur beheerder"
		[con]="lid redacteur beheerder"
		[leeg]="lid redacteur beheerder"
		[rev]="lid redacteur beheerder"
		[led]="gemeenschap redacteur beheerder"
		[bes]="gemeenschap redacteur beheerder"
		[arc]="redacteur beheerder"
		[pend]="lid"
		[img]="lid"
		[imgled]="gemeenschap redacteur beheerder"
		[art]="gemeenschap redacteur beheerder"
	)
	N=$(cat "$BATS_FILE_TMPDIR/n")
	local slugs=()
	for k in pub con leeg rev led bes arc; do
		slugs+=("/bronnen/$(slug_of "$(cat "$BATS_FILE_TMPDIR/id-$k")")")
	done
	pages=(/ /bronnen "/bronnen?soort=publicatie" "/bronnen?thema=authzbron-$N"
	    "/bronnen?jaar=2024" /feeds/bronnen.atom "/themas/authzbron-$N"
	    "/feeds/themas/authzbron-$N.atom" "/gemeenschappen/authzbronleden-$N"
	    "/gemeenschappen/authzbronkring-$N" "/feeds/gemeenschappen/authzbronleden-$N.atom"
	    "/zoeken?q=Kanarie" "/zoeken?q=kanarie" /redactie /account/artikelen
	    /account/afbeeldingen /artikelen "/artikelen/kanarieart-$N" "${slugs[@]}")
	for k in con leeg rev led bes arc pend img imgled art; do
		pages+=("/zoeken?q=Kanarie$k$N")
	done
	# Sanity: the canaries are there for those who may read them.
	req -b "$(jar lid)" "/bronnen/$(slug_of "$(cat "$BATS_FILE_TMPDIR/id-con")")"
	assert_contains "Kanariecon$N titel"
	assert_contains "Kanariecon$N uitgever"
	assert_contains "kanariecon$N.pdf"
	req -b "$(jar gemeenschap)" "/bronnen?thema=authzbron-$N"
	assert_contains "Kanarieled$N titel"
	req -b "$(jar lid)" /account/afbeeldingen
	assert_contains "Kanarieimg$N"
	for r in "${roles[@]}"; do
		for p in "${pages[@]}"; do
			req -b "$(jar "$r")" "$p"
			checks=$((checks + 1))
			[[ "$status_code" != 5* ]] || echo "SERVER ERROR $p as $r" >&2
			# A search page repeats its query.
			if [[ "$p" == /zoeken* ]]; then
				q=${p#*q=}
				body=${body//"$q"/}
			fi
			for k in "${!READERS[@]}"; do
				[[ " ${READERS[$k]} " == *" $r "* ]] && continue
				c="anarie$k$N"
				# Kanariepub is a prefix of Kanariepubnieuw: whole words.
				if grep -qE "[Kk]$c([^0-9a-z]|$)" <<<"$body"; then
					echo "LEAK $k on $p as $r (status $status_code):" >&2
					grep -oE ".{0,60}[Kk]$c([^0-9a-z].{0,40}|$)" <<<"$body" | head -3 >&2
					hits=$((hits + 1))
				fi
			done
		done
	done
	echo "canaries (resources): $checks pages × ${#READERS[@]} objects, $hits leaks" >&3
	[ "$hits" = 0 ]
}

@test "the steps the table leaves out: the suggester sends in, only editors decide" {
	local n i s f
	N=$(cat "$BATS_FILE_TMPDIR/n")
	n=$N
	# A fresh suggestion of lid's with a link.
	i=$(resource lid stap "" "https://example.org/stap$n")
	s=$(slug_of "$i")
	# Others may not send it in; its writer may.
	post ander "/bronnen/$s/status" --data-urlencode action=indienen
	[ "$status_code" = 404 ]
	post lid "/bronnen/$s/status" --data-urlencode action=goedkeuren
	[ "$status_code" = 403 ]
	post lid "/bronnen/$s/status" --data-urlencode action=indienen
	[ "$status_code" = 303 ]
	[ "$(status_of "$i")" = ter_review ]
	# In review: the writer may neither edit nor approve it.
	req -b "$(jar lid)" "/bronnen/$s/bewerken"
	[ "$status_code" = 403 ]
	post lid "/bronnen/$s/status" --data-urlencode action=goedkeuren
	[ "$status_code" = 403 ]
	[ "$(status_of "$i")" = ter_review ]
	# The editor sends it back with a note: a concept of lid's again.
	post_mp redacteur "/bronnen/$s/beoordelen" -F decision=terugsturen \
	    -F "note=Voeg de uitgever toe." -F "rev=$(rev_of "$i")"
	[ "$status_code" = 303 ]
	[ "$(status_of "$i")" = concept ]
	post lid "/bronnen/$s/status" --data-urlencode action=indienen
	[ "$status_code" = 303 ]
	# The editor approves it: public, and the writer may no longer edit.
	post redacteur "/bronnen/$s/status" --data-urlencode action=goedkeuren
	[ "$status_code" = 303 ]
	[ "$(status_of "$i")" = gepubliceerd ]
	req "/bronnen/$s"
	[ "$status_code" = 200 ]
	req -b "$(jar lid)" "/bronnen/$s/bewerken"
	[ "$status_code" = 403 ]
	post lid "/bronnen/$s/status" --data-urlencode action=archiveren
	[ "$status_code" = 403 ]
	# The admin archives it: gone for everyone but editors; its writer's
	# own, so lid still reads it (item_may_edit), visitors do not.
	post beheerder "/bronnen/$s/status" --data-urlencode action=archiveren
	[ "$status_code" = 303 ]
	[ "$(status_of "$i")" = gearchiveerd ]
	req "/bronnen/$s"
	[ "$status_code" = 404 ]
	post redacteur "/bronnen/$s/status" --data-urlencode action=terugzetten
	[ "$status_code" = 303 ]
	[ "$(status_of "$i")" = gepubliceerd ]
	# The image's uploader changes and removes it; the file then 404s.
	f=$(cat "$BATS_FILE_TMPDIR/tok-img")
	post lid "/account/afbeeldingen/$f" --data-urlencode actie=beschrijving \
	    --data-urlencode "alt=Een nieuwe beschrijving"
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT alt FROM upload WHERE token = '$f'")" = "Een nieuwe beschrijving" ]
	post lid "/account/afbeeldingen/$f" --data-urlencode actie=verwijderen \
	    --data-urlencode zeker=1
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT count(*) FROM upload WHERE token = '$f'")" = 0 ]
	req -b "$(jar lid)" "/bestanden/$f"
	[ "$status_code" = 404 ]
}
