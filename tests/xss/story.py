#!/usr/bin/env python3
"""R2 for stories (issue 9): payloads in every text field of a story,
through the real forms, and every view checked with check.py.

Kept fast: one fixture per run and only the payloads of payloads.txt that
each open a context of their own (PICK below: raw HTML, an event handler,
Markdown and HTML links with javascript:, an image title, breaking out of
a textarea, a double- and a single-quoted attribute, the title element,
the feed's CDATA, template markers, headings, control characters, the
fullwidth look-alike and <details ontoggle> (the warning gate is a
<details>)). Per payload, a storyteller whose display name is a payload:

  1. writes and sends in a story (/verhalen/nieuw, "Insturen"): title,
     summary, text, pseudonym and, as a storyteller under 16, the
     guardian's name carry the payload; warnings separatie and suicide;
  2. an editor opens the review page and suggests changes with payload
     notes; the storyteller reads them, opens the editor (every value
     must come back intact) and sends the story in again; the editor
     checks it with payload notes; the storyteller puts it online and
     turns replies on;
  3. a member replies with a payload; the editor sees it waiting in the
     queue; the storyteller places it; the editor quotes a payload
     sentence of the story on a change goal;
  4. every view: the story page (visitor with the gate closed and opened
     by ?tonen=1, member, storyteller, editor), the editor, the scope
     page, the admin's author page, /verhalen, the home page, the theme
     page and feed, the stories feed, search, the editors' queue,
     /account/verhalen, the monitor, and the storyteller's data export
     (JSON, an attachment).

The guardian's name is shown nowhere but in the storyteller's own export:
any other view that shows it is a finding.

  story.py [--out results.json] [--limit N]
Output and results.json as run.py's (the browser test reuses them).
"""

import json
import re
import sys
import time
import urllib.parse

sys.dont_write_bytecode = True
import run as R  # noqa: E402
from run import (Client, Run, StepFailed, csrf_of, expect, hidden,  # noqa: E402
                 invalid_fields, load_payloads, marker, one_line, psql,
                 register, jar_json, report)

R.FIELDS.clear()
R.FIELDS.update({
    't': 'titel', 's': 'samenvatting', 'b': 'tekst', 'p': 'schuilnaam',
    'g': 'voogd', 'n': 'voorstelnotitie', 'a': 'akkoordnotitie',
    'r': 'reactie', 'q': 'citaat',
})

PICK = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">klik</a>',
    '<details open ontoggle=alert(1)>',
    '[klik](javascript:alert(1))',
    '![a](/x.png "\\" onerror=alert(1)")',
    '</textarea><script>alert(1)</script>',
    '"><script>alert(1)</script>',
    "x' onfocus='alert(1)' autofocus='",
    '</title><script>alert(1)</script>',
    ']]></content><script>alert(1)</script>',
    '{{{body}}} {{title}} {{t:site_name}} {{csrf}}',
    '## <img src=x onerror=alert(1)>\n\n## x" onmouseover="alert(1)',
    '\x0b\x1b<script>alert(1)</script>\x7f',
    '＜script＞alert(1)＜/script＞',
]

CONSENT = '2026-11-a'
# The fields a form gives back on an error page (checked there).
TYPED = ('title', 'summary', 'body', 'pseudonym', 'guardian', 'notes', 'citaat')
HIDDEN = ('nonce', 'base', 'rev', 'consent_version', 'guardian_version')


def picked():
    allp = load_payloads()
    out = [p for p in allp if p in PICK]
    missing = [p for p in PICK if p not in allp]
    if missing:
        raise SystemExit(f'story.py: not in payloads.txt: {missing!r}')
    return out


def send(run, who, path, fields, view, ok=(303,), src=None):
    """POST fields as multipart with a fresh token (and the hidden nonce,
    base, rev and versions of the form at src or path); a field the server
    refuses is checked on the error page, then sent again as its marker.
    Returns (response, fields as finally sent)."""
    fields = list(fields)
    src = src or path
    for attempt in range(3):
        g = expect(who.get(src), (200,), f'GET {src}')
        names = dict(fields)
        extra = [('_csrf', csrf_of(g.text))]
        for h in HIDDEN:
            v = hidden(g.text, h)
            if v is not None and h not in names:
                extra.append((h, v))
        r = who.post_multipart(path, extra + fields)
        if r.status in ok:
            return r, dict(fields)
        if r.status not in (400, 409, 422):
            expect(r, ok, f'POST {path}')
        shown = {k: v for k, v in fields if k in TYPED}
        run.check(view + ' (fout)', r, shown, who=who.role, browse=False)
        bad = invalid_fields(r.text) & set(shown)
        if not bad:
            expect(r, ok, f'POST {path} (no field marked)')
        out = []
        for k, v in fields:
            if k in bad:
                m = re.search(r'§.\d\d§', v)
                run.rejected.append(f'{k} at {path}')
                v = m.group(0) + ' veilig' if m else 'veilige tekst'
            out.append((k, v))
        fields = out
    raise StepFailed(f'POST {path}: still refused')


