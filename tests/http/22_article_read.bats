#!/usr/bin/env bats
# Reading articles (issue 5): the article page (TOC, reading time,
# themes, tags, authors, approval, freshness, related items and
# backlinks), the list with its filters, sorting and pages, the Atom
# feeds and the theme page. Drafts, items in review and archived items
# exist only for the people who may edit them. Stored text is escaped
# everywhere. Articles are made with item_save()/item_transition() in
# SQL, as the editor and the workflow would.

load helpers

# One set of jars for the whole file: setup_file signs the people in.
jar() {
	echo "$BATS_FILE_TMPDIR/jar-$1"
}

# art SLUG TITLE [WORDS THEMES TAGS COMMUNITY LINKS RELATED BODY TOC]:
# a concept saved by the author; prints its id.
art() {
	db -v slug="$1" -v title="$2" -v words="${3:-100}" \
	    -v themes="${4:-}" -v tags="${5:-}" -v comm="${6:-}" \
	    -v links="${7:-}" -v related="${8:-}" \
	    -v body="${9:-<p>Een alinea tekst.</p>}" -v toc="${10:-}" \
	    -v actor="$AUTHOR_ID" <<'SQL'
SELECT id FROM item_save('artikel', NULL, NULL, :'actor', :'title',
    'Kort gezegd: ' || :'title', 'tekst', :'body', :'toc', :'words',
    'eerste versie', :'slug', :'themes', :'tags', :'comm', NULL,
    :'links', :'related', NULL, NULL);
SQL
}

# act ID ACTION [ACTOR]: move an item through the workflow.
act() {
	db -c "SELECT item_transition($1, ${3:-$EDITOR_ID}, '$2', 'Helder en juist.')" >/dev/null
}

slug_of() {
	db -c "SELECT slug FROM item WHERE id = $1"
}

# toc_matches ID...: the page's TOC links to exactly these anchors, in
# this order, and each is the id of a heading in the body, in order.
toc_matches() {
	printf '%s' "$body" >"$BATS_TEST_TMPDIR/page.html"
	python3 - "$BATS_TEST_TMPDIR/page.html" "$@" <<'EOF'
import re, sys
page = open(sys.argv[1], encoding='utf-8').read()
nav = re.search(r'<nav class="article-toc".*?</nav>', page, re.S)
assert nav, 'no TOC'
refs = re.findall(r'href="#([^"]+)"', nav.group(0))
prose = re.search(r'<div class="prose">(.*?)</div>', page, re.S).group(1)
ids = re.findall(r'<h[23] id="([^"]+)"', prose)
assert refs == sys.argv[2:], refs
assert ids == refs, (ids, refs)
EOF
}

# mpost JAR PATH [curl --form-string args...]: a multipart POST (the
# editor's form), same origin, with the jar's CSRF token.
mpost() {
	local j=$1 path=$2
	shift 2
	req -b "$(jar "$j")" -c "$(jar "$j")" -H "Origin: $BRON_URL" \
	    --form-string "_csrf=$(csrf "$j")" "$@" "$path"
}

# write TITLE BODY: a new article through the editor; prints its slug.
write() {
	local n
	req -b "$(jar author)" -c "$(jar author)" /artikelen/nieuw
	n=$(grep -o 'name="nonce" value="[^"]*"' <<<"$body" | cut -d'"' -f4)
	mpost author /artikelen/nieuw --form-string "nonce=$n" \
	    --form-string "action=save" --form-string "title=$1" \
	    --form-string "summary=Geschreven in de editor." \
	    --form-string "body=$2" --form-string "themes=$THEME"
	[ "$status_code" = 303 ] || {
		echo "write: $status_code" >&2
		return 1
	}
	header location | sed -n 's|^/artikelen/\([a-z0-9-]*\)?gedaan=opgeslagen$|\1|p'
}

# xml: the body parses as XML.
xml() {
	python3 -c 'import xml.dom.minidom, sys; xml.dom.minidom.parse(sys.stdin)' <<<"$body"
}

