#!/usr/bin/env bats
# The language switch: POST /taal sets a cookie and returns to the page.
load helpers

@test "Dutch by default, English from Accept-Language" {
	req /
	assert_contains '<html lang="nl">'
	assert_contains '<button type="submit" lang="en">English</button>'
	req -H 'Accept-Language: en-US,en;q=0.8' /
	assert_contains '<html lang="en">'
	assert_contains 'Learning together'
	req -H 'Accept-Language: en;q=0.3, nl;q=0.9' /
	assert_contains '<html lang="nl">'
}

@test "the language cookie wins over Accept-Language; bad values are ignored" {
	req -H 'Cookie: __Host-lang=en' -H 'Accept-Language: nl' /
	assert_contains '<html lang="en">'
	req -H 'Cookie: __Host-lang=xx' -H 'Accept-Language: nl' /
	assert_contains '<html lang="nl">'
}

@test "POST /taal sets a __Host- cookie and redirects back with 303" {
	req -d 'lang=en' --data-urlencode 'terug=/zoeken?q=jeugd' /taal
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/zoeken?q=jeugd" ]
	[ "$(header set-cookie)" = "__Host-lang=en; Path=/; Max-Age=31536000; Secure; HttpOnly; SameSite=Lax" ]
}

@test "POST /taal never redirects off-site" {
	for t in '//evil.example/' '/\evil.example' 'https://evil.example/' \
	    'javascript:alert(1)'; do
		req -d 'lang=nl' --data-urlencode "terug=$t" /taal
		[ "$status_code" = 303 ]
		[ "$(header location)" = "/" ]
	done
}

@test "POST /taal refuses other sites and bad languages" {
	req -H 'Origin: https://evil.example' -d 'lang=en&terug=/' /taal
	[ "$status_code" = 403 ]
	[ -z "$(header set-cookie)" ]
	req -H 'Sec-Fetch-Site: cross-site' -d 'lang=en&terug=/' /taal
	[ "$status_code" = 403 ]
	req -d 'lang=xx&terug=/' /taal
	[ "$status_code" = 400 ]
	[ -z "$(header set-cookie)" ]
	req -H "Origin: $BRON_URL" -d 'lang=en&terug=/' /taal
	[ "$status_code" = 303 ]
}
