#!/usr/bin/env bats
# The pilot overview (issue 7): facets with counts, combined and OR-ed,
# sorting, pages, members-only pilots (R3), refused values; /lessen with
# its facets; the pilot feed; pilots on theme and community pages.
#
# The fixture: 30 published pilots (plus one in a members-only
# community) made with pilot_save() in SQL from a JSON list that
# facets.py writes. facets.py also works out, on its own, what every
# facet should count for a chosen state, and compares that with the
# panel on the page. Every pilot carries this run's theme, and the
# checks choose that theme, so pilots of other tests never count.

load helpers

jar() {
	echo "$BATS_FILE_TMPDIR/jar-$1"
}

py() {
	python3 "$BATS_FILE_TMPDIR/facets.py" "$@"
}

# page QUERY [JAR]: GET /pilots?QUERY as a visitor (or with the jar).
page() {
	if [ -n "${2:-}" ]; then
		req -b "$(jar "$2")" "/pilots?$1"
	else
		req "/pilots?$1"
	fi
	printf '%s' "$body" >"$BATS_TEST_TMPDIR/page.html"
}

# check QUERY [member]: the panel, the count and the rows of the page
# just fetched are what facets.py expects for the state QUERY.
check() {
	py check "$TAG" "$YEAR" "$1" "$BATS_TEST_TMPDIR/page.html" ${2:-}
}

