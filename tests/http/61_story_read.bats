#!/usr/bin/env bats
# Reading stories (issue 9, part B): /verhalen with its filters and
# pages, the story page behind its warning gate (closed <details>,
# ?tonen=1, the reader's "altijd meteen tonen"), the help banner on
# stories about suicide and on searches, the pseudonym and never the
# account, who may read what, the storyteller's panel, and the feed.
# Stories move through their workflow by the SQL functions
# (story_fixture.bash).
load helpers
load story_fixture

setup_file() {
	local n=$$$RANDOM
	echo "$n" >"$BATS_FILE_TMPDIR/n"
	story_accounts "$n" lid verteller redacteur beheerder
}

n() {
	cat "$BATS_FILE_TMPDIR/n"
}

# as ROLE PATH: GET as that role (bezoeker: no cookie).
as() {
	if [ "$1" = bezoeker ]; then
		req "$2"
	else
		req -b "$(jar "$1")" "$2"
	fi
}

# themed ID THEME: move story ID's themes to THEME (an existing slug).
themed() {
	db -c "DELETE FROM item_theme WHERE item_id = $1"
	db -c "INSERT INTO item_theme (item_id, theme_id)
	    SELECT $1, id FROM theme WHERE slug = '$2'"
}

# The storyteller's name, e-mail and profile link are in no response
# to anyone else.
assert_no_teller() {
	assert_not_contains "$(name_of verteller)"
	assert_not_contains "$(email_of verteller)"
	assert_not_contains "/mensen/$(id verteller)\""
}

@test "list: published stories with pseudonym and warning line, never the body" {
	local w p c l r
	w=$(story_published verteller "lw-$(n)" "Lijstwaarschuwing$(n)" openbaar separatie)
	p=$(story_published verteller "lp-$(n)" "Lijstgewoon$(n)" openbaar)
	c=$(story_write verteller "lc-$(n)" "Lijstconcept$(n)")
	l=$(story_published verteller "ll-$(n)" "Lijstleden$(n)" leden)
	for r in bezoeker lid redacteur beheerder; do
		as "$r" /verhalen
		[ "$status_code" = 200 ]
		assert_contains "<a href=\"/verhalen/$(story_slug "$w")\">Lijstwaarschuwing$(n) titel</a>"
		assert_contains "Verteld door Lijstwaarschuwing$(n) schuilnaam"
		assert_contains "Lijstwaarschuwing$(n) samenvatting"
		assert_contains '<strong>Let op, dit verhaal gaat over:</strong> Separatie of afzondering'
		assert_contains "Lijstgewoon$(n) titel"
		assert_not_contains "Lijstwaarschuwing$(n) tekst"
		assert_not_contains "Lijstgewoon$(n) tekst"
		assert_not_contains "Lijstconcept$(n)"
		assert_no_teller
	done
	# Members-only: signed-in readers only.
	as bezoeker /verhalen
	assert_not_contains "Lijstleden$(n)"
	as lid /verhalen
	assert_contains "Lijstleden$(n) titel"
	assert_contains 'href="/verhalen/nieuw"'
	assert_contains 'href="/account/verhalen"'
	as bezoeker /verhalen
	assert_not_contains 'href="/verhalen/nieuw"'
	# The storyteller sees no concept of theirs in the list either.
	as verteller /verhalen
	assert_not_contains "Lijstconcept$(n)"
	# After withdrawal it is gone from the list at once.
	db -c "SELECT story_withdraw($p, $(id verteller))" >/dev/null
	as bezoeker /verhalen
	assert_not_contains "Lijstgewoon$(n)"
}

