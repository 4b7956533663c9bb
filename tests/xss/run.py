#!/usr/bin/env python3
"""R2: every payload of payloads.txt in every text field, every view checked.

Drives a running Bron (BRON_URL) through its real forms, as a member (the
author) and an editor, one article and one theme per payload:

  1. the editor creates a theme per payload (title, summary, description)
     at /redactie/themas (a theme from an earlier run is edited instead);
  2. the member writes an article per payload at /artikelen/nieuw: title,
     summary, body, tags and revision note hold the payload; the preview
     and a refused "gerelateerd" field are checked on the way;
  3. submits it (indienen); the editor sends it back with the payload as
     feedback; the member edits it (a second revision with the payload in
     the diff) and tries once more from the old revision (409);
  4. submits again; the editor approves it with the payload as note; the
     member restores revision 1 (a third revision).

Every page met on the way and every view afterwards goes through check.py.
Each field carries a marker (§t07§: field t of payload 7) so the figure
counts only the payload × field × view combinations a page really showed.

  run.py [--out results.json] [--limit N] [--only VIEW] [--review-copies]
  run.py --accounts accounts.json
Output: one line per view kind, then the figure; exit 1 when anything is
dangerous or a step failed. results.json holds the findings per view, the
figure and the list of view URLs (with the account that sees each) for the
browser test (tests/browser/articles.mjs).
"""

import html
import http.client
import json
import os
import random
import re
import secrets
import subprocess
import sys
import time
import urllib.parse

sys.dont_write_bytecode = True  # no __pycache__ in the work tree
from check import check_feed, check_html  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = os.environ.get('BRON_URL', 'http://127.0.0.1:18080').rstrip('/')
DSN = os.environ.get('BRON_DATABASE_URL', '')
PASSWORD = 'groene kikker springt heel hoog'

# Field codes: the marker §<code><nn>§ starts each field's text.
FIELDS = {
    't': 'titel', 's': 'samenvatting', 'b': 'tekst', 'g': 'tag',
    'n': 'versienotitie', 'f': 'feedback', 'a': 'goedkeuringsnotitie',
    'T': 'thematitel', 'S': 'themasamenvatting', 'B': 'thematekst',
}


class StepFailed(Exception):
    pass


def load_payloads(path=os.path.join(HERE, 'payloads.txt')):
    out = []
    with open(path, encoding='utf-8') as fh:
        for line in fh:
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            if line.startswith('esc:'):
                # esc: lines are ASCII; \n, \t, \x0b, \u202e become characters.
                line = line[4:].encode('ascii').decode('unicode_escape')
            out.append(line)
    return out


def one_line(s):
    return re.sub(r'[\r\n]+', ' ', s).strip()


def marker(code, i):
    return f'§{code}{i:02d}§'


# ------------------------------------------------------------------ HTTP

