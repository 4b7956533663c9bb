#!/usr/bin/env bats
# R2 for pilots: tests/xss/pilot.py puts every payload of
# tests/xss/payloads.txt into every text field of a pilot (title, summary,
# body, target group, partners, problem, approach, results, figures,
# conditions, phase note), its lessons (statement, explanation) and the
# review note, plus the author's display name as contact person, through
# the real forms, and checks every page on the way and every view after
# it with tests/xss/check.py.

load helpers

setup_file() {
	export XSS_DIR="$BATS_TEST_DIRNAME/../xss"
	# In $ARTIFACTS, so the browser suite reuses the fixture
	# (tests/browser/fixture.mjs).
	export XSS_OUT="${ARTIFACTS:-$BATS_FILE_TMPDIR}/xss-pilot.json"
	python3 "$XSS_DIR/pilot.py" --out "$XSS_OUT" \
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

@test "R2 pilot journey: every payload goes through the real forms" {
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

# Field codes: t title, s summary, b body, j target group, w partner,
# k problem, v approach, r results, i figure, c conditions, h phase note,
# l lesson, e lesson explanation.
@test "R2 view: pilot page (visitor) is inert" { view pilot tsbjwkvricle; }
@test "R2 view: pilot page (member, with contact) is inert" { view "pilot (lid)" tsbjwkvricle; }
@test "R2 view: pilot page (editor) is inert" { view "pilot (redactie)" tsbjwkvricle; }
@test "R2 view: /pilots is inert" { view pilots ts; }
@test "R2 view: /pilots with facets is inert" { view "pilots (filters)" ts; }
@test "R2 view: /lessen is inert" { view lessen l; }
@test "R2 view: lesson page is inert" { view les le; }
@test "R2 view: lesson editor keeps the text intact" { view "les bewerken" le; }
@test "R2 view: pilot editor keeps every value intact" { view "pilot bewerken" tsbjwkvric; }
@test "R2 view: pilot history is inert" { view pilotgeschiedenis t; }
@test "R2 view: pilot diff (fields too) is inert" { view pilotverschil tsbjkvrc; }
@test "R2 view: compare table is inert" { view vergelijken tjwkvric; }
@test "R2 view: review page is inert" { view "pilot beoordelen" tsbkv; }
@test "R2 view: theme page lists pilots inertly" { view themapagina ts; }
@test "R2 view: the author's own list is inert" { view "mijn bijdragen" t; }
@test "R2 view: the pilot feed is well-formed and inert" { view pilotfeed ts; }

@test "R2 figure (pilots): payloads × fields × views, 0 dangerous" {
	run python3 - "$XSS_OUT" <<'PY'
import json, sys
res = json.load(open(sys.argv[1], encoding='utf-8'))
print(res['figure'])
sys.exit(1 if res['dangerous'] else 0)
PY
	echo "# $output" >&3
	[ "$status" -eq 0 ]
}
