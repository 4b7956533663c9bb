#!/usr/bin/env bats
# The upload path and downloads (issue 10): every allowed type goes in
# through the resource editor (/bronnen/nieuw) and comes back from
# /bestanden/<token> with its type, nosniff, a sandboxing CSP and the
# right Content-Disposition; refused kinds (HTML behind a .png name, SVG,
# text with a script) get a Dutch message next to the file field with the
# typed title kept; a file over BRON_UPLOAD_MAX (3 MB in the test Kore)
# gets 413 with the limit, a body over http_body_max Kore's own 413;
# hostile names are cleaned; EXIF/GPS and text chunks are gone from
# images; a members-only community's file is 404 to outsiders; a crash
# between writing a file and recording it leaves an orphan nobody can
# fetch, which `bron sweep` removes.
load helpers

# One set of signed-in clients for the whole file.
jar() {
	echo "$BATS_FILE_TMPDIR/jar-$1"
}

setup_file() {
	export F=$BATS_FILE_TMPDIR/files
	python3 - "$F" <<'PY'
import struct
import sys
import zipfile
import zlib
import os

out = sys.argv[1]
os.makedirs(out, exist_ok=True)


def put(name, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)


# An EXIF block: TIFF header, one IFD entry pointing to a GPS IFD, and
# the marker string the test greps for.
GPS = b"GPSLatitude 52.0907N"
EXIF = (b"MM\0*\0\0\0\x08\0\x01\x88\x25\0\x04\0\0\0\x01\0\0\0\x1a\0\0\0\0"
        + GPS)


def png_chunk(kind, data):
    body = kind + data
    return (struct.pack(">I", len(data)) + body
            + struct.pack(">I", zlib.crc32(body) & 0xffffffff))


def png(extra=b""):
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + extra
            + png_chunk(b"IDAT", zlib.compress(b"\0\x80"))
            + png_chunk(b"IEND", b""))


JPEG_HEAD = bytes.fromhex(
    "ffd8ffe000104a46494600010100000100010000")
JPEG_BODY = bytes.fromhex(
    "ffdb004300100b0c0e0c0a100e0d0e1211101318281a181616183123251d283a33"
    "3d3c3933383740485c4e404457453738506d51575f626768673e4d71797064785c"
    "656763ffc0000b080001000101011100ffc4001400010000000000000000000000"
    "0000000000ffc40014100100000000000000000000000000000000ffda00080101"
    "00003f003fffd9")


def jpeg_seg(marker, data):
    return bytes([0xff, marker]) + struct.pack(">H", len(data) + 2) + data


VP8L = bytes.fromhex("2f0000000007 50a00216a4ff8188e87f00".replace(" ", ""))


def riff_chunk(cc, data):
    pad = b"\0" if len(data) & 1 else b""
    return cc + struct.pack("<I", len(data)) + data + pad


def webp(with_exif):
    chunks = b""
    if with_exif:
        vp8x = bytes([0x08]) + b"\0" * 9
        chunks += riff_chunk(b"VP8X", vp8x)
    chunks += riff_chunk(b"VP8L", VP8L)
    if with_exif:
        chunks += riff_chunk(b"EXIF", EXIF)
    body = b"WEBP" + chunks
    return b"RIFF" + struct.pack("<I", len(body)) + body


def stored_zip(entries):
    path = os.path.join(out, ".zip.tmp")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        for name, data in entries:
            z.writestr(name, data)
    with open(path, "rb") as f:
        data = f.read()
    os.unlink(path)
    return data


PDF = (b"%PDF-1.4\n"
       b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
       b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
       b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] >>"
       b" endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
PDF_JS = PDF.replace(b"/Type /Catalog",
                     b"/Type /Catalog /OpenAction << /S /JavaScript"
                     b" /JS (app.alert\\(1\\)) >>")

put("file.pdf", PDF)
put("active.pdf", PDF_JS)
put("plain.png", png())
put("photo.png", png(png_chunk(b"tEXt", b"Comment\0<script>alert(1)</script>")
                     + png_chunk(b"eXIf", EXIF)))
