# `make bench`, sourced by tests/bench/run.sh once the database is up:
# 2,000 published stories, a third with warnings (tests/bench/stories.sql),
# then the page of a warned story that shows the help banner and the
# /verhalen list, each for a visitor (the page cache) and the list also
# for the signed-in bench account (the statement itself every time).
psql -X -q -v ON_ERROR_STOP=1 "$BRON_DATABASE_URL" \
    -f "$root/tests/bench/stories.sql" >"$ARTIFACTS/stories.log" 2>&1 || {
	cat "$ARTIFACTS/stories.log" >&2
	echo "bench: no story fixture" >&2
	exit 1
}
# The story page must answer 200 with the warning gate closed for a
# visitor, or the bench would measure a 404.
st=$(curl -s -o "$ARTIFACTS/story.html" -w '%{http_code}' \
    "$BRON_URL/verhalen/bench-verhaal-1000")
if [ "$st" != 200 ] || ! grep -q '<details' "$ARTIFACTS/story.html"; then
	echo "bench: /verhalen/bench-verhaal-1000 answered $st without a closed warning gate" >&2
	exit 1
fi
pages+=("verhaal:/verhalen/bench-verhaal-1000"
	"verhalen:/verhalen"
	"verhalen-p50:/verhalen?pagina=50"
	"verhalen-in:/verhalen")
