# `make bench`, sourced by tests/bench/run.sh once the database is up:
# 2,000 published pilots (tests/bench/pilots.sql), then the overview
# with two facets chosen (a visitor: the page cache; signed in: the
# query itself every time) and one pilot page.
psql -X -q -v ON_ERROR_STOP=1 "$BRON_DATABASE_URL" \
    -f "$root/tests/bench/pilots.sql" >"$ARTIFACTS/pilots.log" 2>&1 || {
	cat "$ARTIFACTS/pilots.log" >&2
	echo "bench: no pilot fixture" >&2
	exit 1
}
pages+=("pilots:/pilots?regio=groningen&fase=lopend"
	"pilots-in:/pilots?regio=groningen&fase=lopend"
	"pilot:/pilots/bench-pilot-1000")
