#!/usr/bin/env python3
"""R2 for resources and uploads (issue 10): payloads in every text field
of a resource, in the names of uploaded files and in an image's
description, through the real forms, and every view checked with
check.py.

The payloads of story.py's PICK (each opens a context of its own) plus
ones aimed at links (javascript:, data:, quotes in a URL). Per payload, a
member whose display name is a payload, and an editor:

  1. the member suggests a resource at /bronnen/nieuw: title, summary,
     description, publisher and revision note carry the payload, the
     external link is a javascript: or data: URL (refused: the form comes
     back with every value, and "Ontvangen: <file name>" for the PDF whose
     multipart file name is the payload); sent again with an http(s) link
     holding the payload's quotes and brackets, and the file's token;
  2. the editor sees it in /redactie and on the review page, opens the
     editor (every value must come back intact), adds a new version of
     the file (a payload name) with a payload version note and a payload
     revision note, and publishes it;
  3. the member uploads an image with a payload description and file name
     at /account/afbeeldingen;
  4. every view: the resource page (visitor, member, editor), /bronnen
     (plain and filtered), the resources feed, the theme page and feed,
     search, the editor, history, diff and an old revision,
     /account/afbeeldingen and an image's own page, Mijn bijdragen, the
     home page; and every file's download headers (Content-Disposition
     one clean header, nosniff, the sandbox CSP).

  resource.py [--out results.json] [--limit N]
Output and results.json as run.py's (the browser test reuses them).
"""

import re
import secrets
import struct
import sys
import time
import urllib.parse
import zlib

sys.dont_write_bytecode = True
import run as R  # noqa: E402
from run import (Client, Run, StepFailed, csrf_of, expect, hidden,  # noqa: E402
                 invalid_fields, marker, one_line, psql, register, jar_json,
                 report)

R.FIELDS.clear()
R.FIELDS.update({
    't': 'titel', 's': 'samenvatting', 'b': 'beschrijving', 'u': 'uitgever',
    'l': 'link', 'o': 'versienotitie', 'n': 'bestandsnotitie',
    'f': 'bestandsnaam', 'a': 'alt-tekst',
})

PICK = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">klik</a>',
    '[klik](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '![a](/x.png "\\" onerror=alert(1)")',
    '</textarea><script>alert(1)</script>',
    '"><script>alert(1)</script>',
    "x' onfocus='alert(1)' autofocus='",
    '</title><script>alert(1)</script>',
    ']]></content><script>alert(1)</script>',
    '{{{body}}} {{title}} {{t:site_name}} {{csrf}}',
    '## <img src=x onerror=alert(1)>\n\n## x" onmouseover="alert(1)',
    '\x0b\x1b<script>alert(1)</script>\x7f',
    '\u202egnp.exe <svg onload=alert(1)>',
    '＜script＞alert(1)＜/script＞',
]

# The links the form must refuse (first try) in turn.
BAD_URLS = [
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    ' JaVaScRiPt:alert(document.cookie)',
    'https://example.org/ onmouseover=alert(1)',
    'ftp://example.org/x.pdf',
]

# The fields a form gives back on an error page (checked there).
TYPED = ('title', 'summary', 'body', 'publisher', 'url', 'year', 'note',
         'file_note', 'alt')

PDF = (b"%PDF-1.4\n"
       b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
       b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
       b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] >>"
       b" endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")


def png_chunk(kind, data):
    body = kind + data
    return (struct.pack('>I', len(data)) + body
            + struct.pack('>I', zlib.crc32(body) & 0xffffffff))


def png(tag):
    ihdr = struct.pack('>IIBBBBB', 1, 1, 8, 0, 0, 0, 0)
    # The pixel differs per call, so no two images are the same bytes.
    return (b'\x89PNG\r\n\x1a\n' + png_chunk(b'IHDR', ihdr)
            + png_chunk(b'IDAT', zlib.compress(b'\0' + bytes([tag % 256])))
            + png_chunk(b'IEND', b''))


def disp_name(name):
    """A file name as a browser puts it in a multipart header."""
    return (name.replace('"', '%22').replace('\r', '%0D')
            .replace('\n', '%0A')).encode('utf-8')


