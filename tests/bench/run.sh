#!/usr/bin/env bash
# `make bench`: wrk against every page kind next to the ceiling route
# (/healthz: one trivial query through the same async layer), all in one
# run. Prints requests/s, p50 and p99 per page and its ratio to the
# ceiling. Not part of `make test`: speed is measured, never asserted.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
export BRON_VAR=$root/var/bench
export ARTIFACTS=$root/var/bench-artifacts
export BRON_PGPORT=55434 BRON_DB=bron_bench
export BRON_KORE_CONF=conf/bench.conf BRON_URL=http://127.0.0.1:18081
. tests/lib.sh
trap test_cleanup EXIT INT TERM

mkdir -p "$ARTIFACTS"
seconds=${BENCH_SECONDS:-10}
conns=${BENCH_CONNECTIONS:-64}
threads=${BENCH_THREADS:-2}

test_db_up >"$ARTIFACTS/db.log" 2>&1 || { cat "$ARTIFACTS/db.log"; exit 1; }
test_kore_up || exit 1

# name path: the ceiling first, then each page kind that exists.
pages=(
	"ceiling:/healthz"
	"home:/"
	"404:/bestaat-niet"
	"list:/artikelen"
	"article:/artikelen/het-actieplan-best-passende-zorg"
	"feed:/feeds/artikelen.atom"
	"themes:/themas"
	"theme:/themas/kleinschaligheid"
	"monitor:/monitor"
	"goal:/monitor/terugdringen-suicides"
	"page:/privacy"
	"search:/zoeken?q=jeugd"
	"login:/inloggen"
)

# wrk's latency lines look like "     50%  312.00us"; normalise to ms.
to_ms() {
	awk -v v="$1" 'BEGIN {
		n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
		if (u == "us") n /= 1000; else if (u == "s") n *= 1000;
		else if (u == "m") n *= 60000;
		printf "%.2f", n }'
}

# A signed-in visitor: one account, one session cookie for every request.
bench_email=bench-$$@example.org
bench_pw="bench wachtwoord voor wrk"
jar=$ARTIFACTS/jar
curl -s -c "$jar" -o /dev/null "$BRON_URL/registreren"
tok=$(awk '$6 ~ /csrf$/ { print $7 }' "$jar")
curl -s -b "$jar" -c "$jar" -o /dev/null -H "Origin: $BRON_URL" \
    --data-urlencode "_csrf=$tok" --data-urlencode "email=$bench_email" \
    --data-urlencode "name=Bench" --data-urlencode "password=$bench_pw" \
    --data-urlencode "kind=anders" "$BRON_URL/registreren"
sid=$(awk '$6 ~ /sid$/ { print $7 }' "$jar")
[ -n "$sid" ] || { echo "bench: could not sign in" >&2; exit 1; }
pages+=("home-in:/" "account:/account")

# A public community with one discussion of 200 posts (the opening and
# 199 replies by two members), for the community home and the topic
# pages (25 posts a page: the first and the last page).
comm=kennisnetwerk-kleinschaligheid
topic=$(psql -X -q -At -v ON_ERROR_STOP=1 "$BRON_DATABASE_URL" <<SQL
DO \$\$
DECLARE
	c bigint := (SELECT id FROM community WHERE slug = '$comm');
	a bigint := (SELECT id FROM account WHERE email = '$bench_email');
	b bigint;
	t bigint;
BEGIN
	INSERT INTO account (email, display_name, member_kind)
	VALUES ('bench-b-$$@example.org', 'Tweede lid', 'professional')
	RETURNING id INTO b;
	PERFORM member_act(c, a, 'aanmelden', NULL, '');
	PERFORM member_act(c, b, 'aanmelden', NULL, '');
	SELECT topic_id INTO t FROM topic_create(c, a, 'Benchgesprek',
	    'De opening van het gesprek.', '<p>De opening van het gesprek.</p>',
	    '');
	FOR i IN 2 .. 200 LOOP
		PERFORM post_create(t, CASE WHEN i % 2 = 0 THEN b ELSE a END,
		    'Reactie ' || i || ' met wat tekst over kleinschalig wonen '
		    || 'en wat daarbij hielp.', '<p>Reactie ' || i || ' met wat '
		    || 'tekst over kleinschalig wonen en wat daarbij hielp.</p>',
		    NULL, '');
	END LOOP;
END \$\$;
SELECT max(id) FROM topic;
SQL
)
[ -n "$topic" ] || { echo "bench: no discussion fixture" >&2; exit 1; }
pages+=("comm:/gemeenschappen/$comm"
	"topic:/gemeenschappen/$comm/gesprekken/$topic"
	"topic-p8:/gemeenschappen/$comm/gesprekken/$topic?pagina=8"
	"topic-in:/gemeenschappen/$comm/gesprekken/$topic")
. tests/bench/pilots.sh
. tests/bench/masterminds.sh
. tests/bench/stories.sh
. tests/bench/resources.sh
. tests/bench/search.sh