class Client:
    """One browser-like client: its own cookies and client address."""

    def __init__(self, name, role=None):
        self.name = name
        self.role = role
        self.cookies = {}
        self.secure = {}
        self.ip = '10.%d.%d.%d' % (random.randint(1, 254), random.randint(0, 255),
                                   random.randint(1, 254))
        u = urllib.parse.urlsplit(BASE)
        self.host, self.port = u.hostname, u.port or 80
        self.conn = None
        self.last = 0

    def request(self, method, path, body=None, ctype=None, headers=None):
        h = {'Host': f'{self.host}:{self.port}', 'X-Real-IP': self.ip,
             'Accept-Language': 'nl-NL,nl;q=0.9', 'User-Agent': 'bron-xss-test'}
        if self.cookies:
            h['Cookie'] = '; '.join(f'{k}={v}' for k, v in self.cookies.items())
        if body is not None:
            h['Content-Type'] = ctype
            h['Origin'] = BASE
            h['Content-Length'] = str(len(body))
        h.update(headers or {})
        # Kore closes idle keep-alive connections (answering 408 to the
        # next request on them): start afresh after a pause.
        if self.conn is not None and time.time() - self.last > 5:
            self.conn.close()
            self.conn = None
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=20)
            try:
                self.conn.request(method, path, body=body, headers=h)
                r = self.conn.getresponse()
                data = r.read()
                break
            except (http.client.HTTPException, OSError) as e:
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise StepFailed(f'{method} {path}: {e!r} (is Bron running at {BASE}?)')
        for k, v in r.getheaders():
            if k.lower() == 'set-cookie':
                pair = v.split(';', 1)[0]
                name, _, val = pair.partition('=')
                if val == '' or re.search(r'max-age=0\b', v, re.I):
                    self.cookies.pop(name.strip(), None)
                else:
                    self.cookies[name.strip()] = val.strip()
                    self.secure[name.strip()] = bool(re.search(r';\s*secure\b', v, re.I))
        self.last = time.time()
        if r.getheader('Connection', '').lower() == 'close':
            self.conn.close()
            self.conn = None
        return Resp(method, path, r.status, dict((k.lower(), v) for k, v in r.getheaders()),
                    data.decode('utf-8', errors='replace'))

    def get(self, path):
        return self.request('GET', path)

    def post_form(self, path, fields):
        body = urllib.parse.urlencode(fields).encode()
        return self.request('POST', path, body, 'application/x-www-form-urlencoded')

    def post_multipart(self, path, fields):
        """fields: list of (name, value); a name may repeat."""
        b = '----bronxss' + secrets.token_hex(12)
        parts = []
        for k, v in fields:
            parts.append(f'--{b}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n'
                         .encode() + v.encode('utf-8') + b'\r\n')
        parts.append(f'--{b}--\r\n'.encode())
        return self.request('POST', path, b''.join(parts), f'multipart/form-data; boundary={b}')


class Resp:
    def __init__(self, method, path, status, headers, text):
        self.method, self.path, self.status = method, path, status
        self.headers, self.text = headers, text

    def location(self):
        return self.headers.get('location', '')

    def __str__(self):
        return f'{self.method} {self.path} → {self.status}'


def csrf_of(text):
    m = re.search(r'name="_csrf" value="([^"]+)"', text)
    return html.unescape(m.group(1)) if m else None


def hidden(text, name):
    m = re.search(r'<input[^>]*name="%s"[^>]*>' % re.escape(name), text)
    if not m:
        return None
    v = re.search(r'value="([^"]*)"', m.group(0))
    return html.unescape(v.group(1)) if v else None


def psql(sql, *args):
    if not DSN:
        raise StepFailed('BRON_DATABASE_URL is not set')
    cmd = ['psql', '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', DSN]
    for n, a in enumerate(args, 1):
        cmd += ['-v', f'a{n}={a}']
    r = subprocess.run(cmd, input=sql, capture_output=True, text=True, timeout=20)
    if r.returncode != 0:
        raise StepFailed(f'psql: {r.stderr.strip()}')
    return r.stdout.strip()


def expect(resp, statuses, what):
    if resp.status not in statuses:
        body = re.sub(r'\s+', ' ', re.sub(r'<[^>]+>', ' ', resp.text))
        m = re.search(r'<main.*?</main>', resp.text, re.S)
        if m:
            body = re.sub(r'\s+', ' ', re.sub(r'<[^>]+>', ' ', m.group(0)))
        raise StepFailed(f'{what}: {resp} (expected {statuses}); page says: {body.strip()[:400]}')
    return resp


def invalid_fields(text):
    """Names of the form controls marked aria-invalid="true"."""
    names = set()
    for m in re.finditer(r'<(?:input|textarea|select)\b[^>]*>', text):
        tag = m.group(0)
        if 'aria-invalid="true"' in tag:
            n = re.search(r'name="([^"]+)"', tag)
            if n:
                names.add(n.group(1))
    for m in re.finditer(r'<fieldset\b[^>]*aria-invalid="true"[^>]*>', text):
        n = re.search(r'id="([^"]+)"', m.group(0))
        if n:
            names.add(n.group(1))
    return names


# ------------------------------------------------------------------ run