setup_file() {
	export RUN="c$$r$RANDOM"
	export AUTHOR_EMAIL EDITOR_EMAIL OTHER_EMAIL
	AUTHOR_EMAIL=$(unique_email lezer-schrijver)
	EDITOR_EMAIL=$(unique_email lezer-redacteur)
	OTHER_EMAIL=$(unique_email lezer-ander)
	register author "$AUTHOR_EMAIL" "Pseudoniem $RUN"
	register editor "$EDITOR_EMAIL" "Redacteur $RUN"
	register other "$OTHER_EMAIL" "Ander lid $RUN"
	set_role "$EDITOR_EMAIL" redacteur
	export AUTHOR_ID EDITOR_ID
	AUTHOR_ID=$(db -c "SELECT id FROM account WHERE email = '$AUTHOR_EMAIL'")
	EDITOR_ID=$(db -c "SELECT id FROM account WHERE email = '$EDITOR_EMAIL'")

	export THEME="lezen-$RUN" TAG="tag-$RUN" COMM="gem-$RUN"
	db -c "INSERT INTO theme (slug, title) VALUES ('$THEME', 'Lezen $RUN'),
	    ('oud-$RUN', 'Oud $RUN'), ('nieuw-$RUN', 'Nieuw $RUN'),
	    ('leeg-$RUN', 'Leeg $RUN')"
	db -c "INSERT INTO community (slug, name) VALUES ('$COMM', 'Gemeenschap $RUN')"
	# Only members file articles in a community (issue 6).
	db -c "INSERT INTO member (community_id, account_id, state)
	    SELECT c.id, $AUTHOR_ID, 'lid' FROM community c WHERE c.slug = '$COMM'"

	# Related by hand, and one sharing the theme; a draft that is
	# related must not show.
	export REL_ID SHARE_ID DRAFTREL_ID
	REL_ID=$(art "gerelateerd-$RUN" "Handgekozen $RUN")
	act "$REL_ID" goedkeuren
	SHARE_ID=$(art "zelfde-thema-$RUN" "Zelfde thema $RUN" 100 "$THEME")
	act "$SHARE_ID" goedkeuren
	DRAFTREL_ID=$(art "concept-rel-$RUN" "CANARYREL $RUN")

	# The main article: headings with ids and a TOC, 450 words (3 min).
	local body toc
	body='<h2 id="waarom-dit-werkt">Waarom dit werkt</h2>
<p>Uitleg.</p>
<h3 id="de-details">De details</h3>
<p>Meer.</p>
<h2 id="wat-je-morgen-doet">Wat je morgen doet</h2>
<p>Doen.</p>'
	toc='<ol><li><a href="#waarom-dit-werkt">Waarom dit werkt</a><ol><li><a href="#de-details">De details</a></li></ol></li><li><a href="#wat-je-morgen-doet">Wat je morgen doet</a></li></ol>'
	export MAIN_ID MAIN
	MAIN_ID=$(art "hoofd-$RUN" "Hoofdartikel $RUN" 450 \
	    "$THEME" "$TAG"$'\n'"tweede-$RUN" "$COMM" "" \
	    "artikel/gerelateerd-$RUN"$'\n'"artikel/concept-rel-$RUN" \
	    "$body" "$toc")
	act "$MAIN_ID" goedkeuren
	MAIN=$(slug_of "$MAIN_ID")

	# Not public: a concept, one in review, one archived.
	export CONCEPT_ID REVIEW_ID ARCHIVED_ID
	CONCEPT_ID=$(art "concept-$RUN" "CANARYCONCEPT $RUN" 100 "$THEME" "$TAG")
	REVIEW_ID=$(art "review-$RUN" "CANARYREVIEW $RUN" 100 "$THEME" "$TAG")
	act "$REVIEW_ID" indienen "$AUTHOR_ID"
	ARCHIVED_ID=$(art "archief-$RUN" "CANARYARCHIVED $RUN" 100 "$THEME" "$TAG")
	act "$ARCHIVED_ID" goedkeuren
	act "$ARCHIVED_ID" archiveren

	# Stored markup in every text field the pages show.
	export XSS_ID
	XSS_ID=$(art "xss-$RUN" "<script>alert(\"T$RUN\")</script> & \"Q\"" 100 \
	    "$THEME" "<svg onload=alert(7)>"$'\n'"$TAG")
	db -c "UPDATE item SET summary = '<img src=x onerror=alert(8)>' WHERE id = $XSS_ID"
	act "$XSS_ID" goedkeuren
}

teardown_file() {
	db -c "DELETE FROM item WHERE slug LIKE '%$RUN%'" \
	    -c "DELETE FROM theme WHERE slug LIKE '%$RUN%'" \
	    -c "DELETE FROM theme_alias WHERE slug LIKE '%$RUN%'" \
	    -c "DELETE FROM community WHERE slug LIKE '%$RUN%'" >/dev/null
}

