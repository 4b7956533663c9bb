#!/usr/bin/env bats
# Members' images (issue 10): /account/afbeeldingen and
# /account/afbeeldingen/<token>. Uploads through the page (the upload
# path of web/upload.c): metadata stripped from the stored copies,
# refused types, the quota (the test Kore runs with
# BRON_IMAGE_QUOTA=3000000), who may fetch /bestanden/<token> (its
# uploader; anyone who may read an item whose text shows it), changing
# the description, removing with a confirm step, the data export, and a
# story that shows an image does not name its uploader.
#
# Needs BRON_UPLOAD_DIR: the directory the test Kore writes to.

load helpers
load story_fixture

IMG=/account/afbeeldingen

setup_file() {
	export N="im$$x$RANDOM"
	story_accounts "$N" lid ander redacteur beheerder
	export UPLOAD_DIR=${BRON_UPLOAD_DIR:?set BRON_UPLOAD_DIR}
}

setup() {
	WORK=$BATS_TEST_TMPDIR
}

# A fresh member per test (quota and lists start empty); prints nothing,
# sets ME (role name for jar/id).
fresh() {
	local e
	e=$(unique_email "img$1")
	register "$1" "$e" "Beeld $1 $N"
	echo "$e" >"$BATS_FILE_TMPDIR/email-$1"
	db -c "SELECT id FROM account WHERE email = '$e'" >"$BATS_FILE_TMPDIR/id-$1"
}

# mkpng OUT [IDAT_BYTES] [TEXT]: a PNG (1x1 gray) with correct CRCs, a
# tEXt chunk holding TEXT, and an IDAT of IDAT_BYTES bytes (the zlib data
# of one pixel when absent; random bytes when given: never decoded).
mkpng() {
	python3 - "$1" "${2:-0}" "${3:-}" <<'EOF'
import os, struct, sys, zlib
out, n, text = sys.argv[1], int(sys.argv[2]), sys.argv[3].encode()
def chunk(t, d):
    return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d))
data = os.urandom(n) if n else zlib.compress(b'\x00\x80')
png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 1, 1, 8, 0, 0, 0, 0))
if text:
    png += chunk(b'tEXt', b'Comment\x00' + text)
png += chunk(b'IDAT', data) + chunk(b'IEND', b'')
open(out, 'wb').write(png)
EOF
}

# mkjpeg OUT MARKER: a baseline 1x1 JPEG with an APP1 Exif segment whose
# GPS part holds MARKER.
mkjpeg() {
	python3 - "$1" "$2" <<'EOF'
import struct, sys
out, marker = sys.argv[1], sys.argv[2].encode()
def seg(m, d):
    return b'\xff' + bytes([m]) + struct.pack('>H', len(d) + 2) + d
exif = b'Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08GPSLatitude ' + marker
j = b'\xff\xd8'
j += seg(0xe0, b'JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00')
j += seg(0xe1, exif)
j += seg(0xdb, b'\x00' + b'\x01' * 64)
j += seg(0xc0, b'\x08\x00\x01\x00\x01\x01\x01\x11\x00')
j += seg(0xc4, b'\x00' + b'\x01' + b'\x00' * 15 + b'\x00')
j += seg(0xc4, b'\x10' + b'\x01' + b'\x00' * 15 + b'\x00')
j += seg(0xda, b'\x01\x01\x00\x00\x3f\x00')
j += b'\x3f' + b'\xff\xd9'
open(out, 'wb').write(j)
EOF
}

# story_img ROLE SLUG TEXT TOKEN: a concept story by ROLE whose text shows
# the image (links as item_save() gets them from the editor); prints
# its id. Title "TEXT titel", pseudonym "TEXT schuilnaam".
story_img() {
	db -c "SELECT id FROM story_save(NULL, NULL, $(id "$1"), '$3 titel',
	    '$3 samenvatting', 'Zo ziet het eruit: ![Mijn kamer](/bestanden/$4)',
	    '<p>Zo ziet het eruit: <img src=\"/bestanden/$4\" alt=\"Mijn kamer\" /></p>',
	    '', 5, '$2', 'kleinschaligheid', '', 'afbeelding/$4',
	    '$3 schuilnaam', '{}', '{namen,plaatsen,fotos}', false, NULL)"
}