def post_files(client, path, fields, files):
    """Multipart POST: fields (name, value) pairs, files (name, filename,
    content type, bytes)."""
    b = '----bronxss' + secrets.token_hex(12)
    parts = []
    for k, v in fields:
        parts.append(f'--{b}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n'
                     .encode() + v.encode('utf-8') + b'\r\n')
    for k, fname, ctype, data in files:
        parts.append(f'--{b}\r\nContent-Disposition: form-data; name="{k}"; filename="'
                     .encode() + disp_name(fname)
                     + f'"\r\nContent-Type: {ctype}\r\n\r\n'.encode() + data + b'\r\n')
    parts.append(f'--{b}--\r\n'.encode())
    return client.request('POST', path, b''.join(parts),
                          f'multipart/form-data; boundary={b}')


def url_of(i, p):
    """An http(s) link holding the payload's quotes and brackets (no white
    space: the form refuses that)."""
    return ('https://example.org/' + marker('l', i) + '/'
            + re.sub(r'[\s\x00-\x1f\x7f]+', '', one_line(p)))[:2000]


def resource_fields(i, p, stamp, theme, url, rev=1):
    p1 = one_line(p)
    r = '' if rev == 1 else ' (2)'
    return [
        ('title', f'{marker("t", i)}{r} Bronxss{stamp} {p1}'[:200]),
        ('summary', f'{marker("s", i)}{r} {p1}'[:1000]),
        ('body', f'{marker("b", i)}{r} {p}\n\n## kop {p}\n\n- {p}\n\n'
                 f'[link]({url_of(i, p)})\n'),
        ('type', 'publicatie'),
        ('publisher', f'{marker("u", i)}{r} {p1}'[:200]),
        ('year', '2024'),
        ('language', 'nl'),
        ('url', url),
        ('themes', theme),
        ('community', ''),
        ('note', f'{marker("o", i)}{r} {p1}'[:300]),
    ]


def save(run, who, path, fields, files, view, fallback):
    """POST the resource editor with a fresh token (and nonce or base); a
    field the server refuses is checked on the error page, then sent again
    as its fallback (or bare marker), with the file's token instead of the
    file when the page names one. Returns the response."""
    fields = list(fields)
    token = None
    for attempt in range(4):
        g = expect(who.get(path), (200,), f'GET {path}')
        extra = [('_csrf', csrf_of(g.text))]
        for h in ('nonce', 'base'):
            if hidden(g.text, h) is not None:
                extra.append((h, hidden(g.text, h)))
        if token:
            extra.append(('bestand_token', token))
        r = post_files(who, path, extra + fields, [] if token else files)
        if r.status in (303,):
            return r
        if r.status not in (400, 409, 413, 422):
            expect(r, (303,), f'POST {path}')
        shown = {k: v for k, v in fields if k in TYPED}
        run.check(view + ' (fout)', r, shown, who=who.role, browse=False)
        token = hidden(r.text, 'bestand_token') or token
        bad = invalid_fields(r.text)
        renamed = False
        if 'bestand' in bad and not token:
            # Kore's multipart parser loses a file whose name holds a
            # colon (the form says so): the name without it, once.
            if attempt == 0 and any(':' in f[1] for f in files):
                run.rejected.append(f'file name with ":" at {path}')
                files = [(k, n.replace(':', ''), c, d) for k, n, c, d in files]
                renamed = True
            else:
                raise StepFailed(f'POST {path}: the file was refused')
        bad &= {k for k, v in fields}
        if not bad and not token and not renamed:
            raise StepFailed(f'POST {path}: {r.status} without a marked field')
        out = []
        for k, v in fields:
            if k in bad:
                run.rejected.append(f'{k} at {path}')
                if k in fallback:
                    v = fallback.pop(k)
                elif k == 'url':
                    v = 'https://example.org/' + marker('l', 0)
                else:
                    m = re.search(r'§.\d\d§', v)
                    v = m.group(0) if m else 'x'
            out.append((k, v))
        fields = out
    raise StepFailed(f'POST {path}: still refused')


def slug_of(loc):
    m = re.search(r'/bronnen/([a-z0-9-]+)', loc)
    if not m:
        raise StepFailed(f'no resource in Location {loc!r}')
    return m.group(1)


def stored(item_id):
    import json
    return json.loads(psql(
        "SELECT json_build_object('title', i.title, 'summary', i.summary, "
        "'body', i.body_md, 'publisher', r.publisher, 'url', r.url) "
        "FROM item i JOIN resource r ON r.item_id = i.id WHERE i.id = :'a1';", item_id))