# wrk_page NAME PATH [wrk args...]: one run; sets rps p50 p99 bad errs.
wrk_page() {
	local name=$1 path=$2
	shift 2
	out=$(wrk -t"$threads" -c"$conns" -d"${seconds}s" --latency "$@" \
	    "$BRON_URL$path" 2>&1)
	echo "$out" >"$ARTIFACTS/wrk-$name.txt"
	rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
	p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
	p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
	bad=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' <<<"$out")
	errs=$(awk '/Socket errors:/ { print }' <<<"$out")
}

printf '%-8s %-34s %10s %9s %9s %7s %8s\n' page path req/s p50_ms \
    p99_ms ratio non2xx
ceiling=""
for entry in "${pages[@]}"; do
	name=${entry%%:*}
	path=${entry#*:}
	cookie=()
	case $name in
	home-in|account|*-in) cookie=(-H "Cookie: __Host-sid=$sid") ;;
	esac
	wrk_page "$name" "$path" "${cookie[@]}"
	echo "$out" >"$ARTIFACTS/wrk-$name.txt"
	[ -z "$ceiling" ] && ceiling=$rps
	ratio=$(awk -v a="$rps" -v b="$ceiling" 'BEGIN {
		printf "%.2f", (b > 0 ? a / b : 0) }')
	printf '%-8s %-34s %10.0f %9s %9s %7s %8s\n' "$name" "$path" \
	    "${rps:-0}" "$p50" "$p99" "$ratio" "${bad:-0}"
	[ -n "$errs" ] && echo "         $errs"
done
search_bench
# Sign-ins per second the Argon2id task pool sustains, while signed-in
# page views run next to it: each POST comes from its own X-Real-IP (the
# bench Kore trusts it, tests/lib.sh) so only the hashing limits it.
login_conns=${BENCH_LOGIN_CONNECTIONS:-8}
cat >"$ARTIFACTS/login.lua" <<LUA
local tok = string.rep("A", 43)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Origin"] = "$BRON_URL"
wrk.headers["Cookie"] = "__Host-csrf=" .. tok
wrk.body = "_csrf=" .. tok .. "&email=$bench_email&password=" ..
    string.gsub("$bench_pw", " ", "+")
request = function()
	wrk.headers["X-Real-IP"] = "10." .. math.random(0, 255) .. "." ..
	    math.random(0, 255) .. "." .. math.random(1, 254)
	return wrk.format()
end
LUA
# signin_run NAME: sign-ins for the bench's length into wrk-NAME.txt.
signin_run() {
	wrk -t1 -c"$login_conns" -d"${seconds}s" --timeout 10s --latency \
	    -s "$ARTIFACTS/login.lua" "$BRON_URL/inloggen" \
	    >"$ARTIFACTS/wrk-$1.txt" 2>&1
}
signin_row() {
	local lout lrps lp99 lbad
	lout=$(cat "$ARTIFACTS/wrk-$1.txt")
	lrps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$lout")
	lp99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$lout")")
	lbad=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' <<<"$lout")
	printf '%-8s %-34s %10.1f %9s %9s %7s %8s\n' "$1" "$2" \
	    "${lrps:-0}" - "$lp99" - "${lbad:-0}"
}
# Alone: what the task pool sustains (2 workers x task_threads 2).
signin_run sign-in
signin_row sign-in "POST /inloggen alone (c=$login_conns)"
# Together with signed-in page views at full speed on the same cores.
signin_run sign-in-mix &
login_pid=$!
wrk_page home-mix / -H "Cookie: __Host-sid=$sid"
wait "$login_pid"
signin_row sign-in-mix "POST /inloggen with page views"
printf '%-8s %-34s %10.0f %9s %9s %7s %8s\n' home-mix "/ signed in, during sign-ins" \
    "${rps:-0}" "$p50" "$p99" - "${bad:-0}"
# The 5 MB PDF of tests/bench/resources.sh, downloaded by 8 connections:
# throughput in MB/s (sendfile from the page cache; the count of
# downloads is written with synchronous_commit off).
dl_conns=${BENCH_DOWNLOAD_CONNECTIONS:-8}
dout=$(wrk -t"$threads" -c"$dl_conns" -d"${seconds}s" --latency \
    "$BRON_URL/bestanden/$bench_token" 2>&1)
echo "$dout" >"$ARTIFACTS/wrk-download.txt"
drps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$dout")
dmb=$(awk -v r="${drps:-0}" -v s="$bench_size" \
    'BEGIN { printf "%.0f", r * s / 1048576 }')
dp99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$dout")")
dbad=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' <<<"$dout")
printf '%-8s %-34s %10.1f %9s %9s %7s %8s\n' download \
    "5 MB PDF (c=$dl_conns): $dmb MB/s" "${drps:-0}" - "$dp99" - \
    "${dbad:-0}"
echo "(wrk -t$threads -c$conns -d${seconds}s per page; 404 counts as non-2xx by design;"
echo " conf/bench.conf: 2 workers, pgsql_conn_max 16; raw output in $ARTIFACTS)"
test_kore_down
tests/check-kore-log.sh "$KORE_LOG" && echo "kore log: clean"