# upload JAR FILE NAME ALT: the page's form, multipart, same origin.
upload() {
	local t
	t=$(csrf "$1" "$IMG")
	req -b "$(jar "$1")" -c "$(jar "$1")" -H "Origin: $BRON_URL" \
	    -F "_csrf=$t" -F "bestand=@$2;filename=$3" \
	    --form-string "alt=$4" "$IMG"
}

# change JAR TOKEN [curl args...]: a POST to the image's page.
change() {
	local j=$1 tok=$2 t
	shift 2
	t=$(csrf "$j" "$IMG")
	req -b "$(jar "$j")" -c "$(jar "$j")" -H "Origin: $BRON_URL" \
	    --data-urlencode "_csrf=$t" "$@" "$IMG/$tok"
}

# newest ROLE: the token of the role's newest image.
newest() {
	db -c "SELECT token FROM upload WHERE owner_id = $(id "$1")
	    AND purpose = 'afbeelding' ORDER BY id DESC LIMIT 1"
}

images_of() {
	db -c "SELECT count(*) FROM upload WHERE owner_id = $(id "$1")
	    AND purpose = 'afbeelding'"
}

# fetch [JAR] TOKEN: GET /bestanden/TOKEN, as JAR or as a visitor.
fetch() {
	if [ $# = 2 ]; then
		req -b "$(jar "$1")" "/bestanden/$2"
	else
		req "/bestanden/$1"
	fi
}

@test "images: visitors are sent to sign in; forged posts are refused" {
	req "$IMG"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/inloggen?terug=%2Faccount%2Fafbeeldingen" ]
	req "$IMG/0123456789abcdef0123456789abcdef"
	[ "$status_code" = 303 ]
	fresh a
	mkpng "$WORK/a.png"
	# No token, and a foreign origin: 403, nothing stored.
	req -b "$(jar a)" -H "Origin: $BRON_URL" -F "bestand=@$WORK/a.png" \
	    --form-string "alt=Een plaatje" "$IMG"
	[ "$status_code" = 403 ]
	assert_contains "Dit formulier was verlopen of kwam niet van deze site."
	req -b "$(jar a)" -H "Origin: http://evil.example" \
	    -F "_csrf=$(csrf a "$IMG")" -F "bestand=@$WORK/a.png" \
	    --form-string "alt=Een plaatje" "$IMG"
	[ "$status_code" = 403 ]
	[ "$(images_of a)" = 0 ]
	req -b "$(jar a)" -H "Origin: $BRON_URL" -d "actie=verwijderen&zeker=1" \
	    "$IMG/0123456789abcdef0123456789abcdef"
	[ "$status_code" = 403 ]
}

@test "images: the empty page has the form, the limits and the quota" {
	fresh a
	req -b "$(jar a)" "$IMG"
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains "<h1>Mijn afbeeldingen</h1>"
	assert_contains 'enctype="multipart/form-data"'
	assert_contains '<input type="file" id="bestand" name="bestand" accept=".png,.jpg,.jpeg,.webp,image/png,image/jpeg,image/webp"'
	assert_contains '<label for="alt">Beschrijving</label>'
	assert_contains "Een PNG-, JPEG- of WebP-afbeelding van hoogstens 3 MB."
	assert_contains "Je gebruikt 0 MB van 2,9 MB."
	assert_contains "Je hebt nog geen afbeeldingen."
}

@test "images: a PNG's text chunk and a JPEG's EXIF GPS are gone from the stored copies" {
	fresh a
	mkpng "$WORK/t.png" 0 "geheim-tekst-$N"
	mkjpeg "$WORK/g.jpg" "52.0907N-5.1214E-$N"
	grep -c -a "geheim-tekst-$N" "$WORK/t.png"
	grep -c -a "5.1214E-$N" "$WORK/g.jpg"
	upload a "$WORK/t.png" "tekening.png" "Een tekening van een huis"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "$IMG?gedaan=toegevoegd" ]
	png=$(newest a)
	upload a "$WORK/g.jpg" "foto.jpg" "Een foto van de zee"
	[ "$status_code" = 303 ]
	jpg=$(newest a)
	[ "$png" != "$jpg" ]
	# On disk, under the token, without the metadata.
	[ -f "$UPLOAD_DIR/$png" ]
	[ -f "$UPLOAD_DIR/$jpg" ]
	[ "$(grep -c -a "geheim-tekst-$N" "$UPLOAD_DIR/$png")" = 0 ]
	[ "$(grep -c -a "5.1214E-$N" "$UPLOAD_DIR/$jpg")" = 0 ]
	[ "$(grep -c -a "GPSLatitude" "$UPLOAD_DIR/$jpg")" = 0 ]
	[ "$(head -c 8 "$UPLOAD_DIR/$png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]
	[ "$(head -c 3 "$UPLOAD_DIR/$jpg" | od -An -tx1 | tr -d ' \n')" = ffd8ff ]
	# The rows: type from the bytes, the description, a clean name.
	[ "$(db -c "SELECT mime || ' ' || name || ' ' || alt FROM upload WHERE token = '$png'")" = \
	    "image/png tekening.png Een tekening van een huis" ]
	[ "$(db -c "SELECT mime || ' ' || name FROM upload WHERE token = '$jpg'")" = \
	    "image/jpeg foto.jpg" ]
	# The owner downloads them back the same.
	fetch a "$jpg"
	[ "$status_code" = 200 ]
	[ "$(header content-type)" = "image/jpeg" ]
	[ "$(header x-content-type-options)" = "nosniff" ]
	# The list: newest first, with the code to paste and the notice.
	req -b "$(jar a)" "$IMG?gedaan=toegevoegd"
	[ "$status_code" = 200 ]
	assert_contains "De afbeelding is toegevoegd."
	assert_contains "<img src=\"/bestanden/$jpg\" alt=\"Een foto van de zee\""
	assert_contains "value=\"![Een tekening van een huis](/bestanden/$png)\" readonly"
	assert_contains "<label for=\"code-$png\">Code om in je tekst te plakken</label>"
	assert_contains "Staat nog in geen enkele tekst. Alleen jij kunt hem zien."
	assert_contains "href=\"$IMG/$png\""
	[[ "$body" == *"/bestanden/$jpg"*"/bestanden/$png"* ]]
}