class Run:
    def __init__(self, payloads, only=None):
        self.payloads = payloads
        self.only = only
        self.views = {}          # view kind -> {'pages': n, 'findings': [...]}
        self.seen = set()        # (payload, field, view kind)
        self.rejected = []       # fields refused by a form (checked on the error page)
        self.browser = []        # {'who', 'path', 'view'} for the browser test
        self.errors = []
        self.pages = 0
        self.copies = []         # ids of the review copies (--review-copies)

    # Check one page; count the payload × field markers it shows.
    def check(self, view, resp, expect_ctl=None, feed=False, who=None, browse=True):
        if self.only and view not in self.only:
            return
        v = self.views.setdefault(view, {'pages': 0, 'findings': [], 'statuses': {}})
        v['pages'] += 1
        v['statuses'][str(resp.status)] = v['statuses'].get(str(resp.status), 0) + 1
        self.pages += 1
        where = f'{resp.method} {resp.path} ({resp.status}): '
        ctype = resp.headers.get('content-type', '')
        if feed:
            if not ctype.startswith('application/atom+xml'):
                v['findings'].append(f'{where}Content-Type {ctype!r}, not application/atom+xml')
            found = check_feed(resp.text, where=where)
        else:
            if 'html' not in ctype:
                v['findings'].append(f'{where}Content-Type {ctype!r}')
            found = check_html(resp.text, expect_ctl, where=where)
        v['findings'] += found
        plain = html.unescape(resp.text)
        if feed:
            plain = html.unescape(plain)   # content type="html" is escaped twice
        for m in re.finditer(r'§([a-zA-Z])(\d\d)§', plain):
            code, i = m.group(1), int(m.group(2))
            if code.lower() == 'g':
                code = 'g'
            if code in FIELDS and i < len(self.payloads):
                self.seen.add((i, code, view))
        if browse and resp.method == 'GET' and not feed and resp.status < 400:
            self.browser.append({'view': view, 'who': who, 'path': resp.path})

    def get(self, view, client, path, ctl=None, feed=False, status=(200,)):
        """GET path as client and check it as view; a failure is recorded."""
        try:
            r = expect(client.get(path), status, f'{view}: GET {path}')
        except StepFailed as e:
            self.fail(str(e))
            return None
        self.check(view, r, ctl, feed=feed, who=client.role)
        return r

    def fail(self, msg):
        self.errors.append(msg)
        print(f'# step failed: {msg}', flush=True)


def fields_for(i, p, rev=1):
    """The editor form's text fields for payload i (revision 1 or 2)."""
    p1 = one_line(p)
    r = '' if rev == 1 else ' (2)'
    return {
        'title': f'{marker("t", i)}{r} {p1}'[:200],
        'summary': f'{marker("s", i)}{r} {p1}'[:300],
        'body': (f'## {marker("b", i)} kop {p}\n\n{marker("b", i)}{r} {p}\n\n'
                 f'- punt {p}\n\n> {p}\n\nSlot{r}.\n'),
        'tags': f'{marker("g", i)} {p1}'[:40],
        'note': f'{marker("n", i)}{r} {p1}'[:300],
    }


def stored(item_id):
    """The item's current title, summary and body as the database holds
    them: what the edit form must show."""
    return json.loads(psql("SELECT json_build_object('title', title, 'summary', summary, "
                           "'body', body_md) FROM item WHERE id = :'a1';", item_id))


def form_values(f, note=False):
    """The editor fields whose value must come back exactly as sent (tags
    are normalised by the server; the note is kept only on the same form)."""
    keys = ('title', 'summary', 'body') + (('note',) if note else ())
    return {k: f[k] for k in keys if k in f}


def editor_fields(csrf, f, themes, extra=()):
    out = [('_csrf', csrf)]
    out += list(extra)
    for k in ('title', 'summary', 'body', 'tags', 'note'):
        out.append((k, f[k]))
    for t in themes:
        out.append(('themes', t))
    out += [('community', ''), ('related', f.get('related', ''))]
    return out


