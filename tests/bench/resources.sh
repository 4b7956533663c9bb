# `make bench`, sourced by tests/bench/run.sh once the database is up:
# one published resource with a 5 MB PDF (written the way an upload is:
# the file under its token in the upload directory, then its row), its
# page and /bronnen for a visitor, and the PDF's download throughput
# (run.sh's download line: MB/s from wrk's Transfer/sec).
updir=${BRON_UPLOAD_DIR:-$BRON_VAR/uploads}
mkdir -p "$updir"
bench_token=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
bench_pdf=$updir/$bench_token
{
	printf '%%PDF-1.4\n%% Bron bench: 5 MB\n'
	head -c 5242880 /dev/zero | tr '\0' 'x'
	printf '\n%%%%EOF\n'
} >"$bench_pdf"
bench_size=$(stat -c %s "$bench_pdf")
bench_sha=$(sha256sum "$bench_pdf" | cut -d' ' -f1)
psql -X -q -v ON_ERROR_STOP=1 -v token="$bench_token" \
    -v size="$bench_size" -v sha="$bench_sha" "$BRON_DATABASE_URL" \
    >"$ARTIFACTS/resources.log" 2>&1 <<'SQL' || {
BEGIN;
SET LOCAL bron.importer = 'on';
SELECT upload_add(NULL, 'bron', :'token', 'application/pdf',
    'bench-publicatie.pdf', :'size', :'sha', '', 0);
-- Two statements: an UPDATE in the statement that called
-- resource_save() would not see the row it inserted.
SELECT id AS bench_id FROM resource_save(NULL, NULL, NULL,
    'Benchpublicatie over kleinschalig wonen',
    'Een publicatie van 5 MB om het downloaden te meten.',
    'Een beschrijving van de publicatie.',
    '<p>Een beschrijving van de publicatie.</p>', '', 5, '',
    'bench-bron', E'kleinschaligheid\n', '', '', NULL, '', '', NULL,
    jsonb_build_object('type', 'publicatie', 'publisher', 'Bench',
    'year', '2025', 'file', :'token')) \gset
UPDATE item SET status = 'gepubliceerd', published_at = now()
    WHERE id = :bench_id;
COMMIT;
SQL
	cat "$ARTIFACTS/resources.log" >&2
	echo "bench: no resource fixture" >&2
	exit 1
}
st=$(curl -s -o /dev/null -w '%{http_code} %{size_download}' \
    "$BRON_URL/bestanden/$bench_token")
if [ "$st" != "200 $bench_size" ]; then
	echo "bench: /bestanden/$bench_token answered $st, not 200 $bench_size" >&2
	exit 1
fi
pages+=("bron:/bronnen/bench-bron"
	"bronnen:/bronnen")
