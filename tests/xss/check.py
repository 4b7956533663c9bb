#!/usr/bin/env python3
"""Checks a page Bron served for markup that could run script (R2).

An HTML parser (Python's html.parser: no JavaScript, no network) walks the
page and reports every dangerous node:

  - an element that runs or embeds active content: script, iframe, frame,
    frameset, object, embed, applet, svg, math, base, style, template,
    meta http-equiv=refresh, link rel=import (our own templates use none of
    them; --allow names exceptions);
  - any on* event handler attribute, and a style attribute with
    "javascript:", "expression(" or "url(" in it;
  - an href, src, action, formaction, xlink:href, data, poster, background,
    cite, longdesc, ping, srcset or content URL whose scheme, after entity
    decoding and after dropping whitespace and control characters (as
    browsers do), is javascript:, vbscript: or data: (only data:image/png,
    gif, jpeg or webp in an <img src> is allowed: images cannot run
    script);
  - a form control (textarea or input) named in `expect` whose content is
    not exactly the text sent: a textarea closed early by "</textarea>" in
    the value, or an attribute value broken by a quote, shows up here.

Feeds: the document must be well-formed XML; every Atom text construct of
type "html" is checked as HTML with the same rules, a type "xhtml" one as
markup, link hrefs as URLs. A type "text" construct is plain text by RFC
4287 and cannot hold markup.

Command line: check.py [--feed] [--allow TAG]... FILE...  (exit 1 when any
file holds a dangerous node; the findings go to standard output).
"""

import html.parser
import re
import sys
import xml.etree.ElementTree as ET

ACTIVE = {
    'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
    'svg', 'math', 'base', 'style', 'template', 'portal', 'noembed',
}
URL_ATTRS = {
    'href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster',
    'background', 'cite', 'longdesc', 'ping', 'codebase', 'manifest',
    'lowsrc', 'dynsrc', 'icon', 'profile', 'archive',
}
BAD_SCHEMES = ('javascript:', 'vbscript:', 'data:', 'livescript:')
SAFE_DATA_IMG = re.compile(r'^data:image/(png|gif|jpeg|webp)[;,]')
# Browsers strip leading/trailing C0 controls and spaces and remove tab and
# newline anywhere in a URL before they look at its scheme.
STRIP = re.compile(r'[\x00-\x20\x7f]+')
ATOM = '{http://www.w3.org/2005/Atom}'


def url_scheme_bad(value, tag, attr):
    """The dangerous scheme of a URL attribute value, or None."""
    v = STRIP.sub('', value).lower()
    if not v.startswith(BAD_SCHEMES):
        return None
    if tag == 'img' and attr == 'src' and SAFE_DATA_IMG.match(v):
        return None
    return v.split(':', 1)[0] + ':'


class Checker(html.parser.HTMLParser):
    """Collects dangerous nodes and the values of form controls."""

    def __init__(self, allow=(), where=''):
        super().__init__(convert_charrefs=True)
        self.allow = set(allow)
        self.where = where
        self.findings = []
        self.controls = {}      # name -> list of values as the page holds them
        self._textarea = None   # [name, parts] while inside a textarea
        self.elements = 0

    def finding(self, what):
        pos = self.getpos()
        self.findings.append(f'{self.where}line {pos[0]}: {what}')

    def _start(self, tag, attrs, closed):
        self.elements += 1
        tag = tag.lower()
        if self._textarea is not None:
            # A browser reads textarea content as text: a tag here means
            # the value reached the page unescaped.
            self._textarea[2] = True
            self._textarea[1].append(self.get_starttag_text() or '')
        if tag in ACTIVE and tag not in self.allow:
            self.finding(f'<{tag}> element: {self._short()}')
        d = {}
        for k, v in attrs:
            k = k.lower()
            v = v or ''
            d.setdefault(k, v)
            if k.startswith('on'):
                self.finding(f'event handler {k}= on <{tag}>: {self._short()}')
            elif k in URL_ATTRS:
                bad = url_scheme_bad(v, tag, k)
                if bad:
                    self.finding(f'{bad} URL in {k}= on <{tag}>: {self._short()}')
            elif k == 'srcset':
                for part in v.split(','):
                    bad = url_scheme_bad(part.strip().split(' ')[0], tag, 'src')
                    if bad:
                        self.finding(f'{bad} URL in srcset on <{tag}>')
            elif k == 'style':
                s = STRIP.sub('', v).lower()
                if 'javascript:' in s or 'expression(' in s or 'url(' in s:
                    self.finding(f'style= with a URL or expression on <{tag}>: {self._short()}')
        if tag == 'meta' and d.get('http-equiv', '').lower() == 'refresh':
            self.finding(f'<meta http-equiv=refresh>: {self._short()}')
        if tag == 'link' and 'import' in d.get('rel', '').lower().split():
            self.finding(f'<link rel=import>: {self._short()}')
        if tag == 'input' and 'name' in d:
            self.controls.setdefault(d['name'], []).append(d.get('value', ''))
        if tag == 'textarea' and not closed:
            self._textarea = [d.get('name', ''), [], False]

    def _short(self):
        return (self.get_starttag_text() or '')[:160]

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs, False)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs, True)

    def handle_endtag(self, tag):
        if tag.lower() == 'textarea' and self._textarea is not None:
            name, parts, tainted = self._textarea
            text = ''.join(parts)
            # The HTML parser drops one newline right after <textarea>.
            if text.startswith('\n'):
                text = text[1:]
            self.controls.setdefault(name, []).append(
                text if not tainted else ('\0TAINTED\0' + text))
            self._textarea = None
        elif self._textarea is not None:
            self._textarea[2] = True
            self._textarea[1].append(f'</{tag}>')

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1].append(data)

    def handle_comment(self, data):
        if self._textarea is not None:
            self._textarea[2] = True
        # Conditional comments run in old browsers; none of ours.
        if re.search(r'\[if\b', data, re.I):
            self.finding('conditional comment')

    def handle_pi(self, data):
        self.finding(f'processing instruction <?{data[:60]}>')

    def unknown_decl(self, data):
        self.finding(f'declaration <![{data[:60]}>')