@test "list filters: a theme, and stories without a warning" {
	local w p t
	w=$(story_published verteller "fw-$(n)" "Filterwaarschuwing$(n)" openbaar geweld)
	p=$(story_published verteller "fp-$(n)" "Filtergewoon$(n)" openbaar)
	t=$(story_published verteller "ft-$(n)" "Filterthema$(n)" openbaar)
	themed "$t" passend-onderwijs
	as bezoeker "/verhalen?thema=passend-onderwijs"
	[ "$status_code" = 200 ]
	assert_contains "Filterthema$(n) titel"
	assert_not_contains "Filterwaarschuwing$(n)"
	assert_not_contains "Filtergewoon$(n)"
	assert_contains '<option value="passend-onderwijs" selected>'
	assert_contains '<a href="/themas/passend-onderwijs">Passend onderwijs</a>'
	as bezoeker "/verhalen?zonder=1"
	assert_contains "Filtergewoon$(n) titel"
	assert_contains "Filterthema$(n) titel"
	assert_not_contains "Filterwaarschuwing$(n)"
	assert_contains 'name="zonder" value="1" checked'
	as bezoeker "/verhalen?zonder=1&thema=kleinschaligheid"
	assert_contains "Filtergewoon$(n) titel"
	assert_not_contains "Filterthema$(n)"
	assert_not_contains "Filterwaarschuwing$(n)"
	# A theme no readable story has: not offered, and nothing found.
	as bezoeker /verhalen
	assert_not_contains '<option value="welbevinden-professionals"'
	as bezoeker "/verhalen?thema=welbevinden-professionals"
	[ "$status_code" = 200 ]
	assert_contains 'Er zijn geen verhalen die passen bij je keuze.'
	# A value Kore's validator drops: the whole list, no error.
	as bezoeker "/verhalen?thema=%3Cb%3E&zonder=ja&pagina=-1"
	[ "$status_code" = 200 ]
	assert_contains "Filterwaarschuwing$(n) titel"
	assert_not_contains '<b>'
}

@test "list: 20 a page, newest first, the pager keeps the filters" {
	local i s first=
	for i in $(seq -w 1 21); do
		s=$(story_published verteller "pg$i-$(n)" "Pagina${i}x$(n)" openbaar)
		[ -n "$first" ] || first=$s
	done
	as bezoeker /verhalen
	assert_contains "Pagina21x$(n) titel"
	assert_contains "Pagina02x$(n) titel"
	assert_not_contains "Pagina01x$(n)"
	assert_contains 'href="/verhalen?pagina=2"'
	# Newest first.
	[ "$(grep -n "Pagina21x$(n) titel" <<<"$body" | cut -d: -f1)" -lt \
	    "$(grep -n "Pagina02x$(n) titel" <<<"$body" | cut -d: -f1)" ]
	as bezoeker "/verhalen?pagina=2"
	[ "$status_code" = 200 ]
	assert_contains "Pagina01x$(n) titel"
	assert_not_contains "Pagina21x$(n)"
	as bezoeker "/verhalen?zonder=1"
	assert_contains 'href="/verhalen?zonder=1&amp;pagina=2"'
	as bezoeker "/verhalen?zonder=1&pagina=2"
	assert_contains "Pagina01x$(n) titel"
}

