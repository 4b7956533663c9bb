#!/usr/bin/env python3
"""R2 for masterminds (issue 8): every payload of payloads.txt in every text
field of a series, a session, its participants, actions, amendments and
addenda, through the real forms, and every view checked with check.py.

Per payload i, a facilitator and a participant (both members with payload
display names):
  1. the facilitator makes a series (name, purpose) and plans a session
     (title, summary, location, participants: the participant and an
     external person with a role, case, insights, agreements);
  2. adds two actions (one for the participant, one for an external
     owner), opens the minutes for amendments;
  3. the participant proposes an amendment (comment, proposal); the
     facilitator rejects it with a reply, closes the window, makes the
     minutes final and adds an addendum; the participant closes their
     action with a note;
  4. every view: the series page (visitor, facilitator), its action list,
     the session page (visitor, participant, facilitator), the amendment
     page, the action page, /account/acties, /masterminds, the theme page
     and the Atom feed (check.py); the calendar (.ics: escaping, folding
     and no injected lines) and the Markdown export (served as an
     attachment, never as HTML).

  mastermind.py [--out results.json] [--limit N]
Output and results.json as run.py's.
"""

import re
import sys
import time

sys.dont_write_bytecode = True
import run as R  # noqa: E402
from run import (Client, Run, StepFailed, csrf_of, expect, hidden,  # noqa: E402
                 invalid_fields, load_payloads, marker, one_line, psql,
                 register, jar_json, report)

R.FIELDS.clear()
R.FIELDS.update({
    'N': 'serienaam', 'P': 'seriedoel', 't': 'titel', 's': 'samenvatting',
    'o': 'plek', 'p': 'deelnemer', 'r': 'rol', 'c': 'casus', 'b': 'inzichten',
    'k': 'afspraken', 'w': 'actie', 'e': 'eigenaar', 'x': 'actienotitie',
    'm': 'opmerking', 'v': 'voorstel', 'y': 'antwoord', 'd': 'addendum',
})

# The fields a form gives back on an error page (checked there).
TYPED = ('name', 'purpose', 'title', 'summary', 'location', 'participants',
         'case', 'insights', 'agreements', 'what', 'owner', 'note', 'comment',
         'proposal', 'reply', 'body')


def submit_of(text, want=('opslaan', 'save', 'plan', 'toevoegen', 'voorstel',
                          'verstuur', 'bijwerken', 'afwijzen')):
    """The name and value of the form's submit button, if it has one."""
    for m in re.finditer(r'<button\b[^>]*>', text):
        tag = m.group(0)
        n = re.search(r'name="([^"]+)"', tag)
        v = re.search(r'value="([^"]*)"', tag)
        if n and v and any(w in v.group(1).lower() for w in want) \
                and 'preview' not in v.group(1).lower() \
                and 'voorbeeld' not in v.group(1).lower():
            return (n.group(1), v.group(1))
    return None


# The fields of send()'s last accepted POST, as finally sent (a refused
# field is sent again as its fallback: that is what is stored).
LAST_SENT = {}


def send(run, who, path, fields, view, ok=(303,), src=None, fallback=None):
    """POST fields (pairs) as multipart with a fresh CSRF token (and nonce,
    base and the submit button, when the form has them) from src or path's
    own form page; a field the server refuses is checked on the error page,
    then sent again as fallback[field] or its bare marker."""
    fields = list(fields)
    src = src or path
    fallback = fallback or {}
    for attempt in range(3):
        g = expect(who.get(src), (200,), f'GET {src}')
        extra = [('_csrf', csrf_of(g.text))]
        names = dict(fields)
        for h in ('nonce', 'base'):
            if hidden(g.text, h) is not None and h not in names:
                extra.append((h, hidden(g.text, h)))
        s = submit_of(g.text)
        if s and s[0] not in names:
            extra.append(s)
        r = who.post_multipart(path, extra + fields)
        if r.status in ok:
            LAST_SENT.clear()
            LAST_SENT.update(dict(fields))
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
                v = fallback.get(k) or (m.group(0) if m else 'x')
            out.append((k, v))
        fields = out
    raise StepFailed(f'POST {path}: still refused')


def action_post(who, path, fields):
    """A small form (the workflow buttons): urlencoded, with the token of
    the page it sits on."""
    return who.post_form(path, [('_csrf', who.csrf)] + list(fields))


def page_csrf(who, path):
    g = expect(who.get(path), (200,), f'GET {path}')
    who.csrf = csrf_of(g.text)
    return g


def loc_path(resp, what):
    m = re.match(r'(?:https?://[^/]+)?(/[^?#]*)', resp.location())
    if not m:
        raise StepFailed(f'{what}: no Location ({resp})')
    return m.group(1)