def small_post(who, src, path, fields, ok=(303,)):
    """A button form (urlencoded) with the token and rev of the page."""
    g = expect(who.get(src), (200,), f'GET {src}')
    extra = [('_csrf', csrf_of(g.text))]
    rev = hidden(g.text, 'rev')
    if rev is not None and 'rev' not in dict(fields):
        extra.append(('rev', rev))
    return expect(who.post_form(path, extra + list(fields)), ok, f'POST {path}')


def story_fields(i, p):
    p1 = one_line(p)
    return [
        ('title', f'{marker("t", i)} {p1}'[:200]),
        ('summary', f'{marker("s", i)} {p1}'[:300]),
        ('body', f'{marker("b", i)} {p}\n\n## {marker("b", i)} kop {p}\n\n'
                 f'- {p}\n\n> {p}\n\n{marker("q", i)} {p1} en verder.\n'),
        ('pseudonym', f'{marker("p", i)} {p1}'[:60]),
        ('themes', 'kleinschaligheid'), ('community', ''),
        ('warnings', 'separatie'), ('warnings', 'suicide'),
        ('checklist', 'namen'), ('checklist', 'plaatsen'), ('checklist', 'fotos'),
        ('scope', 'citeren'), ('consent', '1'), ('consent_version', CONSENT),
        ('under16', 'ja'), ('guardian', f'{marker("g", i)} {p1}'[:120]),
        ('guardian_ok', '1'), ('guardian_version', CONSENT),
        ('action', 'submit'),
    ]


def slug_of(resp):
    m = re.match(r'(?:https?://[^/]+)?/verhalen/([a-z0-9-]+)', resp.location())
    if not m:
        raise StepFailed(f'no story in Location {resp.location()!r}')
    return m.group(1)


def one_story(run, teller, ed, member, goal, i, p):
    p1 = one_line(p)
    r, sent = send(run, teller, '/verhalen/nieuw', story_fields(i, p), 'schrijven')
    slug = slug_of(r)
    sid = psql("SELECT id FROM item WHERE kind = 'verhaal' AND slug = :'a1';", slug)
    base = f'/verhalen/{slug}'
    run.get('beoordelen', ed, f'{base}/beoordelen')
    review = [('herkenbaar', 'ja'), ('veilig', 'ja')]
    send(run, ed, f'{base}/beoordelen', [('besluit', 'voorstel'),
         ('notes', f'{marker("n", i)} {p}')] + review, 'beoordelen')
    run.get('verhaal (verteller)', teller, base)
    run.get('bewerken', teller, f'{base}/bewerken', ctl=stored(sid))
    again = [(k, sent.get(k, v)) if k in TYPED else (k, v)
             for k, v in story_fields(i, p)]
    send(run, teller, f'{base}/bewerken', again, 'bewerken')
    send(run, ed, f'{base}/beoordelen', [('besluit', 'akkoord'),
         ('notes', f'{marker("a", i)} {p}')] + review, 'beoordelen')
    run.get('verhaal (verteller)', teller, base)
    small_post(teller, base, f'{base}/publiceren', [])
    small_post(teller, base, f'{base}/instellingen', [('reacties', 'aan')])
    send(run, member, f'{base}/reacties', [('body', f'{marker("r", i)} {p}')],
         'reageren', src=base)
    run.get('redactie', ed, '/redactie/verhalen')
    rid = psql("SELECT max(id) FROM story_reply WHERE item_id = :'a1';", sid)
    small_post(teller, base, f'/reacties/{rid}', [('besluit', 'geplaatst'),
               ('terug', base)])
    body = psql("SELECT body_md FROM item WHERE id = :'a1';", sid)
    # The payload's sentence, or (when the form refused the text and it
    # was sent as its bare marker) the first line of what is stored.
    m = re.search(r'§q\d\d§[^\n]*', body)
    quote = m.group(0) if m else body.strip().split('\n')[0]
    send(run, ed, f'{base}/citaten', [('citaat', quote[:600]), ('opgave', goal)],
         'citeren')
    return slug, sid


def stored(sid):
    return json.loads(psql(
        "SELECT json_build_object('title', i.title, 'summary', i.summary, 'body', "
        "i.body_md, 'pseudonym', s.pseudonym) FROM item i JOIN story s ON "
        "s.item_id = i.id WHERE i.id = :'a1';", sid))