@test "story page: a warned story's body waits behind a closed <details>" {
	local i s
	i=$(story_published verteller "gate-$(n)" "Poort$(n)" openbaar "separatie,fixatie")
	s=$(story_slug "$i")
	as bezoeker "/verhalen/$s"
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains '<h2 id="story-warning-title" class="story-warning-title">Let op, dit verhaal gaat over: Separatie of afzondering, Fixatie of dwang</h2>'
	assert_contains '<li><strong>Fixatie of dwang</strong>: Het verhaal gaat over vastgehouden'
	assert_contains "<p class=\"lead story-summary\">Poort$(n) samenvatting</p>"
	# The body is inside the closed gate.
	assert_contains '<details class="story-gate">'
	assert_not_contains '<details class="story-gate" open'
	[ "$(sed -n '/<details class="story-gate">/,/<\/details>/p' <<<"$body" |
	    grep -c "Poort$(n) tekst")" = 1 ]
	[ "$(grep -c "Poort$(n) tekst" <<<"$body")" = 1 ]
	assert_contains '<summary>Ik wil het verhaal lezen</summary>'
	assert_contains "<a href=\"/verhalen/$s?tonen=1\">Toon het verhaal</a>"
	# The same from the visitor's cache.
	as bezoeker "/verhalen/$s"
	assert_contains '<details class="story-gate">'
	# ?tonen=1: open, without <details>.
	as bezoeker "/verhalen/$s?tonen=1"
	[ "$status_code" = 200 ]
	assert_not_contains '<details'
	assert_contains "<p>Poort$(n) tekst. Zo ging het bij mij.</p>"
	assert_contains 'Let op, dit verhaal gaat over: Separatie of afzondering, Fixatie of dwang'
	# A member who always wants one of the two: still closed.
	db -c "UPDATE account SET cw_show = '{separatie}' WHERE id = $(id lid)"
	as lid "/verhalen/$s"
	assert_contains '<details class="story-gate">'
	assert_contains 'href="/account#cw"'
	[ "$(header cache-control)" = no-store ]
	# Both, set on the account page: open at once.
	post_mp lid /account/profiel -F "name=$(name_of lid)" -F "bio=" \
	    -F "lang=nl" -F "cw=separatie" -F "cw=fixatie"
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT array_to_string(cw_show, ',') FROM account WHERE id = $(id lid)")" = separatie,fixatie ]
	as lid "/verhalen/$s"
	assert_not_contains '<details'
	assert_contains "<p>Poort$(n) tekst. Zo ging het bij mij.</p>"
	# A story without warnings has no box and no gate.
	i=$(story_published verteller "open-$(n)" "Zonder$(n)" openbaar)
	as bezoeker "/verhalen/$(story_slug "$i")"
	assert_not_contains 'story-warning'
	assert_not_contains '<details'
	assert_contains "<p>Zonder$(n) tekst. Zo ging het bij mij.</p>"
}

@test "help banner: on a story about suicide and on a search that asks for it" {
	local i j
	i=$(story_published verteller "hulp-$(n)" "Hulp$(n)" openbaar suicide)
	j=$(story_published verteller "geenhulp-$(n)" "Geenhulp$(n)" openbaar separatie)
	as bezoeker "/verhalen/$(story_slug "$i")"
	assert_contains '<aside class="help-banner" role="note" aria-labelledby="help-banner-title">'
	assert_contains '<h2 id="help-banner-title">Praat erover, je hoeft het niet alleen te doen</h2>'
	assert_contains '<a href="tel:113">113</a>'
	assert_contains '<a href="tel:08000113">0800-0113</a>'
	assert_contains '<a href="tel:08000432">0800-0432</a>'
	assert_contains '<a href="tel:112">112</a>'
	# The banner comes before the story's text.
	[ "$(grep -n 'help-banner-title' <<<"$body" | head -n 1 | cut -d: -f1)" -lt \
	    "$(grep -n "Hulp$(n) tekst" <<<"$body" | cut -d: -f1)" ]
	as bezoeker "/verhalen/$(story_slug "$j")"
	assert_not_contains 'help-banner'
	req "/zoeken?q=zelfdoding"
	[ "$status_code" = 200 ]
	assert_contains '<aside class="help-banner" role="note"'
	req "/zoeken?q=Su%C3%AFcidale+gedachten"
	assert_contains '<aside class="help-banner" role="note"'
	req "/zoeken?q=ik%20wil%20niet%20meer%20leven"
	assert_contains '<aside class="help-banner" role="note"'
	req "/zoeken?q=school"
	[ "$status_code" = 200 ]
	assert_not_contains 'help-banner'
	req "/zoeken"
	assert_not_contains 'help-banner'
}

