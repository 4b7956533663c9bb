#!/usr/bin/env bats
# Every page's happy path, in Dutch, with the layout and its landmarks.
load helpers

@test "home page: Dutch, layout, skip link, navigation, footer" {
	req /
	[ "$status_code" = 200 ]
	assert_html_headers
	assert_contains '<html lang="nl">'
	assert_contains '<a class="skip-link" href="#inhoud">Direct naar de inhoud</a>'
	assert_contains '<main id="inhoud"'
	for p in artikelen pilots masterminds verhalen bronnen gemeenschappen \
	    themas monitor zoeken; do
		assert_contains "href=\"/$p\""
	done
	assert_contains 'href="/toegankelijkheid"'
	assert_contains 'href="/privacy"'
	assert_contains 'Voor wie is Bron?'
	assert_not_contains 'aria-current="page"'
}

@test "home page shows the seeds of every kind" {
	req /
	# content/artikelen and content/pilots hold the editors' seeds.
	assert_contains 'href="/artikelen/'
	assert_not_contains 'Er zijn nog geen artikelen gepubliceerd.'
	assert_contains 'href="/pilots/'
	assert_not_contains 'Er zijn nog geen pilots beschreven.'
	# The example mastermind series' final session records.
	assert_contains 'href="/masterminds/'
	# The example stories of content/verhalen (or newer ones).
	assert_contains 'href="/verhalen/'
	assert_not_contains 'Er zijn nog geen verhalen gedeeld.'
	# The resources of content/bronnen.
	assert_contains 'href="/bronnen/'
	assert_not_contains 'Er zijn nog geen bronnen gepubliceerd.'
}

@test "HEAD / answers 200 without a body" {
	run curl -s -I --max-time 5 "$BRON_URL/"
	[[ "$output" == "HTTP/1.1 200"* ]]
	run curl -s --head --max-time 5 -o /dev/null -w '%{size_download}' "$BRON_URL/"
	[ "$output" = 0 ]
}

@test "kind lists answer 200, mark the nav item and show the seeds" {
	for p in artikelen pilots masterminds verhalen bronnen; do
		req "/$p"
		[ "$status_code" = 200 ]
		assert_html_headers
		assert_contains "<a href=\"/$p\" aria-current=\"page\">"
		# The seeds from content/artikelen, content/pilots,
		# content/masterminds, content/verhalen and content/bronnen.
		assert_contains "href=\"/$p/"
		assert_not_contains 'class="empty-state"'
	done
}

@test "communities list: the seeded public and members-only ones, not the closed ones" {
	req /gemeenschappen
	[ "$status_code" = 200 ]
	assert_contains 'Kennisnetwerk kleinschaligheid'
	assert_contains 'Netwerk suïcidepreventie'
	assert_not_contains 'Ervaringsdeskundigen onder elkaar'
	assert_not_contains 'Welbevinden van professionals'
}

@test "themes come from content/ and each theme has a page" {
	req /themas
	[ "$status_code" = 200 ]
	assert_contains 'href="/themas/suicidepreventie"'
	assert_contains 'href="/themas/kleinschaligheid"'
	req /themas/kleinschaligheid
	[ "$status_code" = 200 ]
	assert_contains '<h1>Kleinschaligheid</h1>'
	assert_contains 'href="/artikelen/jeugdzorgplus-thuis"'
	# No seed article is on this theme yet.
	req /themas/welbevinden-van-professionals
	[ "$status_code" = 200 ]
	assert_contains 'Er staat nog niets over dit thema op Bron.'
	req /themas/bestaat-niet
	[ "$status_code" = 404 ]
}

@test "monitor lists two fast and nine long change goals" {
	req /monitor
	[ "$status_code" = 200 ]
	assert_contains 'Snelle veranderopgaven'
	n=$(grep -o 'href="/monitor/[a-z0-9-]*"' <<<"$body" | sort -u | wc -l)
	[ "$n" = 11 ]
	req /monitor/terugdringen-suicides
	[ "$status_code" = 200 ]
	assert_contains 'href="/themas/suicidepreventie"'
	req /monitor/onbekend
	[ "$status_code" = 404 ]
}

@test "static pages come from content/ in Dutch and English" {
	for p in over toegankelijkheid privacy; do
		req "/$p"
		[ "$status_code" = 200 ]
		assert_html_headers
		assert_contains '<h1>'
		assert_contains 'class="prose"'
	done
	req -H 'Accept-Language: en' /privacy
	assert_contains '<html lang="en">'
}

@test "healthz answers 200 with a small JSON body" {
	req /healthz
	[ "$status_code" = 200 ]
	[ "$(header content-type)" = "application/json; charset=utf-8" ]
	[ "$body" = '{"status":"ok","database":"ok"}' ]
}

@test "search: form, prompt, results from the Dutch full text" {
	req /zoeken
	[ "$status_code" = 200 ]
	assert_contains '<label for="q">'
	assert_contains 'Typ een of meer woorden'
	req '/zoeken?q=afzondering'
	[ "$status_code" = 200 ]
	assert_contains 'href="/themas/stoppen-met-gedwongen-afzondering"'
	assert_contains 'value="afzondering"'
	req '/zoeken?q=xyzzyqwerty'
	[ "$status_code" = 200 ]
	assert_contains 'We vonden niets voor'
}

@test "search: a too long query gets a Dutch message next to the field and is kept" {
	long=$(printf 'a%.0s' $(seq 201))
	req "/zoeken?q=$long"
	[ "$status_code" = 400 ]
	assert_contains 'class="field-error" id="q-error"'
	assert_contains 'Je zoekvraag is te lang.'
	assert_contains "value=\"$long\""
	assert_contains 'aria-describedby="q-hint q-error"'
}

@test "search: invalid UTF-8 is refused with a message, never a 5xx" {
	req '/zoeken?q=%FF%FE'
	[ "$status_code" = 400 ]
	assert_contains 'Je zoekvraag bevat tekens die Bron niet kan lezen.'
	assert_contains 'value=""'
}
