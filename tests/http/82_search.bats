#!/usr/bin/env bats
# /zoeken over a small Dutch corpus (issue 11; search_fixture.bash writes
# it through SQL, every text and query holding the run's tag): stemming,
# accents, synonyms, phrases, exclusion, OR, did-you-mean, ranking,
# escaped snippets with <mark>, warnings instead of a snippet, the help
# banner, filters, and bad queries that get a message, never a 5xx. Each
# test fails without its feature: the query can only find its row
# through it (how two were checked by breaking them: see the commit).
load helpers
load search_fixture

setup_file() {
	sf_init
	sf_corpus
}

# search Q [curl args...]: GET /zoeken?q=Q (and the args' fields).
search() {
	local q=$1
	shift
	req -G --data-urlencode "q=$q" "$@" /zoeken
}

# The paths of the result rows, best first (the ranked list only: not
# the filters, suggestions or the header).
hits() {
	printf '%s\n' "$body" |
	    sed -n '/<ol class="item-list search-hits"/,/<\/ol>/p' |
	    grep -o 'class="item-title" href="[^"]*"' | cut -d'"' -f4
}

# The result row (<li> .. </li>) of path P.
row() {
	printf '%s\n' "$body" |
	    sed -n '/<ol class="item-list search-hits"/,/<\/ol>/p' |
	    awk -v p="href=\"$1\"" '/<li/ { buf = ""; on = 1 }
	        on { buf = buf $0 "\n" }
	        /<\/li>/ { if (index(buf, p)) printf "%s", buf; on = 0 }'
}

# found NAME / missing NAME: the fixture row zt-<tag>-NAME is (not) a hit.
found() {
	if ! hits | grep -q -- "/zt-$(tag)-$1\$"; then
		echo "zt-$(tag)-$1 not found; hits:" >&2
		hits >&2
		return 1
	fi
}

missing() {
	if hits | grep -q -- "/zt-$(tag)-$1\$"; then
		echo "zt-$(tag)-$1 found" >&2
		return 1
	fi
}

ok_page() {
	[ "$status_code" = 200 ] || {
		echo "status $status_code" >&2
		return 1
	}
	assert_html_headers
}

@test "stemming: afzonderingen finds a text that says afzondering, with the word marked" {
	search "afzonderingen $(tag)"
	ok_page
	found stam
	row "/artikelen/zt-$(tag)-stam" | grep -q '<mark>afzondering</mark>'
}

@test "accents: áfzondering finds afzondering, coordinatie coördinatie, creche crèche" {
	search "áfzondering $(tag)"
	ok_page
	found stam
	search "coordinatie $(tag)"
	ok_page
	found accent
	search "COÖRDINATIE $(tag)"
	found accent
	# What only unaccent folds (the Dutch stemmer keeps è).
	search "creche $(tag)"
	ok_page
	found accent
	search "Crèche $(tag)"
	found accent
}

@test "synonyms: JZ+ finds a text that only says JeugdzorgPlus" {
	search "JZ+ $(tag)"
	ok_page
	found synoniem
	# Not every row of the tag: JZ+ is a term of its own. (A seeded
	# group may add "gesloten jeugdhulp", so the phrase's row may come.)
	missing stam
	missing los
}

@test "phrases: \"gesloten jeugdhulp\" finds the words together, not apart; without quotes both" {
	search "\"gesloten jeugdhulp\" $(tag)"
	ok_page
	found frase
	missing los
	search "gesloten jeugdhulp $(tag)"
	ok_page
	found frase
	found los
}

@test "exclusion: -zorgboerderij leaves out the text that says it" {
	search "$(tag) zorgboerderij"
	ok_page
	found boerderij
	missing stad
	search "$(tag) -zorgboerderij"
	ok_page
	missing boerderij
	found stad
	found stam
}

@test "OR and OF: either word is enough; without it both must be there" {
	search "$(tag) kraamzorg OR dagbesteding"
	ok_page
	found kraam
	found dag
	missing stad
	search "$(tag) kraamzorg OF dagbesteding"
	found kraam
	found dag
	search "$(tag) kraamzorg dagbesteding"
	ok_page
	missing kraam
	missing dag
	# "or" in lower case is a word like any other.
	search "$(tag) kraamzorg or dagbesteding"
	missing kraam
	missing dag
}

@test "ranking: a title match comes before a text that says the word three times" {
	local t
	t=$(tag)
	search "prikkelarme $t"
	ok_page
	hits | grep "/zt-$t-" >"$BATS_TEST_TMPDIR/order"
	[ "$(sed -n 1p "$BATS_TEST_TMPDIR/order")" = "/artikelen/zt-$t-titel" ]
	[ "$(sed -n 2p "$BATS_TEST_TMPDIR/order")" = "/artikelen/zt-$t-tekst" ]
}