put("photo.jpg", JPEG_HEAD + jpeg_seg(0xe1, b"Exif\0\0" + EXIF)
    + jpeg_seg(0xfe, b"GPS comment") + JPEG_BODY)
put("photo.webp", webp(True))
put("notes.txt", "Aantekeningen over de pilot.\r\nTweede regel: één.\r\n"
    .encode())
put("letter.odt", stored_zip([
    ("mimetype", b"application/vnd.oasis.opendocument.text"),
    ("content.xml", b'<?xml version="1.0"?><office:document-content/>'),
    ("META-INF/manifest.xml", b'<?xml version="1.0"?><manifest/>')]))
put("letter.docx", stored_zip([
    ("[Content_Types].xml", b'<?xml version="1.0"?><Types/>'),
    ("_rels/.rels", b'<?xml version="1.0"?><Relationships/>'),
    ("word/document.xml", b'<?xml version="1.0"?><w:document/>')]))
put("page.png", b"<!DOCTYPE html><html><body><script>alert(1)</script>"
    b"</body></html>\n")
put("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg">'
    b"<script>alert(1)</script></svg>\n")
put("script.txt", b"Gewone tekst.\n<script>alert(1)</script>\n")
# One byte over the test Kore's BRON_UPLOAD_MAX (3 MB), a PDF otherwise.
big = PDF + b"%" + b"x" * (3145728 + 1 - len(PDF) - 2) + b"\n"
assert len(big) == 3145729
put("big.pdf", big)
PY
	export ED_EMAIL=$(unique_email upload-red) MEM_EMAIL=$(unique_email upload-lid)
	export OUT_EMAIL=$(unique_email upload-buiten)
	register editor "$ED_EMAIL" "Redactie Upload"
	set_role "$ED_EMAIL" redacteur
	register member "$MEM_EMAIL" "Lid Upload"
	register outsider "$OUT_EMAIL" "Buiten Upload"
	export ED=$(db -c "SELECT id FROM account WHERE email = '$ED_EMAIL'")
	export MEM=$(db -c "SELECT id FROM account WHERE email = '$MEM_EMAIL'")
}

# upload JAR FILE NAME ACTION [curl args...]: a new resource with FILE
# sent as NAME through the editor's form (title "Upload <n>" unless
# given); sets status_code, body, headers, and SLUG after a 303.
upload() {
	local j=$1 file=$2 name=$3 action=$4 n t
	shift 4
	req -b "$(jar "$j")" -c "$(jar "$j")" /bronnen/nieuw
	n=$(grep -o 'name="nonce" value="[^"]*"' <<<"$body" | cut -d'"' -f4)
	t=$(grep -o 'name="_csrf" value="[^"]*"' <<<"$body" | head -n 1 |
	    cut -d'"' -f4)
	req -b "$(jar "$j")" -c "$(jar "$j")" -H "Origin: $BRON_URL" \
	    --form-string "_csrf=$t" --form-string "nonce=$n" \
	    --form-string "summary=Een bestand om te proberen." \
	    --form-string "body=Uitleg bij het bestand." \
	    --form-string "type=publicatie" --form-string "action=$action" \
	    "$@" --form-string "title=Upload $RANDOM$RANDOM" \
	    -F "bestand=@$file;filename=$name" /bronnen/nieuw
	SLUG=$(header location | sed -n 's|^/bronnen/\([a-z0-9-]*\)?.*|\1|p')
}

# token SLUG: the token of the resource's newest file.
token() {
	db -c "SELECT u.token FROM upload u JOIN resource_file f
	    ON f.upload_id = u.id JOIN item i ON i.id = f.item_id
	    WHERE i.slug = '$1' ORDER BY f.added_at DESC LIMIT 1"
}