setup_file() {
	TAG=fx$RANDOM$$
	export TAG
	YEAR=$(db -c "SELECT extract(year FROM current_date)::int")
	export YEAR
	cat >"$BATS_FILE_TMPDIR/facets.py" <<'EOF'
import html, json, re, sys
from collections import Counter

PROV = {'regio-groningen': 'groningen', 'groningen': 'groningen',
        'twente': 'overijssel', 'landelijk': 'landelijk'}
LABELS = {
    'regio': {'groningen': 'Groningen', 'overijssel': 'Overijssel',
              'landelijk': 'Landelijk'},
    'setting': {'ambulant': 'Ambulant', 'onderwijs': 'Onderwijs'},
    'fase': {'idee': 'Idee', 'lopend': 'Lopend', 'gestopt': 'Gestopt'},
    'project': {'kleinschaligheid': 'Kleinschaligheid'},
}


def fixture(tag):
    out = []
    for i in range(1, 31):
        if i <= 12:
            region = 'regio-groningen' if i % 2 else 'groningen'
        elif i <= 24:
            region = 'twente'
        else:
            region = 'landelijk'
        sy = 2018 + i % 4
        out.append(dict(
            slug='%s-%02d' % (tag, i), title='Pilot %s %02d' % (tag, i),
            region=region,
            setting='ambulant' if i % 2 == 0 else 'onderwijs',
            phase=['lopend', 'idee', 'gestopt'][i % 3],
            project='kleinschaligheid' if i % 5 == 0 else '',
            start='%d-03-01' % sy,
            end='%d-09-30' % (sy + 1) if i % 2 == 0 else '',
            themes=[tag] + ([tag + '-b'] if i % 4 == 0 else []),
            members=False))
    out.append(dict(slug='%s-31' % tag, title='Pilot %s 31' % tag,
                    region='groningen', setting='ambulant', phase='idee',
                    project='', start='2020-01-01', end='',
                    themes=[tag], members=True))
    return out


def years(p, now):
    y0 = int(p['start'][:4])
    y1 = max(y0, int(p['end'][:4]) if p['end'] else now)
    return [str(y) for y in range(y0, y1 + 1)]


def values(p, key, now):
    if key == 'regio':
        return [PROV[p['region']]]
    if key == 'thema':
        return p['themes']
    if key == 'jaar':
        return years(p, now)
    if key == 'project':
        return [p['project']] if p['project'] else []
    return [p[{'fase': 'phase'}.get(key, key)]]


def parse_qs(qs):
    sel = {}
    for part in qs.split('&'):
        if '=' in part:
            k, v = part.split('=', 1)
            sel.setdefault(k, set()).update(x for x in v.split(',') if x)
    return sel


def matches(p, sel, now, skip=None):
    for k, vals in sel.items():
        if k == skip or k in ('sorteer', 'pagina') or not vals:
            continue
        if not set(values(p, k, now)) & vals:
            return False
    return True


def panel(page):
    got = {}
    for sec in re.finditer(r'<section class="facet" aria-labelledby='
                           r'"facet-([a-z]+)">(.*?)</section>', page, re.S):
        vals = {}
        for a in re.finditer(r'<a class="facet-link( facet-on)?" '
                             r'href="([^"]*)"><span class="facet-box" '
                             r'aria-hidden="true"></span>([^<]*) <span '
                             r'class="facet-count">\((\d+)\)</span><span '
                             r'class="visually-hidden">([^<]*)</span></a>',
                             sec.group(2)):
            label = html.unescape(a.group(3))
            chosen = a.group(5)
            assert bool(a.group(1)) == (chosen == ', gekozen'), a.group(0)
            vals[label] = (int(a.group(4)), bool(a.group(1)),
                           html.unescape(a.group(2)))
        got[sec.group(1)] = vals
    return got


def check(tag, now, qs, path, member=False):
    now = int(now)
    page = open(path, encoding='utf-8').read()
    pilots = [p for p in fixture(tag) if member or not p['members']]
    sel = parse_qs(qs)
    got = panel(page)
    labels = dict(LABELS)
    labels['thema'] = {tag: 'Facettest ' + tag, tag + '-b':
                       'Facettest ' + tag + ' B'}
    for key in ('regio', 'setting', 'fase', 'thema', 'project', 'jaar'):
        want = Counter()
        for p in pilots:
            if matches(p, sel, now, skip=key):
                want.update(values(p, key, now))
        names = labels.get(key, {})
        for v in set(want) | sel.get(key, set()):
            label = names.get(v, v)
            shown = got.get(key, {}).get(label)
            if want[v] == 0 and v not in sel.get(key, set()):
                assert shown is None, (key, v, 'shown with 0')
                continue
            assert shown is not None, (key, v, 'missing', got.get(key))
            assert shown[0] == want[v], (key, v, shown, want[v])
            assert shown[1] == (v in sel.get(key, set())), (key, v, shown)
        if key != 'thema':
            # Nothing else in a facet that only this fixture feeds.
            extra = set(got.get(key, {})) - {names.get(v, v) for v in
                                             set(want) | sel.get(key, set())}
            assert not extra, (key, extra)
    total = sum(1 for p in pilots if matches(p, sel, now))
    m = re.search(r'<h2 id="resultaten-titel">([^<]*)</h2>', page)
    heading = m.group(1)
    if total == 1:
        assert heading == '1 pilot gevonden', heading
    else:
        assert heading == '%d pilots gevonden' % total, (heading, total)
    print(total)


def rows(path):
    page = open(path, encoding='utf-8').read()
    for m in re.finditer(r'<h3 class="pilot-row-title"><a href="/pilots/'
                         r'([a-z0-9-]+)">', page):
        print(m.group(1))


cmd = sys.argv[1]
if cmd == 'fixture':
    print(json.dumps(fixture(sys.argv[2])))
elif cmd == 'check':
    check(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5],
          len(sys.argv) > 6)
elif cmd == 'rows':
    rows(sys.argv[2])
elif cmd == 'href':
    # href PAGE FACET LABEL: the toggle link of a value
    got = panel(open(sys.argv[2], encoding='utf-8').read())
    print(got[sys.argv[3]][sys.argv[4]][2])
EOF
	EDITOR_ID=$(db -c "INSERT INTO account (email, display_name,
	    member_kind, role) VALUES ('$(unique_email redacteur)',
	    'Redacteur $TAG', 'professional', 'redacteur') RETURNING id")
	export EDITOR_ID
	db -c "INSERT INTO theme (slug, title) VALUES ('$TAG',
	    'Facettest $TAG'), ('$TAG-b', 'Facettest $TAG B')"
	COMM=$(db -c "SELECT slug FROM community_save(NULL, $EDITOR_ID, NULL,
	    'Leden $TAG', 'Alleen voor leden.', '', '', '', 'leden', 'open',
	    'leden-$TAG', NULL)")
	export COMM
	py fixture "$TAG" >"$BATS_FILE_TMPDIR/fixture.json"
	db -v fx="$(cat "$BATS_FILE_TMPDIR/fixture.json")" \
	    -v ed="$EDITOR_ID" -v comm="$COMM" <<'SQL' >/dev/null
