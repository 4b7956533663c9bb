#!/usr/bin/env bats
# Hostile basics: answered with 4xx, never 5xx, and the server lives on.
load helpers

# Send raw bytes and print the status code of the reply.
raw() {
	local out
	out=$(printf "$1" | timeout 5 bash -c \
	    "exec 3<>/dev/tcp/127.0.0.1/${BRON_URL##*:}; cat >&3; cat <&3" \
	    2>/dev/null | head -n 1 | tr -d '\r')
	echo "${out#HTTP/1.? }" | cut -d' ' -f1
}

@test "a 10 KB URL gets 414" {
	long=$(head -c 10240 /dev/zero | tr '\0' a)
	req "/$long"
	[ "$status_code" = 414 ]
}

@test "a NUL byte in the path gets a 4xx" {
	code=$(raw 'GET /a\0b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
	[[ "$code" == 4* ]]
	req '/a%00b'
	[[ "$status_code" == 4* ]]
}

@test "an unknown method gets a 4xx" {
	req -X BREW /
	[[ "$status_code" == 4* ]]
	code=$(raw 'FOO / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
	[[ "$code" == 4* ]]
}

@test "30 query arguments get a 4xx with a Dutch message" {
	qs=$(for i in $(seq 30); do printf 'a%d=%d&' "$i" "$i"; done)
	req "/zoeken?${qs}q=jeugd"
	[ "$status_code" = 400 ]
	assert_contains 'Dit adres heeft te veel onderdelen.'
	req "/?${qs}"
	[[ "$status_code" != 5* ]]
}

@test "a body over http_body_max (26 MiB, room for a 25 MB upload) gets 413" {
	head -c 27262977 /dev/zero | tr '\0' a >"$BATS_TEST_TMPDIR/big"
	req -X POST -H 'Content-Type: application/x-www-form-urlencoded' \
	    --data-binary "@$BATS_TEST_TMPDIR/big" /taal
	[ "$status_code" = 413 ]
}

@test "a bad HTTP version gets 505, garbage gets 400" {
	code=$(raw 'GET / HTTP/9.9\r\nHost: x\r\n\r\n')
	[ "$code" = 505 ]
	code=$(raw '\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n')
	[[ "$code" == 4* || -z "$code" ]]
}

@test "hostile slugs and escapes in paths never reach a 5xx" {
	for p in '/themas/%3Cscript%3E' '/artikelen/..%2f..%2fetc' \
	    '/monitor/a%0d%0aSet-Cookie:x=1' '/%ff%fe' '/zoeken?q=%00' \
	    "/zoeken?q=';DROP%20TABLE%20item;--" '/zoeken?q=%E2%28%A1'; do
		req "$p"
		[[ "$status_code" == [234]* ]]
		# Only our own CSRF cookie; nothing from the path.
		! printf '%s\n' "$headers" | grep '^set-cookie:' |
		    grep -v '^set-cookie: __Host-csrf=[A-Za-z0-9_-]\{43\}; '
		[[ "$headers" != *x=1* ]]
	done
}

@test "hostile facet and compare query strings never reach a 5xx" {
	local long
	long=$(printf 'regio=a%.0s&' $(seq 19))
	for p in '/pilots?regio=%00' '/pilots?regio=%ff%fe&fase=%' \
	    '/pilots?regio=,,,,&setting=a,,b&fase=%2C' '/pilots?jaar=99999999999999999999' \
	    '/pilots?pagina=-1' '/pilots?pagina=0x10' '/pilots?sorteer=%3Cscript%3E' \
	    "/pilots?$long" '/pilots?thema=a%0d%0aSet-Cookie:x=1' '/pilots?=&=&=' \
	    "/pilots?regio=$(printf 'a%.0s' $(seq 2000))" '/pilots?regio=%E2%28%A1' \
	    '/pilots/vergelijk' '/pilots/vergelijk?ids=' '/pilots/vergelijk?ids=1,1,1' \
	    '/pilots/vergelijk?ids=99999999999999999999,2' '/pilots/vergelijk?ids=-1,abc' \
	    '/pilots/vergelijk?ids=1&ids=2&ids=3&ids=4' '/lessen?soort=%00&regio=%ff' \
	    '/lessen/99999999999999999' '/lessen/0' '/pilots/%3Cx%3E/bewerken' \
	    '/feeds/pilots.atom?x=%00'; do
		req "$p"
		[[ "$status_code" == [234]* ]] || { echo "$p: $status_code" >&2; false; }
		! printf '%s\n' "$headers" | grep '^set-cookie:' |
		    grep -v '^set-cookie: __Host-csrf=[A-Za-z0-9_-]\{43\}; '
		[[ "$headers" != *x=1* ]]
	done
}

@test "the server still answers after all of it" {
	req /healthz
	[ "$status_code" = 200 ]
}