@test "the pseudonym, never the account: visitor, member, editor, admin" {
	local i s r
	i=$(story_published verteller "anon-$(n)" "Anoniem$(n)" openbaar verlies)
	s=$(story_slug "$i")
	for r in bezoeker lid redacteur beheerder; do
		as "$r" "/verhalen/$s"
		[ "$status_code" = 200 ]
		assert_contains "<p class=\"story-by\">Verteld door Anoniem$(n) schuilnaam</p>"
		assert_no_teller
		assert_not_contains 'Jouw verhaal'
		as "$r" /feeds/verhalen.atom
		assert_no_teller
	done
	as beheerder "/verhalen/$s"
	assert_contains "<a href=\"/verhalen/$s/auteur\">Wie schreef dit?</a>"
	as redacteur "/verhalen/$s"
	assert_not_contains '/auteur"'
	assert_not_contains '/beoordelen"'
	# Others may follow and report it.
	as lid "/verhalen/$s"
	assert_contains 'action="/volgen"'
	assert_contains 'Meld dit bij een moderator'
	# The storyteller sees their panel, and no follow or report.
	as verteller "/verhalen/$s"
	assert_contains '<h2 id="story-panel-title">Jouw verhaal</h2>'
	assert_contains '<strong>Gepubliceerd</strong>'
	assert_contains "href=\"/verhalen/$s/bewerken\""
	assert_contains "href=\"/verhalen/$s/reikwijdte\""
	assert_contains "action=\"/verhalen/$s/intrekken\""
	assert_contains "action=\"/verhalen/$s/instellingen\""
	assert_not_contains "action=\"/verhalen/$s/publiceren\""
	assert_not_contains 'action="/volgen"'
}

@test "who may read: members-only scope, concepts, review, withdrawal" {
	local l c t a s r
	l=$(story_published verteller "leden-$(n)" "Ledenscope$(n)" leden)
	s=$(story_slug "$l")
	as bezoeker "/verhalen/$s"
	[ "$status_code" = 404 ]
	as lid "/verhalen/$s"
	[ "$status_code" = 200 ]
	assert_contains "Ledenscope$(n) samenvatting"
	as bezoeker /feeds/verhalen.atom
	assert_not_contains "Ledenscope$(n)"
	# A concept: only its storyteller.
	c=$(story_write verteller "concept-$(n)" "Conceptje$(n)")
	s=$(story_slug "$c")
	for r in bezoeker lid redacteur beheerder; do
		as "$r" "/verhalen/$s"
		[ "$status_code" = 404 ]
	done
	as verteller "/verhalen/$s"
	[ "$status_code" = 200 ]
	assert_contains '<strong>Concept</strong>'
	assert_not_contains '/intrekken"'
	# Sent in: editors read it and get the review link; members do not.
	t=$(story_write verteller "review-$(n)" "Ingestuurd$(n)")
	story_send "$t" verteller openbaar
	s=$(story_slug "$t")
	as lid "/verhalen/$s"
	[ "$status_code" = 404 ]
	as redacteur "/verhalen/$s"
	[ "$status_code" = 200 ]
	assert_contains "<a href=\"/verhalen/$s/beoordelen\">Beoordelen</a>"
	assert_no_teller
	as verteller "/verhalen/$s?gedaan=ingestuurd"
	assert_contains 'Je verhaal is ingestuurd. Een redacteur leest het.'
	assert_contains '<strong>Bij de redactie</strong>'
	# Checked with a note: the storyteller sees the note and may publish.
	story_check "$t" akkoord "Mooi geschreven$(n)."
	as verteller "/verhalen/$s"
	assert_contains "Mooi geschreven$(n)."
	assert_contains "action=\"/verhalen/$s/publiceren\""
	assert_contains "name=\"rev\" value=\"$(story_rev "$t")\""
	as redacteur "/verhalen/$s"
	assert_not_contains "Mooi geschreven$(n)."
	assert_not_contains '/beoordelen"'
	# Withdrawn: gone for everyone but the storyteller.
	a=$(story_published verteller "weg-$(n)" "Ingetrokken$(n)" openbaar)
	s=$(story_slug "$a")
	db -c "SELECT story_withdraw($a, $(id verteller))" >/dev/null
	for r in bezoeker lid redacteur beheerder; do
		as "$r" "/verhalen/$s"
		[ "$status_code" = 404 ]
	done
	as verteller "/verhalen/$s"
	[ "$status_code" = 200 ]
	assert_contains '<strong>Ingetrokken</strong>'
	req /verhalen/geen-verhaal-zo
	[ "$status_code" = 404 ]
}

