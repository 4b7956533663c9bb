# Helpers for the HTTP tests. BRON_URL points at the test Kore.
# req [curl args...] PATH: sets $status_code, $body, $headers (lowercased
# names) for the response.
req() {
	local path=${!#}
	local args=("${@:1:$#-1}")
	local tmp
	tmp=$(mktemp -d)
	status_code=$(curl -s --max-time 10 -D "$tmp/h" -o "$tmp/b" \
	    -w '%{http_code}' "${args[@]}" "$BRON_URL$path")
	headers=$(tr -d '\r' <"$tmp/h" | sed 's/^\([^:]*\):/\L\1:/')
	body=$(cat "$tmp/b")
	rm -rf "$tmp"
}

header() {
	printf '%s\n' "$headers" | sed -n "s/^$1: //p" | head -n 1
}

# The app's psql, for fixtures.
db() {
	psql -X -q -At -v ON_ERROR_STOP=1 "$BRON_DATABASE_URL" "$@"
}

assert_html_headers() {
	[ "$(header content-type)" = "text/html; charset=utf-8" ]
	[ "$(header x-content-type-options)" = "nosniff" ]
	[ "$(header referrer-policy)" = "same-origin" ]
	[ "$(header x-frame-options)" = "DENY" ]
	[ "$(header content-security-policy)" = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'" ]
	[ "$(header server)" = "bron" ]
}

assert_contains() {
	if [[ "$body" != *"$1"* ]]; then
		echo "body does not contain: $1" >&2
		echo "${body:0:2000}" >&2
		return 1
	fi
}

assert_not_contains() {
	if [[ "$body" == *"$1"* ]]; then
		echo "body contains: $1" >&2
		return 1
	fi
}