SELECT set_config('fx.json', :'fx', false),
    set_config('fx.ed', :'ed', false), set_config('fx.comm', :'comm', false);
DO $$
DECLARE
	ed	bigint := current_setting('fx.ed')::bigint;
	p	jsonb;
	v_id	bigint;
BEGIN
	FOR p IN SELECT * FROM jsonb_array_elements(
	    current_setting('fx.json')::jsonb) LOOP
		SELECT x.id INTO v_id FROM pilot_save(NULL, NULL, ed,
		    p->>'title', 'Samenvatting van ' || (p->>'title'), '', '',
		    '', 0, '', p->>'slug', (SELECT string_agg(t, E'\n')
		    FROM jsonb_array_elements_text(p->'themes') t), '',
		    CASE WHEN (p->>'members')::boolean
		    THEN current_setting('fx.comm') ELSE '' END, NULL, '', '',
		    NULL, NULL, jsonb_build_object('region', p->>'region',
		    'setting', p->>'setting', 'phase', p->>'phase',
		    'project', p->>'project', 'start', p->>'start',
		    'end', p->>'end', 'problem_md', 'Het knelpunt.',
		    'problem_html', '<p>Het knelpunt.</p>',
		    'approach_md', 'De aanpak.',
		    'approach_html', '<p>De aanpak.</p>')) x;
		PERFORM item_transition(v_id, ed, 'indienen', '');
		PERFORM item_transition(v_id, ed, 'goedkeuren', '');
	END LOOP;
END $$;
SQL
	# A member of the members-only community, and a member of none.
	register member "$(unique_email lid)" "Lid $TAG"
	MEMBER_ID=$(db -c "SELECT a.id FROM account a JOIN session s
	    ON s.account_id = a.id ORDER BY s.created_at DESC LIMIT 1")
	db -c "SELECT member_act((SELECT id FROM community WHERE slug =
	    '$COMM'), $MEMBER_ID, 'aanmelden', NULL, '')" >/dev/null
	register outsider "$(unique_email buiten)" "Buiten $TAG"
}

@test "the counts of every facet are exactly right for the fixture" {
	page "thema=$TAG"
	[ "$status_code" = 200 ]
	assert_html_headers
	run check "thema=$TAG"
	[ "$status" = 0 ] || { echo "$output"; false; }
	[ "$output" = 30 ]
	# Values with a count of 0 are not shown at all.
	assert_not_contains '(0)'
	assert_contains "Landelijk <span class=\"facet-count\">(6)</span>"
	assert_contains "Overijssel <span class=\"facet-count\">(12)</span>"
}

@test "combined facets narrow, and the other facets' counts follow" {
	page "thema=$TAG&regio=groningen"
	[ "$status_code" = 200 ]
	run check "thema=$TAG&regio=groningen"
	[ "$status" = 0 ] || { echo "$output"; false; }
	[ "$output" = 12 ]
	page "thema=$TAG&regio=groningen&fase=lopend"
	run check "thema=$TAG&regio=groningen&fase=lopend"
	[ "$status" = 0 ] || { echo "$output"; false; }
	[ "$output" = 4 ]
	page "thema=$TAG&regio=groningen&fase=lopend&setting=ambulant&jaar=2019"
	run check "thema=$TAG&regio=groningen&fase=lopend&setting=ambulant&jaar=2019"
	[ "$status" = 0 ] || { echo "$output"; false; }
	[ "$output" = 1 ]
	run py rows "$BATS_TEST_TMPDIR/page.html"
	[ "$output" = "$TAG-12" ]
	page "thema=$TAG&project=kleinschaligheid&setting=onderwijs"
	run check "thema=$TAG&project=kleinschaligheid&setting=onderwijs"
	[ "$status" = 0 ] || { echo "$output"; false; }
	[ "$output" = 3 ]
}