def one_series(run, lead, part, i, p):
    p1 = one_line(p)
    # 1. The series and a session.
    r = send(run, lead, '/masterminds/nieuw', [
        ('name', f'{marker("N", i)} {p1}'[:200]),
        ('purpose', f'{marker("P", i)} {p}\n\n- {p}\n'),
        ('community', ''), ('facilitators', ''), ('amend_days', '7')],
        'serie maken')
    series = loc_path(r, 'serie maken')
    people = (f'{R.part_name}\n'
              + f'{marker("p", i)} {p1}'.replace('(', '[').replace(')', ']')[:100]
              + ' (' + f'{marker("r", i)} {p1}'.replace('(', '[').replace(')', ']')[:100]
              + ')')
    r = send(run, lead, f'{series}/nieuw', [
        ('title', f'{marker("t", i)} {p1}'[:200]),
        ('summary', f'{marker("s", i)} {p1}'[:300]),
        ('date', '2027-03-%02d' % (1 + i % 28)), ('time', '14:30'),
        ('duration', '90'),
        ('location', f'{marker("o", i)} {p1}'[:200]),
        ('facilitator', ''),
        ('participants', people),
        ('case', f'{marker("c", i)} {p}\n\n> {p}\n'),
        ('insights', f'{marker("b", i)} {p}\n\n## kop {p}\n\n- {p}\n'),
        ('agreements', f'{marker("k", i)} {p}\n\n1. {p}\n'),
        ('themes', 'vakmanschap'), ('tags', ''), ('related', ''), ('note', '')],
        'sessie plannen', fallback={
            'participants': f'{R.part_name}\n{marker("p", i)} ({marker("r", i)})'})
    session = loc_path(r, 'sessie plannen')
    sid = psql("SELECT x.item_id FROM mm_session x JOIN item i ON i.id = x.item_id"
               " WHERE mm_session_href(x.item_id) = :'a1';", session)
    # The edit form keeps every value intact.
    run.get('sessie bewerken', lead, f'{session}/bewerken', ctl={
        k: LAST_SENT[k] for k in ('title', 'summary', 'location')})
    # 2. Two actions: the participant's and an external owner's.
    send(run, lead, f'{session}/acties', [
        ('what', f'{marker("w", i)} {p1}'[:300]), ('owner', R.part_name),
        ('due', '2026-04-01')], 'actie toevoegen')
    send(run, lead, f'{session}/acties', [
        ('what', f'{marker("w", i)} extern {p1}'[:300]),
        ('owner', f'{marker("e", i)} {p1}'[:120]), ('due', '2026-04-02')],
        'actie toevoegen')
    acts = psql("SELECT string_agg(id::text, ' ' ORDER BY id) FROM mm_action"
                " WHERE session_id = :'a1';", sid).split()
    page_csrf(lead, session)
    expect(action_post(lead, f'{session}/verslag', [('action', 'openen'), ('dagen', '7')]),
           (303,), 'openen')
    # 3. An amendment, rejected with a reply; the window closes; final;
    # an addendum; the participant closes their action.
    r = send(run, part, f'{session}/aanvullingen', [
        ('section', 'inzichten'),
        ('comment', f'{marker("m", i)} {p}'[:2000]),
        ('proposal', f'{marker("v", i)} {p}\n\n- {p}\n')], 'aanvulling voorstellen')
    am = psql("SELECT max(id) FROM mm_amendment WHERE session_id = :'a1';", sid)
    run.get('aanvulling beslissen', lead, f'{session}/aanvullingen/{am}')
    send(run, lead, f'{session}/aanvullingen/{am}', [
        ('besluit', 'afwijzen'), ('reply', f'{marker("y", i)} {p1}'[:1000])],
        'aanvulling beslissen')
    page_csrf(lead, session)
    expect(action_post(lead, f'{session}/verslag', [('action', 'sluiten')]), (303,), 'sluiten')
    page_csrf(lead, session)
    expect(action_post(lead, f'{session}/verslag', [('action', 'vaststellen')]),
           (303,), 'vaststellen')
    send(run, lead, f'{session}/addendum', [
        ('body', f'{marker("d", i)} {p}\n\n- {p}\n')], 'addendum')
    send(run, part, f'/acties/{acts[0]}', [
        ('status', 'gedaan'), ('note', f'{marker("x", i)} {p1}'[:1000]),
        ('evidence', ''), ('sessie', sid), ('terug', session)],
        'actie bijwerken', ok=(303,))
    return series, session, acts


