#!/usr/bin/env bats
# R2 for masterminds: tests/xss/mastermind.py puts every payload of
# tests/xss/payloads.txt into every text field of a series (name, purpose),
# a session (title, summary, location, participant name and role, case,
# insights, agreements), its actions (what, external owner, closing note),
# an amendment (comment, proposal, reply) and an addendum, with payload
# display names for the facilitator and the participant, through the real
# forms, and checks every page on the way and every view after it with
# tests/xss/check.py; the calendar for its escaping and the Markdown
# export for being an attachment.

load helpers

setup_file() {
	export XSS_DIR="$BATS_TEST_DIRNAME/../xss"
	# In $ARTIFACTS, so the browser suite reuses the fixture
	# (tests/browser/fixture.mjs).
	export XSS_OUT="${ARTIFACTS:-$BATS_FILE_TMPDIR}/xss-mastermind.json"
	python3 "$XSS_DIR/mastermind.py" --out "$XSS_OUT" \
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

@test "R2 mastermind journey: every payload goes through the real forms" {
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

# Field codes: N series name, P purpose, t title, s summary, o location,
# p participant, r role, c case, b insights, k agreements, w action,
# e external owner, x action note, m amendment comment, v proposal,
# y reply, d addendum. The series page lists sessions without their
# summaries, and only open actions (no closing notes).
@test "R2 view: series page (visitor) is inert" { view serie NPtw; }
@test "R2 view: series page (facilitator) is inert" { view "serie (leider)" NPtew; }
@test "R2 view: series actions (visitor) is inert" { view serie-acties twx; }
@test "R2 view: series actions (participant) is inert" { view "serie-acties (deelnemer)" twex; }
@test "R2 view: session page (visitor) is inert" { view sessie Ntsocbkwxmvyd; }
@test "R2 view: session page (participant) is inert" { view "sessie (deelnemer)" Ntsoprcbkwexmvyd; }
@test "R2 view: session page (facilitator) is inert" { view "sessie (leider)" Ntsoprcbkwexmvyd; }
@test "R2 view: session editor keeps every value intact" { view "sessie bewerken" tsoprcbk; }
@test "R2 view: amendment page is inert" { view "aanvulling beslissen" tmv; }
@test "R2 view: action page (owner) is inert" { view actie twx; }
@test "R2 view: action page (facilitator, external owner) is inert" { view "actie (leider)" twe; }
@test "R2 view: my actions is inert" { view "mijn acties" Ntw; }
@test "R2 view: /masterminds is inert" { view masterminds Nt; }
@test "R2 view: theme page lists sessions inertly" { view themapagina ts; }
@test "R2 view: the mastermind feed is well-formed and inert" { view mastermindfeed ts; }
@test "R2 view: the calendar escapes every text and injects no line" { view "agenda (.ics)" to; }
@test "R2 view: the Markdown export is an attachment" { view "verslag (.md)" tcbkd; }

@test "R2 figure (masterminds): payloads × fields × views, 0 dangerous" {
	run python3 - "$XSS_OUT" <<'PY'
import json, sys
res = json.load(open(sys.argv[1], encoding='utf-8'))
print(res['figure'])
sys.exit(1 if res['dangerous'] else 0)
PY
	echo "# $output" >&3
	[ "$status" -eq 0 ]
}