@test "OR within a facet widens, as comma list or repeated key" {
	page "thema=$TAG&regio=groningen,overijssel"
	run check "thema=$TAG&regio=groningen,overijssel"
	[ "$status" = 0 ] || { echo "$output"; false; }
	[ "$output" = 24 ]
	page "thema=$TAG&fase=idee&fase=gestopt&jaar=2018&jaar=$YEAR"
	run check "thema=$TAG&fase=idee,gestopt&jaar=2018,$YEAR"
	[ "$status" = 0 ] || { echo "$output"; false; }
	# Two themes: OR again.
	page "thema=$TAG-b,$TAG"
	run check "thema=$TAG,$TAG-b"
	[ "$status" = 0 ] || { echo "$output"; false; }
	[ "$output" = 30 ]
	page "thema=$TAG-b"
	run check "thema=$TAG-b"
	[ "$output" = 7 ]
}

@test "every link toggles one value on its canonical address" {
	page "fase=lopend&thema=$TAG"
	run py href "$BATS_TEST_TMPDIR/page.html" regio Groningen
	[ "$output" = "/pilots?regio=groningen&fase=lopend&thema=$TAG" ]
	run py href "$BATS_TEST_TMPDIR/page.html" fase Lopend
	[ "$output" = "/pilots?thema=$TAG" ]
	assert_contains "Lopend <span class=\"facet-count\">(10)</span><span class=\"visually-hidden\">, gekozen</span>"
	# Following a link gives the state it names.
	page "regio=groningen&fase=lopend&thema=$TAG"
	run check "thema=$TAG&regio=groningen&fase=lopend"
	[ "$status" = 0 ] || { echo "$output"; false; }
	# "Wis alle filters" keeps the sort only.
	page "thema=$TAG&sorteer=titel"
	assert_contains '<a href="/pilots?sorteer=titel">Wis alle filters</a>'
	page ""
	assert_not_contains 'Wis alle filters'
}

@test "pages of 20, each pilot once" {
	page "thema=$TAG"
	py rows "$BATS_TEST_TMPDIR/page.html" >"$BATS_TEST_TMPDIR/p1"
	[ "$(wc -l <"$BATS_TEST_TMPDIR/p1")" = 20 ]
	assert_contains "href=\"/pilots?thema=$TAG&amp;pagina=2\""
	assert_contains 'Pagina 1 van 2'
	page "thema=$TAG&pagina=2"
	[ "$status_code" = 200 ]
	py rows "$BATS_TEST_TMPDIR/page.html" >"$BATS_TEST_TMPDIR/p2"
	[ "$(wc -l <"$BATS_TEST_TMPDIR/p2")" = 10 ]
	[ "$(sort -u "$BATS_TEST_TMPDIR/p1" "$BATS_TEST_TMPDIR/p2" | wc -l)" = 30 ]
	# The counts do not depend on the page.
	run check "thema=$TAG"
	[ "$status" = 0 ] || { echo "$output"; false; }
	# Past the end: a notice and a link back, no rows.
	page "thema=$TAG&pagina=9"
	[ "$status_code" = 200 ]
	assert_contains 'Op deze pagina staan geen pilots.'
	assert_contains "<a href=\"/pilots?thema=$TAG\">Naar de eerste pagina</a>"
}

@test "sorting by title, start date and phase" {
	page "thema=$TAG&regio=landelijk&sorteer=titel"
	run py rows "$BATS_TEST_TMPDIR/page.html"
	[ "$(echo $output)" = "$TAG-25 $TAG-26 $TAG-27 $TAG-28 $TAG-29 $TAG-30" ]
	assert_contains '<strong>Titel<span class="visually-hidden">, gekozen</span></strong>'
	# Start dates: 26 (2020), 29 and 25 (2019), 28 (2018)... newest first.
	page "thema=$TAG&regio=landelijk&sorteer=start"
	run py rows "$BATS_TEST_TMPDIR/page.html"
	set -- $output
	[ "$1" = "$TAG-27" ]	# 2018 + 27 % 4 = 2021
	[ "$6" = "$TAG-28" ]	# 2018
	# Phases in their order: idee, then lopend, then gestopt.
	page "thema=$TAG&regio=landelijk&sorteer=fase"
	run py rows "$BATS_TEST_TMPDIR/page.html"
	[ "$(echo $output)" = "$TAG-25 $TAG-28 $TAG-27 $TAG-30 $TAG-26 $TAG-29" ]
}