# fetch [curl args...] TOKEN: download to $DL; sets status and headers.
fetch() {
	local tok=${!#}
	DL=$BATS_TEST_TMPDIR/dl
	status_code=$(curl -s --max-time 10 -D "$DL.h" -o "$DL" \
	    -w '%{http_code}' "${@:1:$#-1}" "$BRON_URL/bestanden/$tok")
	headers=$(tr -d '\r' <"$DL.h" | sed 's/^\([^:]*\):/\L\1:/')
}

assert_file_headers() {
	[ "$(header x-content-type-options)" = nosniff ]
	[ "$(header content-security-policy)" = "default-src 'none'; sandbox" ]
	[ "$(header cross-origin-resource-policy)" = same-origin ]
	[ -n "$(header referrer-policy)" ]
}

@test "upload: each allowed type is stored and downloads back with its type, nosniff, CSP sandbox and disposition" {
	local f mime disp tok
	while read -r f mime disp; do
		mime=${mime//_/ }
		upload editor "$F/$f" "$f" publish
		[ "$status_code" = 303 ] || { echo "$f: $status_code" >&2;
		    echo "${body:0:3000}" >&2; false; }
		tok=$(token "$SLUG")
		[[ "$tok" =~ ^[a-f0-9]{32}$ ]]
		[ -f "$BRON_UPLOAD_DIR/$tok" ]
		fetch "$tok"
		[ "$status_code" = 200 ]
		[ "$(header content-type)" = "$mime" ]
		assert_file_headers
		[[ "$(header content-disposition)" == "$disp; filename=\"$f\"; filename*=UTF-8''$f" ]]
		[ "$(header cache-control)" = "public, max-age=86400" ]
		[ "$(header content-length)" = "$(stat -c %s "$DL")" ]
		case $f in
		photo.*) ;;	# stripped: see the EXIF test
		*) cmp "$DL" "$F/$f" ;;
		esac
		# The stored row: the type from the content, the size on disk.
		[ "$(db -c "SELECT mime || ' ' || size FROM upload
		    WHERE token = '$tok'")" = \
		    "${mime%%;*} $(stat -c %s "$BRON_UPLOAD_DIR/$tok")" ]
		# HEAD: the same headers, no body.
		req -I "/bestanden/$tok"
		[ "$status_code" = 200 ]
		[ "$(header content-type)" = "$mime" ]
	done <<'LIST'
file.pdf application/pdf attachment
photo.png image/png inline
photo.jpg image/jpeg inline
photo.webp image/webp inline
notes.txt text/plain;_charset=utf-8 attachment
letter.odt application/vnd.oasis.opendocument.text attachment
letter.docx application/vnd.openxmlformats-officedocument.wordprocessingml.document attachment
LIST
}

@test "upload: HTML behind a .png name, an SVG and text with a script are refused next to the field, the title kept, nothing stored" {
	local f name msg before
	before=$(db -c "SELECT count(*) FROM upload WHERE owner_id = $MEM")
	while read -r f name msg; do
		upload member "$F/$f" "$name" save \
		    --form-string "title=Mijn titel <b>blijft</b>"
		[ "$status_code" = 422 ] || { echo "$f: $status_code" >&2; false; }
		assert_contains "${msg//_/ }"
		assert_contains 'Mijn titel &lt;b&gt;blijft&lt;/b&gt;'
		# The message sits with the file field (its error paragraph).
		grep -q 'id="bestand-error"' <<<"$body"
	done <<'LIST'
page.png foto.png Dit_bestand_is_een_webpagina_(HTML)._Kies_een_PDF,
drawing.svg tekening.svg Dit_bestand_is_een_SVG-tekening.
script.txt tekst.txt Dit_bestand_is_een_webpagina_(HTML).
LIST
	[ "$(db -c "SELECT count(*) FROM upload WHERE owner_id = $MEM")" = "$before" ]
}

@test "upload: a PDF with JavaScript is accepted and only ever served as an attachment" {
	upload editor "$F/active.pdf" "actief.pdf" publish
	[ "$status_code" = 303 ]
	fetch "$(token "$SLUG")"
	[ "$status_code" = 200 ]
	[ "$(header content-type)" = application/pdf ]
	[[ "$(header content-disposition)" == attachment\;* ]]
	assert_file_headers
	cmp "$DL" "$F/active.pdf"
}