def save_article(run, who, path, f, themes, extra, view):
    """POST the editor form; a field the server refuses is checked on the
    error page, then sent again as its bare marker. Returns the response."""
    f = dict(f)
    for attempt in range(4):
        g = expect(who.get(path), (200,), f'GET {path}')
        csrf = csrf_of(g.text)
        ex = list(extra)
        if path.endswith('/nieuw'):
            ex.append(('nonce', hidden(g.text, 'nonce') or ''))
        else:
            ex.append(('base', hidden(g.text, 'base') or ''))
        r = who.post_multipart(path, editor_fields(csrf, f, themes, ex) + [('action', 'save')])
        if r.status in (303, 302):
            return r, f
        if r.status != 400:
            expect(r, (303,), f'save {path}')
        run.check(view + ' (fout)', r, form_values(f, note=True), who=who.role, browse=False)
        bad = invalid_fields(r.text) & {'title', 'summary', 'body', 'tags', 'note', 'related'}
        if not bad:
            raise StepFailed(f'save {path}: 400 without a marked field')
        for k in bad:
            i = re.search(r'§.(\d\d)§', f[k])
            run.rejected.append(f'{k} of payload {i.group(1) if i else "?"}')
            m = re.search(r'§.\d\d§', f[k])
            f[k] = m.group(0) if m else 'x'
    raise StepFailed(f'save {path}: still refused after 4 tries')


def slug_from(loc):
    m = re.search(r'/artikelen/([a-z0-9-]+)', loc)
    if not m:
        raise StepFailed(f'no article slug in Location {loc!r}')
    return m.group(1)


def register(name):
    c = Client(name)
    r = expect(c.get('/registreren'), (200,), 'GET /registreren')
    email = f'xss-{name}-{int(time.time())}-{os.getpid()}-{random.randint(0, 99999)}@example.org'
    # The display name is shown as the author: a payload too.
    for shown in (f'XSS {name} "><img src=x onerror=alert(1)>', f'XSS {name}'):
        r = c.post_form('/registreren', {'_csrf': csrf_of(r.text), 'email': email,
                                          'name': shown, 'password': PASSWORD,
                                          'kind': 'professional'})
        if r.status == 303:
            break
        r = expect(c.get('/registreren'), (200,), 'GET /registreren')
    expect(r, (303,), f'register {name}')
    c.email = email
    return c


def theme_step(run, ed, i, p):
    p1 = one_line(p)
    title = f'{marker("T", i)} {p1}'[:200]
    vals = {'title': title, 'summary': f'{marker("S", i)} {p1}'[:300],
            'body': f'{marker("B", i)} {p}\n\n## kop {p}\n'}
    slug = psql("SELECT slug FROM theme WHERE title LIKE :'a1' || '%' ORDER BY id LIMIT 1;",
                marker('T', i))
    path = f'/redactie/themas/{slug}' if slug else '/redactie/themas'
    g = expect(ed.get(path), (200,), f'GET {path}')
    r = ed.post_multipart(path, [('_csrf', csrf_of(g.text))] + list(vals.items()))
    if r.status == 400:
        run.check('themabeheer (fout)', r, vals, who='editor', browse=False)
        bad = invalid_fields(r.text)
        for k in bad & set(vals):
            run.rejected.append(f'theme {k} of payload {i:02d}')
            vals[k] = marker({'title': 'T', 'summary': 'S', 'body': 'B'}[k], i)
        r = ed.post_multipart(path, [('_csrf', csrf_of(g.text))] + list(vals.items()))
    expect(r, (303,), f'save theme {i:02d} at {path}')
    slug = psql("SELECT slug FROM theme WHERE title LIKE :'a1' || '%' ORDER BY id LIMIT 1;",
                marker('T', i))
    if not slug:
        slug = psql("SELECT slug FROM theme WHERE title = :'a1';", vals['title'])
    if not slug:
        raise StepFailed(f'theme {i:02d} saved but not found in the database')
    return slug


def status_post(who, slug, action):
    path = f'/artikelen/{slug}'
    g = expect(who.get(path), (200,), f'GET {path}')
    r = who.post_form(f'{path}/status', {'_csrf': csrf_of(g.text), 'action': action})
    return expect(r, (303,), f'{action} {slug}')


def review(run, ed, slug, decision, note):
    """The editor's decision with the payload as note; a refused note is
    checked on the error page, then sent as its bare marker."""
    path = f'/artikelen/{slug}/beoordelen'
    g = expect(ed.get(path), (200,), f'GET {path}')
    # Not for the browser: the page is gone (409) once the decision is in.
    run.check('beoordelen', g, who='editor', browse=False)
    r = ed.post_multipart(path, [('_csrf', csrf_of(g.text)), ('decision', decision),
                                 ('note', note)])
    if r.status == 400:
        run.check('beoordelen (fout)', r, {'note': note}, who='editor', browse=False)
        if 'note' in invalid_fields(r.text):
            run.rejected.append(f'{decision} note of {slug}')
            r = ed.post_multipart(path, [('_csrf', csrf_of(g.text)), ('decision', decision),
                                         ('note', note.split(' ', 1)[0])])
    return expect(r, (303,), f'{decision} {slug}')