@test "replies: placed ones show, waiting ones only to the storyteller" {
	local i s r1 r2 r3
	i=$(story_published verteller "reactie-$(n)" "Reacties$(n)" openbaar)
	s=$(story_slug "$i")
	as lid "/verhalen/$s"
	assert_not_contains 'id="reacties"'
	db -c "SELECT story_replies_set($i, $(id verteller), 'aan')" >/dev/null
	r1=$(db -c "SELECT story_reply_add($i, $(id lid), 'Steun$(n) een', '<p>Steun$(n) een</p>', NULL)")
	r2=$(db -c "SELECT story_reply_add($i, $(id lid), 'Steun$(n) twee', '<p>Steun$(n) twee</p>', NULL)")
	r3=$(db -c "SELECT story_reply_add($i, $(id verteller), 'Eigen$(n) woord', '<p>Eigen$(n) woord</p>', NULL)")
	db -c "SELECT story_reply_decide($r1, $(id verteller), 'geplaatst')" >/dev/null
	db -c "SELECT story_reply_decide($r3, $(id verteller), 'geplaatst')" >/dev/null
	as bezoeker "/verhalen/$s"
	assert_contains "id=\"reactie-$r1\""
	assert_contains "Steun$(n) een"
	assert_not_contains "Steun$(n) twee"
	assert_contains "<a href=\"/inloggen?terug=/verhalen/$s\">"
	# The storyteller's own reply carries the pseudonym.
	assert_contains "Reacties$(n) schuilnaam (verteller)"
	assert_no_teller
	as lid "/verhalen/$s"
	assert_contains "<a href=\"/mensen/$(id lid)\">$(name_of lid)</a>"
	assert_contains "action=\"/verhalen/$s/reacties\" enctype=\"multipart/form-data\""
	assert_contains 'Reacties zijn steunend. De verteller of de redactie leest je reactie eerst.'
	assert_not_contains "Steun$(n) twee"
	assert_no_teller
	as verteller "/verhalen/$s"
	assert_contains 'Reacties die wachten'
	assert_contains "Steun$(n) twee"
	assert_contains "action=\"/reacties/$r2\""
	# Who wrote a waiting reply: its author, as with placed ones.
	[ "$(sed -n "/id=\"reactie-$r2-kop\"/p" <<<"$body" |
	    grep -c "href=\"/mensen/$(id lid)\"")" = 1 ]
	assert_contains 'name="besluit" value="geplaatst"'
	assert_contains 'name="besluit" value="afgewezen"'
	# Replies turned off: none show.
	db -c "SELECT story_replies_set($i, $(id verteller), 'uit')" >/dev/null
	as lid "/verhalen/$s"
	assert_not_contains "Steun$(n) een"
}

@test "feed: public published stories with pseudonym and warning, never the body" {
	local w c
	w=$(story_published verteller "feed-$(n)" "Feedverhaal$(n)" openbaar "misbruik,geweld")
	c=$(story_published verteller "feedleden-$(n)" "Feedleden$(n)" leden)
	req /feeds/verhalen.atom
	[ "$status_code" = 200 ]
	[[ "$(header content-type)" == application/atom+xml* ]]
	assert_contains "<title>Feedverhaal$(n) titel</title>"
	assert_contains "<author><name>Feedverhaal$(n) schuilnaam</name></author>"
	assert_contains "<summary>Feedverhaal$(n) samenvatting</summary>"
	assert_contains '&lt;strong&gt;Let op, dit verhaal gaat over:&lt;/strong&gt; Geweld, Seksueel misbruik'
	assert_contains "/verhalen/$(story_slug "$w")\"/>"
	assert_not_contains "Feedverhaal$(n) tekst"
	assert_not_contains "Feedleden$(n)"
	assert_no_teller
}