@test "upload: a file over the limit gets 413 with the limit next to the field; a body over http_body_max gets Kore's 413" {
	local n
	n=$(db -c "SELECT count(*) FROM upload")
	upload member "$F/big.pdf" big.pdf save --form-string "title=Te groot"
	[ "$status_code" = 413 ]
	assert_contains 'Dit bestand is te groot. Een bestand mag hoogstens 3 MB zijn.'
	grep -q 'id="bestand-error"' <<<"$body"
	[ "$(db -c "SELECT count(*) FROM upload")" = "$n" ]
	# 28 MB: over Kore's http_body_max (27262976), refused before the app.
	head -c 29360128 /dev/zero >"$BATS_TEST_TMPDIR/huge"
	status_code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 \
	    -b "$(jar member)" -H "Origin: $BRON_URL" \
	    -H 'Content-Type: multipart/form-data; boundary=x' \
	    --data-binary "@$BATS_TEST_TMPDIR/huge" "$BRON_URL/bronnen/nieuw")
	[ "$status_code" = 413 ]
	rm -f "$BATS_TEST_TMPDIR/huge"
	req /healthz
	[ "$status_code" = 200 ]
}

# raw_upload JAR NAME-BYTES FILE: the editor's form as a hand-made
# multipart body, so the file name may hold any byte (a raw NUL too).
raw_upload() {
	local j=$1 name=$2 file=$3 n t b
	req -b "$(jar "$j")" -c "$(jar "$j")" /bronnen/nieuw
	n=$(grep -o 'name="nonce" value="[^"]*"' <<<"$body" | cut -d'"' -f4)
	t=$(grep -o 'name="_csrf" value="[^"]*"' <<<"$body" | head -n 1 |
	    cut -d'"' -f4)
	b=$BATS_TEST_TMPDIR/raw
	python3 - "$b" "$t" "$n" "$name" "$file" <<'PY'
import sys
out, csrf, nonce, name, path = sys.argv[1:6]
# Python escapes in the name (\\x00, \\u202e) become the bytes sent.
name = name.encode().decode("unicode_escape").encode("utf-8")
fields = [("_csrf", csrf), ("nonce", nonce), ("title", "Rare naam"),
          ("summary", "Kort."), ("body", "Tekst."), ("type", "publicatie"),
          ("action", "publish")]
bd = b"----bronupload"
body = b""
for k, v in fields:
    body += b"--" + bd + b"\r\nContent-Disposition: form-data; name=\"" + \
        k.encode() + b"\"\r\n\r\n" + v.encode() + b"\r\n"
body += b"--" + bd + b"\r\nContent-Disposition: form-data; name=\"bestand\"" \
    b"; filename=\"" + name + b"\"\r\nContent-Type: application/pdf\r\n\r\n"
body += open(path, "rb").read() + b"\r\n--" + bd + b"--\r\n"
open(out, "wb").write(body)
PY
	req -b "$(jar "$j")" -c "$(jar "$j")" -H "Origin: $BRON_URL" \
	    -H "Content-Type: multipart/form-data; boundary=----bronupload" \
	    --data-binary "@$b" /bronnen/nieuw
	SLUG=$(header location | sed -n 's|^/bronnen/\([a-z0-9-]*\)?.*|\1|p')
}

