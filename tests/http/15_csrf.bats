#!/usr/bin/env bats
# R4: every route that accepts POST refuses requests that do not come
# from our own form: no token, another session's token, a foreign
# Origin, a cross-site fetch; POST-only routes also refuse GET. The list
# of routes is read from conf/ when the test runs, so routes added later
# are covered without editing this file; each one is printed (TAP "#").
#
# The signed-in person is an administrator (the most a forged request
# could do), the victim of admin actions a second member. Every field
# the route declares gets a value that would succeed with a good token,
# so a refusal can only come from the CSRF check; the database is then
# compared with a snapshot taken before.
load helpers

CONF=${BATS_TEST_DIRNAME:-tests/http}/../../conf
EVIL=http://evil.example
# A token of the right shape that no session or cookie holds.
STRANGER_TOKEN=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8
MSG_CSRF="Dit formulier was verlopen of kwam niet van deze site."

# post_routes: "PATH METHODS..." for each restrict line that allows post.
post_routes() {
	cat "$CONF"/routes.conf "$CONF"/routes-*.conf 2>/dev/null |
	    awk '$1 == "restrict" {
		for (i = 3; i <= NF; i++) if ($i == "post") { print; next }
	    }' | awk '{ $1 = ""; sub(/^ +/, ""); print }' | sort -u
}

# post_fields PATH: the fields its "params post" block declares.
post_fields() {
	cat "$CONF"/routes.conf "$CONF"/routes-*.conf 2>/dev/null |
	    awk -v p="$1" '
		$1 == "params" && $2 == "post" && $3 == p { on = 1; next }
		on && $1 == "}" { on = 0 }
		on && $1 == "validate" { print $2 }'
}

# concrete PATH: a request path for a route; regexes get sample values
# (digits: the victim's id). Fails loudly if the result does not match.
concrete() {
	local r=$1 p
	if [[ "$r" != ^* ]]; then
		echo "$r"
		return 0
	fi
	p=$(perl -pe '
		s/^\^//; s/\$$//;
		s/\(([^|()]*)(?:\|[^()]*)?\)/$1/g;
		s/\[0-9\]\{\d+(?:,\d*)?\}/'"$VICTIM_ID"'/g;
		s/\[0-9\][+*]?/'"$VICTIM_ID"'/g;
		s/\[([^\]]*)\]\{(\d+)(?:,\d*)?\}/"a" x ($2 || 1)/ge;
		s/\[([^\]]*)\][+*]?/a/g;' <<<"$r")
	if ! [[ "$p" =~ $r ]]; then
		echo "no sample path for route $r (got $p): extend concrete()" >&2
		return 1
	fi
	echo "$p"
}

# field_args PATH: FIELD_KV gets "name=value" for every declared field
# (but _csrf), each with a value the handler would accept.
field_args() {
	local f v
	FIELD_KV=()
	for f in $(post_fields "$1"); do
		case "$f" in
		_csrf)		continue ;;
		email)
			# Sign-in and reset act on an existing account; the
			# others would create or move to a new address.
			case "$1" in
			/inloggen|/wachtwoord-vergeten) v=$ADMIN_EMAIL ;;
			*) v="$TAG-$RANDOM@example.org" ;;
			esac ;;
		password|current_password|email_password)
				v=$TEST_PASSWORD ;;
		new_password)	v="een heel ander wachtwoord 42" ;;
		name)		v="Vervalst" ;;
		bio)		v="Vervalste tekst" ;;
		lang)		v=en ;;
		cw)		v=tonen ;;
		alles)		v=1 ;;
		terug)		v=/ ;;
		kind)		v=professional ;;
		actie)		v=blokkeren ;;
		rol)		v=beheerder ;;
		token)		v=$STRANGER_TOKEN ;;
		*)
			v=x
			echo "# $1: no sample for field '$f', sent 'x'" >&3 ;;
		esac
		FIELD_KV+=("$f=$v")
	done
}

# Everything a forged request could change, for both accounts.
snapshot() {
	db -c "SELECT row_to_json(a)::text FROM account a
	    WHERE id IN ($ADMIN_ID, $VICTIM_ID) ORDER BY id"
	db -c "SELECT (to_jsonb(s) - 'last_seen_at')::text FROM session s
	    WHERE account_id IN ($ADMIN_ID, $VICTIM_ID) ORDER BY id"
	db -c "SELECT count(*) FROM audit
	    WHERE actor_id IN ($ADMIN_ID, $VICTIM_ID)
	    OR target_id IN ($ADMIN_ID, $VICTIM_ID)"
	db -c "SELECT count(*) FROM outbox
	    WHERE account_id IN ($ADMIN_ID, $VICTIM_ID) OR to_addr LIKE '$TAG-%'"
	db -c "SELECT count(*) FROM password_reset
	    WHERE account_id IN ($ADMIN_ID, $VICTIM_ID)"
	db -c "SELECT count(*) FROM account WHERE email LIKE '$TAG-%'"
}

refused() {
	case "$status_code" in
	400|403|405) return 0 ;;
	esac
	echo "$1: status $status_code, expected 400, 403 or 405" >&2
	return 1
}