@test "images: SVG, HTML and other files are refused with a message next to the field" {
	fresh a
	printf '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>' >"$WORK/x.svg"
	upload a "$WORK/x.svg" "x.png" "Een tekening"
	[ "$status_code" = 422 ]
	assert_contains "Dit bestand is een SVG-tekening. Kies een PNG-, JPEG- of WebP-afbeelding."
	assert_contains 'value="Een tekening"'
	assert_contains 'class="field has-error"'
	printf '<!DOCTYPE html><html><script>alert(1)</script></html>' >"$WORK/x.png"
	upload a "$WORK/x.png" "x.png" "Een tekening"
	[ "$status_code" = 422 ]
	assert_contains "Dit bestand is een webpagina (HTML), geen afbeelding."
	printf '%%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%%%EOF\n' >"$WORK/x.pdf"
	upload a "$WORK/x.pdf" "x.pdf" "Een tekening"
	[ "$status_code" = 422 ]
	assert_contains "Dit bestand is geen afbeelding. Kies een PNG-, JPEG- of WebP-afbeelding."
	[ "$(images_of a)" = 0 ]
}

@test "images: the description is required and at most 300 characters; the file is asked again" {
	fresh a
	mkpng "$WORK/a.png"
	upload a "$WORK/a.png" "a.png" "   "
	[ "$status_code" = 422 ]
	assert_contains "Beschrijf wat er op de afbeelding staat, voor wie hem niet kan zien."
	assert_contains "Kies de afbeelding opnieuw"
	long=$(printf 'x%.0s' $(seq 1 301))
	upload a "$WORK/a.png" "a.png" "$long"
	[ "$status_code" = 422 ]
	assert_contains "De beschrijving is 301 tekens lang."
	assert_contains "value=\"$long\""
	# No file at all.
	req -b "$(jar a)" -H "Origin: $BRON_URL" -F "_csrf=$(csrf a "$IMG")" \
	    --form-string "alt=Iets" "$IMG"
	[ "$status_code" = 422 ]
	assert_contains "Kies een afbeelding."
	[ "$(images_of a)" = 0 ]
}

