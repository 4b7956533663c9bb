#!/usr/bin/env bats
# R2: stored text is inert everywhere it is shown. tests/xss/run.py puts
# every payload of tests/xss/payloads.txt into every text field (title,
# summary, body, tags, revision note, feedback, approval note, theme
# title, summary and description, and the author's display name) through
# the real forms, and checks every page on the way and every view after
# it with tests/xss/check.py (an HTML parser). Each test below is one
# view; the last one prints the figure.

load helpers

setup_file() {
	export XSS_DIR="$BATS_TEST_DIRNAME/../xss"
	export XSS_OUT="$BATS_FILE_TMPDIR/xss.json"
	python3 "$XSS_DIR/run.py" --out "$XSS_OUT" >"$BATS_FILE_TMPDIR/xss.log" 2>&1 || true
}

# view NAME: the view was checked, showed the payloads' titles or other
# fields, and holds no dangerous node.
view() {
	[ -s "$XSS_OUT" ] || {
		cat "$BATS_FILE_TMPDIR/xss.log" >&2
		return 1
	}
	python3 - "$XSS_OUT" "$1" "${2:-}" <<'EOF'
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
EOF
}

@test "R2 checker: catches every known-bad sample, passes escaped text" {
	run python3 "$BATS_TEST_DIRNAME/../xss/selftest.py"
	echo "$output"
	[ "$status" -eq 0 ]
}

@test "R2 journey: every payload goes through the real forms (theme, write, submit, send back, edit, 409, approve, restore)" {
	python3 - "$XSS_OUT" <<'EOF'
import json, sys
res = json.load(open(sys.argv[1], encoding='utf-8'))
for e in res['errors'][:30]:
    print(e)
if res['rejected']:
    print('refused by a form, checked on its error page:', ', '.join(res['rejected']))
sys.exit(1 if res['errors'] else 0)
EOF
}

# Field codes (tests/xss/run.py): t title, s summary, b body, g tag,
# n revision note, f feedback, a approval note, T/S/B theme title,
# summary, description.
@test "R2 view: article page (visitor) is inert" { view artikel tsbga; }
@test "R2 view: article page (author, with feedback and action bar) is inert" { view "artikel (auteur)" tsb; }
@test "R2 view: article page (editor) is inert" { view "artikel (redacteur)" tsb; }
@test "R2 view: /artikelen list pages are inert" { view lijst ts; }
@test "R2 view: /artikelen?tag= (stored and typed tags) is inert" { view "lijst (tag)" tsg; }
@test "R2 view: theme page is inert" { view themapagina TSBt; }
@test "R2 view: /themas is inert" { view themas T; }
@test "R2 view: /feeds/artikelen.atom is well-formed and inert" { view artikelfeed tsb; }
@test "R2 view: theme feeds are well-formed and inert" { view themafeed t; }
@test "R2 view: editor form keeps every value intact (no </textarea> breakout)" { view bewerken tsbf; }
@test "R2 view: editor form errors keep the typed text intact" { view "bewerken (fout)" tsb; }
@test "R2 view: preview (action=preview) is inert and keeps the form" { view voorbeeld tsb; }
@test "R2 view: the 409 conflict page shows both versions inertly" { view "conflict (409)" tsb; }
@test "R2 view: history is inert" { view geschiedenis n; }
@test "R2 view: diff of two revisions is inert" { view verschil tsb; }
@test "R2 view: revision source is inert" { view versie tb; }
@test "R2 view: review page is inert" { view beoordelen tsb; }
@test "R2 view: /redactie is inert" { view redactie t; }
@test "R2 view: /account/artikelen is inert" { view "mijn artikelen" tf; }
@test "R2 view: theme management is inert" { view themabeheer T; }
@test "R2 view: search results and typed queries are inert" { view zoeken ts; }
@test "R2 view: the author's public profile is inert" { view profiel t; }
@test "R2 view: the home page is inert" { view home t; }

@test "R2 figure: payloads × fields × views, 0 dangerous" {
	run python3 - "$XSS_OUT" <<'EOF'
import json, sys
res = json.load(open(sys.argv[1], encoding='utf-8'))
print(res['figure'])
sys.exit(1 if res['dangerous'] else 0)
EOF
	echo "# $output" >&3
	[ "$status" -eq 0 ]
}
