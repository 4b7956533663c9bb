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

# --- Accounts (issue 4) ------------------------------------------------
# A client is a cookie jar file; every test gets fresh ones under
# $BATS_TEST_TMPDIR. Test traffic may claim any X-Real-IP (the test Kore
# runs with BRON_TRUST_PROXY=1), so throttling tests use their own IPs.
TEST_PASSWORD="paarse olifant danst traag"

jar() {
	echo "$BATS_TEST_TMPDIR/jar-$1"
}

# csrf JAR [PATH]: fetch PATH (default /) with the jar and print the
# form token of the first form on it.
csrf() {
	local path=${2:-/}
	curl -s --max-time 10 -b "$(jar "$1")" -c "$(jar "$1")" \
	    "$BRON_URL$path" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 |
	    cut -d'"' -f4
}

# post JAR PATH [curl args...]: a same-origin form POST with the jar's
# token added; sets $status_code, $body, $headers like req.
post() {
	local j=$1 path=$2
	shift 2
	local t
	t=$(csrf "$j")
	req -b "$(jar "$j")" -c "$(jar "$j")" -H "Origin: $BRON_URL" \
	    --data-urlencode "_csrf=$t" "$@" "$path"
}

# A random client address: registration and sign-in are throttled per
# IP, and all test traffic comes from 127.0.0.1.
random_ip() {
	echo "10.$((RANDOM % 256)).$((RANDOM % 256)).$((RANDOM % 254 + 1))"
}

# register JAR EMAIL [NAME] [KIND]: create an account and stay signed in.
register() {
	post "$1" /registreren -H "X-Real-IP: $(random_ip)" \
	    --data-urlencode "email=$2" \
	    --data-urlencode "name=${3:-Testlid}" \
	    --data-urlencode "password=$TEST_PASSWORD" \
	    --data-urlencode "kind=${4:-professional}"
	[ "$status_code" = 303 ] || {
		echo "register $2: $status_code" >&2
		return 1
	}
}

# login JAR EMAIL [PASSWORD]
login() {
	post "$1" /inloggen -H "X-Real-IP: $(random_ip)" \
	    --data-urlencode "email=$2" \
	    --data-urlencode "password=${3:-$TEST_PASSWORD}"
}

# A unique address per call: tests never collide on e-mail.
unique_email() {
	echo "${1:-lid}-$$-$RANDOM$RANDOM@example.org"
}

# sid JAR: the session cookie value in the jar.
sid() {
	awk '$6 ~ /sid$/ { print $7 }' "$(jar "$1")" | tail -n 1
}

# set_role EMAIL ROLE: promote through the database (fixtures only).
set_role() {
	db -c "UPDATE account SET role = '$2' WHERE email = lower('$1')"
}