@test "the article page: title, summary, TOC, reading time, themes, tags, community" {
	req "/artikelen/$MAIN"
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains "<h1>Hoofdartikel $RUN</h1>"
	assert_contains "Kort gezegd: Hoofdartikel $RUN"
	assert_contains '<nav class="article-toc" aria-labelledby="art_toc">'
	assert_contains '<h2 id="art_toc">Inhoud</h2>'
	toc_matches waarom-dit-werkt de-details wat-je-morgen-doet
	assert_contains '<dt>Leestijd</dt> <dd>3 minuten</dd>'
	assert_contains "<a href=\"/themas/$THEME\">Lezen $RUN</a>"
	assert_contains "<a href=\"/artikelen?tag=$TAG\">$TAG</a>"
	assert_contains "<a href=\"/artikelen?tag=tweede-$RUN\">tweede-$RUN</a>"
	assert_contains "<a href=\"/artikelen?gemeenschap=$COMM\">Gemeenschap $RUN</a>"
	# The article list and the theme page know it too.
	req "/artikelen?tag=$TAG"
	assert_contains "href=\"/artikelen/$MAIN\""
	assert_contains "Kort gezegd: Hoofdartikel $RUN"
	assert_contains 'Leestijd: 3 minuten'
}

@test "authors by display name, never e-mail; approval by name and date" {
	local today
	today=$(db -c "SELECT to_char(now() AT TIME ZONE 'Europe/Amsterdam', 'DD-MM-YYYY')")
	req "/artikelen/$MAIN"
	assert_contains "<dt>Geschreven door</dt> <dd><a href=\"/mensen/$AUTHOR_ID\">Pseudoniem $RUN</a></dd>"
	assert_not_contains "$AUTHOR_EMAIL"
	assert_not_contains "$EDITOR_EMAIL"
	assert_contains "<dt>Goedgekeurd door</dt> <dd><a href=\"/mensen/$EDITOR_ID\">Redacteur $RUN</a> op <time"
	assert_contains ">$today</time>"
	assert_contains '<dt>Toelichting van de redactie</dt> <dd>Helder en juist.</dd>'
	assert_contains "<dt>Gepubliceerd op</dt>"
	# A deleted author is a former member, without a link.
	local gone
	gone=$(db -c "INSERT INTO account (member_kind, deleted_at) VALUES ('anders', now()) RETURNING id" | head -n 1)
	db -c "INSERT INTO item_author VALUES ($MAIN_ID, $gone)"
	req "/artikelen/$MAIN"
	assert_contains ', voormalig lid</dd>'
	assert_not_contains "/mensen/$gone"
	db -c "DELETE FROM item_author WHERE account_id = $gone" -c "DELETE FROM account WHERE id = $gone"
	# No author at all: the editors.
	db -c "DELETE FROM item_author WHERE item_id = $SHARE_ID"
	req "/artikelen/zelfde-thema-$RUN"
	assert_contains '<dt>Geschreven door</dt> <dd>Redactie Bron</dd>'
}

@test "laatst gecontroleerd, and 'toe aan controle' after 12 months" {
	req "/artikelen/$MAIN"
	assert_contains '<dt>Laatst gecontroleerd</dt>'
	assert_not_contains 'Toe aan controle'
	db -c "UPDATE item SET checked_at = now() - interval '13 months' WHERE id = $MAIN_ID"
	local then
	then=$(db -c "SELECT to_char(checked_at AT TIME ZONE 'Europe/Amsterdam', 'DD-MM-YYYY') FROM item WHERE id = $MAIN_ID")
	req "/artikelen/$MAIN"
	assert_contains "<dt>Laatst gecontroleerd</dt> <dd><time"
	assert_contains ">$then</time> <strong class=\"article-due\">Toe aan controle</strong>"
	# Never checked at all counts as due too.
	db -c "UPDATE item SET checked_at = NULL WHERE id = $MAIN_ID"
	req "/artikelen/$MAIN"
	assert_contains '<dd>Nog niet gecontroleerd <strong class="article-due">Toe aan controle</strong></dd>'
	# The owner's "gecontroleerd" makes it fresh again.
	act "$MAIN_ID" gecontroleerd
	req "/artikelen/$MAIN"
	assert_not_contains 'Toe aan controle'
}

