#!/usr/bin/env python3
"""The checker must catch what it claims to catch: every "bad" sample gives
at least one finding, every "good" sample none. Run by 24_xss.bats first,
so a checker that went blind fails the suite instead of passing it."""

import sys

sys.dont_write_bytecode = True  # no __pycache__ in the work tree
from check import check_feed, check_html  # noqa: E402

BAD = [
    '<p><script>alert(1)</script></p>',
    '<p><SCRIPT SRC=//x></SCRIPT></p>',
    '<img src=x onerror=alert(1)>',
    '<svg onload=alert(1)>',
    '<iframe src="/x"></iframe>',
    '<object data="/x"></object>',
    '<embed src="/x">',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href=" \x01JaVaScRiPt:alert(1)">x</a>',
    '<a href="java\nscript:alert(1)">x</a>',
    '<a href="javascript&colon;alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html,x">x</a>',
    '<img src="data:image/svg+xml;base64,AAAA">',
    '<img src="/x.png" title="" onerror="alert(1)">',
    '<form action="javascript:alert(1)"></form>',
    '<button formaction="javascript:alert(1)">x</button>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<meta http-equiv="refresh" content="0;url=/">',
    '<base href="/">',
    '<details open ontoggle=alert(1)>',
    '<math><mtext>x</mtext></math>',
    '<style>*{}</style>',
    '<h2 id="x" onmouseover="alert(1)">x</h2>',
    '<input name="title" value="x"><script>alert(1)</script>">',
    '<textarea name="body"></textarea><script>alert(1)</script></textarea>',
]
# Textareas and inputs that do not hold what was sent.
BAD_FORMS = [
    ('<textarea name="body">a</textarea><b>x</b></textarea>', {'body': 'a</textarea><b>x</b>'}),
    ('<textarea name="body"><b>x</b></textarea>', {'body': '<b>x</b>'}),
    ('<input name="title" value="x" onfocus="y">', {'title': 'x" onfocus="y'}),
]
GOOD = [
    '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    '<p><a href="/artikelen/x" rel="nofollow noopener ugc">x</a></p>',
    '<p><a href="https://example.org/%22onmouseover=%22alert(1)">x</a></p>',
    '<p><a href="#javascript:alert(1)">x</a> <a href="/javascript:alert(1)">x</a></p>',
    '<p><a href="java%73cript:alert(1)">x</a></p>',
    '<img src="/x.png" alt="a&quot; onerror=&quot;alert(1)">',
    '<img src="data:image/png;base64,AAAA" alt="">',
    '<p>{{{body}}} javascript:alert(1) onload=alert(1)</p>',
    '<link rel="stylesheet" href="/assets/bron.css">',
    '<textarea name="body">&lt;/textarea&gt;&lt;script&gt;</textarea>',
]
GOOD_FORMS = [
    ('<textarea name="body">\n&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;</textarea>',
     {'body': '</textarea><script>alert(1)</script>'}),
    ('<input name="title" value="x&quot; onfocus=&quot;y">', {'title': 'x" onfocus="y'}),
]
FEED_HEAD = '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
BAD_FEEDS = [
    FEED_HEAD + '<entry><content type="html">&lt;script&gt;alert(1)&lt;/script&gt;</content></entry></feed>',
    FEED_HEAD + '<entry><summary type="html">&lt;img src=x onerror=alert(1)&gt;</summary></entry></feed>',
    FEED_HEAD + '<entry><content type="html"><![CDATA[<a href="javascript:alert(1)">x</a>]]></content></entry></feed>',
    FEED_HEAD + '<entry><title><script>alert(1)</script></title></entry></feed>',
    FEED_HEAD + '<entry><link href="javascript:alert(1)"/></entry></feed>',
    FEED_HEAD + '<entry><title>]]></content><script>alert(1)</script></title></entry></feed>',
]
GOOD_FEEDS = [
    FEED_HEAD + '<entry><title>&lt;script&gt;alert(1)&lt;/script&gt;</title>'
    '<summary>&lt;script&gt;</summary>'
    '<content type="html">&lt;p&gt;&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;&lt;/p&gt;</content>'
    '<link href="http://127.0.0.1/artikelen/x"/></entry></feed>',
]


def main():
    fails = []
    for s in BAD:
        if not check_html(s):
            fails.append(f'missed: {s!r}')
    for s, exp in BAD_FORMS:
        if not check_html(s, exp):
            fails.append(f'missed form break: {s!r}')
    for s in GOOD:
        f = check_html(s)
        if f:
            fails.append(f'false alarm on {s!r}: {f}')
    for s, exp in GOOD_FORMS:
        f = check_html(s, exp)
        if f:
            fails.append(f'false alarm on {s!r}: {f}')
    for s in BAD_FEEDS:
        if not check_feed(s):
            fails.append(f'missed in a feed: {s!r}')
    for s in GOOD_FEEDS:
        f = check_feed(s)
        if f:
            fails.append(f'false alarm in a feed: {f}')
    n = len(BAD) + len(BAD_FORMS) + len(GOOD) + len(GOOD_FORMS) + len(BAD_FEEDS) + len(GOOD_FEEDS)
    for f in fails:
        print(f)
    print(f'checker self-test: {n - len(fails)} of {n} samples judged right')
    return 1 if fails else 0


if __name__ == '__main__':
    sys.exit(main())
