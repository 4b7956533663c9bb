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
	post v /taal -d 'lang=en' --data-urlencode 'terug=/zoeken?q=jeugd'
	[ "$status_code" = 303 ]
	[ "$(header location)" = "/zoeken?q=jeugd" ]
	[ "$(header set-cookie)" = "__Host-lang=en; Path=/; HttpOnly; SameSite=Lax; Secure; Max-Age=31536000" ]
}

@test "POST /taal never redirects off-site" {
	for t in '//evil.example/' '/\evil.example' 'https://evil.example/' \
	    'javascript:alert(1)'; do
		post v /taal -d 'lang=nl' --data-urlencode "terug=$t"
		[ "$status_code" = 303 ]
		[ "$(header location)" = "/" ]
	done
}

@test "POST /taal refuses other sites, missing tokens and bad languages" {
	t=$(csrf v)
	req -b "$(jar v)" -H 'Origin: https://evil.example' \
	    -d "_csrf=$t&lang=en&terug=/" /taal
	[ "$status_code" = 403 ]
	[ -z "$(header set-cookie)" ]
	req -b "$(jar v)" -H 'Sec-Fetch-Site: cross-site' \
	    -d "_csrf=$t&lang=en&terug=/" /taal
	[ "$status_code" = 403 ]
	# No token, or a token without its cookie: refused.
	req -b "$(jar v)" -H "Origin: $BRON_URL" -d 'lang=en&terug=/' /taal
	[ "$status_code" = 403 ]
	req -H "Origin: $BRON_URL" -d "_csrf=$t&lang=en&terug=/" /taal
	[ "$status_code" = 403 ]
	post v /taal -d 'lang=xx&terug=/'
	[ "$status_code" = 400 ]
	[ -z "$(header set-cookie)" ]
	post v /taal -d 'lang=en&terug=/'
	[ "$status_code" = 303 ]
}

@test "signed in, the language is saved with the account too" {
	e=$(unique_email taal)
	register u "$e"
	post u /taal -d 'lang=en&terug=/'
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT lang FROM account WHERE email = '$e'")" = en ]
}