@test "gerelateerd: chosen by hand (both ways) and shared themes, published only" {
	req "/artikelen/$MAIN"
	assert_contains '<h2 id="art_related">Gerelateerd</h2>'
	assert_contains "href=\"/artikelen/gerelateerd-$RUN\">Handgekozen $RUN</a>"
	assert_contains "href=\"/artikelen/zelfde-thema-$RUN\">Zelfde thema $RUN</a>"
	assert_not_contains CANARYREL
	assert_not_contains CANARYCONCEPT
	# Hand-chosen first.
	[ "$(grep -o "Handgekozen $RUN\|Zelfde thema $RUN" <<<"$body" | head -n 1)" = "Handgekozen $RUN" ]
	# The other side of a hand-chosen link shows it too.
	req "/artikelen/gerelateerd-$RUN"
	assert_contains "href=\"/artikelen/$MAIN\">Hoofdartikel $RUN</a>"
	# Once the draft is published, it is related as well.
	act "$DRAFTREL_ID" goedkeuren
	req "/artikelen/$MAIN"
	assert_contains CANARYREL
}

@test "genoemd in: a backlink appears once the linking article is published" {
	local b
	b=$(art "noemer-$RUN" "Noemt het hoofdartikel $RUN" 100 "" "" "" "artikel/$MAIN")
	req "/artikelen/$MAIN"
	assert_not_contains "Noemt het hoofdartikel $RUN"
	assert_not_contains 'Genoemd in'
	act "$b" indienen "$AUTHOR_ID"
	req "/artikelen/$MAIN"
	assert_not_contains "Noemt het hoofdartikel $RUN"
	act "$b" goedkeuren
	req "/artikelen/$MAIN"
	assert_contains '<h2 id="art_backlinks">Genoemd in</h2>'
	assert_contains "href=\"/artikelen/noemer-$RUN\">Noemt het hoofdartikel $RUN</a>"
	# Archived again: gone again.
	act "$b" archiveren
	req "/artikelen/$MAIN"
	assert_not_contains "Noemt het hoofdartikel $RUN"
}

@test "concept, ter review and archived: 404 and absent everywhere for visitors" {
	local s
	for s in "concept-$RUN" "review-$RUN" "archief-$RUN"; do
		req "/artikelen/$s"
		[ "$status_code" = 404 ]
		# A member who is no author does not see them either.
		req -b "$(jar other)" "/artikelen/$s"
		[ "$status_code" = 404 ]
	done
	for p in "/artikelen" "/artikelen?tag=$TAG" "/artikelen?thema=$THEME" \
	    "/themas/$THEME" "/feeds/artikelen.atom" "/feeds/themas/$THEME.atom" \
	    "/artikelen/$MAIN"; do
		req "$p"
		[ "$status_code" = 200 ]
		assert_not_contains CANARYCONCEPT
		assert_not_contains CANARYREVIEW
		assert_not_contains CANARYARCHIVED
		assert_not_contains "concept-$RUN"
		assert_not_contains "review-$RUN"
		assert_not_contains "archief-$RUN"
	done
}

@test "the author sees the draft with a status banner and the actions" {
	req -b "$(jar author)" "/artikelen/concept-$RUN"
	[ "$status_code" = 200 ]
	[ "$(header cache-control)" = no-store ]
	assert_contains '<p class="notice article-status"><strong>Concept.</strong> Dit artikel is nog niet gepubliceerd.'
	assert_contains 'CANARYCONCEPT'
	assert_contains "<a href=\"/artikelen/concept-$RUN/bewerken\">Bewerken</a>"
	assert_contains "<a href=\"/artikelen/concept-$RUN/geschiedenis\">Geschiedenis</a>"
	assert_contains "action=\"/artikelen/concept-$RUN/status\""
	assert_contains '<input type="hidden" name="action" value="indienen">'
	assert_contains 'Indienen voor review'
	assert_not_contains 'value="archiveren"'
	# In review: the editor gets the review link, the author a banner.
	req -b "$(jar author)" "/artikelen/review-$RUN"
	[ "$status_code" = 200 ]
	assert_contains '<strong>Ter review.</strong>'
	assert_not_contains '/beoordelen'
	req -b "$(jar editor)" "/artikelen/review-$RUN"
	[ "$status_code" = 200 ]
	assert_contains "<a href=\"/artikelen/review-$RUN/beoordelen\">Beoordelen</a>"
	# Archived: the author may still look; the editor may put it back.
	req -b "$(jar author)" "/artikelen/archief-$RUN"
	[ "$status_code" = 200 ]
	assert_contains '<strong>Gearchiveerd.</strong>'
	assert_not_contains '/bewerken'
	req -b "$(jar editor)" "/artikelen/archief-$RUN"
	assert_contains '<input type="hidden" name="action" value="terugzetten">'
	# Published, for the editor: checked and archive; no banner.
	req -b "$(jar editor)" "/artikelen/$MAIN"
	assert_contains '<input type="hidden" name="action" value="gecontroleerd">'
	assert_contains '<input type="hidden" name="action" value="archiveren">'
	assert_not_contains 'article-status'
	# A member who is no author: no actions.
	req -b "$(jar other)" "/artikelen/$MAIN"
	[ "$status_code" = 200 ]
	assert_not_contains 'article-actions'
	# Visitors never get actions.
	req "/artikelen/$MAIN"
	assert_not_contains 'article-actions'
}