@test "a members-only pilot is not counted for visitors or outsiders (R3)" {
	page "thema=$TAG&regio=groningen"
	run check "thema=$TAG&regio=groningen"
	[ "$output" = 12 ]
	assert_not_contains "$TAG-31"
	page "thema=$TAG&regio=groningen" outsider
	run check "thema=$TAG&regio=groningen"
	[ "$status" = 0 ] || { echo "$output"; false; }
	[ "$output" = 12 ]
	assert_not_contains "$TAG-31"
	# A member of its community sees and counts it.
	page "thema=$TAG&regio=groningen" member
	run check "thema=$TAG&regio=groningen" member
	[ "$status" = 0 ] || { echo "$output"; false; }
	[ "$output" = 13 ]
	assert_contains "/pilots/$TAG-31"
	assert_contains '<a href="/pilots/nieuw">'
	# Nor in the feed, which is public only.
	req /feeds/pilots.atom
	assert_not_contains "Pilot $TAG 31"
}

@test "refused and unknown values get a message, never a 500" {
	local q
	for q in "regio=nergens" "regio=Groningen" "fase=afgerond" \
	    "jaar=1800" "jaar=abcd" "pagina=0" "pagina=x" "sorteer=oud" \
	    "setting=%zz" "thema=a%00b" "project=geen-project"; do
		page "thema=$TAG&$q"
		[ "$status_code" = 400 ] || { echo "$q: $status_code"; false; }
		assert_contains "Onbekende waarde voor ${q%%=*}."
		# The rest of the state still works.
		run check "thema=$TAG"
		[ "$status" = 0 ] || { echo "$q: $output"; false; }
		[ "$output" = 30 ]
	done
	# Too many values: the first ones count, the rest is named.
	page "thema=$TAG&jaar=2001,2002,2003,2004,2005,2006,2007,2008,2009,2010,2011"
	[ "$status_code" = 400 ]
	assert_contains 'Je kunt per filter 10 waarden kiezen'
	# Unknown keys are ignored; hostile values are escaped.
	page "thema=$TAG&x=%3Cscript%3E&regio=%3Cscript%3E"
	[ "$status_code" = 400 ]
	assert_not_contains '<script>'
	page "thema=$TAG&onbekend=1"
	[ "$status_code" = 200 ]
}

# The <main> of the page just fetched (the layout has a fresh token).
main_part() {
	sed -n '/<main /,/<\/main>/p' "$BATS_TEST_TMPDIR/page.html"
}

@test "visitors get the cached page, and it changes with the content" {
	page "thema=$TAG&regio=landelijk"
	local first
	first=$(main_part)
	# The same state written another way: the same cached page.
	page "regio=landelijk&thema=$TAG&sorteer=nieuw&pagina=1"
	[ "$(main_part)" = "$first" ]
	db -c "UPDATE item SET title = 'Pilot $TAG 25 nieuw' WHERE slug = '$TAG-25' AND kind = 'pilot'"
	page "thema=$TAG&regio=landelijk"
	assert_contains "Pilot $TAG 25 nieuw"
	db -c "UPDATE item SET title = 'Pilot $TAG 25' WHERE slug = '$TAG-25' AND kind = 'pilot'"
}

@test "the pilot feed lists published public pilots as Atom" {
	req /feeds/pilots.atom
	[ "$status_code" = 200 ]
	[ "$(header content-type)" = "application/atom+xml; charset=utf-8" ]
	printf '%s' "$body" | python3 -c '
import sys, xml.etree.ElementTree as E
t = E.fromstring(sys.stdin.read())
ns = "{http://www.w3.org/2005/Atom}"
assert t.tag == ns + "feed"
assert any(e.find(ns + "content") is not None for e in t.iter(ns + "entry"))'
	assert_contains "Pilot $TAG 30"
	assert_contains '&lt;h2&gt;Knelpunten&lt;/h2&gt;&lt;p&gt;Het knelpunt.&lt;/p&gt;'
	req /pilots
	assert_contains 'href="/feeds/pilots.atom" type="application/atom+xml"'
}