@test "upload: names with ../, a NUL (raw and %00), 300 characters and U+202E are cleaned where they are stored and sent" {
	local tok name cd long
	# The name as sent (Python escapes), and the cleaned name expected.
	# Kore reads a part's headers as a C string: a raw NUL ends the
	# name there. A drive letter ("C:\\x") makes Kore drop the whole
	# file (it splits the header at every ':'), so the path is without.
	long=$(printf 'a%.0s' $(seq 300))
	while IFS='|' read -r sent want; do
		raw_upload editor "$sent" "$F/file.pdf"
		[ "$status_code" = 303 ] || { echo "$sent: $status_code" >&2;
		    grep -o "field-error[^<]*<[^<]*" <<<"$body" >&2; false; }
		tok=$(token "$SLUG")
		name=$(db -c "SELECT name FROM upload WHERE token = '$tok'")
		[ "$name" = "$want" ] || { echo "$sent -> $name" >&2; false; }
		fetch "$tok"
		[ "$status_code" = 200 ]
		cd=$(header content-disposition)
		# No path, quote, control or bidi character in the header.
		[[ "$cd" != *'/'* ]] && [[ "$cd" != *'\'* ]]
		! LC_ALL=C grep -q -P '[\x00-\x1f\x7f]' <<<"$cd"
		[[ "$cd" != *$'\u202e'* ]]
		[[ "$cd" == attachment\;\ filename=\"*\"\;\ filename\*=UTF-8\'\'* ]]
	done <<'LIST'
../../etc/passwd.pdf|passwd.pdf
map\\x\\rapport.pdf|rapport.pdf
rap\x00port.pdf|rap.pdf
rap%00port.pdf|rap%00port.pdf
gpj\u202e.exe|gpj.pdf
LIST
	# 300 characters: cut to fit 120 bytes, the extension kept.
	raw_upload editor "${long}.pdf" "$F/file.pdf"
	[ "$status_code" = 303 ]
	name=$(db -c "SELECT name FROM upload WHERE token = '$(token "$SLUG")'")
	[ "${#name}" -le 120 ]
	[[ "$name" == aaaa*.pdf ]]
}

@test "upload: a name with a colon, which Kore 4.1 drops, gets a message to rename the file, not 'no file'" {
	# Kore splits a part's header at every ':' and skips the file;
	# upload_check() finds the part's header in the raw body instead.
	raw_upload editor "Verslag 10:30.pdf" "$F/file.pdf"
	[ "$status_code" = 422 ]
	assert_contains 'dubbele punt (:)'
	assert_contains 'value="Rare naam"'
}

@test "upload: EXIF with a GPS position and text chunks are gone from JPEG, PNG and WebP" {
	local f tok
	for f in photo.jpg photo.png photo.webp; do
		# The test file carries them, so the check can fail.
		[ "$(grep -c -a GPS "$F/$f")" -ge 1 ]
		upload editor "$F/$f" "$f" publish
		[ "$status_code" = 303 ]
		tok=$(token "$SLUG")
		fetch "$tok"
		[ "$status_code" = 200 ]
		[ "$(grep -c -a GPS "$DL")" = 0 ]
		[ "$(grep -c -a GPS "$BRON_UPLOAD_DIR/$tok")" = 0 ]
		[ "$(grep -c -a -i '<script' "$DL")" = 0 ]
		[ "$(grep -c -a Exif "$DL")" = 0 ]
	done
}

@test "download: a pending file is its uploader's only; a concept's file is private; unknown tokens are 404; POST is 405" {
	local tok
	upload member "$F/file.pdf" "concept.pdf" save
	[ "$status_code" = 303 ]
	tok=$(token "$SLUG")
	fetch -b "$(jar member)" "$tok"
	[ "$status_code" = 200 ]
	[ "$(header cache-control)" = "private, no-store" ]
	fetch "$tok"
	[ "$status_code" = 404 ]
	fetch -b "$(jar outsider)" "$tok"
	[ "$status_code" = 404 ]
	# Editors may read concepts.
	fetch -b "$(jar editor)" "$tok"
	[ "$status_code" = 200 ]
	req "/bestanden/0123456789abcdef0123456789abcdef"
	[ "$status_code" = 404 ]
	req "/bestanden/0123456789ABCDEF0123456789ABCDEF"
	[ "$status_code" = 404 ]
	req "/bestanden/../../etc/passwd"
	[ "$status_code" = 404 ]
	req -X POST "/bestanden/$tok"
	[ "$status_code" = 405 ]
}

@test "download: a members-only community's file is 404 for visitors and outsiders, 200 for members (R3)" {
	local n slug c tok
	n=$$$RANDOM
	slug=$(db -c "SELECT slug FROM community_save(NULL, $ED, 0,
	    'Ruimte upload $n', 'Samenvatting van de ruimte', 'Doel',
	    '<p>Doel</p>', 'suicidepreventie', 'leden', 'uitnodiging',
	    'ruimte-upload-$n', 'upload-leden-$n')")
	c=$(db -c "SELECT id FROM community WHERE slug = '$slug'")
	db -c "SELECT member_act($c, $ED, 'uitnodigen', $MEM, '')" >/dev/null
	db -c "SELECT member_act($c, $MEM, 'accepteren', NULL, '')" >/dev/null
	upload editor "$F/file.pdf" "leden.pdf" publish \
	    --form-string "community=$slug"
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT visibility FROM item WHERE slug = '$SLUG'")" = leden ]
	tok=$(token "$SLUG")
	fetch "$tok"
	[ "$status_code" = 404 ]
	fetch -b "$(jar outsider)" "$tok"
	[ "$status_code" = 404 ]
	fetch -b "$(jar member)" "$tok"
	[ "$status_code" = 200 ]
	[ "$(header cache-control)" = "private, no-store" ]
	cmp "$DL" "$F/file.pdf"
}

@test "crash between writing a file and recording it: an orphan nobody can fetch, removed by bron sweep" {
	local before after orphan kept pid kids lockpid
	. "$BRON_ROOT/tests/lib.sh"
	# A file with a row, which the sweep must leave.
	upload editor "$F/file.pdf" "blijft.pdf" publish
	[ "$status_code" = 303 ]
	kept=$(token "$SLUG")
	before=$(ls "$BRON_UPLOAD_DIR")
	# Hold the upload table against writes (reads go on: the editor's
	# page reads it), so upload_add waits after the file is written;
	# then kill Kore while it waits.
	PGAPPNAME=bron_upload_lock psql -X -q -v ON_ERROR_STOP=1 \
	    "$BRON_DATABASE_URL" -c "BEGIN" \
	    -c "LOCK TABLE upload IN SHARE MODE" \
	    -c "SELECT pg_sleep(60)" >/dev/null 2>&1 3>&- &
	lockpid=$!
	for _ in $(seq 50); do
		[ "$(db -c "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a
		    ON a.pid = l.pid WHERE a.application_name = 'bron_upload_lock'
		    AND l.mode = 'ShareLock' AND l.granted")" -ge 1 ] && break
		sleep 0.1
	done
	( upload editor "$F/file.pdf" "wees.pdf" publish ) 3>&- &
	orphan=""
	for _ in $(seq 200); do
		orphan=$(comm -13 <(echo "$before" | sort) \
		    <(ls "$BRON_UPLOAD_DIR" | sort) | grep -E '^[a-f0-9]{32}$' |
		    head -n 1)
		[ -n "$orphan" ] && break
		sleep 0.02
	done
	pid=$(cat "$KORE_PIDFILE")
	kids=$(pgrep -P "$pid" || true)
	kill -9 "$pid" $kids
	# The statement that waited dies with its client (a crash before
	# the commit), then the lock goes.
	db -c "SELECT pg_terminate_backend(a.pid) FROM pg_stat_activity a
	    WHERE a.wait_event_type = 'Lock' AND a.query LIKE '%upload_add%'" >/dev/null
	db -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
	    WHERE application_name = 'bron_upload_lock'" >/dev/null
	wait "$lockpid" 2>/dev/null || true
	test_kore_start
	[ -n "$orphan" ]
	# On disk, without a row, and nobody can fetch it.
	[ -f "$BRON_UPLOAD_DIR/$orphan" ]
	[ "$(db -c "SELECT count(*) FROM upload WHERE token = '$orphan'")" = 0 ]
	fetch "$orphan"
	[ "$status_code" = 404 ]
	fetch -b "$(jar editor)" "$orphan"
	[ "$status_code" = 404 ]
	# The sweep removes it and keeps the file that has a row.
	run env BRON_SWEEP_AGE=0 "$BRON_ROOT/build/bron" sweep
	[ "$status" = 0 ]
	[[ "$output" =~ ^swept\ [0-9]+\ files$ ]]
	[ ! -e "$BRON_UPLOAD_DIR/$orphan" ]
	[ -f "$BRON_UPLOAD_DIR/$kept" ]
	fetch "$kept"
	[ "$status_code" = 200 ]
	# With the default age (an hour) a fresh orphan stays.
	cp "$F/file.pdf" "$BRON_UPLOAD_DIR/0123456789abcdef0123456789abcdef"
	run "$BRON_ROOT/build/bron" sweep
	[ "$status" = 0 ]
	[ -f "$BRON_UPLOAD_DIR/0123456789abcdef0123456789abcdef" ]
	run env BRON_SWEEP_AGE=0 "$BRON_ROOT/build/bron" sweep
	[ ! -e "$BRON_UPLOAD_DIR/0123456789abcdef0123456789abcdef" ]
}