def check_export(run, client):
    """The storyteller's data export: JSON as an attachment, never a page a
    browser renders (it holds their consent record, the guardian too)."""
    view = 'export'
    v = run.views.setdefault(view, {'pages': 0, 'findings': [], 'statuses': {}})
    g = client.get('/account/export')
    r = client.post_form('/account/export', [('_csrf', csrf_of(g.text) or '')])
    v['pages'] += 1
    run.pages += 1
    v['statuses'][str(r.status)] = v['statuses'].get(str(r.status), 0) + 1
    where = f'POST /account/export ({r.status}): '
    ct = r.headers.get('content-type', '')
    if r.status != 200 or not ct.startswith('application/json'):
        v['findings'].append(f'{where}Content-Type {ct!r}')
    if not r.headers.get('content-disposition', '').startswith('attachment'):
        v['findings'].append(f'{where}not an attachment')
    if r.headers.get('x-content-type-options', '') != 'nosniff':
        v['findings'].append(f'{where}no nosniff')
    try:
        data = json.dumps(json.loads(r.text), ensure_ascii=False)
    except ValueError:
        v['findings'].append(f'{where}not JSON')
        return
    for m in re.finditer(r'§([a-zA-Z])(\d\d)§', data):
        if m.group(1) in R.FIELDS:
            run.seen.add((int(m.group(2)), m.group(1), view))


def main(argv):
    out, limit = None, None
    it = iter(argv)
    for a in it:
        if a == '--out':
            out = next(it)
        elif a == '--limit':
            limit = int(next(it))
    payloads = picked()
    if limit:
        payloads = payloads[:limit]
    run = Run(payloads)
    t0 = time.time()
    try:
        teller = register('verteller')
        ed = register('redacteur')
        member = register('lid')
        admin = register('beheerder')
        teller.role, ed.role, member.role, admin.role = \
            'storyteller', 'editor', 'member', 'admin'
        psql("UPDATE account SET role = 'redacteur' WHERE email = :'a1';", ed.email)
        psql("UPDATE account SET role = 'beheerder' WHERE email = :'a1';", admin.email)
        goal = psql("SELECT slug FROM change_goal ORDER BY id LIMIT 1;")
        vis = Client('bezoeker')
        made = []
        failed = 0
        for i, p in enumerate(payloads):
            if failed >= 3:
                break
            try:
                made.append(one_story(run, teller, ed, member, goal, i, p))
                failed = 0
            except StepFailed as e:
                run.fail(f'payload {i:02d}: {e}')
                failed += 1
        for slug, sid in made:
            base = f'/verhalen/{slug}'
            for view, c, path in (
                    ('verhaal', vis, base),
                    ('verhaal (open)', vis, f'{base}?tonen=1'),
                    ('verhaal (lid)', member, base),
                    ('verhaal (verteller)', teller, base),
                    ('verhaal (redacteur)', ed, base),
                    ('reikwijdte', teller, f'{base}/reikwijdte'),
                    ('auteur', admin, f'{base}/auteur')):
                run.get(view, c, path)
            run.get('bewerken', teller, f'{base}/bewerken', ctl=stored(sid))
        # The admin's look: the storyteller's (payload) display name.
        for slug, sid in made[:2]:
            try:
                r = small_post(admin, f'/verhalen/{slug}/auteur',
                               f'/verhalen/{slug}/auteur', [], ok=(200,))
                run.check('auteur (getoond)', r, who='admin', browse=False)
                if 'XSS verteller' not in R.html.unescape(r.text):
                    run.fail(f'the author page of {slug} does not name the storyteller')
            except StepFailed as e:
                run.fail(str(e))
        for pg in range(1, (len(made) + 19) // 20 + 2):
            run.get('verhalen', vis, f'/verhalen?pagina={pg}')
        run.get('verhalen (lid)', member, '/verhalen')
        run.get('home', vis, '/')
        run.get('themapagina', vis, '/themas/kleinschaligheid')
        run.get('themafeed', vis, '/feeds/themas/kleinschaligheid.atom', feed=True)
        run.get('verhalenfeed', vis, '/feeds/verhalen.atom', feed=True)
        for q in ('alert', 'script', 'klik'):
            run.get('zoeken', vis, f'/zoeken?q={q}')
        run.get('zoeken', vis, '/zoeken?q=' + urllib.parse.quote(PICK[1], safe=''),
                status=(200, 400))
        run.get('redactie', ed, '/redactie/verhalen')
        run.get('mijn verhalen', teller, '/account/verhalen')
        run.get('monitor', vis, f'/monitor/{goal}')
        check_export(run, teller)
        # The guardian's name belongs to nobody's page (a form that was
        # refused gives back what was typed).
        for i, f, view in sorted(run.seen):
            if f == 'g' and not view.endswith('(fout)') and view != 'export':
                run.views[view]['findings'].append(
                    f'shows the guardian\'s name of payload {i:02d}')
        cookies = jar_json(teller, ed, member, admin)
    except StepFailed as e:
        run.fail(str(e))
        cookies = {}
    return report(run, len(payloads), out, cookies, t0)


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