@test "did you mean: a misspelt word gets the right one as a link, and a title like the query is offered" {
	local t
	t=$(tag)
	search "herstelakademie zuidoost $t"
	ok_page
	[ -z "$(hits)" ]
	assert_contains 'Bedoelde je:'
	printf '%s\n' "$body" | grep 'id="bedoelde-je"' >"$BATS_TEST_TMPDIR/s"
	grep -q "href=\"/zoeken?q=herstelacademie[+ %]" "$BATS_TEST_TMPDIR/s"
	grep -q ">herstelacademie zuidoost $t</a>" "$BATS_TEST_TMPDIR/s"
	assert_contains 'Misschien zoek je:'
	printf '%s\n' "$body" | sed -n '/id="misschien"/,/<\/div>/p' |
	    grep -q "href=\"/artikelen/zt-$t-academie\""
	# The suggested query finds it.
	search "herstelacademie zuidoost $t"
	found academie
	assert_not_contains 'Bedoelde je:'
}

@test "snippets: the text is escaped, the match marked, never raw markup" {
	local t r
	t=$(tag)
	search "noodknop $t"
	ok_page
	found escape
	r=$(row "/artikelen/zt-$t-escape")
	[[ "$r" == *'class="search-snippet"'* ]]
	[[ "$r" == *'<mark>noodknop</mark>'* ]]
	[[ "$r" == *"<mark>$t</mark>"* ]]
	[[ "$r" == *'&lt;script'* ]]
	[[ "$r" == *'&amp;'* ]]
	[[ "$r" == *'&lt;img onerror=alert(1)'* ]]
	[[ "$r" == *'Veilig &amp; &lt;tonen&gt;'* ]]
	[[ "$r" != *'<script'* ]]
	[[ "$r" != *'<img'* ]]
	[[ "$r" != *'<tonen'* ]]
}

@test "warnings: a story with a content warning shows the warning, not a snippet" {
	local t r
	t=$(tag)
	search "stiltekamer $t"
	ok_page
	found waarschuwing
	r=$(row "/verhalen/zt-$t-waarschuwing")
	[[ "$r" == *'Separatie of afzondering'* ]]
	[[ "$r" != *'search-snippet'* ]]
	[[ "$r" != *'<mark>'* ]]
	[[ "$r" != *'hoe lang het duurde'* ]]
	[[ "$r" == *'Ervaringsverhaal'* ]]
}

@test "help banner: a search for a term of the help list shows it above the results, others not" {
	search "zelfmoord"
	ok_page
	assert_contains 'class="help-banner"'
	assert_contains '113'
	# Above the form and the results.
	[ "$(printf '%s\n' "$body" | grep -n 'help-banner' | head -n 1 | cut -d: -f1)" -lt \
	    "$(printf '%s\n' "$body" | grep -n 'id="zoekformulier"' | head -n 1 | cut -d: -f1)" ]
	search "Gedachten aan zelfdoding"
	assert_contains 'class="help-banner"'
	search "afzondering $(tag)"
	ok_page
	assert_not_contains 'class="help-banner"'
}

@test "count line and kind filter: counts per kind, the current one marked and removable" {
	local t n
	t=$(tag)
	search "$t"
	ok_page
	n=$(hits | grep -c "/zt-$t-")
	[ "$n" = 14 ]
	assert_contains "14 resultaten voor “$t”"
	assert_contains 'Ervaringsverhaal <span class="facet-count">(1)</span>'
	assert_contains 'Artikel <span class="facet-count">(13)</span>'
	search "$t" --data-urlencode soort=verhaal
	ok_page
	[ "$(hits)" = "/verhalen/zt-$t-waarschuwing" ]
	assert_contains "1 resultaat voor “$t”"
	assert_contains 'aria-current="true"><strong>Ervaringsverhaal</strong>'
	assert_contains 'Alle soorten'
}

@test "a filter value that does not exist gets a message and status 400, never an error page" {
	local t f
	t=$(tag)
	for f in soort=onzin thema=bestaat-niet gemeenschap=bestaat-niet \
	    regio=bestaat-niet jaar=20x6 pagina=0; do
		search "$t" --data-urlencode "$f"
		echo "$f: $status_code" >&2
		[ "$status_code" = 400 ]
		assert_contains 'class="search-form"'
		assert_contains "value=\"$t\""
	done
	search "$t" --data-urlencode soort=onzin
	assert_contains 'Deze soort kennen we niet.'
}

