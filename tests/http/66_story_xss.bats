#!/usr/bin/env bats
# R2 for stories (issue 9): tests/xss/story.py sends the payloads that each
# open a context of their own (raw HTML, handlers, javascript: links,
# quotes, textarea, title, CDATA, template markers, headings, control
# characters, look-alikes, <details ontoggle>) through every text field of
# a story (title, summary, text, pseudonym, the guardian's name), the
# editor's notes (suggestion and approval), a reply and a quote, with a
# payload display name for the storyteller, through the real forms; every
# page on the way and every view after it goes through tests/xss/check.py.
# One fixture for the file; the browser suite reuses it.

load helpers

setup_file() {
	export XSS_DIR="$BATS_TEST_DIRNAME/../xss"
	# In $ARTIFACTS, so the browser suite reuses the fixture
	# (tests/browser/fixture.mjs).
	export XSS_OUT="${ARTIFACTS:-$BATS_FILE_TMPDIR}/xss-story.json"
	python3 "$XSS_DIR/story.py" --out "$XSS_OUT" \
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

@test "R2 story journey: every payload goes through the real forms" {
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

# Field codes: t title, s summary, b text, p pseudonym, g guardian's name
# (shown nowhere but in the storyteller's own export: a view showing it
# fails), n suggestion notes, a approval
# notes, r reply, q quote. Lists, feeds and search show title, summary,
# pseudonym and the warning line, never the text.
@test "R2 view: story page (visitor, gate closed) is inert" { view verhaal tspbr; }
@test "R2 view: story page (visitor, ?tonen=1) is inert" { view "verhaal (open)" tspbr; }
@test "R2 view: story page (member) is inert" { view "verhaal (lid)" tspbr; }
@test "R2 view: story page (storyteller, with the editor's notes) is inert" { view "verhaal (verteller)" tspbna; }
@test "R2 view: story page (editor) is inert" { view "verhaal (redacteur)" tspb; }
@test "R2 view: review page is inert and never shows the guardian" { view beoordelen tspb; }
@test "R2 view: story editor keeps every value intact" { view bewerken tspb; }
@test "R2 view: scope page is inert" { view reikwijdte t; }
@test "R2 view: the admin's author page is inert" { view auteur t; }
@test "R2 view: the author shown to the admin (a payload display name) is inert" { view "auteur (getoond)" t; }
@test "R2 view: /verhalen is inert" { view verhalen tsp; }
@test "R2 view: home page is inert" { view home t; }
@test "R2 view: theme page lists stories inertly" { view themapagina ts; }
@test "R2 view: theme feed is well-formed and inert" { view themafeed ts; }
@test "R2 view: the stories feed is well-formed and inert" { view verhalenfeed tsp; }
@test "R2 view: search is inert" { view zoeken t; }
@test "R2 view: the editors' queue is inert" { view redactie tr; }
@test "R2 view: my stories is inert" { view "mijn verhalen" t; }
@test "R2 view: the monitor's quotes are inert" { view monitor qp; }
@test "R2 view: the storyteller's export is a JSON attachment" { view export tspb; }

@test "R2 figure (stories): payloads × fields × views, 0 dangerous" {
	run python3 - "$XSS_OUT" <<'PY'
import json, sys
res = json.load(open(sys.argv[1], encoding='utf-8'))
print(res['figure'])
sys.exit(1 if res['dangerous'] else 0)
PY
	echo "# $output" >&3
	[ "$status" -eq 0 ]
}
