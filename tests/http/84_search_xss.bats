#!/usr/bin/env bats
# R2 for search (issue 11): every payload of tests/xss/payloads.txt in the
# title, summary and body of an article (written through SQL, each with
# the run's tag) filed in a community whose name is a payload too; then
# the search views: every page of the tag's results (titles, summaries,
# snippets with <mark>, community names, filters with counts, pager),
# each payload as the query (echoed in the field, the count line, "Bedoelde
# je" and "Misschien zoek je"), each payload with the tag (its own row
# and snippet), and a filtered page. tests/xss/check.py (an HTML parser)
# reports every node that could run script, and a search field that does
# not hold exactly the query sent.
load helpers
load search_fixture

setup_file() {
	sf_init
}

@test "search views: every payload in every field of a found row and as the query: 0 dangerous nodes" {
	local t
	t=$(tag)
	run python3 - "$BATS_TEST_DIRNAME/../xss" "$t" <<'EOF'
import codecs, html, os, subprocess, sys, urllib.error, urllib.parse, urllib.request
sys.path.insert(0, sys.argv[1])
import check

xss, tag = sys.argv[1], sys.argv[2]
base = os.environ['BRON_URL'].rstrip('/')
dsn = os.environ['BRON_DATABASE_URL']

payloads = []
with open(os.path.join(xss, 'payloads.txt'), encoding='utf-8') as f:
    for line in f:
        line = line.rstrip('\n')
        if not line or line.startswith('#'):
            continue
        if line.startswith('esc:'):
            line = codecs.decode(line[4:], 'unicode_escape')
        payloads.append(line)

def psql(sql, **v):
    args = ['psql', '-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', dsn]
    for k, x in v.items():
        args += ['-v', f'{k}={x}']
    r = subprocess.run(args, input=sql, capture_output=True, text=True)
    if r.returncode:
        raise SystemExit(f'psql: {r.stderr}')
    return r.stdout.strip()

def one_line(p, n):
    s = ''.join(c if c >= ' ' and c != '\x7f' else ' ' for c in p)
    return s[:n]

# An editor to make the community, whose name is a payload.
editor = psql("""INSERT INTO account (email, display_name, member_kind, role)
VALUES (:'e', 'Redacteur zoek', 'professional', 'redacteur') RETURNING id;""",
    e=f'zoek-xss-{tag}@example.org')
cname = one_line('<script>alert(1)</script>"><img src=x onerror=alert(1)> ' + tag, 200)
comm = psql("""SELECT id FROM community_save(NULL, :'a', 0, :'n', :'n',
    'Doel', '<p>Doel</p>', '', 'openbaar', 'open', :'s', '');""",
    a=editor, n=cname, s=f'zt-{tag}-xss')
for i, p in enumerate(payloads):
    psql("""SET bron.importer = 'on';
INSERT INTO item (kind, slug, title, summary, body_md, body_html, status,
    published_at, community_id)
VALUES ('artikel', :'slug', :'title', :'summary', :'md', :'html',
    'gepubliceerd', now(), :'c');""",
        slug=f'zt-{tag}-xss-{i}', title=one_line(p, 150) + ' ' + tag,
        summary=one_line(p, 900), md=p + ' ' + tag,
        html='<p>' + html.escape(p) + ' ' + tag + '</p>', c=comm)

def get(q, extra=None):
    params = {'q': q}
    params.update(extra or {})
    url = base + '/zoeken?' + urllib.parse.urlencode(params)
    try:
        with urllib.request.urlopen(url, timeout=20) as r:
            return r.status, r.read().decode('utf-8', 'replace')
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode('utf-8', 'replace')

pages = bad = combos = 0
def look(what, q, extra=None, expect=True):
    global pages, bad, combos
    status, text = get(q, extra)
    pages += 1
    if status >= 500:
        print(f'{what}: status {status}')
        bad += 1
        return text
    # The page's own field (id q) keeps the query; check.controls() would
    # see the header's empty one too, so compare the first field named q.
    exp = None
    if expect and status == 200 and len(q) <= 200:
        exp = {'q': q}
    found = check.check_html(text, expect=exp, where=f'{what}: ')
    for f in found:
        print(f)
    bad += len(found)
    return text

n = len(payloads)
p = 1
while True:
    text = look(f'results page {p}', tag, {'pagina': str(p)} if p > 1 else None)
    combos += n * 3
    if f'pagina={p + 1}' not in text or p > 10:
        break
    p += 1
look('filtered', tag, {'soort': 'artikel', 'gemeenschap': f'zt-{tag}-xss'})
for i, pl in enumerate(payloads):
    q = one_line(pl, 190)
    look(f'payload {i} as the query', q)
    look(f'payload {i} with the tag', (one_line(pl, 150) + ' ' + tag).strip())
    combos += 2
print(f'# {n} payloads, {pages} pages, {combos} payload x view combinations, {bad} dangerous')
sys.exit(1 if bad else 0)
EOF
	echo "$output" | tail -n 30 >&2
	echo "$output" | grep '^# ' >&3 || true
	[ "$status" = 0 ]
}
