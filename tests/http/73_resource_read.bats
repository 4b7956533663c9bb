#!/usr/bin/env bats
# Reading resources (issue 10): the resource page shows every field
# escaped, its files with their earlier versions and download counts;
# /bronnen filters by kind, theme and year as links with counts, pages
# by 20 and names refused values; the feed holds published public
# resources only; theme and community pages list resources. Resources
# are made through SQL (upload_add, resource_save, item_transition), as
# the editor would; files are written into BRON_UPLOAD_DIR by hand.

load helpers

jar() {
	echo "$BATS_FILE_TMPDIR/jar-$1"
}

# upload NAME CONTENT [ACTOR]: a resource file of ACTOR's (the editor by
# default) with that content, on disk and as an upload row; prints its
# token.
upload() {
	local token sum size
	token=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
	printf '%s' "$2" >"$BRON_UPLOAD_DIR/$token"
	sum=$(sha256sum "$BRON_UPLOAD_DIR/$token" | cut -d' ' -f1)
	size=$(stat -c %s "$BRON_UPLOAD_DIR/$token")
	db -v actor="${3:-$EDITOR_ID}" -v token="$token" -v name="$1" \
	    -v size="$size" -v sum="$sum" >/dev/null <<'SQL'
SELECT upload_add(:'actor', 'bron', :'token', 'application/pdf', :'name',
    :'size', :'sum', '', 0);
SQL
	[ $? = 0 ] || return 1
	echo "$token"
}

# resource SLUG TITLE [FIELDS-JSON] [THEMES] [COMMUNITY] [ACTOR]: saved
# by the editor (or ACTOR); prints its id. FIELDS-JSON is merged over a
# publication of 2023 in Dutch by "Uitgever $RUN".
resource() {
	db -v slug="$1" -v title="$2" -v extra="${3:-{\}}" \
	    -v themes="${4:-bronnen-$RUN}" -v comm="${5:-}" \
	    -v actor="${6:-$EDITOR_ID}" -v run="$RUN" <<'SQL'
SELECT id FROM resource_save(NULL, NULL, :'actor', :'title',
    'In het kort: ' || :'title', 'Het *boekje*.',
    '<p>Het <em>boekje</em>.</p>', '', 2, 'eerste versie', :'slug',
    :'themes', '', :'comm', NULL, '', '', NULL,
    jsonb_build_object('type', 'publicatie', 'publisher', 'Uitgever ' || :'run',
    'year', '2023', 'language', 'nl', 'url', 'https://example.org/' || :'slug')
    || :'extra'::jsonb);
SQL
}

# attach ID TOKEN [SLOT] [NOTE]: the file as a new slot, or as a new
# version of SLOT, through resource_save with the resource's own fields.
attach() {
	db -v id="$1" -v token="$2" -v slot="${3:-}" -v note="${4:-}" \
	    -v actor="$EDITOR_ID" >/dev/null <<'SQL'
SELECT r.error FROM item i JOIN resource x ON x.item_id = i.id,
    resource_save(i.id, NULL, :'actor', i.title, i.summary, i.body_md,
    i.body_html, i.toc_html, i.words, 'bestand', i.slug,
    (SELECT string_agg(t.slug, E'\n') FROM item_theme it
        JOIN theme t ON t.id = it.theme_id WHERE it.item_id = i.id),
    '', (SELECT c.slug FROM community c WHERE c.id = i.community_id),
    NULL, '', '', NULL,
    resource_snapshot(i.id) || jsonb_build_object('file', :'token',
    'slot', :'slot', 'file_note', :'note')) r
WHERE i.id = :'id';
SQL
}

publish() {
	db -c "SELECT item_transition($1, $EDITOR_ID, 'goedkeuren', 'Goed.')" >/dev/null
}

slug_of() {
	db -c "SELECT slug FROM item WHERE id = $1"
}