@test "sent back: the author sees the editors' feedback" {
	local id
	id=$(art "terug-$RUN" "Teruggestuurd $RUN")
	act "$id" indienen "$AUTHOR_ID"
	db -c "SELECT item_transition($id, $EDITOR_ID, 'terugsturen', 'Voeg <b>bronnen</b> toe.')" >/dev/null
	req -b "$(jar author)" "/artikelen/terug-$RUN?gedaan=teruggestuurd"
	[ "$status_code" = 200 ]
	assert_contains 'De redactie stuurde dit artikel terug. Dit is hun feedback:'
	assert_contains '<p class="pre-line">Voeg &lt;b&gt;bronnen&lt;/b&gt; toe.</p>'
	assert_contains '<p class="notice" role="status">Het artikel is teruggestuurd naar de schrijver, met je feedback.</p>'
}

@test "the gedaan notice: each word, for people signed in only" {
	local w
	for w in opgeslagen ingediend goedgekeurd teruggestuurd gearchiveerd teruggezet gecontroleerd hersteld; do
		req -b "$(jar author)" "/artikelen/$MAIN?gedaan=$w"
		[ "$status_code" = 200 ]
		assert_contains '<p class="notice" role="status">'
	done
	req -b "$(jar author)" "/artikelen/$MAIN?gedaan=opgeslagen"
	assert_contains 'Je wijzigingen zijn opgeslagen.'
	req -b "$(jar author)" "/artikelen/$MAIN?gedaan=onzin"
	[ "$status_code" = 200 ]
	assert_not_contains 'role="status"'
	req -b "$(jar author)" "/artikelen/$MAIN?gedaan=%3Cscript%3E"
	[ "$status_code" = 200 ]
	assert_not_contains 'role="status"'
	req "/artikelen/$MAIN?gedaan=opgeslagen"
	[ "$status_code" = 200 ]
	assert_not_contains 'role="status"'
}

@test "unknown articles are 404; the page is restricted to GET" {
	req "/artikelen/bestaat-niet-$RUN"
	[ "$status_code" = 404 ]
	req -X POST "/artikelen/$MAIN"
	[ "$status_code" = 405 ]
	# A pilot's slug is no article.
	req "/pilots/$MAIN"
	[ "$status_code" = 404 ]
}