CD = re.compile(r"^(attachment|inline); filename=\"[\x20-\x7e]*\"; "
                r"filename\*=UTF-8''[A-Za-z0-9!#$&+.^_`|~%-]*$")


def check_download(run, client, token):
    """A file's headers: one clean Content-Disposition, nosniff, sandbox."""
    v = run.views.setdefault('download', {'pages': 0, 'findings': [], 'statuses': {}})
    r = client.get(f'/bestanden/{token}')
    v['pages'] += 1
    v['statuses'][str(r.status)] = v['statuses'].get(str(r.status), 0) + 1
    where = f'GET /bestanden/{token} ({r.status}): '
    if r.status != 200:
        v['findings'].append(f'{where}not served')
        return
    cd = r.headers.get('content-disposition', '')
    m = re.search(r'filename="([^"]*)"', cd)
    if not CD.match(cd) or (m and re.search(r'[\\;]', m.group(1))):
        v['findings'].append(f'{where}Content-Disposition {cd!r}')
    if r.headers.get('x-content-type-options') != 'nosniff':
        v['findings'].append(f'{where}no nosniff')
    if 'sandbox' not in r.headers.get('content-security-policy', ''):
        v['findings'].append(f'{where}CSP {r.headers.get("content-security-policy")!r}')
    ctype = r.headers.get('content-type', '')
    if 'html' in ctype or 'xml' in ctype:
        v['findings'].append(f'{where}Content-Type {ctype!r}')
    name = urllib.parse.unquote(cd.split("filename*=UTF-8''", 1)[-1])
    for mm in re.finditer(r'§([a-zA-Z])(\d\d)§', name):
        if mm.group(1) == 'f' and int(mm.group(2)) < len(run.payloads):
            run.seen.add((int(mm.group(2)), 'f', 'download'))


def one_resource(run, ed, mem, i, p, stamp, theme):
    files = [('bestand', f'{marker("f", i)} {one_line(p)}.pdf', 'application/pdf', PDF)]
    # 1. The member suggests it; the link is refused first.
    fields = resource_fields(i, p, stamp, theme, BAD_URLS[i % len(BAD_URLS)])
    fields.append(('action', 'submit'))
    before = len(run.rejected)
    r = save(run, mem, '/bronnen/nieuw', fields, files, 'bron voorstellen',
             {'url': url_of(i, p)})
    slug = slug_of(r.location())
    rid = psql("SELECT id FROM item WHERE kind = 'bron' AND slug = :'a1';", slug)
    if not rid:
        raise StepFailed(f'resource {slug} not found')
    if 'url at /bronnen/nieuw' not in run.rejected[before:]:
        run.fail(f'payload {i:02d}: the link {BAD_URLS[i % len(BAD_URLS)]!r} was not refused')
    # 2. The editor: queue, review page, editor, a new version, publish.
    run.get('redactie', ed, '/redactie')
    g = run.get('beoordelen', ed, f'/bronnen/{slug}/beoordelen')
    if g is not None:
        run.browser.pop()   # gone once published
    path = f'/bronnen/{slug}/bewerken'
    run.get('bewerken', ed, path, ctl=stored(rid))
    fields = resource_fields(i, p, stamp, theme, url_of(i, p), rev=2)
    fields += [('slot', '1'), ('file_note', f'{marker("n", i)} {one_line(p)}'[:300]),
               ('action', 'publish')]
    files = [('bestand', f'{marker("f", i)} (2) {one_line(p)}.pdf', 'application/pdf',
              PDF + f'% versie 2 {i}\n'.encode())]
    save(run, ed, path, fields, files, 'bron bewerken', {})
    # 3. An image with a payload description and file name.
    alt = f'{marker("a", i)} {one_line(p)}'[:300]
    fname = f'{marker("f", i)} {one_line(p)}.png'
    for attempt in range(3):
        g = expect(mem.get('/account/afbeeldingen'), (200,), 'GET /account/afbeeldingen')
        r = post_files(mem, '/account/afbeeldingen',
                       [('_csrf', csrf_of(g.text)), ('alt', alt)],
                       [('bestand', fname, 'image/png', png(i * 7 + attempt))])
        if r.status == 303:
            break
        run.check('afbeeldingen (fout)', r, {'alt': alt}, who=mem.role, browse=False)
        bad = invalid_fields(r.text)
        if 'bestand' in bad and ':' in fname:
            run.rejected.append(f'image file name with ":" of payload {i:02d}')
            fname = fname.replace(':', '')
        elif 'alt' in bad:
            run.rejected.append(f'alt of payload {i:02d}')
            alt = marker('a', i)
        else:
            raise StepFailed(f'image of payload {i:02d}: {r.status}')
    else:
        raise StepFailed(f'image of payload {i:02d}: still refused')
    return slug, rid