setup_file() {
	export RUN="r$$x$RANDOM"
	local e who
	mkdir -p "$BRON_UPLOAD_DIR"
	for who in editor member outsider; do
		e=$(unique_email "bron-$who")
		register "$who" "$e" "Bron $who $RUN"
		db -c "SELECT id FROM account WHERE email = '$e'" >"$BATS_FILE_TMPDIR/id-$who"
	done
	export EDITOR_ID MEMBER_ID OUTSIDER_ID
	EDITOR_ID=$(cat "$BATS_FILE_TMPDIR/id-editor")
	MEMBER_ID=$(cat "$BATS_FILE_TMPDIR/id-member")
	OUTSIDER_ID=$(cat "$BATS_FILE_TMPDIR/id-outsider")
	db -c "UPDATE account SET role = 'redacteur' WHERE id = $EDITOR_ID"
	db -c "INSERT INTO theme (slug, title) VALUES ('bronnen-$RUN', 'Bronnen $RUN'),
	    ('filter-a-$RUN', 'Filter A $RUN'), ('filter-b-$RUN', 'Filter B $RUN'),
	    ('pager-$RUN', 'Pager $RUN')"
	db -c "INSERT INTO community (slug, name, visibility, membership)
	    VALUES ('bronleden-$RUN', 'Bronleden $RUN', 'leden', 'aanvraag'),
	    ('bronopen-$RUN', 'Bronopen $RUN', 'openbaar', 'open')"
	db -c "INSERT INTO member (community_id, account_id, state)
	    SELECT c.id, a.id, 'lid' FROM community c, account a
	    WHERE c.slug IN ('bronleden-$RUN', 'bronopen-$RUN')
	    AND a.id IN ($EDITOR_ID, $MEMBER_ID)"
}

@test "a published resource shows every field, escaped, to a visitor" {
	local id slug tok
	id=$(resource "alles-$RUN" "Boekje <b>vet</b> $RUN" \
	    '{"publisher": "Uitgever <script>x</script>", "language": "en",
	      "url": "https://example.org/a?b=1&c=<x>"}' \
	    "bronnen-$RUN" "bronopen-$RUN")
	tok=$(upload 'plan <i>1<i>.pdf' '%PDF-1.4 een')
	attach "$id" "$tok"
	publish "$id"
	slug=$(slug_of "$id")
	req "/bronnen/$slug"
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains "<h1>Boekje &lt;b&gt;vet&lt;/b&gt; $RUN</h1>"
	assert_contains "In het kort: Boekje &lt;b&gt;vet&lt;/b&gt; $RUN"
	assert_contains '<dt>Soort</dt> <dd>Publicatie</dd>'
	assert_contains '<dt>Uitgever</dt> <dd>Uitgever &lt;script&gt;x&lt;/script&gt;</dd>'
	assert_contains '<dt>Jaar</dt> <dd>2023</dd>'
	assert_contains '<dt>Taal</dt> <dd>Engels</dd>'
	assert_contains "<a href=\"/themas/bronnen-$RUN\">Bronnen $RUN</a>"
	assert_contains "<a href=\"/gemeenschappen/bronopen-$RUN\">Bronopen $RUN</a>"
	assert_contains '<p>Het <em>boekje</em>.</p>'
	assert_contains 'rel="noopener nofollow external"'
	assert_contains '(andere website)'
	assert_contains '&lt;x&gt;</a>'
	assert_not_contains '<x>'
	assert_not_contains '<script>x'
	assert_not_contains '<b>vet'
	# The file: cleaned name, kind, size, version, date, count, link.
	assert_contains "<a href=\"/bestanden/$tok\">plan &lt;i&gt;1&lt;i&gt;.pdf</a>"
	assert_contains 'PDF, 12 bytes'
	assert_contains 'Versie 1'
	assert_contains '0 keer gedownload'
	assert_not_contains 'Eerdere versies'
	# A visitor gets no action bar, no follow button.
	assert_not_contains '/bewerken'
	assert_not_contains 'action="/volgen"'
}

@test "a new version keeps the old one, listed with its date and note" {
	local id slug t1 t2
	id=$(resource "versies-$RUN" "Versies $RUN")
	t1=$(upload 'plan-2023.pdf' '%PDF-1.4 oud')
	attach "$id" "$t1"
	publish "$id"
	t2=$(upload 'plan-2024.pdf' '%PDF-1.4 nieuwer en langer')
	attach "$id" "$t2" 1 'Tweede druk, met <tabel>'
	[ "$(db -c "SELECT count(*) FROM resource_file WHERE item_id = $id")" = 2 ]
	slug=$(slug_of "$id")
	req "/bronnen/$slug"
	[ "$status_code" = 200 ]
	assert_contains "<a href=\"/bestanden/$t2\">plan-2024.pdf</a>"
	assert_contains 'Versie 2'
	assert_contains 'Tweede druk, met &lt;tabel&gt;'
	assert_contains 'Eerdere versies'
	assert_contains "<a href=\"/bestanden/$t1\">Versie 1<span class=\"visually-hidden\">: plan-2023.pdf</span></a>"
	# Newest first: the current file before the older version.
	local rest=${body%%"$t1"*}
	[[ "$rest" == *"$t2"* ]]
	# Both stay downloadable.
	req "/bestanden/$t1"
	[ "$status_code" = 200 ]
	req "/bestanden/$t2"
	[ "$status_code" = 200 ]
}

