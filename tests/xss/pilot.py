#!/usr/bin/env python3
"""R2 for pilots (issue 7): every payload of payloads.txt in every text
field of a pilot and its lessons, through the real forms, and every view
checked with check.py.

Per payload i, a member (the author, with a payload display name, who
names themselves as contact person) and an editor:
  1. the member writes a pilot with the payload in every text field
     (title, summary, body, target group, partners, problem, approach,
     results, figures, conditions, phase note) and submits it;
  2. the editor approves it with the payload as note;
  3. the member adds a lesson (statement, explanation) and saves a second
     revision of the pilot (another phase with a note, changed fields);
  4. every view: the pilot page (visitor, member, editor), the overview
     (plain and with facets), /lessen, the lesson page and its editor, the
     pilot editor, the history and its diff, compare, the pilot feed, the
     theme page, the author's own list, and the review page.

  pilot.py [--out results.json] [--limit N]
Output and results.json as run.py's (the browser test reads 'browser').
"""

import re
import sys
import time

sys.dont_write_bytecode = True
import run as R  # noqa: E402
from run import (Client, Run, StepFailed, csrf_of, expect, hidden,  # noqa: E402
                 invalid_fields, load_payloads, marker, one_line, psql,
                 register, jar_json, report)

R.FIELDS.update({
    'j': 'doelgroep', 'w': 'partner', 'k': 'knelpunten', 'v': 'oplossingsrichtingen',
    'r': 'resultaten', 'i': 'cijfer', 'c': 'randvoorwaarden', 'h': 'fasenotitie',
    'l': 'les', 'e': 'lesuitleg', 'd': 'beoordelingsnotitie',
})

# The fields the form gives back on an error page (checked there).
TYPED = ('title', 'summary', 'body', 'target_group', 'partners', 'problem',
         'approach', 'results', 'figures', 'conditions', 'phase_note', 'note',
         'statement', 'explanation')


def send(run, who, path, fields, view, ok=(303,), src=None):
    """POST fields (pairs) as multipart with a fresh CSRF token (and nonce
    and base, when the form has them) from src or path's own form page; a
    field the server refuses is checked on the error page, then sent again
    as its bare marker."""
    fields = list(fields)
    src = src or path
    for attempt in range(3):
        g = expect(who.get(src), (200,), f'GET {src}')
        extra = [('_csrf', csrf_of(g.text))]
        for h in ('nonce', 'base'):
            if hidden(g.text, h) is not None and h not in dict(fields):
                extra.append((h, hidden(g.text, h)))
        r = who.post_multipart(path, extra + fields)
        if r.status in ok:
            return r
        if r.status not in (400, 422):
            expect(r, ok, f'POST {path}')
        shown = {k: v for k, v in fields if k in TYPED}
        run.check(view + ' (fout)', r, shown, who=who.role, browse=False)
        bad = invalid_fields(r.text) & set(shown)
        if not bad:
            raise StepFailed(f'POST {path}: {r.status} without a marked field')
        out = []
        for k, v in fields:
            if k in bad:
                m = re.search(r'§.\d\d§', v)
                run.rejected.append(f'{k} at {path}')
                v = m.group(0) if m else 'x'
                if k == 'figures':      # a figure needs its value
                    v += ' = 1'
            out.append((k, v))
        fields = out
    raise StepFailed(f'POST {path}: still refused')


def pilot_fields(i, p, rev):
    p1 = one_line(p)
    r = '' if rev == 1 else ' (2)'
    # A figure's label must not hold the '=' that separates the value.
    label = f'{marker("i", i)}{r} {p1}'.replace('=', '≈')[:120]
    return [
        ('title', f'{marker("t", i)}{r} {p1}'[:200]),
        ('summary', f'{marker("s", i)}{r} {p1}'[:300]),
        ('body', f'{marker("b", i)}{r} {p}\n\n## kop {p}\n\n- {p}\n'),
        ('region', 'twente' if i % 2 == 0 else 'haaglanden'),
        ('setting', 'ambulant' if i % 3 else 'gezinsgericht-alternatief'),
        ('project', 'jeugdzorgplus-thuis'),
        ('target_group', f'{marker("j", i)}{r} {p1}'[:300]),
        ('age_min', '12'), ('age_max', '18'),
        ('phase', 'lopend' if rev == 1 else 'geevalueerd'),
        ('phase_since', '2025-06-01' if rev == 1 else '2026-01-15'),
        ('phase_note', f'{marker("h", i)}{r} {p1}'[:500]),
        ('start', '2025-01-01'), ('end', ''),
        ('partners', f'{marker("w", i)}{r} {p1}'[:200] + '\nTweede partner'),
        ('problem', f'{marker("k", i)}{r} {p}\n\n> {p}\n'),
        ('approach', f'{marker("v", i)}{r} {p}\n\n1. {p}\n'),
        ('results', f'{marker("r", i)}{r} {p}\n'),
        ('figures', f'{label} = 12,5 %\nJongeren = 24'),
        ('conditions', f'{marker("c", i)}{r} {p}\n'),
        ('contact', R.contact_name),
        ('themes', 'gezinsgericht-werken'),
    ]


