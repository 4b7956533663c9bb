# Fixtures for the search tests of issue 11 (82_search, 83_search_authz):
# a small Dutch corpus written straight into the tables through SQL (the
# triggers of sql/010_search.sql fill search_doc), and a way to run the
# page's own statement (db/q_search.c) from psql, so the counts behind
# /zoeken can be checked without reading HTML. Load after helpers.
#
# Every text of a run holds the run's tag, a made-up word of consonants
# (no Dutch stem to strip, no stop word), and the queries of the tests
# hold it too: the tests find their own rows whatever else the database
# holds (seed content, other test files, earlier runs).

# The tag of this file's run, made once in setup_file by sf_init.
sf_init() {
	local c=bcdfghjklmnpqrstvwxz t=zq i
	for i in 1 2 3 4 5 6 7; do
		t=$t${c:$((RANDOM % ${#c})):1}
	done
	echo "$t" >"$BATS_FILE_TMPDIR/tag"
}

tag() {
	cat "$BATS_FILE_TMPDIR/tag"
}

# sf_json WORD...: the parser's JSON (core/squery.h) of plain words, each
# its own group: {"all":[[{"t":"w","p":false}],...],"not":[]}. Only for
# words of letters (no quotes or backslashes to escape).
sf_json() {
	local w out='' sep=''
	for w in "$@"; do
		out="$out$sep[{\"t\":\"$w\",\"p\":false}]"
		sep=,
	done
	printf '{"all":[%s],"not":[]}' "$out"
}

# The SQL of db/q_search.c, printed by a tiny program that includes the
# file (built once per test file): the tests run the very statement the
# page runs.
sf_sql() {
	local d="$BATS_FILE_TMPDIR/qs" app
	app=$(cd "$BATS_TEST_DIRNAME/../../app" && pwd)
	if [ ! -s "$d.sql" ]; then
		printf '%s\n' '#include <stdio.h>' '#include "db/q_search.c"' \
		    'int main(void) { fputs(q_search.sql, stdout); return (0); }' \
		    >"$d.c"
		# shellcheck disable=SC2046
		cc -std=c11 -D_GNU_SOURCE $(cat /usr/share/kore/features) \
		    -I"$app" -o "$d" "$d.c" || return 1
		"$d" >"$d.sql" || return 1
	fi
	cat "$d.sql"
}

# sf_search JSON ACCOUNT [KIND THEME COMM REGION YEAR OFFSET LIMIT WORDS]:
# the rows of q_search as tab-separated lines (type, A..G, N); ACCOUNT ''
# is a visitor. The snippet's \x01 \x02 markers are left as they are.
sf_search() {
	local sql
	sql=$(sf_sql) || return 1
	{
		printf 'PREPARE s(text, text, text, text, text, text, text, '
		printf 'text, text, text, text) AS %s;\n' "$sql"
		printf "EXECUTE s(:'j', :'a', 'nl', :'k', :'t', :'c', :'r', :'y', "
		printf ":'o', :'l', :'w');\n"
	} | psql -X -q -At -F $'\t' -v ON_ERROR_STOP=1 -v j="$1" -v a="$2" \
	    -v k="${3:-}" -v t="${4:-}" -v c="${5:-}" -v r="${6:-}" \
	    -v y="${7:-}" -v o="${8:-0}" -v l="${9:-20}" -v w="${10:-[]}" \
	    "$BRON_DATABASE_URL"
}

# sf_total JSON ACCOUNT: the 'total' row's count ('' when the query was
# void).
sf_total() {
	sf_search "$1" "$2" | awk -F'\t' '$1 == "total" { print $9 }'
}

# sf_item KIND SLUG TITLE SUMMARY BODY_HTML [COMMUNITY_ID] [STATUS]
# [OWNER]: an item written straight into the table (published now unless
# STATUS says otherwise); prints its id. The Markdown is the HTML's text.
sf_item() {
	db -v kind="$1" -v slug="$2" -v title="$3" -v summary="$4" \
	    -v html="$5" -v comm="${6:-}" -v status="${7:-gepubliceerd}" \
	    -v owner="${8:-}" <<'SQL'
SET bron.importer = 'on';
INSERT INTO item (kind, slug, title, summary, body_md, body_html, status,
    published_at, community_id, owner_id)
VALUES (:'kind', :'slug', :'title', :'summary',
    search_plain(:'html'), :'html', :'status',
    CASE WHEN :'status' = 'gepubliceerd' THEN now() END,
    nullif(:'comm', '')::bigint, nullif(:'owner', '')::bigint)
RETURNING id;
SQL
}

# sf_story SLUG TITLE BODY_HTML WARNINGS SCOPE [STATE]: a story written
# straight into the tables (published unless STATE says otherwise).
sf_story() {
	db -v slug="$1" -v title="$2" -v html="$3" -v warn="$4" \
	    -v scope="$5" -v state="${6:-gepubliceerd}" <<'SQL'
SET bron.importer = 'on';
WITH i AS (INSERT INTO item (kind, slug, title, summary, body_md,
    body_html, status, published_at)
    VALUES ('verhaal', :'slug', :'title', '', search_plain(:'html'),
    :'html', 'gepubliceerd', now()) RETURNING id)
INSERT INTO story (item_id, pseudonym, warnings, checklist, state, scope)
SELECT i.id, 'Schuilnaam', :'warn'::text[], '{namen,plaatsen,fotos}',
    :'state', :'scope' FROM i RETURNING item_id;
SQL
}

# sf_topic COMMUNITY_ID TITLE POST_HTML...: a discussion with these posts
# (a post given as "hidden:<html>" is hidden by a moderator); prints the
# topic's id.
sf_topic() {
	local c=$1 title=$2 t n=0 p hid
	shift 2
	t=$(db -v c="$c" -v title="$title" <<'SQL'
INSERT INTO topic (community_id, title) VALUES (:'c', :'title') RETURNING id;
SQL
	) || return 1
	for p in "$@"; do
		n=$((n + 1))
		hid=
		if [[ "$p" == hidden:* ]]; then
			p=${p#hidden:}
			hid=1
		fi
		db -v t="$t" -v n="$n" -v html="$p" -v hid="$hid" <<'SQL' >/dev/null
INSERT INTO post (topic_id, n, body_md, body_html, hidden_at)
VALUES (:'t', :'n', search_plain(:'html'), :'html',
    CASE WHEN :'hid' <> '' THEN now() END);
SQL
	done
	echo "$t"
}

# sf_synonyms: the group JeugdzorgPlus ~ JZ+ of the tests, unless a group
# already joins the two (content/zoekwoorden.txt may seed it).
sf_synonyms() {
	db <<'SQL'
DO $$
DECLARE
	g	bigint;
BEGIN
	IF EXISTS (SELECT 1 FROM search_synonym a JOIN search_synonym b
	    ON b.group_id = a.group_id WHERE a.key = search_phrase('JZ+')::text
	    AND b.key = search_phrase('JeugdzorgPlus')::text) THEN
		RETURN;
	END IF;
	INSERT INTO search_synonym_group (source, note)
	VALUES ('redactie', 'tests/http/search_fixture.bash') RETURNING id
	    INTO g;
	INSERT INTO search_synonym (group_id, term)
	VALUES (g, 'JeugdzorgPlus'), (g, 'JZ+');
END $$;
SQL
}

# sf_corpus: the Dutch corpus of 82_search, slugs zt-<tag>-<name>; each
# text says what it is for.
sf_corpus() {
	local t
	t=$(tag)
	sf_synonyms
	# Stemming: the query says "afzonderingen", the text "afzondering".
	sf_item artikel "zt-$t-stam" "Werken zonder afzondering" \
	    "Hoe een groep het anders deed." \
	    "<p>In de groep van $t is afzondering niet meer nodig.</p>" >/dev/null
	# Accents: the text has "coördinatie" and "crèche", the query
	# "coordinatie" and "creche" (the Dutch stemmer folds ö by itself,
	# not è: only unaccent makes "creche" find "crèche").
	sf_item artikel "zt-$t-accent" "Samen plannen" "" \
	    "<p>De coördinatie van de zorg bij $t kost tijd, ook in de crèche.</p>" >/dev/null
	# Synonyms: "JZ+" finds "JeugdzorgPlus".
	sf_item artikel "zt-$t-synoniem" "Een plek gevonden" "" \
	    "<p>Na lang zoeken kwam er een plek in de JeugdzorgPlus bij $t.</p>" >/dev/null
	# Phrases: the two words together, and apart.
	sf_item artikel "zt-$t-frase" "Wat de wet zegt" "" \
	    "<p>Bij $t spraken we over gesloten jeugdhulp.</p>" >/dev/null
	sf_item artikel "zt-$t-los" "Open deuren" "" \
	    "<p>De jeugdhulp van $t bleef nooit gesloten voor ouders.</p>" >/dev/null
	# Exclusion.
	sf_item artikel "zt-$t-boerderij" "Buiten werken" "" \
	    "<p>Op de zorgboerderij leerde $t melken.</p>" >/dev/null
	sf_item artikel "zt-$t-stad" "Binnen werken" "" \
	    "<p>In de stad leerde $t koken.</p>" >/dev/null
	# OR.
	sf_item artikel "zt-$t-kraam" "Een nieuwe start" "" \
	    "<p>Met kraamzorg kreeg $t hulp thuis.</p>" >/dev/null
	sf_item artikel "zt-$t-dag" "Overdag bezig" "" \
	    "<p>De dagbesteding van $t begon om negen uur.</p>" >/dev/null
	# Ranking: the word in the title once, against the body three times.
	sf_item artikel "zt-$t-titel" "De prikkelarme kamer" "" \
	    "<p>Een verhaal van $t over rust.</p>" >/dev/null
	sf_item artikel "zt-$t-tekst" "Rust op de groep" "" \
	    "<p>$t bouwde een prikkelarme ruimte. Een prikkelarme inrichting helpt. Een prikkelarme dag ook.</p>" >/dev/null
	# Escaping: markup, quotes and an ampersand next to the match, in
	# the title too. ts_headline() drops whole tags ("<script>") from a
	# snippet but keeps an unclosed "<script", so that is what is sent.
	sf_item artikel "zt-$t-escape" "Veilig & <tonen>" "" \
	    "<p>De noodknop &quot;&lt;script&quot; &amp; &lt;img onerror=alert(1) bij $t</p>" >/dev/null
	# Did you mean: a title word to misspell, and a title to resemble
	# (with the tag in it, so that it is this run's).
	sf_item artikel "zt-$t-academie" "Herstelacademie Zuidoost $t" \
	    "Leren van elkaar." "<p>Een verslag van $t.</p>" >/dev/null
	# A story with a content warning: the warning, never a snippet.
	sf_story "zt-$t-waarschuwing" "Mijn tijd in de stiltekamer" \
	    "<p>Over de stiltekamer van $t en hoe lang het duurde.</p>" \
	    '{separatie}' openbaar >/dev/null
}

# --- Permission canaries (83_search_authz) -----------------------------
# Needs story_fixture's accounts (story_accounts): beheerder makes the
# communities, gemeenschap is a member of each, verteller writes stories.

# canary NAME: the canary word of NAME in this run.
canary() {
	echo "kanarie$1$(tag)"
}

# sf_community VIS NAME MEMBER...: a community named NAME (made by
# beheerder, who steps out) with these roles as members; prints its id.
sf_community() {
	local vis=$1 name=$2 c r
	shift 2
	c=$(db -c "SELECT id FROM community_save(NULL, $(id beheerder), 0,
	    '$name', 'Kort over $name', 'Doel', '<p>Doel</p>', '', '$vis',
	    'uitnodiging', 'zt-$(tag)-$vis', '')") || return 1
	for r in "$@"; do
		db -c "SELECT member_act($c, $(id beheerder), 'uitnodigen', $(id "$r"), '')" >/dev/null
		db -c "SELECT member_act($c, $(id "$r"), 'accepteren', NULL, '')" >/dev/null
	done
	db -c "DELETE FROM member WHERE community_id = $c AND account_id = $(id beheerder)"
	echo "$c"
}

# The canaries: NAME and how many rows each reader finds (bezoeker lid
# gemeenschap redacteur). Each canary word stands in a title, a summary
# or a body where only its readers may find it; the closed community's
# name is in its own row and in its discussion's.
SF_CANARIES="
publiek 1 1 1 1
leden 0 0 1 1
kring 0 0 1 1
kringnaam 0 0 2 2
gesprek 0 0 1 1
lidverhaal 0 1 1 1
concept 0 0 0 0
ingetrokken 0 0 0 0
verborgen 0 0 0 0
verborgengesprek 0 0 0 0
reactie 0 0 0 0
"

sf_canaries() {
	local t open leden besl i
	t=$(tag)
	open=$(sf_community openbaar "Open zoekkring $t" gemeenschap verteller) || return 1
	leden=$(sf_community leden "Ledenkring $t" gemeenschap verteller) || return 1
	besl=$(sf_community besloten "Besloten kring $(canary kringnaam)" \
	    gemeenschap verteller) || return 1
	echo "$open $leden $besl" >"$BATS_FILE_TMPDIR/communities"
	# A public article in the open community: the control.
	sf_item artikel "zt-$t-publiek" "Openbaar artikel" "" \
	    "<p>Iedereen leest $(canary publiek).</p>" "$open" >/dev/null
	# An article of a members-only community and of a closed one.
	sf_item artikel "zt-$t-leden" "Ledenartikel $(canary leden)" \
	    "Alleen voor leden." "<p>Binnen de kring.</p>" "$leden" >/dev/null
	sf_item artikel "zt-$t-kring" "Kringartikel" \
	    "Samenvatting $(canary kring)." "<p>Binnen de kring.</p>" "$besl" >/dev/null
	# A discussion of the closed community, in its title and first post.
	sf_topic "$besl" "Gesprek over $(canary gesprek)" \
	    "<p>Wat vinden jullie van $(canary gesprek)?</p>" >/dev/null
	# A story for members only (any signed-in account reads it).
	sf_story "zt-$t-lidverhaal" "Mijn verhaal" \
	    "<p>Alleen voor leden: $(canary lidverhaal).</p>" '{}' leden >/dev/null
	# A draft article.
	sf_item artikel "zt-$t-concept" "Concept $(canary concept)" "" \
	    "<p>Nog niet af: $(canary concept).</p>" "" concept >/dev/null
	# A story published, then withdrawn by its teller.
	i=$(story_published verteller "zt-$t-ingetrokken" \
	    "Ingetrokken $(canary ingetrokken)" openbaar) || return 1
	db -c "SELECT story_withdraw($i, $(id verteller))" >/dev/null
	# A published article a moderator hid, in the open community.
	i=$(sf_item artikel "zt-$t-verborgen" "Verborgen $(canary verborgen)" \
	    "" "<p>Weg: $(canary verborgen).</p>" "$open") || return 1
	db -c "UPDATE item SET hidden_at = now(), hidden_note = 'test' WHERE id = $i"
	# A hidden discussion in the open community.
	i=$(sf_topic "$open" "Verborgen gesprek $(canary verborgengesprek)" \
	    "<p>Weg: $(canary verborgengesprek).</p>") || return 1
	db -c "UPDATE topic SET hidden_at = now() WHERE id = $i"
	# A hidden reply in a public discussion of the open community.
	sf_topic "$open" "Open gesprek $t" "<p>Een open vraag van $t.</p>" \
	    "hidden:<p>Verborgen reactie: $(canary reactie).</p>" \
	    "<p>Een zichtbare reactie van $t.</p>" >/dev/null
}