@test "downloads are counted without who, on the page and in the list" {
	local id slug tok before after
	id=$(resource "tellen-$RUN" "Tellen $RUN" '{}' "filter-b-$RUN")
	tok=$(upload 'tel.pdf' '%PDF-1.4 tel')
	attach "$id" "$tok"
	publish "$id"
	slug=$(slug_of "$id")
	login member "$(db -c "SELECT email FROM account WHERE id = $MEMBER_ID")"
	before=$(db -c "SELECT count(*) FROM audit")
	req -b "$(jar member)" "/bestanden/$tok"
	[ "$status_code" = 200 ]
	[ "$body" = '%PDF-1.4 tel' ]
	req "/bestanden/$tok"
	[ "$status_code" = 200 ]
	after=$(db -c "SELECT count(*) FROM audit")
	[ "$(db -c "SELECT downloads FROM upload WHERE token = '$tok'")" = 2 ]
	# Nothing records who fetched it: no audit row, no column but the
	# uploader's on the upload.
	[ "$before" = "$after" ]
	[ "$(db -c "SELECT count(*) FROM information_schema.columns
	    WHERE table_name = 'upload' AND column_name ~ 'account|actor|by'")" = 0 ]
	req -b "$(jar member)" "/bronnen/$slug"
	assert_contains '2 keer gedownload'
	req -b "$(jar member)" "/bronnen?thema=filter-b-$RUN"
	[ "$status_code" = 200 ]
	assert_contains "Tellen $RUN"
	assert_contains '2 keer gedownload'
}

@test "a members-only community's resource: 404 for visitors and outsiders, shown to members" {
	local id slug tok
	id=$(resource "leden-$RUN" "Alleen leden $RUN" '{}' "bronnen-$RUN" "bronleden-$RUN")
	tok=$(upload 'leden.pdf' '%PDF-1.4 geheim')
	attach "$id" "$tok"
	publish "$id"
	slug=$(slug_of "$id")
	req "/bronnen/$slug"
	[ "$status_code" = 404 ]
	req "/bestanden/$tok"
	[ "$status_code" = 404 ]
	req "/bronnen?thema=bronnen-$RUN"
	assert_not_contains "Alleen leden $RUN"
	login outsider "$(db -c "SELECT email FROM account WHERE id = $OUTSIDER_ID")"
	req -b "$(jar outsider)" "/bronnen/$slug"
	[ "$status_code" = 404 ]
	req -b "$(jar outsider)" "/bestanden/$tok"
	[ "$status_code" = 404 ]
	req -b "$(jar outsider)" "/bronnen?thema=bronnen-$RUN"
	assert_not_contains "Alleen leden $RUN"
	login member "$(db -c "SELECT email FROM account WHERE id = $MEMBER_ID")"
	req -b "$(jar member)" "/bronnen/$slug"
	[ "$status_code" = 200 ]
	assert_contains "<h1>Alleen leden $RUN</h1>"
	req -b "$(jar member)" "/bronnen?thema=bronnen-$RUN"
	assert_contains "Alleen leden $RUN"
	req "/feeds/bronnen.atom"
	assert_not_contains "Alleen leden $RUN"
}

@test "a member's suggestion is seen by them and the editors only, with what it lacks" {
	local id slug
	id=$(resource "voorstel-$RUN" "Voorstel $RUN" '{"url": ""}' "bronnen-$RUN" '' "$MEMBER_ID")
	[ "$(db -c "SELECT status FROM item WHERE id = $id")" = concept ]
	slug=$(slug_of "$id")
	req "/bronnen/$slug"
	[ "$status_code" = 404 ]
	login outsider "$(db -c "SELECT email FROM account WHERE id = $OUTSIDER_ID")"
	req -b "$(jar outsider)" "/bronnen/$slug"
	[ "$status_code" = 404 ]
	login member "$(db -c "SELECT email FROM account WHERE id = $MEMBER_ID")"
	req -b "$(jar member)" "/bronnen/$slug?gedaan=bewaard"
	[ "$status_code" = 200 ]
	assert_contains 'De bron is bewaard.'
	assert_contains 'Deze bron is nog niet gepubliceerd.'
	assert_contains 'Voeg een bestand of een link toe.'
	assert_contains "href=\"/bronnen/$slug/bewerken\""
	assert_contains 'value="indienen"'
	assert_not_contains 'value="archiveren"'
	req -b "$(jar member)" "/bronnen?thema=bronnen-$RUN"
	assert_not_contains "Voorstel $RUN"
	login editor "$(db -c "SELECT email FROM account WHERE id = $EDITOR_ID")"
	req -b "$(jar editor)" "/bronnen/$slug"
	[ "$status_code" = 200 ]
	assert_contains "href=\"/bronnen/$slug/bewerken\""
}