# Servers may drop control characters and turn tabs into spaces in what
# they send back; neither opens markup, so the comparison ignores them.
CONTROLS = re.compile(r'[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]')


def norm(s):
    s = s.replace('\r\n', '\n').replace('\r', '\n').replace('\t', ' ')
    return CONTROLS.sub('', s).strip()


def check_html(text, expect=None, allow=(), where=''):
    """Findings for an HTML document (list of strings; empty when clean).

    expect: {control name: value sent}; every textarea or input with that
    name on the page must hold exactly that value (ends trimmed).
    """
    c = Checker(allow, where)
    c.feed(text)
    c.close()
    if c._textarea is not None:
        c.finding(f'<textarea name="{c._textarea[0]}"> never closed')
    findings = list(c.findings)
    for name, want in (expect or {}).items():
        got = c.controls.get(name)
        if not got:
            continue
        for v in got:
            if v.startswith('\0TAINTED\0'):
                findings.append(f'{where}<textarea name="{name}"> holds markup: '
                                'its value reached the page unescaped '
                                f'({v[9:][:120]!r})')
            elif norm(v) == '':
                # Cleared on purpose (a refused value is not shown back):
                # a breakout would leave markup behind, caught above.
                continue
            elif norm(v) != norm(want):
                findings.append(f'{where}form control "{name}" holds {norm(v)[:120]!r}, '
                                f'sent {norm(want)[:120]!r}')
    return findings


def controls(text):
    """{name: [values]} of the page's inputs and textareas."""
    c = Checker()
    c.feed(text)
    c.close()
    return c.controls


def check_feed(text, allow=(), where=''):
    """Findings for an Atom feed (list of strings; empty when clean)."""
    try:
        root = ET.fromstring(text.encode('utf-8') if isinstance(text, str) else text)
    except ET.ParseError as e:
        return [f'{where}not well-formed XML: {e}']
    findings = []
    if root.tag != ATOM + 'feed':
        findings.append(f'{where}root element is {root.tag}, not an Atom <feed>')
    n = 0
    for el in root.iter():
        name = el.tag.replace(ATOM, '')
        if el.tag == ATOM + 'link':
            bad = url_scheme_bad(el.get('href', ''), 'a', 'href')
            if bad:
                findings.append(f'{where}{bad} URL in <link href>')
        if name in ('title', 'subtitle', 'summary', 'content', 'rights'):
            kind = el.get('type', 'text')
            if kind == 'html':
                n += 1
                findings += check_html(el.text or '', allow=allow,
                                       where=f'{where}<{name} type="html"> ')
            elif kind == 'xhtml':
                n += 1
                inner = ''.join(ET.tostring(c, encoding='unicode') for c in el)
                findings += check_html(inner, allow=allow,
                                       where=f'{where}<{name} type="xhtml"> ')
            elif kind != 'text':
                findings.append(f'{where}<{name} type="{kind}">: unknown type')
            elif len(el):
                findings.append(f'{where}<{name} type="text"> holds elements')
        elif el.tag.startswith(ATOM) or el is root:
            continue
        elif not el.tag.startswith('{'):
            findings.append(f'{where}element <{el.tag}> outside the Atom namespace')
    return findings


def main(argv):
    feed = False
    allow = []
    files = []
    it = iter(argv)
    for a in it:
        if a == '--feed':
            feed = True
        elif a == '--allow':
            allow.append(next(it))
        else:
            files.append(a)
    if not files:
        print(__doc__.strip().split('\n\n')[-1], file=sys.stderr)
        return 2
    bad = 0
    for f in files:
        with open(f, encoding='utf-8', errors='replace') as fh:
            text = fh.read()
        found = (check_feed if feed else check_html)(text, allow=allow, where=f'{f}: ')
        for line in found:
            print(line)
        bad += len(found)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