@test "images: the quota: two 1.2 MB images fit, a third gets what is left" {
	fresh a
	mkpng "$WORK/1.png" 1200000
	mkpng "$WORK/2.png" 1200000
	mkpng "$WORK/3.png" 1200000
	upload a "$WORK/1.png" "een.png" "Een"
	[ "$status_code" = 303 ]
	upload a "$WORK/2.png" "twee.png" "Twee"
	[ "$status_code" = 303 ]
	used=$(db -c "SELECT sum(size) FROM upload WHERE owner_id = $(id a) AND purpose = 'afbeelding'")
	[ "$used" -gt 2400000 ]
	left_kb=$(( (3000000 - used + 512) / 1024 ))
	before=$(ls "$UPLOAD_DIR" | wc -l)
	upload a "$WORK/3.png" "drie.png" "Drie"
	[ "$status_code" = 422 ]
	assert_contains "Er is niet genoeg ruimte meer voor deze afbeelding. Je hebt nog $left_kb kB over."
	assert_contains 'value="Drie"'
	[ "$(images_of a)" = 2 ]
	# Nothing of the refused one was kept on disk.
	[ "$(ls "$UPLOAD_DIR" | wc -l)" = "$before" ]
	req -b "$(jar a)" "$IMG"
	assert_contains "Je gebruikt 2,3 MB van 2,9 MB."
}

@test "images: an unused image is 404 for everyone but its uploader" {
	fresh a
	mkpng "$WORK/a.png"
	upload a "$WORK/a.png" "a.png" "Alleen voor mij"
	tok=$(newest a)
	fetch a "$tok"
	[ "$status_code" = 200 ]
	fetch "$tok"
	[ "$status_code" = 404 ]
	fetch ander "$tok"
	[ "$status_code" = 404 ]
	# Its page too: the same 404 as a token that does not exist.
	req -b "$(jar ander)" "$IMG/$tok"
	[ "$status_code" = 404 ]
	change ander "$tok" --data-urlencode "actie=verwijderen" --data-urlencode "zeker=1"
	[ "$status_code" = 404 ]
	[ "$(images_of a)" = 1 ]
	req -b "$(jar a)" "$IMG/ffffffffffffffffffffffffffffffff"
	[ "$status_code" = 404 ]
}

@test "images: in a members-only community's article: 404 for visitors and outsiders, 200 for members" {
	fresh a
	slug=$(story_community leden "$N" a ander)
	mkpng "$WORK/a.png"
	upload a "$WORK/a.png" "a.png" "Een schema"
	tok=$(newest a)
	# Written through the article editor: the body's image is recorded.
	req -b "$(jar a)" -c "$(jar a)" /artikelen/nieuw
	nonce=$(grep -o 'name="nonce" value="[^"]*"' <<<"$body" | cut -d'"' -f4)
	req -b "$(jar a)" -c "$(jar a)" -H "Origin: $BRON_URL" \
	    --form-string "_csrf=$(csrf a /artikelen/nieuw)" \
	    --form-string "nonce=$nonce" --form-string "action=save" \
	    --form-string "title=Schema $N" --form-string "summary=Kort." \
	    --form-string "body=Zo ziet het eruit: ![Een schema](/bestanden/$tok)" \
	    --form-string "community=$slug" /artikelen/nieuw
	[ "$status_code" = 303 ]
	item=$(db -c "SELECT id FROM item WHERE kind = 'artikel' AND title = 'Schema $N'")
	[ "$(db -c "SELECT kind || '/' || slug FROM item_ref WHERE from_id = $item")" = "afbeelding/$tok" ]
	db -c "SELECT item_transition($item, $(id redacteur), 'goedkeuren', '')" >/dev/null
	fetch "$tok"
	[ "$status_code" = 404 ]
	fetch lid "$tok"
	[ "$status_code" = 404 ]
	fetch ander "$tok"
	[ "$status_code" = 200 ]
	[ "$(header content-type)" = "image/png" ]
	[ "$(header cache-control)" = "private, no-store" ]
	# The member reads it in the article.
	req -b "$(jar ander)" "/artikelen/$(db -c "SELECT slug FROM item WHERE id = $item")"
	[ "$status_code" = 200 ]
	assert_contains "<img src=\"/bestanden/$tok\" alt=\"Een schema\""
	# The uploader's list names the article.
	req -b "$(jar a)" "$IMG"
	assert_contains "Staat in:"
	assert_contains ">Schema $N</a>"
}