def main(argv):
    out = None
    limit = None
    only = None
    copies = False
    it = iter(argv)
    for a in it:
        if a == '--out':
            out = next(it)
        elif a == '--limit':
            limit = int(next(it))
        elif a == '--only':
            only = set(next(it).split(','))
        elif a == '--review-copies':
            copies = True
        elif a == '--accounts':
            return accounts_only(next(it))
    payloads = load_payloads()
    if limit:
        payloads = payloads[:limit]
    run = Run(payloads, only)
    n = len(payloads)
    arts = [dict(i=i, p=p) for i, p in enumerate(payloads)]
    t0 = time.time()
    try:
        member = register('lid')
        editor = register('redacteur')
        editor.role, member.role = 'editor', 'member'
        psql("UPDATE account SET role = 'redacteur' WHERE email = :'a1';", editor.email)
        visitor = Client('bezoeker')

        # 1. Themes (after three failures in a row, the rest are skipped).
        failed = 0
        for a in arts:
            a['theme'] = None
            if failed >= 3:
                continue
            try:
                a['theme'] = theme_step(run, editor, a['i'], a['p'])
                failed = 0
            except StepFailed as e:
                run.fail(str(e))
                failed += 1
        run.get('themabeheer', editor, '/redactie/themas')

        # 2. Create: preview, a refused related field, then save.
        for a in arts:
            i, p = a['i'], a['p']
            f = fields_for(i, p)
            themes = [a['theme']] if a.get('theme') else []
            try:
                g = expect(member.get('/artikelen/nieuw'), (200,), 'GET /artikelen/nieuw')
                base = [('nonce', hidden(g.text, 'nonce') or '')]
                r = member.post_multipart('/artikelen/nieuw', editor_fields(csrf_of(g.text), f, themes, base)
                                          + [('action', 'preview')])
                run.check('voorbeeld', r, form_values(f, note=True), who='member', browse=False)
                if r.status != 200:
                    run.fail(f'preview of payload {i:02d}: {r} (expected 200)')
                bad = dict(f, related=f'{marker("r", i)}\n{p}\n/artikelen/{p1s(p)}')
                g = expect(member.get('/artikelen/nieuw'), (200,), 'GET /artikelen/nieuw')
                r = member.post_multipart('/artikelen/nieuw', editor_fields(csrf_of(g.text), bad, themes, [
                    ('nonce', hidden(g.text, 'nonce') or '')]) + [('action', 'save')])
                run.check('bewerken (fout)', r, {'related': bad['related'], 'body': f['body']},
                          who='member', browse=False)
                if r.status != 400:
                    run.fail(f'save of payload {i:02d} with unknown related lines: {r} (expected 400)')
                r, a['f1'] = save_article(run, member, '/artikelen/nieuw', f, themes, (), 'bewerken')
                a['slug'] = slug_from(r.location())
            except StepFailed as e:
                run.fail(str(e))
        arts_ok = [a for a in arts if a.get('slug')]
        for a in arts_ok:
            a['id'] = psql("SELECT id FROM item WHERE kind = 'artikel' AND slug = :'a1';", a['slug'])
            a['tags'] = psql("SELECT tag FROM item_tag WHERE item_id = :'a1' ORDER BY tag;",
                             a['id']).split('\n')

        # 3. Submit; the queue; send back with feedback.
        for a in arts_ok:
            try:
                status_post(member, a['slug'], 'indienen')
            except StepFailed as e:
                run.fail(str(e))
        run.get('redactie', editor, '/redactie')
        for a in arts_ok:
            try:
                a['feedback'] = f'{marker("f", a["i"])} {a["p"]}'
                review(run, editor, a['slug'], 'terugsturen', a['feedback'])
            except StepFailed as e:
                run.fail(str(e))
        run.get('redactie', editor, '/redactie')
        run.get('mijn artikelen', member, '/account/artikelen')

        # 4. Edit (revision 2), then the same edit from revision 1: 409.
        for a in arts_ok:
            i, p, s = a['i'], a['p'], a['slug']
            themes = [a['theme']] if a.get('theme') else []
            try:
                path = f'/artikelen/{s}/bewerken'
                g = expect(member.get(path), (200,), f'GET {path}')
                run.check('bewerken', g, form_values(a['f1']), who='member')
                run.get('artikel (auteur)', member, f'/artikelen/{s}')
                f2 = fields_for(i, p, 2)
                r, a['f2'] = save_article(run, member, path, f2, themes, (), 'bewerken')
                r = member.post_multipart(path, editor_fields(csrf_of(g.text), a['f2'], themes,
                                          [('base', '1')]) + [('action', 'save')])
                expect(r, (409,), f'stale edit of {s}')
                run.check('conflict (409)', r, form_values(a['f2'], note=True), who='member',
                          browse=False)
            except StepFailed as e:
                run.fail(str(e))

        # 5. Submit, approve with a note, restore revision 1.
        for a in arts_ok:
            s = a['slug']
            try:
                status_post(member, s, 'indienen')
                review(run, editor, s, 'goedkeuren', f'{marker("a", a["i"])} {a["p"]}')
                g = expect(member.get(f'/artikelen/{s}/geschiedenis'), (200,), 'history')
                r = member.post_form(f'/artikelen/{s}/herstellen',
                                     {'_csrf': csrf_of(g.text), 'rev': '1',
                                      'base': str(psql("SELECT revision FROM item WHERE id = :'a1';", a['id']))})
                expect(r, (303,), f'restore revision 1 of {s}')
            except StepFailed as e:
                run.fail(str(e))

        # 6. Every view.
        for a in arts_ok:
            s = a['slug']
            for view, c, path in (
                    ('artikel', visitor, f'/artikelen/{s}'),
                    ('artikel (auteur)', member, f'/artikelen/{s}'),
                    ('artikel (redacteur)', editor, f'/artikelen/{s}?gedaan=goedgekeurd'),
                    ('geschiedenis', member, f'/artikelen/{s}/geschiedenis'),
                    ('verschil', member, f'/artikelen/{s}/verschil?van=1&naar=2'),
                    ('verschil', member, f'/artikelen/{s}/verschil?van=2&naar=3'),
                    ('versie', member, f'/artikelen/{s}/versies/1'),
                    ('versie', member, f'/artikelen/{s}/versies/2'),
                    ('bewerken', member, f'/artikelen/{s}/bewerken'),
            ):
                ctl = stored(a['id']) if view == 'bewerken' else None
                run.get(view, c, path, ctl)
            for t in a['tags'][:1]:
                if t:
                    q = urllib.parse.quote(t, safe='')
                    run.get('lijst (tag)', visitor, f'/artikelen?tag={q}')
            # A typed tag filter is shown back in the filter form.
            run.get('lijst (tag)', visitor,
                    '/artikelen?tag=' + urllib.parse.quote(one_line(a['p'])[:40], safe=''),
                    status=(200, 400))
            if a.get('theme'):
                run.get('themapagina', visitor, f'/themas/{a["theme"]}')
                run.get('themafeed', visitor, f'/feeds/themas/{a["theme"]}.atom', feed=True)
                run.get('themabeheer', editor, f'/redactie/themas/{a["theme"]}')
        for pg in range(1, (n + 19) // 20 + 2):
            run.get('lijst', visitor, f'/artikelen?pagina={pg}')
        run.get('lijst', visitor, '/artikelen?sorteer=titel')
        run.get('artikelfeed', visitor, '/feeds/artikelen.atom', feed=True)
        run.get('themas', visitor, '/themas')
        run.get('redactie', editor, '/redactie')
        run.get('mijn artikelen', member, '/account/artikelen')
        run.get('themabeheer', editor, '/redactie/themas')
        # Search: results of every payload, and each payload typed as a query.
        for q in ('alert', 'script', 'klik', 'javascript'):
            run.get('zoeken', visitor, f'/zoeken?q={q}')
        for a in arts:
            run.get('zoeken', visitor, '/zoeken?q=' + urllib.parse.quote(one_line(a['p'])[:200], safe=''),
                    status=(200, 400))
        run.get('home', visitor, '/')
        mid = psql("SELECT id FROM account WHERE email = :'a1';", member.email)
        run.get('profiel', visitor, f'/mensen/{mid}')

        # 7. For the browser: a copy of each article waiting for review, so
        # the review page still opens (the caller deletes them afterwards).
        if copies:
            for a in arts_ok:
                try:
                    r, _ = save_article(run, member, '/artikelen/nieuw', a['f1'],
                                        [a['theme']] if a.get('theme') else [], (), 'bewerken')
                    s = slug_from(r.location())
                    status_post(member, s, 'indienen')
                    run.get('beoordelen', editor, f'/artikelen/{s}/beoordelen')
                    run.copies.append(psql("SELECT id FROM item WHERE kind = 'artikel' AND slug = :'a1';", s))
                except StepFailed as e:
                    run.fail(str(e))
        cookies = jar_json(member, editor)
    except StepFailed as e:
        run.fail(str(e))
        cookies = {}
    return report(run, n, out, cookies, t0)


def jar_json(*clients):
    return {c.role: {'ip': c.ip, 'email': c.email,
                     'cookies': [{'name': k, 'value': v, 'secure': c.secure.get(k, False)}
                                 for k, v in c.cookies.items()]} for c in clients}


def accounts_only(out):
    """A member and an editor, signed in (their cookies for the browser),
    and one plain article of the member's waiting for review."""
    member = register('lid')
    editor = register('redacteur')
    editor.role, member.role = 'editor', 'member'
    psql("UPDATE account SET role = 'redacteur' WHERE email = :'a1';", editor.email)
    f = {'title': f'Artikel ter review {int(time.time()) % 1000000}',
         'summary': 'Een kort artikel dat op een besluit van de redactie wacht.',
         'body': '## Waarom\n\nEen alinea met **vette** tekst.\n\n## Hoe\n\n- een\n- twee\n',
         'tags': 'toets', 'note': 'Eerste versie'}
    r, f = save_article(Run([]), member, '/artikelen/nieuw', f, [], (), 'bewerken')
    slug = slug_from(r.location())
    status_post(member, slug, 'indienen')
    data = jar_json(member, editor)
    data['review_slug'] = slug
    with open(out, 'w', encoding='utf-8') as fh:
        json.dump(data, fh, indent=1)
    return 0


def p1s(p):
    return urllib.parse.quote(one_line(p)[:20], safe='')


def report(run, n, out, cookies, t0):
    dangerous = sum(len(v['findings']) for v in run.views.values())
    for view in sorted(run.views):
        v = run.views[view]
        combos = len({(i, f) for (i, f, vw) in run.seen if vw == view})
        fields = sorted({FIELDS[f] for (i, f, vw) in run.seen if vw == view})
        print(f'# {view}: {v["pages"]} pages, {combos} payload×field shown '
              f'({", ".join(fields) or "none"}), {len(v["findings"])} dangerous')
        for line in v['findings'][:20]:
            print(f'#   {line}')
    payloads_seen = len({i for (i, f, vw) in run.seen})
    fields_seen = len({f for (i, f, vw) in run.seen})
    views_seen = len({vw for (i, f, vw) in run.seen})
    figure = (f'R2: {payloads_seen} payloads × {fields_seen} fields × {views_seen} views: '
              f'{len(run.seen)} payload×field×view combinations shown in {run.pages} pages, '
              f'{dangerous} dangerous')
    print(f'# {figure}')
    if run.rejected:
        print(f'# refused by a form (checked on its error page only): {len(run.rejected)}: '
              + ', '.join(run.rejected[:20]))
    print(f'# {len(run.errors)} failed steps, {time.time() - t0:.1f} s')
    if out:
        with open(out, 'w', encoding='utf-8') as fh:
            json.dump({'figure': figure, 'dangerous': dangerous, 'errors': run.errors,
                       'payloads': n, 'views': run.views, 'rejected': run.rejected,
                       'seen': sorted([i, f, vw] for (i, f, vw) in run.seen),
                       'browser': run.browser, 'copies': run.copies,
                       'cookies': cookies, 'base': BASE}, fh,
                      ensure_ascii=False, indent=1)
    return 1 if dangerous or run.errors else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