def main(argv):
    out, limit = None, None
    it = iter(argv)
    for a in it:
        if a == '--out':
            out = next(it)
        elif a == '--limit':
            limit = int(next(it))
    payloads = PICK[:limit] if limit else list(PICK)
    run = Run(payloads)
    t0 = time.time()
    stamp = f'{int(time.time()) % 10**7}{secrets.randbelow(100)}'
    try:
        mem = register('lid')
        ed = register('redacteur')
        ed.role, mem.role = 'editor', 'member'
        psql("UPDATE account SET role = 'redacteur' WHERE email = :'a1';", ed.email)
        theme = f'bronxss-{stamp}'
        psql("INSERT INTO theme (slug, title) VALUES (:'a1', :'a2');", theme,
             f'Bronxss {stamp} "><img src=x onerror=alert(1)>')
        vis = Client('bezoeker')
        made = []
        failed = 0
        for i, p in enumerate(payloads):
            if failed >= 3:
                break
            try:
                made.append(one_resource(run, ed, mem, i, p, stamp, theme))
                failed = 0
            except StepFailed as e:
                run.fail(f'payload {i:02d}: {e}')
                failed += 1
        # 4. Every view.
        for slug, rid in made:
            page = f'/bronnen/{slug}'
            for view, c, path in (
                    ('bron', vis, page),
                    ('bron (lid)', mem, page),
                    ('bron (redacteur)', ed, page),
                    ('geschiedenis', ed, f'{page}/geschiedenis'),
                    ('verschil', ed, f'{page}/verschil?van=1&naar=2'),
                    ('versie', ed, f'{page}/versies/1')):
                run.get(view, c, path)
            run.get('bewerken', ed, f'{page}/bewerken', ctl=stored(rid))
            for tok in psql("SELECT string_agg(u.token, ' ') FROM resource_file f "
                            "JOIN upload u ON u.id = f.upload_id WHERE f.item_id = :'a1';",
                            rid).split():
                check_download(run, vis, tok)
        n = len(made)
        for c in (vis, mem):
            for pg in range(1, n // 20 + 2):
                q = '' if pg == 1 else f'&pagina={pg}'
                run.get('bronnen', c, f'/bronnen?thema={theme}{q}')
            run.get('bronnen', c, '/bronnen')
            run.get('bronnen', c, '/bronnen?soort=publicatie&jaar=2024')
        run.get('home', vis, '/')
        run.get('themapagina', vis, f'/themas/{theme}')
        run.get('themafeed', vis, f'/feeds/themas/{theme}.atom', feed=True)
        run.get('bronnenfeed', vis, '/feeds/bronnen.atom', feed=True)
        run.get('zoeken', vis, f'/zoeken?q=Bronxss{stamp}')
        run.get('zoeken', mem, f'/zoeken?q=Bronxss{stamp}')
        run.get('mijn bijdragen', mem, '/account/artikelen')
        run.get('afbeeldingen', mem, '/account/afbeeldingen')
        for tok in psql("SELECT string_agg(u.token, ' ') FROM upload u JOIN account a "
                        "ON a.id = u.owner_id WHERE a.email = :'a1' "
                        "AND u.purpose = 'afbeelding';", mem.email).split():
            run.get('afbeelding', mem, f'/account/afbeeldingen/{tok}')
            # The step before removal names where it is used.
            path = f'/account/afbeeldingen/{tok}'
            g = expect(mem.get(path), (200,), f'GET {path}')
            r = mem.post_form(path, {'_csrf': csrf_of(g.text), 'actie': 'verwijderen'})
            run.check('afbeelding verwijderen', r, who=mem.role, browse=False)
        cookies = jar_json(mem, ed)
    except StepFailed as e:
        run.fail(str(e))
        cookies = {}
    return report(run, len(payloads), out, cookies, t0)


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