@test "the list: filters by theme, community and tag; sort; a second page" {
	local ids
	ids=$(db -v actor="$AUTHOR_ID" -v editor="$EDITOR_ID" -v run="$RUN" <<'SQL'
SELECT item_transition(s.id, :'editor', 'goedkeuren', '')
FROM generate_series(1, 21) g, LATERAL item_save('artikel', NULL, NULL,
    :'actor', 'Stapel ' || lpad(g::text, 2, '0') || ' ' || :'run', 'Kort.',
    'x', '<p>x</p>', '', 100, '', 'stapel-' || g || '-' || :'run', '',
    'stapel-' || :'run', '', NULL, '', '', NULL, NULL) s;
SQL
)
	[ "$(wc -l <<<"$ids")" = 21 ]
	req "/artikelen?tag=stapel-$RUN"
	[ "$status_code" = 200 ]
	assert_contains '<h2 id="art_results">21 artikelen</h2>'
	[ "$(grep -c 'class="item-row"' <<<"$body")" = 20 ]
	assert_contains 'Pagina 1 van 2'
	assert_contains "href=\"/artikelen?tag=stapel-$RUN&amp;pagina=2\" rel=\"next\">Volgende</a>"
	# Newest first: the last one made leads.
	[ "$(grep -o "Stapel [0-9]* $RUN" <<<"$body" | head -n 1)" = "Stapel 21 $RUN" ]
	req "/artikelen?tag=stapel-$RUN&pagina=2"
	[ "$status_code" = 200 ]
	[ "$(grep -c 'class="item-row"' <<<"$body")" = 1 ]
	assert_contains 'Pagina 2 van 2'
	assert_contains 'rel="prev">Vorige</a>'
	assert_not_contains 'rel="next"'
	# Past the end: no items, a way back.
	req "/artikelen?tag=stapel-$RUN&pagina=9"
	[ "$status_code" = 200 ]
	assert_contains 'Op deze pagina staan geen artikelen meer.'
	assert_contains "href=\"/artikelen?tag=stapel-$RUN\" rel=\"prev\""
	# By title: 01 first; the sort is kept in the pager and the select.
	req "/artikelen?tag=stapel-$RUN&sorteer=titel"
	[ "$(grep -o "Stapel [0-9]* $RUN" <<<"$body" | head -n 1)" = "Stapel 01 $RUN" ]
	assert_contains '<option value="titel" selected>'
	assert_contains "href=\"/artikelen?tag=stapel-$RUN&amp;sorteer=titel&amp;pagina=2\""
	req "/artikelen?tag=stapel-$RUN&sorteer=gecontroleerd"
	[ "$status_code" = 200 ]
	assert_contains '<option value="gecontroleerd" selected>'
	# Tags are compared in lower case, as stored.
	req "/artikelen?tag=STAPEL-$RUN"
	assert_contains '21 artikelen'
	# Theme and community filters.
	req "/artikelen?thema=$THEME"
	[ "$status_code" = 200 ]
	assert_contains "href=\"/artikelen/$MAIN\""
	assert_contains "href=\"/artikelen/zelfde-thema-$RUN\""
	assert_not_contains "Stapel 01 $RUN"
	assert_contains "<option value=\"$THEME\" selected>Lezen $RUN</option>"
	req "/artikelen?gemeenschap=$COMM"
	[ "$status_code" = 200 ]
	assert_contains "href=\"/artikelen/$MAIN\""
	assert_not_contains "href=\"/artikelen/zelfde-thema-$RUN\""
	assert_contains "<option value=\"$COMM\" selected>Gemeenschap $RUN</option>"
	# A filter that matches nothing says so.
	req "/artikelen?thema=leeg-$RUN"
	[ "$status_code" = 200 ]
	assert_contains 'Er zijn geen artikelen die passen bij je keuze.'
}

@test "the list: bad filter values get a Dutch message, never a 500" {
	req "/artikelen?thema=bestaat-niet-$RUN"
	[ "$status_code" = 400 ]
	assert_contains 'Dit thema kennen we niet. Kies een thema uit de lijst.'
	assert_contains '<p class="field-error" id="thema-error">'
	assert_contains 'aria-describedby="thema-error"'
	req "/artikelen?thema=%3Cscript%3E"
	[ "$status_code" = 400 ]
	assert_contains 'Dit thema kennen we niet.'
	assert_not_contains '<script>'
	req "/artikelen?gemeenschap=nergens-$RUN"
	[ "$status_code" = 400 ]
	assert_contains 'Deze gemeenschap kennen we niet.'
	req "/artikelen?sorteer=willekeurig"
	[ "$status_code" = 400 ]
	assert_contains 'Kies een manier van sorteren uit de lijst.'
	local p
	for p in abc 0 -1 99999999999 1e3; do
		req "/artikelen?pagina=$p"
		[ "$status_code" = 400 ]
		assert_contains 'Dit paginanummer klopt niet.'
	done
	req "/artikelen?tag=a,b"
	[ "$status_code" = 400 ]
	assert_contains 'Een tag mag geen komma hebben'
	assert_contains 'value="a,b"'
	req "/artikelen?tag=$(printf 'x%.0s' {1..41})"
	[ "$status_code" = 400 ]
	assert_contains 'Deze tag is te lang.'
	req "/artikelen?tag=a%01b"
	[ "$status_code" = 400 ]
	req "/artikelen?tag=%FF%FE"
	[ "$status_code" = 400 ]
	req "/artikelen?a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9&j=10&k=11"
	[ "$status_code" = 400 ]
	assert_contains 'Dit adres heeft te veel onderdelen.'
	# The typed tag comes back escaped.
	req '/artikelen?tag=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E'
	assert_not_contains '<script>alert(1)'
	assert_contains 'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"'
}

