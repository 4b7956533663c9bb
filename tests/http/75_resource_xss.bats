#!/usr/bin/env bats
# R2 for resources and uploads (issue 10): tests/xss/resource.py sends the
# payloads that each open a context of their own (raw HTML, handlers,
# javascript: and data: links in Markdown and HTML, quotes, textarea,
# title, CDATA, template markers, headings, control characters, RTL
# override, look-alikes) through every text field of a resource (title,
# summary, description, publisher, link, revision note, file note), the
# names of uploaded files (multipart filename) and an image's description,
# through the real forms, with a payload display name for the member; the
# external link is first a javascript:, data: or ftp: URL, which the form
# must refuse. Every page on the way and every view after it goes through
# tests/xss/check.py; every file's download headers are checked too. One
# fixture for the file; the browser suite reuses it.

load helpers

setup_file() {
	export XSS_DIR="$BATS_TEST_DIRNAME/../xss"
	# In $ARTIFACTS, so the browser suite reuses the fixture
	# (tests/browser/fixture.mjs).
	export XSS_OUT="${ARTIFACTS:-$BATS_FILE_TMPDIR}/xss-resource.json"
	python3 "$XSS_DIR/resource.py" --out "$XSS_OUT" \
	    >"$BATS_FILE_TMPDIR/xss.log" 2>&1 || true
}

# view NAME FIELDS: the view was checked, showed those fields of the
# payloads, and holds no dangerous node.
view() {
	[ -s "$XSS_OUT" ] || {
		cat "$BATS_FILE_TMPDIR/xss.log" >&2
		return 1
	}
	python3 - "$XSS_OUT" "$1" "${2:-}" <<'PY'
import json, sys
res = json.load(open(sys.argv[1], encoding='utf-8'))
name, need = sys.argv[2], sys.argv[3]
v = res['views'].get(name)
if not v:
    sys.exit(f'view "{name}" was never reached; failed steps: {res["errors"][:5]}')
shown = {(i, f) for i, f, vw in res['seen'] if vw == name}
fields = sorted({f for i, f in shown})
print(f'{name}: {v["pages"]} pages (status {v["statuses"]}), {len(shown)} payload×field '
      f'combinations shown (fields {"".join(fields)}), {len(v["findings"])} dangerous')
for line in v['findings'][:40]:
    print(line)
if v['findings']:
    sys.exit(1)
for f in need:
    if f not in fields:
        sys.exit(f'view "{name}" never showed field {f}: the check would be empty')
PY
}

@test "R2 resource journey: every payload goes through the real forms" {
	python3 - "$XSS_OUT" <<'PY'
import json, sys
res = json.load(open(sys.argv[1], encoding='utf-8'))
for e in res['errors'][:30]:
    print(e)
if res['rejected']:
    print('refused by a form, checked on its error page:', ', '.join(res['rejected'][:30]))
sys.exit(1 if res['errors'] else 0)
PY
}

@test "R2: every javascript:, data: and ftp: link is refused by the form" {
	python3 - "$XSS_OUT" <<'PY'
import json, sys
res = json.load(open(sys.argv[1], encoding='utf-8'))
n = sum(1 for r in res['rejected'] if r == 'url at /bronnen/nieuw')
print(f'{n} of {res["payloads"]} bad links refused')
sys.exit(0 if n >= res['payloads'] else 1)
PY
}

# Field codes: t title, s summary, b description, u publisher, l link, o
# revision note, n file (version) note, f file name, a image description.
@test "R2 view: the suggestion form with errors keeps every value intact" { view "bron voorstellen (fout)" tsbulfo; }
@test "R2 view: resource page (visitor) is inert" { view bron tsbulfn; }
@test "R2 view: resource page (member) is inert" { view "bron (lid)" tsbulfn; }
@test "R2 view: resource page (editor) is inert" { view "bron (redacteur)" tsbulfn; }
@test "R2 view: resource editor keeps every value intact" { view bewerken tsbulf; }
@test "R2 view: review page is inert" { view beoordelen tsb; }
@test "R2 view: the editors' queue is inert" { view redactie t; }
@test "R2 view: history is inert" { view geschiedenis to; }
@test "R2 view: diff is inert" { view verschil tsb; }
@test "R2 view: an old revision is inert" { view versie tsbo; }
@test "R2 view: /bronnen is inert" { view bronnen tsu; }
@test "R2 view: the resources feed is well-formed and inert" { view bronnenfeed tsb; }
@test "R2 view: theme page lists resources inertly" { view themapagina ts; }
@test "R2 view: theme feed is well-formed and inert" { view themafeed ts; }
@test "R2 view: search is inert" { view zoeken ts; }
@test "R2 view: home page is inert" { view home t; }
@test "R2 view: my contributions is inert" { view "mijn bijdragen" t; }
@test "R2 view: /account/afbeeldingen is inert" { view afbeeldingen af; }
@test "R2 view: an image's own page and its removal step are inert" {
	view afbeelding af
	view "afbeelding verwijderen" af
}
@test "R2 view: downloads: one clean Content-Disposition, nosniff, sandbox" { view download f; }

@test "R2 figure (resources): payloads × fields × views, 0 dangerous" {
	run python3 - "$XSS_OUT" <<'PY'
import json, sys
res = json.load(open(sys.argv[1], encoding='utf-8'))
print(res['figure'])
sys.exit(1 if res['dangerous'] else 0)
PY
	echo "# $output" >&3
	[ "$status" -eq 0 ]
}
