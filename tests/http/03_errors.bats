#!/usr/bin/env bats
# Error pages in the layout, methods, and headers on every HTML response.
load helpers

@test "unknown paths get the Dutch 404 page in the layout" {
	for p in /bestaat-niet /a/b/c /artikelen/ /themas/Hoofdletters; do
		req "$p"
		[ "$status_code" = 404 ]
		assert_html_headers
		assert_contains '<html lang="nl">'
		assert_contains '<h1>Deze pagina bestaat niet</h1>'
		assert_contains 'class="skip-link"'
	done
}

@test "the 404 page speaks English when asked" {
	req -H 'Accept-Language: en-GB,en;q=0.9' /bestaat-niet
	[ "$status_code" = 404 ]
	assert_contains '<html lang="en">'
	assert_contains 'This page does not exist'
}

@test "methods outside a route's restrict list get 405" {
	for m in POST PUT DELETE PATCH; do
		req -X "$m" /
		[ "$status_code" = 405 ]
		req -X "$m" /healthz
		[ "$status_code" = 405 ]
	done
	req /taal
	[ "$status_code" = 405 ]
}

@test "error pages for nginx: 405, 413, 500, 503 in Dutch with the right status" {
	req /fout/405
	[ "$status_code" = 405 ]
	assert_contains '<h1>Dit kan hier niet</h1>'
	req /fout/413
	[ "$status_code" = 413 ]
	assert_contains '<h1>Dat is te groot</h1>'
	req /fout/500
	[ "$status_code" = 500 ]
	assert_contains '<h1>Er ging iets mis</h1>'
	req /fout/503
	[ "$status_code" = 503 ]
	[ "$(header retry-after)" = 30 ]
	assert_contains '<h1>Bron is even niet bereikbaar</h1>'
	req /fout/999
	[ "$status_code" = 404 ]
}

@test "every HTML page carries the security headers and no server version" {
	for p in / /artikelen /pilots /masterminds /verhalen /bronnen \
	    /gemeenschappen /themas /themas/vakmanschap /monitor \
	    /monitor/stroomoploop /zoeken '/zoeken?q=jeugd' /over \
	    /toegankelijkheid /privacy /bestaat-niet /fout/503; do
		req "$p"
		assert_html_headers
		[ "$(header vary)" = "Accept-Language, Cookie" ]
	done
}

@test "assets are served with their types; traversal is refused" {
	req /assets/bron.css
	[ "$status_code" = 200 ]
	[[ "$(header content-type)" == text/css* ]]
	req /assets/favicon.svg
	[ "$status_code" = 200 ]
	[ "$(header content-type)" = "image/svg+xml" ]
	run curl -s --path-as-is -o /dev/null -w '%{http_code}' \
	    "$BRON_URL/assets/../conf/dev.conf"
	[[ "$output" == 4* ]]
	run curl -s --path-as-is -o /dev/null -w '%{http_code}' \
	    "$BRON_URL/assets/%2e%2e/conf/dev.conf"
	[[ "$output" == 4* ]]
}