@test "images: the description can be changed, and removal asks first and names where it is used" {
	fresh a
	mkpng "$WORK/a.png"
	upload a "$WORK/a.png" "a.png" "Oud"
	tok=$(newest a)
	req -b "$(jar a)" "$IMG/$tok"
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains "<img src=\"/bestanden/$tok\" alt=\"Oud\""
	change a "$tok" --data-urlencode "actie=beschrijving" --data-urlencode "alt= "
	[ "$status_code" = 422 ]
	assert_contains "Beschrijf wat er op de afbeelding staat"
	change a "$tok" --data-urlencode "actie=beschrijving" \
	    --data-urlencode 'alt=Nieuw <b>"vet"</b> [x]'
	[ "$status_code" = 303 ]
	[ "$(header location)" = "$IMG?gedaan=aangepast" ]
	[ "$(db -c "SELECT alt FROM upload WHERE token = '$tok'")" = 'Nieuw <b>"vet"</b> [x]' ]
	req -b "$(jar a)" "$IMG?gedaan=aangepast"
	assert_contains "De beschrijving is aangepast."
	assert_contains 'alt="Nieuw &lt;b&gt;&quot;vet&quot;&lt;/b&gt; [x]"'
	# The code escapes Markdown's characters.
	assert_contains 'value="![Nieuw \&lt;b\&gt;&quot;vet&quot;\&lt;/b\&gt; \[x\]](/bestanden/'"$tok"')"'
	assert_not_contains "<b>\"vet\""
	# Used in a story of the uploader's: the confirm step names it.
	sid=$(story_img a "beeld-$N" "Beeldverhaal $N" "$tok")
	[ -n "$sid" ]
	change a "$tok" --data-urlencode "actie=verwijderen"
	[ "$status_code" = 200 ]
	assert_contains "Weet je zeker dat je deze afbeelding wilt verwijderen?"
	assert_contains "Daar zie je na het verwijderen alleen nog de beschrijving."
	assert_contains ">Beeldverhaal $N titel</a>"
	assert_contains 'name="zeker" value="1"'
	[ "$(images_of a)" = 1 ]
	change a "$tok" --data-urlencode "actie=verwijderen" --data-urlencode "zeker=1"
	[ "$status_code" = 303 ]
	[ "$(header location)" = "$IMG?gedaan=verwijderd" ]
	[ "$(images_of a)" = 0 ]
	fetch a "$tok"
	[ "$status_code" = 404 ]
	req -b "$(jar a)" "$IMG/$tok"
	[ "$status_code" = 404 ]
}

@test "images: the data export lists the member's uploads" {
	fresh a
	mkpng "$WORK/a.png"
	upload a "$WORK/a.png" "mijn-plaatje.png" "Voor de export"
	tok=$(newest a)
	post a /account/export
	[ "$status_code" = 200 ]
	[ "$(jq -r '.uploads | length' <<<"$body")" = 1 ]
	[ "$(jq -r '.uploads[0] | keys | join(",")' <<<"$body")" = \
	    "alt,created_at,mime,name,purpose,size,token" ]
	[ "$(jq -r '.uploads[0] | [.token, .purpose, .name, .mime, .alt] | join(" ")' <<<"$body")" = \
	    "$tok afbeelding mijn-plaatje.png image/png Voor de export" ]
	# Nobody else's.
	post ander /account/export
	[ "$(jq -r '.uploads | map(.token) | index("'"$tok"'")' <<<"$body")" = null ]
}

@test "images: a story that shows an image does not name its uploader" {
	fresh a
	mkpng "$WORK/a.png"
	name=$(db -c "SELECT display_name FROM account WHERE id = $(id a)")
	# Named after its uploader, as people do with photos.
	upload a "$WORK/a.png" "$name.png" "Mijn kamer"
	tok=$(newest a)
	email=$(email_of a)
	sid=$(story_img a "kamer-$N" "Kamer $N" "$tok")
	[ "$(db -c "SELECT slug FROM item_ref WHERE from_id = $sid")" = "$tok" ]
	# A concept: only its storyteller may fetch the image.
	fetch "$tok"
	[ "$status_code" = 404 ]
	story_send "$sid" a
	story_check "$sid" akkoord
	story_pub "$sid" a
	req "/verhalen/$(story_slug "$sid")"
	[ "$status_code" = 200 ]
	assert_contains "<img src=\"/bestanden/$tok\" alt=\"Mijn kamer\""
	assert_contains "Kamer $N schuilnaam"
	assert_not_contains "$name"
	assert_not_contains "$email"
	# The file itself: for visitors, by its token only.
	fetch "$tok"
	[ "$status_code" = 200 ]
	[[ "$headers" != *"$name"* ]]
	[[ "$headers" != *"$email"* ]]
	# The header names the image neutrally, never by its file name.
	[[ "$(header content-disposition)" == 'inline; filename="afbeelding.png"'* ]]
}
