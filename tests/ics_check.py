#!/usr/bin/env python3
"""A strict iCalendar (RFC 5545) checker for the series calendar feed.

    python3 tests/ics_check.py FILE [--dump]

Checks: every line ends in CRLF (no bare CR or LF), no physical line is
longer than 75 octets, the bytes are UTF-8 without control characters
(but HTAB), continuation lines start with one space or tab; after
unfolding every content line is NAME[;params]:value; BEGIN/END nest
properly with VCALENDAR outermost; VCALENDAR has VERSION:2.0, PRODID,
CALSCALE:GREGORIAN and METHOD:PUBLISH; every VEVENT has exactly one
UID, DTSTAMP, DTSTART, DTEND, SUMMARY, URL, SEQUENCE and STATUS; the
date-times are valid UTC (YYYYMMDDTHHMMSSZ) with DTSTART < DTEND; TEXT
values have only valid escapes. With --dump it prints the events as
JSON (TEXT values unescaped) for the test to compare. Exit 1 and a
message on the first fault.
"""
import datetime
import json
import re
import sys

NAME = re.compile(r"^[A-Za-z0-9-]+$")
UTC = re.compile(r"^\d{8}T\d{6}Z$")
TEXT = {"SUMMARY", "DESCRIPTION", "LOCATION", "X-WR-CALNAME", "UID"}
EVENT_ONCE = ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "URL",
              "SEQUENCE", "STATUS"]


def fail(msg):
    print("ics_check: " + msg, file=sys.stderr)
    sys.exit(1)


def unescape(v, where):
    out, i = [], 0
    while i < len(v):
        c = v[i]
        if c == "\\":
            if i + 1 >= len(v):
                fail(where + ": lone backslash at the end")
            n = v[i + 1]
            if n in "nN":
                out.append("\n")
            elif n in "\\;,":
                out.append(n)
            else:
                fail(where + ": bad escape \\" + n)
            i += 2
            continue
        if c in ";,":
            fail(where + ": unescaped " + c)
        out.append(c)
        i += 1
    return "".join(out)


def utc(v, where):
    if not UTC.match(v):
        fail(where + ": not a UTC date-time: " + v)
    try:
        return datetime.datetime.strptime(v, "%Y%m%dT%H%M%SZ")
    except ValueError:
        fail(where + ": impossible date-time: " + v)


def lines(data):
    if not data.endswith(b"\r\n"):
        fail("the last line does not end in CRLF")
    phys = data[:-2].split(b"\r\n")
    for n, p in enumerate(phys, 1):
        if b"\r" in p or b"\n" in p:
            fail("line %d: bare CR or LF" % n)
        if len(p) > 75:
            fail("line %d: %d octets (more than 75)" % (n, len(p)))
        for b in p:
            if (b < 0x20 and b != 0x09) or b == 0x7F:
                fail("line %d: control byte 0x%02x" % (n, b))
    logical = []
    for n, p in enumerate(phys, 1):
        if p[:1] in (b" ", b"\t"):
            if not logical:
                fail("line 1 is a continuation line")
            logical[-1] = (logical[-1][0], logical[-1][1] + p[1:])
        else:
            logical.append((n, p))
    out = []
    for n, p in logical:
        try:
            s = p.decode("utf-8")
        except UnicodeDecodeError:
            fail("line %d: not UTF-8 (or folded inside a character)" % n)
        out.append((n, s))
    return out


def main():
    if len(sys.argv) < 2:
        fail("usage: ics_check.py FILE [--dump]")
    with open(sys.argv[1], "rb") as f:
        data = f.read()
    stack, cal, events, ev = [], {}, [], None
    for n, s in lines(data):
        where = "line %d" % n
        if ":" not in s:
            fail(where + ": no colon")
        head, value = s.split(":", 1)
        name = head.split(";", 1)[0].upper()
        if not NAME.match(name):
            fail(where + ": bad name " + name)
        if name == "BEGIN":
            if not stack and value != "VCALENDAR":
                fail(where + ": the outermost component is " + value)
            if stack and stack[-1] != "VCALENDAR":
                fail(where + ": " + value + " inside " + stack[-1])
            stack.append(value)
            if value == "VEVENT":
                ev = {}
            continue
        if name == "END":
            if not stack or stack[-1] != value:
                fail(where + ": END:" + value + " does not close "
                     + (stack[-1] if stack else "anything"))
            stack.pop()
            if value == "VEVENT":
                for k in EVENT_ONCE:
                    if k not in ev:
                        fail(where + ": VEVENT without " + k)
                if not ev["DTSTART"] < ev["DTEND"]:
                    fail(where + ": DTSTART is not before DTEND")
                events.append(ev)
                ev = None
            elif not stack and value == "VCALENDAR":
                cal["_end"] = True
            continue
        if not stack:
            fail(where + ": property outside VCALENDAR")
        target = ev if stack[-1] == "VEVENT" else cal
        if name in target and name in EVENT_ONCE + ["VERSION", "PRODID",
                                                      "CALSCALE", "METHOD"]:
            fail(where + ": " + name + " twice")
        if name in ("DTSTART", "DTEND", "DTSTAMP"):
            target[name] = utc(value, where)
        elif name in TEXT:
            target[name] = unescape(value, where)
        elif name == "SEQUENCE":
            if not re.match(r"^\d+$", value):
                fail(where + ": SEQUENCE is not a number")
            target[name] = int(value)
        else:
            target[name] = value
    if stack or not cal.get("_end"):
        fail("unclosed " + (stack[-1] if stack else "VCALENDAR"))
    for k, want in (("VERSION", "2.0"), ("CALSCALE", "GREGORIAN"),
                    ("METHOD", "PUBLISH")):
        if cal.get(k) != want:
            fail("VCALENDAR %s is %r, not %s" % (k, cal.get(k), want))
    if not cal.get("PRODID"):
        fail("VCALENDAR without PRODID")
    if "--dump" in sys.argv:
        def conv(e):
            return {k: (v.strftime("%Y%m%dT%H%M%SZ")
                        if isinstance(v, datetime.datetime) else v)
                    for k, v in e.items()}
        print(json.dumps({"calendar": conv({k: v for k, v in cal.items()
                                            if k != "_end"}),
                          "events": [conv(e) for e in events]},
                         ensure_ascii=False))


if __name__ == "__main__":
    main()