@test "the follow button and the report link on a published resource, for signed-in readers" {
	local id slug
	id=$(resource "volgen-$RUN" "Volgen $RUN")
	publish "$id"
	slug=$(slug_of "$id")
	login outsider "$(db -c "SELECT email FROM account WHERE id = $OUTSIDER_ID")"
	req -b "$(jar outsider)" "/bronnen/$slug"
	[ "$status_code" = 200 ]
	assert_contains 'action="/volgen"'
	assert_contains "/melden?item=$id"
	# Not an editor: no edit link on a published resource.
	assert_not_contains "/bronnen/$slug/bewerken"
	login editor "$(db -c "SELECT email FROM account WHERE id = $EDITOR_ID")"
	req -b "$(jar editor)" "/bronnen/$slug"
	assert_contains "href=\"/bronnen/$slug/bewerken\""
	assert_contains 'value="archiveren"'
}

@test "filters by kind, theme and year as links with counts; the chosen one marked" {
	local a b c
	a=$(resource "fa-$RUN" "Eerste filter $RUN" '{"year": "2023"}' "filter-a-$RUN")
	b=$(resource "fb-$RUN" "Tweede filter $RUN" '{"type": "sjabloon", "year": "2021"}' "filter-a-$RUN")
	c=$(resource "fc-$RUN" "Derde filter $RUN" '{"type": "toolkit", "year": "2023"}' "filter-b-$RUN")
	publish "$a"; publish "$b"; publish "$c"
	req "/bronnen?thema=filter-a-$RUN"
	[ "$status_code" = 200 ]
	assert_contains '2 bronnen gevonden'
	assert_contains "Eerste filter $RUN"
	assert_contains "Tweede filter $RUN"
	assert_not_contains "Derde filter $RUN"
	assert_contains "<a href=\"/bronnen?thema=filter-a-$RUN\" aria-current=\"true\"><strong>Filter A $RUN</strong> <span class=\"facet-count\">(2)</span></a>"
	assert_contains "<a href=\"/bronnen?soort=sjabloon&amp;thema=filter-a-$RUN\">Sjabloon <span class=\"facet-count\">(1)</span></a>"
	assert_contains "<a href=\"/bronnen?thema=filter-a-$RUN&amp;jaar=2021\">2021 <span class=\"facet-count\">(1)</span></a>"
	assert_contains "<a href=\"/bronnen?thema=filter-a-$RUN\" aria-current=\"true\"><strong>Alle soorten</strong></a>"
	assert_contains "<a href=\"/bronnen\">Alle thema&#39;s</a>"
	# Each row: type, year, publisher, summary.
	assert_contains "Sjabloon · 2021 · Uitgever $RUN"
	assert_contains "In het kort: Tweede filter $RUN"
	req "/bronnen?thema=filter-a-$RUN&soort=sjabloon"
	[ "$status_code" = 200 ]
	assert_contains '1 bron gevonden'
	assert_contains "Tweede filter $RUN"
	assert_not_contains "Eerste filter $RUN"
	assert_contains 'aria-current="true"><strong>Sjabloon</strong>'
	req "/bronnen?thema=filter-a-$RUN&jaar=2023"
	assert_contains '1 bron gevonden'
	assert_contains "Eerste filter $RUN"
	assert_not_contains "Tweede filter $RUN"
	req "/bronnen?thema=filter-a-$RUN&soort=video"
	[ "$status_code" = 200 ]
	assert_contains 'Er zijn geen bronnen met deze filters.'
}

