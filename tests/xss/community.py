#!/usr/bin/env python3
"""R2 for communities (issue 6): every payload of payloads.txt in every
text field of communities, membership, discussions and moderation, through
the real forms, and every view checked with check.py.

Per payload i, an editor and a member (both with payload display names):
  1. the editor creates a community (name, summary, purpose); even i are
     public with open joining, odd i members-only on request;
  2. the member joins (odd i: a request with the payload as motivation,
     which the editor approves on the member list);
  3. the member starts a discussion (title, opening post);
  4. the editor quotes the opening post in a reply (quote box filled by
     ?citeer=), the member marks it helpful;
  5. the member edits the opening post (history with a diff);
  6. the member reports the editor's reply with the payload as note; the
     editor hides it with the payload as note (the member's notification);
  7. every view: /gemeenschappen, the community home, the member list,
     the discussion list and page, the post history, the edit form, the
     report form, /redactie/meldingen, /meldingen, the community feed.

  community.py [--out results.json] [--limit N]
Output and results.json as run.py's (the browser test reads 'browser').
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

# Field codes of this run (run.py's are t s b g n f a T S B).
R.FIELDS.update({
    'c': 'gemeenschapsnaam', 'u': 'gemeenschapssamenvatting',
    'p': 'doel', 'm': 'motivatie', 'o': 'gesprekstitel', 'r': 'bericht',
    'e': 'bewerkt bericht', 'q': 'reactie', 'x': 'meldingsnotitie',
    'h': 'moderatienotitie',
})


def send(run, who, path, fields, view, multipart=True, ok=(303,)):
    """POST fields (a list of pairs) with a fresh CSRF token from path's
    own form page (GET path, or the page given as fields' '_from'); a
    field the server refuses is checked on the error page, then sent
    again as its bare marker."""
    fields = list(fields)
    src = dict(fields).get('_from', path)
    fields = [(k, v) for k, v in fields if k != '_from']
    for attempt in range(3):
        g = expect(who.get(src), (200,), f'GET {src}')
        extra = [('_csrf', csrf_of(g.text))]
        if hidden(g.text, 'nonce') is not None and 'nonce' not in dict(fields):
            extra.append(('nonce', hidden(g.text, 'nonce')))
        if hidden(g.text, 'base') is not None and 'base' not in dict(fields):
            extra.append(('base', hidden(g.text, 'base')))
        body = extra + fields
        r = (who.post_multipart(path, body) if multipart
             else who.post_form(path, dict(body)))
        if r.status in ok:
            return r
        if r.status != 400:
            expect(r, ok, f'POST {path}')
        shown = {k: v for k, v in fields if k in ('name', 'summary', 'purpose',
                 'title', 'body', 'note')}
        run.check(view + ' (fout)', r, shown, who=who.role, browse=False)
        bad = invalid_fields(r.text) & set(shown)
        if not bad:
            raise StepFailed(f'POST {path}: 400 without a marked field')
        out = []
        for k, v in fields:
            if k in bad:
                m = re.search(r'§.\d\d§', v)
                run.rejected.append(f'{k} at {path}')
                v = m.group(0) if m else 'x'
            out.append((k, v))
        fields = out
    raise StepFailed(f'POST {path}: still refused')


def topic_of(loc):
    m = re.search(r'/gemeenschappen/([a-z0-9-]+)/gesprekken/(\d+)', loc)
    if not m:
        raise StepFailed(f'no discussion in Location {loc!r}')
    return m.group(1), m.group(2)


def community(run, ed, mem, vis, i, p):
    p1 = one_line(p)
    public = i % 2 == 0
    f = [('name', f'{marker("c", i)} {p1}'[:200]),
         ('summary', f'{marker("u", i)} {p1}'[:300]),
         ('purpose', f'{marker("p", i)} {p}\n\n## kop {p}\n'),
         ('visibility', 'openbaar' if public else 'leden'),
         ('membership', 'open' if public else 'aanvraag'),
         ('action', 'save')]
    r = send(run, ed, '/gemeenschappen/nieuw', f, 'gemeenschap maken')
    m = re.search(r'/gemeenschappen/([a-z0-9-]+)', r.location())
    if not m:
        raise StepFailed(f'no community in Location {r.location()!r}')
    slug = m.group(1)
    home = f'/gemeenschappen/{slug}'
    # 2. Join (on request: with a motivation, approved by the editor).
    send(run, mem, f'{home}/lidmaatschap',
         [('_from', home), ('action', 'aanmelden'),
          ('note', f'{marker("m", i)} {p1}'[:500])],
         'lidmaatschap', multipart=False)
    if not public:
        run.get('leden (moderator)', ed, f'{home}/leden')
        mid = psql("SELECT id FROM account WHERE email = :'a1';", mem.email)
        send(run, ed, f'{home}/leden', [('action', 'goedkeuren'),
             ('account', mid)], 'leden', multipart=False)
    # 3. A discussion.
    r = send(run, mem, f'{home}/gesprekken/nieuw',
             [('title', f'{marker("o", i)} {p1}'[:200]),
              ('body', f'{marker("r", i)} {p}\n\n> {p}\n\n- {p}\n'),
              ('action', 'save')], 'gesprek maken')
    _, tid = topic_of(r.location())
    tpath = f'{home}/gesprekken/{tid}'
    first = psql("SELECT id FROM post WHERE topic_id = :'a1' AND n = 1;", tid)
    # 4. The editor quotes it in a reply; the member finds it helpful.
    g = run.get('gesprek (citeer)', ed, f'{tpath}?citeer={first}')
    quoted = ''
    if g is not None:
        m = re.search(r'<textarea[^>]*name="body"[^>]*>(.*?)</textarea>', g.text, re.S)
        quoted = R.html.unescape(m.group(1)) if m else ''
    send(run, ed, tpath, [('_from', f'{tpath}?citeer={first}'),
         ('body', f'{quoted}\n{marker("q", i)} {p}\n'), ('quote', first)],
         'reageren')
    reply = psql("SELECT id FROM post WHERE topic_id = :'a1' AND n = 2;", tid)
    send(run, mem, f'/berichten/{reply}/nuttig', [('_from', tpath), ('on', '1')],
         'nuttig', multipart=False)
    # 5. The member edits the opening post.
    send(run, mem, f'/berichten/{first}/bewerken',
         [('body', f'{marker("e", i)} {p}\n\n{marker("r", i)} {p}\n')],
         'bericht bewerken')
    # 6. Report the reply; the editor hides it.
    send(run, mem, '/melden', [('_from', f'/melden?bericht={reply}'),
         ('post', reply), ('reason', 'anders'),
         ('note', f'{marker("x", i)} {p1}'[:500])], 'melden', multipart=False)
    run.get('moderatie', ed, '/redactie/meldingen')
    send(run, ed, '/redactie/meldingen', [('action', 'verbergen'),
         ('post', reply), ('note', f'{marker("h", i)} {p1}'[:500])],
         'moderatie', multipart=False)
    return slug, tid, first, reply, public


def main(argv):
    out, limit = None, None
    it = iter(argv)
    for a in it:
        if a == '--out':
            out = next(it)
        elif a == '--limit':
            limit = int(next(it))
    payloads = load_payloads()
    if limit:
        payloads = payloads[:limit]
    run = Run(payloads)
    t0 = time.time()
    try:
        mem = register('lid')
        ed = register('redacteur')
        ed.role, mem.role = 'editor', 'member'
        psql("UPDATE account SET role = 'redacteur' WHERE email = :'a1';", ed.email)
        vis = Client('bezoeker')
        made = []
        failed = 0
        for i, p in enumerate(payloads):
            if failed >= 3:
                break
            try:
                made.append(community(run, ed, mem, vis, i, p))
                failed = 0
            except StepFailed as e:
                run.fail(f'payload {i:02d}: {e}')
                failed += 1
        # 7. Every view.
        for slug, tid, first, reply, public in made:
            home = f'/gemeenschappen/{slug}'
            tpath = f'{home}/gesprekken/{tid}'
            for view, c, path, kw in (
                    ('gemeenschap', vis, home, {}),
                    ('gemeenschap (lid)', mem, home, {}),
                    ('leden', mem, f'{home}/leden', {}),
                    ('gesprekken', mem, f'{home}/gesprekken', {}),
                    ('gesprek', mem, tpath, {}),
                    ('gesprek (moderator)', ed, tpath, {}),
                    ('berichtgeschiedenis', mem, f'/berichten/{first}/geschiedenis', {}),
                    ('bericht bewerken', mem, f'/berichten/{first}/bewerken', {}),
                    ('melden', mem, f'/melden?bericht={first}', {}),
                    ('gemeenschap bewerken', ed, f'{home}/bewerken', {})):
                run.get(view, c, path, **kw)
            if public:
                run.get('gesprek (bezoeker)', vis, tpath)
                run.get('gemeenschapsfeed', vis, f'/feeds/gemeenschappen/{slug}.atom',
                        feed=True)
        for c, who in ((vis, 'bezoeker'), (mem, 'lid'), (ed, 'redactie')):
            run.get('gemeenschappen', c, '/gemeenschappen')
        # Every page of the list (20 a page), so every name is shown.
        n = int(psql("SELECT count(*) FROM community WHERE visibility <> 'besloten';") or 0)
        for pg in range(2, (n + 19) // 20 + 1):
            run.get('gemeenschappen', vis, f'/gemeenschappen?pagina={pg}')
        run.get('meldingen', mem, '/meldingen')
        run.get('meldingen', ed, '/meldingen')
        run.get('moderatie', ed, '/redactie/meldingen')
        cookies = jar_json(mem, ed)
    except StepFailed as e:
        run.fail(str(e))
        cookies = {}
    return report(run, len(payloads), out, cookies, t0)


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