@test "the list offers 'Nieuw artikel' to people signed in, and the feed to all" {
	req /artikelen
	assert_not_contains 'href="/artikelen/nieuw"'
	assert_contains '<a href="/feeds/artikelen.atom" type="application/atom+xml">'
	req -b "$(jar author)" /artikelen
	assert_contains '<a href="/artikelen/nieuw">Nieuw artikel schrijven</a>'
}

@test "feeds: Atom, well-formed, absolute links, published items only" {
	req /feeds/artikelen.atom
	[ "$status_code" = 200 ]
	[ "$(header content-type)" = "application/atom+xml; charset=utf-8" ]
	[ "$(header x-content-type-options)" = nosniff ]
	xml
	assert_contains '<feed xmlns="http://www.w3.org/2005/Atom"'
	assert_contains "<title>Hoofdartikel $RUN</title>"
	grep -Eq "<id>https?://[^<]+/artikelen/$MAIN</id>" <<<"$body"
	grep -Eq "<link rel=\"alternate\" type=\"text/html\" href=\"https?://[^\"]+/artikelen/$MAIN\"/>" <<<"$body"
	grep -Eq '<updated>[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z</updated>' <<<"$body"
	assert_contains "<author><name>Pseudoniem $RUN</name></author>"
	assert_contains "<summary>Kort gezegd: Hoofdartikel $RUN</summary>"
	# The body as escaped HTML.
	assert_contains '<content type="html">&lt;h2 id=&quot;waarom-dit-werkt&quot;&gt;'
	assert_not_contains "$AUTHOR_EMAIL"
	req "/feeds/themas/$THEME.atom"
	[ "$status_code" = 200 ]
	[ "$(header content-type)" = "application/atom+xml; charset=utf-8" ]
	xml
	assert_contains "<title>Bron: thema Lezen $RUN</title>"
	assert_contains "<title>Hoofdartikel $RUN</title>"
	assert_contains "<title>Zelfde thema $RUN</title>"
	assert_not_contains "Handgekozen $RUN"
	grep -Eq "<link rel=\"self\" type=\"application/atom\+xml\" href=\"https?://[^\"]+/feeds/themas/$THEME.atom\"/>" <<<"$body"
	# A theme with nothing on it is still a valid feed.
	req "/feeds/themas/leeg-$RUN.atom"
	[ "$status_code" = 200 ]
	xml
	assert_not_contains '<entry>'
	req "/feeds/themas/bestaat-niet-$RUN.atom"
	[ "$status_code" = 404 ]
}

@test "stored markup is escaped on the page, the list, the theme page and the feeds" {
	local s
	s=$(slug_of "$XSS_ID")
	for p in "/artikelen/$s" "/artikelen?tag=$TAG" "/themas/$THEME" \
	    "/artikelen/$MAIN"; do
		req "$p"
		[ "$status_code" = 200 ]
		assert_not_contains '<script>alert('
		assert_not_contains '<img src=x'
		assert_not_contains '<svg onload'
	done
	req "/artikelen/$s"
	assert_contains "&lt;script&gt;alert(&quot;T$RUN&quot;)&lt;/script&gt; &amp; &quot;Q&quot;"
	assert_contains '&lt;img src=x onerror=alert(8)&gt;'
	assert_contains '&lt;svg onload=alert(7)&gt;</a>'
	assert_contains 'href="/artikelen?tag=%3Csvg%20onload%3Dalert%287%29%3E"'
	req "/artikelen?tag=$TAG"
	assert_contains "&lt;script&gt;alert(&quot;T$RUN&quot;)&lt;/script&gt;"
	req "/themas/$THEME"
	assert_contains "&lt;script&gt;alert(&quot;T$RUN&quot;)&lt;/script&gt;"
	for p in /feeds/artikelen.atom "/feeds/themas/$THEME.atom"; do
		req "$p"
		xml
		assert_contains "<title>&lt;script&gt;alert(&quot;T$RUN&quot;)&lt;/script&gt; &amp; &quot;Q&quot;</title>"
		assert_contains '<summary>&lt;img src=x onerror=alert(8)&gt;</summary>'
		assert_not_contains '<script>'
	done
}