@test "/lessen lists lessons with facet counts" {
	db -v ed="$EDITOR_ID" -v tag="$TAG" <<'SQL' >/dev/null
SELECT lesson_save(NULL, i.id, :'ed', NULL,
    CASE WHEN n % 2 = 0 THEN 'werkte' ELSE 'advies' END,
    'Les ' || n || ' uit ' || i.title, '', '', NULL)
FROM item i, generate_series(1, 2) n
WHERE i.kind = 'pilot' AND i.slug IN (:'tag' || '-01', :'tag' || '-14',
    :'tag' || '-31');
SQL
	req "/lessen?thema=$TAG"
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains '4 lessen gevonden'
	assert_contains "Wat werkte <span class=\"facet-count\">(2)</span>"
	assert_contains "Advies aan anderen <span class=\"facet-count\">(2)</span>"
	assert_contains "Groningen <span class=\"facet-count\">(2)</span>"
	assert_not_contains "Pilot $TAG 31"
	req "/lessen?thema=$TAG&soort=werkte&regio=overijssel"
	assert_contains '1 les gevonden'
	assert_contains "Uit de pilot: <a href=\"/pilots/$TAG-14\">Pilot $TAG 14</a> · Twente (Overijssel)"
	assert_contains 'href="/lessen/'
	# The member sees the members-only pilot's lessons too.
	req -b "$(jar member)" "/lessen?thema=$TAG"
	assert_contains '6 lessen gevonden'
	req "/lessen?soort=werkte-niet"
	[ "$status_code" = 400 ]
	assert_contains 'Onbekende waarde voor soort.'
}

@test "theme pages and community homes list pilots" {
	req "/themas/$TAG"
	[ "$status_code" = 200 ]
	assert_contains "href=\"/pilots/$TAG-01\""
	assert_contains "href=\"/pilots/$TAG-30\""
	assert_not_contains "$TAG-31"
	local c
	c=$(db -c "SELECT slug FROM community_save(NULL, $EDITOR_ID, NULL,
	    'Open $TAG', 'Voor iedereen.', '', '', '', 'openbaar', 'open',
	    'open-$TAG', NULL)")
	db -c "UPDATE item SET community_id = (SELECT id FROM community
	    WHERE slug = '$c') WHERE slug = '$TAG-02' AND kind = 'pilot'"
	req "/gemeenschappen/$c"
	[ "$status_code" = 200 ]
	assert_contains "href=\"/pilots/$TAG-02\""
	# A member of the members-only community sees its pilot there.
	req -b "$(jar member)" "/gemeenschappen/$COMM"
	assert_contains "href=\"/pilots/$TAG-31\""
}

@test "stored text is escaped in the overview and the feed (R2)" {
	db -c "UPDATE item SET title = 'Pilot <script>x</script> \"q\"',
	    summary = '<img src=x onerror=alert(1)>' WHERE slug = '$TAG-29'
	    AND kind = 'pilot'"
	page "thema=$TAG&regio=landelijk"
	assert_contains 'Pilot &lt;script&gt;x&lt;/script&gt; &quot;q&quot;'
	assert_not_contains '<script>x'
	assert_not_contains '<img src=x'
	req /feeds/pilots.atom
	assert_not_contains '<script>x'
	db -c "UPDATE item SET title = 'Pilot $TAG 29', summary = 'Samenvatting
	    van Pilot $TAG 29' WHERE slug = '$TAG-29' AND kind = 'pilot'"
}

@test "a pilot that starts next year counts in its start year" {
	local t="$TAG-f" id next
	next=$((YEAR + 1))
	db -c "INSERT INTO theme (slug, title) VALUES ('$t', 'Toekomst $TAG')"
	id=$(db -c "SELECT id FROM pilot_save(NULL, NULL, $EDITOR_ID,
	    'Toekomstpilot $TAG', '', '', '', '', 0, '', '$t-pilot', '$t', '',
	    '', NULL, '', '', NULL, NULL, jsonb_build_object('region', 'twente',
	    'setting', 'ambulant', 'phase', 'voorbereiding',
	    'start', '$next-02-01', 'problem_md', 'K', 'approach_md', 'A'))")
	db -c "SELECT item_transition($id, $EDITOR_ID, 'goedkeuren', '')" >/dev/null
	req "/pilots?thema=$t"
	[ "$status_code" = 200 ]
	assert_contains "jaar=$next"
	req "/pilots?thema=$t&jaar=$next"
	[ "$status_code" = 200 ]
	assert_contains "Toekomstpilot $TAG"
	req "/pilots?thema=$t&jaar=$YEAR"
	assert_not_contains "Toekomstpilot $TAG"
}
