#!/usr/bin/env bats
# R2 for communities: tests/xss/community.py puts every payload of
# tests/xss/payloads.txt into every text field of communities (name,
# summary, purpose), membership (motivation), discussions (title, opening
# post, quoted reply, edited post) and moderation (report note, hide
# note), plus the display names, through the real forms, and checks every
# page on the way and every view after it with tests/xss/check.py.

load helpers

setup_file() {
	export XSS_DIR="$BATS_TEST_DIRNAME/../xss"
	# In $ARTIFACTS, so the browser suite reuses the fixture
	# (tests/browser/fixture.mjs).
	export XSS_OUT="${ARTIFACTS:-$BATS_FILE_TMPDIR}/xss-community.json"
	python3 "$XSS_DIR/community.py" --out "$XSS_OUT" \
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

@test "R2 community journey: every payload goes through the real forms" {
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

# Field codes: c name, u summary, p purpose, m motivation, o topic title,
# r opening post, q reply, e edited post, x report note, h hide note.
@test "R2 view: /gemeenschappen is inert" { view gemeenschappen cu; }
@test "R2 view: community home (visitor) is inert" { view gemeenschap cup; }
@test "R2 view: community home (member) is inert" { view "gemeenschap (lid)" cupo; }
@test "R2 view: member list (moderator, with requests) is inert" { view "leden (moderator)" m; }
@test "R2 view: member list is inert" { view leden c; }
@test "R2 view: discussion list is inert" { view gesprekken o; }
@test "R2 view: discussion page is inert" { view gesprek oer; }
@test "R2 view: discussion page (moderator, hidden post) is inert" { view "gesprek (moderator)" oreq; }
@test "R2 view: quote box (?citeer=) keeps the text intact" { view "gesprek (citeer)" or; }
@test "R2 view: post history and its diff are inert" { view berichtgeschiedenis re; }
@test "R2 view: post editor keeps the text intact" { view "bericht bewerken" e; }
@test "R2 view: report form is inert" { view melden r; }
@test "R2 view: community editor keeps every value intact" { view "gemeenschap bewerken" cup; }
@test "R2 view: moderation queue is inert" { view moderatie qx; }
@test "R2 view: notifications are inert" { view meldingen c; }
@test "R2 view: community feeds are well-formed and inert" { view gemeenschapsfeed; }

@test "R2 figure (communities): payloads × fields × views, 0 dangerous" {
	run python3 - "$XSS_OUT" <<'PY'
import json, sys
res = json.load(open(sys.argv[1], encoding='utf-8'))
print(res['figure'])
sys.exit(1 if res['dangerous'] else 0)
PY
	echo "# $output" >&3
	[ "$status" -eq 0 ]
}