@test "the theme page: every kind with its label and summary, and its feed" {
	db -c "INSERT INTO item (kind, slug, title, summary, status, published_at)
	    VALUES ('pilot', 'pilot-$RUN', 'Pilot $RUN', 'Een pilot in het kort.',
	    'gepubliceerd', now())"
	db -c "INSERT INTO item_theme SELECT i.id, t.id FROM item i, theme t
	    WHERE i.slug = 'pilot-$RUN' AND t.slug = '$THEME'"
	req "/themas/$THEME"
	[ "$status_code" = 200 ]
	assert_contains "<a class=\"item-title\" href=\"/pilots/pilot-$RUN\">Pilot $RUN</a>"
	assert_contains '<p class="item-summary">Een pilot in het kort.</p>'
	assert_contains '<p class="item-meta">Pilot'
	assert_contains "<a class=\"item-title\" href=\"/artikelen/$MAIN\">Hoofdartikel $RUN</a>"
	assert_contains '<p class="item-meta">Artikel'
	assert_contains "<a href=\"/feeds/themas/$THEME.atom\" type=\"application/atom+xml\">Volg dit thema (Atom-feed)</a>"
	req "/feeds/themas/$THEME.atom"
	assert_contains "/pilots/pilot-$RUN</id>"
}

@test "a merged theme's old slug answers 301 to the new theme and its feed" {
	local old new a
	a=$(art "samen-$RUN" "Samengevoegd $RUN" 100 "oud-$RUN")
	act "$a" goedkeuren
	old=$(db -c "SELECT id FROM theme WHERE slug = 'oud-$RUN'")
	new=$(db -c "SELECT id FROM theme WHERE slug = 'nieuw-$RUN'")
	db -c "SELECT theme_merge($old, $new, $EDITOR_ID)" >/dev/null
	req "/themas/oud-$RUN"
	[ "$status_code" = 301 ]
	[ "$(header location)" = "/themas/nieuw-$RUN" ]
	req "/feeds/themas/oud-$RUN.atom"
	[ "$status_code" = 301 ]
	[ "$(header location)" = "/feeds/themas/nieuw-$RUN.atom" ]
	req "/themas/nieuw-$RUN"
	[ "$status_code" = 200 ]
	assert_contains "Samengevoegd $RUN"
	# The list takes the old slug too, and shows the new theme chosen.
	req "/artikelen?thema=oud-$RUN"
	[ "$status_code" = 200 ]
	assert_contains "Samengevoegd $RUN"
	assert_contains "<option value=\"nieuw-$RUN\" selected>"
	req "/artikelen/samen-$RUN"
	assert_contains "<a href=\"/themas/nieuw-$RUN\">Nieuw $RUN</a>"
}

@test "written in the editor: TOC anchors match heading ids; a Markdown link becomes a backlink" {
	local one two id
	one=$(write "Uit de editor $RUN" $'## Eerste kop\r\n\r\nTekst.\r\n\r\n### Een onderkop\r\n\r\nMeer.\r\n\r\n## Tweede kop\r\n\r\nEinde.')
	[ -n "$one" ]
	id=$(db -c "SELECT id FROM item WHERE kind = 'artikel' AND slug = '$one'")
	req "/artikelen/$one"
	[ "$status_code" = 404 ]
	act "$id" goedkeuren
	req "/artikelen/$one"
	[ "$status_code" = 200 ]
	toc_matches eerste-kop een-onderkop tweede-kop
	# Another article links to it in its Markdown.
	two=$(write "Verwijst $RUN" "Lees ook [het andere stuk](/artikelen/$one).")
	[ -n "$two" ]
	req "/artikelen/$one"
	assert_not_contains "Verwijst $RUN"
	act "$(db -c "SELECT id FROM item WHERE kind = 'artikel' AND slug = '$two'")" goedkeuren
	req "/artikelen/$one"
	assert_contains '<h2 id="art_backlinks">Genoemd in</h2>'
	assert_contains "href=\"/artikelen/$two\">Verwijst $RUN</a>"
}