setup_file() {
	export TAG="csrf-$$-$RANDOM"
	export ADMIN_EMAIL="$TAG-beheer@example.org"
	export VICTIM_EMAIL="$TAG-ander@example.org"
}

setup() {
	register a "$ADMIN_EMAIL" "Beheer $TAG" 2>/dev/null ||
	    login a "$ADMIN_EMAIL"
	[ -n "$(sid a)" ]
	set_role "$ADMIN_EMAIL" beheerder
	register b "$VICTIM_EMAIL" "Ander $TAG" 2>/dev/null ||
	    login b "$VICTIM_EMAIL"
	[ -n "$(sid b)" ]
	ADMIN_ID=$(db -c "SELECT id FROM account WHERE email = '$ADMIN_EMAIL'")
	VICTIM_ID=$(db -c "SELECT id FROM account WHERE email = '$VICTIM_EMAIL'")
	ADMIN_TOKEN=$(csrf a)
	VICTIM_TOKEN=$(csrf b)
	[ ${#ADMIN_TOKEN} = 43 ]
	[ ${#VICTIM_TOKEN} = 43 ]
	[ "$ADMIN_TOKEN" != "$VICTIM_TOKEN" ]
}

# forge LABEL TOKEN [CURL-ARGS...]: send each POST route a forged
# request with the admin's cookies, the route's fields and _csrf=TOKEN
# (none if empty), url-encoded and again as multipart/form-data: all
# refused, and nothing changed.
forge() {
	local label=$1 token=$2 line route path kv enc n=0
	local -a url form
	shift 2
	before=$(snapshot)
	while read -r line; do
		route=${line%% *}
		path=$(concrete "$route")
		field_args "$route"
		[ -z "$token" ] || FIELD_KV+=("_csrf=$token")
		# Even with no fields at all it must be a POST with a body.
		url=(--data-raw "")
		form=(-H "Content-Type: multipart/form-data; boundary=b"
		    --data-binary $'--b--\r\n')
		[ ${#FIELD_KV[@]} = 0 ] || form=()
		for kv in "${FIELD_KV[@]}"; do
			url+=(--data-urlencode "$kv")
			form+=(--form-string "$kv")
		done
		echo "# $label: POST $path (route $route)" >&3
		for enc in url form; do
			if [ "$enc" = url ]; then
				req -b "$(jar a)" "$@" "${url[@]}" "$path"
			else
				req -b "$(jar a)" "$@" "${form[@]}" "$path"
			fi
			refused "$label POST $path ($enc)"
		done
		n=$((n + 1))
	done < <(post_routes)
	[ "$n" -ge 4 ]		# at least /taal, sign-in, sign-out, registration
	after=$(snapshot)
	if [ "$before" != "$after" ]; then
		diff <(echo "$before") <(echo "$after") >&2
		return 1
	fi
	# Still signed in, as the same person.
	req -b "$(jar a)" /account
	[ "$status_code" = 200 ]
	req -b "$(jar a)" /
	assert_contains "<span class=\"user-name\">(Beheer $TAG)</span>"
}

@test "CSRF: the route list is read from conf (printed here)" {
	run post_routes
	[ "$status" = 0 ]
	[ -n "$output" ]
	while read -r line; do
		route=${line%% *}
		path=$(concrete "$route")
		echo "# $route -> $path [${line#* }]; fields: $(post_fields "$route" | tr '\n' ' ')" >&3
	done < <(post_routes)
	# The routes every later test relies on are there.
	grep -q '^/inloggen ' <<<"$output"
	grep -q '^/uitloggen ' <<<"$output"
	grep -q '^/registreren ' <<<"$output"
}

@test "CSRF (a): a POST without _csrf is refused everywhere" {
	forge "no token" "" -H "Origin: $BRON_URL"
}

@test "CSRF (b): another session's token is refused everywhere" {
	forge "other session's token" "$VICTIM_TOKEN" -H "Origin: $BRON_URL"
	forge "unknown token" "$STRANGER_TOKEN" -H "Origin: $BRON_URL"
}

@test "CSRF (c): the right token from a foreign Origin is refused" {
	forge "foreign Origin" "$ADMIN_TOKEN" -H "Origin: $EVIL"
	forge "Origin null" "$ADMIN_TOKEN" -H "Origin: null"
}

@test "CSRF (d): the right token in a cross-site fetch is refused" {
	forge "Sec-Fetch-Site cross-site" "$ADMIN_TOKEN" \
	    -H "Sec-Fetch-Site: cross-site"
	forge "Sec-Fetch-Site same-site" "$ADMIN_TOKEN" \
	    -H "Sec-Fetch-Site: same-site"
}

@test "CSRF (e): GET on a POST-only route is 405 and changes nothing" {
	local n=0
	before=$(snapshot)
	while read -r line; do
		route=${line%% *}
		methods=" ${line#* } "
		if [[ "$methods" == *" get "* ]]; then
			continue
		fi
		path=$(concrete "$route")
		echo "# GET $path (route $route allows:$methods)" >&3
		req -b "$(jar a)" "$path?_csrf=$ADMIN_TOKEN&alles=1"
		[ "$status_code" = 405 ] || {
			echo "GET $path: $status_code" >&2
			return 1
		}
		n=$((n + 1))
	done < <(post_routes)
	[ "$n" -ge 2 ]		# at least /taal and /uitloggen
	[ "$before" = "$(snapshot)" ]
	req -b "$(jar a)" /account
	[ "$status_code" = 200 ]
}

@test "CSRF: the same requests with the right token do go through" {
	# The control for the tests above: the token and cookies they use
	# are the real ones.
	post a /taal -d lang=en -d terug=/
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT lang FROM account WHERE id = $ADMIN_ID")" = en ]
	post a /taal -d lang=nl -d terug=/
	[ "$status_code" = 303 ]
	req -b "$(jar a)" -H "Origin: $BRON_URL" -H "Sec-Fetch-Site: same-origin" \
	    --data-urlencode "_csrf=$ADMIN_TOKEN" -d lang=en -d terug=/ /taal
	[ "$status_code" = 303 ]
	# No Origin header at all (older browsers): the token decides.
	req -b "$(jar a)" --data-urlencode "_csrf=$ADMIN_TOKEN" -d lang=nl \
	    -d terug=/ /taal
	[ "$status_code" = 303 ]
	[ "$(db -c "SELECT lang FROM account WHERE id = $ADMIN_ID")" = nl ]
	# Multipart, where a form is multipart (the profile, for its bio).
	if post_routes | grep -q '^/account/profiel '; then
		req -b "$(jar a)" -H "Origin: $BRON_URL" \
		    --form-string "_csrf=$ADMIN_TOKEN" \
		    --form-string "name=Beheer $TAG" --form-string "bio=" \
		    --form-string lang=nl \
		    /account/profiel
		[ "$status_code" -ge 200 ]
		[ "$status_code" -lt 400 ]
	fi
	req -b "$(jar b)" -H "Origin: $BRON_URL" \
	    --data-urlencode "_csrf=$VICTIM_TOKEN" /uitloggen
	[ "$status_code" = 303 ]
	req -b "$(jar b)" /account
	[ "$status_code" = 303 ]
}

@test "CSRF: a visitor's token must match the __Host-csrf cookie" {
	req /inloggen
	mine=$(printf '%s\n' "$headers" |
	    sed -n 's/^set-cookie: __Host-csrf=\([^;]*\);.*/\1/p')
	req /inloggen
	theirs=$(printf '%s\n' "$headers" |
	    sed -n 's/^set-cookie: __Host-csrf=\([^;]*\);.*/\1/p')
	[ ${#mine} = 43 ]
	[ "$mine" != "$theirs" ]
	for p in /inloggen /registreren /taal; do
		# Someone else's token with my cookie.
		req -H "Cookie: __Host-csrf=$mine" -H "Origin: $BRON_URL" \
		    -H "X-Real-IP: $(random_ip)" --data-urlencode "_csrf=$theirs" \
		    --data-urlencode "email=$ADMIN_EMAIL" \
		    --data-urlencode "password=$TEST_PASSWORD" -d lang=en \
		    -d terug=/ "$p"
		[ "$status_code" = 403 ]
		[ -z "$(header set-cookie | grep __Host-sid)" ]
		# A token without any cookie.
		req -H "Origin: $BRON_URL" -H "X-Real-IP: $(random_ip)" \
		    --data-urlencode "_csrf=$mine" \
		    --data-urlencode "email=$ADMIN_EMAIL" \
		    --data-urlencode "password=$TEST_PASSWORD" -d lang=en \
		    -d terug=/ "$p"
		[ "$status_code" = 403 ]
		# A cookie without a token.
		req -H "Cookie: __Host-csrf=$mine" -H "Origin: $BRON_URL" \
		    -H "X-Real-IP: $(random_ip)" \
		    --data-urlencode "email=$ADMIN_EMAIL" \
		    --data-urlencode "password=$TEST_PASSWORD" -d lang=en \
		    -d terug=/ "$p"
		[ "$status_code" = 403 ]
	done
	# The sign-in form says why, keeps the address, not the password.
	req -H "Cookie: __Host-csrf=$mine" -H "Origin: $BRON_URL" \
	    -H "X-Real-IP: $(random_ip)" --data-urlencode "_csrf=$theirs" \
	    --data-urlencode "email=$ADMIN_EMAIL" \
	    --data-urlencode "password=$TEST_PASSWORD" /inloggen
	[ "$status_code" = 403 ]
	assert_contains "$MSG_CSRF"
	assert_contains "value=\"$ADMIN_EMAIL\""
	assert_not_contains "$TEST_PASSWORD"
	# Matching token and cookie: signed in.
	req -H "Cookie: __Host-csrf=$mine" -H "Origin: $BRON_URL" \
	    -H "X-Real-IP: $(random_ip)" --data-urlencode "_csrf=$mine" \
	    --data-urlencode "email=$ADMIN_EMAIL" \
	    --data-urlencode "password=$TEST_PASSWORD" /inloggen
	[ "$status_code" = 303 ]
}