def check_ics(run, client, path, n_events):
    """The calendar: CRLF lines of at most 75 octets; unfolded, as many
    VEVENTs as sessions (a payload never starts a line of its own), and
    every TEXT value free of raw line breaks."""
    view = 'agenda (.ics)'
    v = run.views.setdefault(view, {'pages': 0, 'findings': [], 'statuses': {}})
    r = client.get(path)
    v['pages'] += 1
    run.pages += 1
    v['statuses'][str(r.status)] = v['statuses'].get(str(r.status), 0) + 1
    where = f'GET {path} ({r.status}): '
    if r.status != 200 or not r.headers.get('content-type', '').startswith('text/calendar'):
        v['findings'].append(f'{where}not a calendar ({r.headers.get("content-type")})')
        return
    raw = r.text.encode('utf-8')
    if not raw.endswith(b'\r\n') or b'\n' in raw.replace(b'\r\n', b''):
        v['findings'].append(f'{where}a line does not end in CRLF')
    for ln in raw.split(b'\r\n'):
        if len(ln) > 75:
            v['findings'].append(f'{where}a line of {len(ln)} octets')
            break
    text = r.text.replace('\r\n ', '').replace('\r\n\t', '')
    lines = text.split('\r\n')
    begins = sum(1 for ln in lines if ln == 'BEGIN:VEVENT')
    if begins != n_events:
        v['findings'].append(f'{where}{begins} VEVENTs, want {n_events}: a line was injected')
    for ln in lines:
        if re.match(r'(SUMMARY|DESCRIPTION|LOCATION)[;:]', ln):
            val = ln.split(':', 1)[1]
            if re.search(r'(?<!\\)[;,]', val.replace('\\\\', '')):
                v['findings'].append(f'{where}unescaped ; or , in {ln[:60]!r}')
            un = re.sub(r'\\([\\;,nN])', lambda m: '\n' if m.group(1) in 'nN'
                        else m.group(1), val)
            for m in re.finditer(r'§([a-zA-Z])(\d\d)§', un):
                if m.group(1) in R.FIELDS:
                    run.seen.add((int(m.group(2)), m.group(1), view))
    for m in re.finditer(r'§([per])(\d\d)§', text):
        v['findings'].append(f'{where}shows {R.FIELDS[m.group(1)]} (no people in a calendar)')
    for bad in ('ATTENDEE', 'ORGANIZER', R.part_name, R.lead_name):
        if bad in text:
            v['findings'].append(f'{where}holds {bad!r} (no people in a calendar)')


def check_md(run, client, path, forbid=''):
    """The Markdown export: an attachment of type text/markdown, never a
    page a browser renders; the fields in forbid (participants and
    external owners, for a visitor) never in it."""
    view = 'verslag (.md)'
    v = run.views.setdefault(view, {'pages': 0, 'findings': [], 'statuses': {}})
    r = client.get(path)
    v['pages'] += 1
    run.pages += 1
    v['statuses'][str(r.status)] = v['statuses'].get(str(r.status), 0) + 1
    where = f'GET {path} ({r.status}): '
    ct = r.headers.get('content-type', '')
    if r.status != 200 or not ct.startswith('text/markdown'):
        v['findings'].append(f'{where}Content-Type {ct!r}')
    if not r.headers.get('content-disposition', '').startswith('attachment'):
        v['findings'].append(f'{where}not an attachment')
    if r.headers.get('x-content-type-options', '') != 'nosniff':
        v['findings'].append(f'{where}no nosniff')
    for m in re.finditer(r'§([a-zA-Z])(\d\d)§', r.text):
        if m.group(1) in forbid:
            v['findings'].append(f'{where}shows {R.FIELDS[m.group(1)]} to a visitor')
        elif m.group(1) in R.FIELDS:
            run.seen.add((int(m.group(2)), m.group(1), view))


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
        lead = register('leider')
        part = register('deelnemer')
        lead.role, part.role = 'facilitator', 'participant'
        # Payload display names, unique (a name two members share is
        # ambiguous as participant or owner), without parentheses (the
        # participant line's role).
        stamp = int(time.time() * 1000) % 10**9
        R.lead_name = f'XSS leider "><img src=x onerror=alert(1)> {stamp}'
        R.part_name = f"XSS deelnemer '><svg onload=alert(2)> {stamp}"
        psql("UPDATE account SET display_name = :'a2' WHERE email = :'a1';",
             lead.email, R.lead_name)
        psql("UPDATE account SET display_name = :'a2' WHERE email = :'a1';",
             part.email, R.part_name)
        vis = Client('bezoeker')
        made = []
        failed = 0
        for i, p in enumerate(payloads):
            if failed >= 3:
                break
            try:
                made.append(one_series(run, lead, part, i, p))
                failed = 0
            except StepFailed as e:
                run.fail(f'payload {i:02d}: {e}')
                failed += 1
        # 4. Every view.
        for series, session, acts in made:
            for view, c, path in (
                    ('serie', vis, series),
                    ('serie (leider)', lead, series),
                    ('serie-acties', vis, f'{series}/acties?status=alle'),
                    ('serie-acties (deelnemer)', part, f'{series}/acties?status=alle'),
                    ('sessie', vis, session),
                    ('sessie (deelnemer)', part, session),
                    ('sessie (leider)', lead, session),
                    ('actie', part, f'/acties/{acts[0]}'),
                    ('actie (leider)', lead, f'/acties/{acts[1]}')):
                run.get(view, c, path)
            check_ics(run, vis, f'{series}/agenda.ics', 1)
            check_md(run, part, f'{session}.md')
            check_md(run, vis, f'{session}.md', forbid='per')
        run.get('mijn acties', part, '/account/acties')
        run.get('masterminds', vis, '/masterminds')
        run.get('masterminds (leider)', lead, '/masterminds')
        run.get('themapagina', vis, '/themas/vakmanschap')
        run.get('mastermindfeed', vis, '/feeds/masterminds.atom', feed=True)
        cookies = jar_json(lead, part)
    except StepFailed as e:
        run.fail(str(e))
        cookies = {}
    return report(run, len(payloads), out, cookies, t0)


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