@test "bad queries: empty, only operators, only exclusions, unbalanced quotes, stop words: a message, the form, never 5xx" {
	search ""
	[ "$status_code" = 400 ] || [ "$status_code" = 200 ]
	assert_contains 'Je zoekvraag is leeg.'
	search '- OR "" - OF'
	[ "$status_code" = 400 ]
	assert_contains 'alleen tekens'
	assert_contains 'aria-invalid="true"'
	search '-afzondering -zorg'
	[ "$status_code" = 400 ]
	assert_contains 'alleen woorden met een minteken'
	assert_contains 'value="-afzondering -zorg"'
	search "$(tag) \"gesloten jeugdhulp"
	[ "$status_code" = 200 ]
	assert_contains 'aanhalingsteken zonder tweede'
	found frase
	search 'de en het een'
	[ "$status_code" = 200 ]
	assert_contains 'alleen heel gewone woorden'
	# A quoted run of signs is a phrase without words: nothing to look
	# for either.
	search '"&|!"'
	[ "$status_code" = 200 ]
	assert_contains 'alleen heel gewone woorden'
}

@test "bad bytes and sizes: NUL, invalid UTF-8, 1,500 and 5,000 characters: 400/414 with a message, never 5xx" {
	req '/zoeken?q=afzondering%00x'
	echo "NUL: $status_code" >&2
	[ "$status_code" = 400 ]
	assert_contains 'class="search-form"'
	assert_contains 'field-error'
	req '/zoeken?q=afzondering%FFx'
	echo "FF: $status_code" >&2
	[ "$status_code" = 400 ]
	assert_contains 'field-error'
	search "$(printf 'afzondering%.0s ' {1..125})"
	echo "1500: $status_code" >&2
	[ "$status_code" = 400 ]
	assert_contains 'te lang'
	# Over Kore's request line: its own 414 (a known limit).
	search "$(printf 'a%.0s' {1..5000})"
	echo "5000: $status_code" >&2
	[ "$status_code" -lt 500 ]
}

@test "hostile queries never answer 5xx" {
	local q n=0
	while IFS= read -r q; do
		search "$q"
		n=$((n + 1))
		if [ "$status_code" -ge 500 ] || [ "$status_code" = 000 ]; then
			echo "$q: $status_code" >&2
			return 1
		fi
	done <<'EOF'
'
\
&|!<->():*
!!
"""
-"-"
OR OR OR
a OR
OR a
-
""
'; DROP TABLE item; --
<script>alert(1)</script>
afzondering:*
a & b | !c
‮afzondering
😀 afzondering
EOF
	echo "# $n hostile queries, none 5xx" >&3
}

@test "visitors' result pages are cached until what search shows changes" {
	local t id
	t=$(tag)
	sf_item artikel "zt-$t-cache1" "Cachetoets $t een" "" \
	    "<p>Over de wachtlijst van $t.</p>" >/dev/null
	search "wachtlijst $t"
	[ "$status_code" = 200 ]
	[ "$(hits | wc -l)" = 1 ]
	search "wachtlijst $t"
	[ "$(hits | wc -l)" = 1 ]
	# A new item with the word: the next visitor sees it at once.
	id=$(sf_item artikel "zt-$t-cache2" "Cachetoets $t twee" "" \
	    "<p>Weer de wachtlijst van $t.</p>")
	search "wachtlijst $t"
	[ "$(hits | wc -l)" = 2 ]
	# Unpublished again: gone from the cached page too.
	db -c "SET bron.importer = 'on'; UPDATE item SET status = 'concept' WHERE id = $id" >/dev/null
	search "wachtlijst $t"
	[ "$(hits | wc -l)" = 1 ]
	# A synonym added by an editor works on the next search.
	search "wachtrij$t $t"
	[ "$(hits | wc -l)" = 0 ]
	db -v t="$t" <<'SQL' >/dev/null
WITH g AS (INSERT INTO search_synonym_group (note) VALUES ('cachetoets')
    RETURNING id)
INSERT INTO search_synonym (group_id, term)
SELECT g.id, w FROM g, unnest(ARRAY['wachtrij' || :'t', 'wachtlijst']) w;
SQL
	search "wachtrij$t $t"
	[ "$(hits | wc -l)" = 1 ]
	db -v t="$t" <<'SQL' >/dev/null
DELETE FROM search_synonym_group WHERE id IN
    (SELECT group_id FROM search_synonym WHERE term = 'wachtrij' || :'t');
SQL
}