def review(run, ed, slug, i, p):
    path = f'/pilots/{slug}/beoordelen'
    g = expect(ed.get(path), (200,), f'GET {path}')
    run.check('pilot beoordelen', g, who='editor', browse=False)
    note = f'{marker("d", i)} {one_line(p)}'[:2000]
    r = ed.post_multipart(path, [('_csrf', csrf_of(g.text)), ('rev', hidden(g.text, 'rev') or '1'),
                                 ('decision', 'goedkeuren'), ('note', note)])
    if r.status == 400 and 'note' in invalid_fields(r.text):
        run.rejected.append(f'note of {slug}')
        r = ed.post_multipart(path, [('_csrf', csrf_of(g.text)),
                                     ('rev', hidden(g.text, 'rev') or '1'),
                                     ('decision', 'goedkeuren'), ('note', marker('d', i))])
    return expect(r, (303,), f'approve {slug}')


def slug_of(loc):
    m = re.search(r'/pilots/([a-z0-9-]+)', loc)
    if not m:
        raise StepFailed(f'no pilot in Location {loc!r}')
    return m.group(1)


def one_pilot(run, ed, mem, i, p):
    # 1. Write and submit.
    r = send(run, mem, '/pilots/nieuw', pilot_fields(i, p, 1) + [('action', 'submit')],
             'pilot schrijven')
    slug = slug_of(r.location())
    pid = psql("SELECT id FROM item WHERE kind = 'pilot' AND slug = :'a1';", slug)
    # 2. Approve.
    review(run, ed, slug, i, p)
    # 3. A lesson, and a second revision (a phase change with a note).
    r = send(run, mem, f'/pilots/{slug}/lessen',
             [('kind', 'werkte'), ('statement', f'{marker("l", i)} {one_line(p)}'[:300]),
              ('explanation', f'{marker("e", i)} {p}\n\n- {p}\n')], 'les toevoegen')
    lid = psql("SELECT max(id) FROM lesson WHERE pilot_id = :'a1';", pid)
    send(run, mem, f'/pilots/{slug}/bewerken', pilot_fields(i, p, 2) + [('action', 'save')],
         'pilot bewerken')
    return slug, pid, lid


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
        # The author names themselves as contact: their (payload) name
        # is shown to signed-in readers. Made unique, since a name two
        # members share is refused as contact (another run's author).
        R.contact_name = f'XSS lid "><img src=x onerror=alert(1)> {int(time.time() * 1000) % 10**9}'
        psql("UPDATE account SET display_name = :'a2' WHERE email = :'a1';",
             mem.email, R.contact_name)
        vis = Client('bezoeker')
        made = []
        failed = 0
        for i, p in enumerate(payloads):
            if failed >= 3:
                break
            try:
                made.append(one_pilot(run, ed, mem, i, p))
                failed = 0
            except StepFailed as e:
                run.fail(f'payload {i:02d}: {e}')
                failed += 1
        # 4. Every view.
        prev = None
        for slug, pid, lid in made:
            page = f'/pilots/{slug}'
            for view, c, path in (
                    ('pilot', vis, page),
                    ('pilot (lid)', mem, page),
                    ('pilot (redactie)', ed, page),
                    ('pilot bewerken', mem, f'{page}/bewerken'),
                    ('pilotgeschiedenis', mem, f'{page}/geschiedenis'),
                    ('pilotverschil', mem, f'{page}/verschil?van=1&naar=2'),
                    ('les', vis, f'/lessen/{lid}'),
                    ('les bewerken', mem, f'/lessen/{lid}/bewerken')):
                run.get(view, c, path)
            if prev is not None:
                run.get('vergelijken', vis, f'/pilots/vergelijk?ids={prev},{pid}')
            prev = pid
        n = len(made)
        for c in (vis, mem):
            for pg in range(1, (n + 3) // 20 + 2):
                q = '' if pg == 1 else f'?pagina={pg}'
                run.get('pilots', c, f'/pilots{q}')
                run.get('lessen', c, f'/lessen{q}')
            run.get('pilots (filters)', c, '/pilots?regio=overijssel&setting=ambulant')
            run.get('pilots (filters)', c, '/pilots?regio=zuid-holland&fase=geevalueerd')
        run.get('themapagina', vis, '/themas/gezinsgericht-werken')
        run.get('mijn bijdragen', mem, '/account/artikelen')
        run.get('pilotfeed', vis, '/feeds/pilots.atom', feed=True)
        cookies = jar_json(mem, ed)
    except StepFailed as e:
        run.fail(str(e))
        cookies = {}
    return report(run, len(payloads), out, cookies, t0)


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