@test "20 resources a page, the pager keeps the filter" {
	db -v run="$RUN" -v actor="$EDITOR_ID" >/dev/null <<'SQL'
SELECT item_transition(s.id, :'actor', 'goedkeuren', '')
FROM generate_series(1, 21) g,
    resource_save(NULL, NULL, :'actor', 'Pagina ' || :'run' || ' nummer ' || g,
    'Kort', '', '', '', 0, '', 'pagina-' || :'run' || '-' || g, 'pager-' || :'run',
    '', '', NULL, '', '', NULL,
    jsonb_build_object('type', 'website', 'url', 'https://example.org/' || g)) s;
SQL
	req "/bronnen?thema=pager-$RUN"
	[ "$status_code" = 200 ]
	assert_contains '21 bronnen gevonden'
	[ "$(grep -c 'class="resource-row-title"' <<<"$body")" = 20 ]
	assert_contains "/bronnen?thema=pager-$RUN&amp;pagina=2"
	req "/bronnen?thema=pager-$RUN&pagina=2"
	[ "$status_code" = 200 ]
	[ "$(grep -c 'class="resource-row-title"' <<<"$body")" = 1 ]
	assert_contains "Pagina $RUN nummer 1<"
	req "/bronnen?thema=pager-$RUN&pagina=9"
	[ "$status_code" = 200 ]
	assert_contains 'Op deze pagina staan geen bronnen.'
	assert_contains "href=\"/bronnen?thema=pager-$RUN\""
}

@test "bad filter values get a helpful page, never a 500" {
	local long
	req "/bronnen?jaar=abc"
	[ "$status_code" = 400 ]
	assert_contains 'Een jaar heeft vier cijfers'
	assert_contains '<h1>Bronnen</h1>'
	req "/bronnen?jaar=1850"
	[ "$status_code" = 400 ]
	assert_contains 'Een jaar heeft vier cijfers'
	req "/bronnen?soort=x"
	[ "$status_code" = 400 ]
	assert_contains 'Deze soort bron kennen we niet.'
	# Past Kore's 2000-byte request target: its own 414, never ours.
	long=$(printf 'a%.0s' $(seq 5000))
	req "/bronnen?soort=$long"
	[ "$status_code" = 414 ]
	# Long values Kore lets through and its params then drop.
	long=$(printf 'a%.0s' $(seq 1900))
	req "/bronnen?soort=$long"
	[ "$status_code" = 400 ]
	assert_contains 'Deze soort bron kennen we niet.'
	req "/bronnen?thema=$long"
	[ "$status_code" = 400 ]
	assert_contains 'Dit thema bestaat niet.'
	req "/bronnen?jaar=$long"
	[ "$status_code" = 400 ]
	assert_contains 'Een jaar heeft vier cijfers'
	req "/bronnen?thema=bestaat-niet-$RUN"
	[ "$status_code" = 400 ]
	assert_contains 'Dit thema bestaat niet.'
	req "/bronnen?pagina=abc"
	[ "$status_code" = 400 ]
	assert_contains 'Dit paginanummer klopt niet.'
	req "/bronnen?soort=%00%3Cscript%3E&jaar=%3Cb%3E"
	[ "$status_code" = 400 ]
	assert_not_contains '<script>'
	req "/bronnen?a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9&j=10&k=11"
	[ "$status_code" = 400 ]
	assert_contains 'Dit adres heeft te veel onderdelen.'
	req "/bronnen/bestaat-niet-$RUN"
	[ "$status_code" = 404 ]
}

@test "the feed is valid Atom with published public resources only" {
	local pub concept
	pub=$(resource "feed-$RUN" "Feed <openbaar> $RUN")
	publish "$pub"
	concept=$(resource "feedconcept-$RUN" "Feed concept $RUN")
	req /feeds/bronnen.atom
	[ "$status_code" = 200 ]
	[[ "$(header content-type)" == "application/atom+xml; charset=utf-8" ]]
	python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parseString(sys.stdin.buffer.read())' <<<"$body"
	assert_contains "Feed &lt;openbaar&gt; $RUN"
	assert_contains "/bronnen/$(slug_of "$pub")"
	assert_not_contains "Feed concept $RUN"
}

@test "theme pages, theme feeds and community pages list resources" {
	local id slug
	id=$(resource "overal-$RUN" "Overal $RUN" '{}' "bronnen-$RUN" "bronopen-$RUN")
	publish "$id"
	slug=$(slug_of "$id")
	req "/themas/bronnen-$RUN"
	[ "$status_code" = 200 ]
	assert_contains "/bronnen/$slug"
	assert_contains "Overal $RUN"
	req "/feeds/themas/bronnen-$RUN.atom"
	[ "$status_code" = 200 ]
	assert_contains "/bronnen/$slug"
	req "/gemeenschappen/bronopen-$RUN"
	[ "$status_code" = 200 ]
	assert_contains "/bronnen/$slug"
}
