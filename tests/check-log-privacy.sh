#!/usr/bin/env bash
# R11: logs hold no passwords, tokens or e-mail addresses. Checks every
# log given (files or directories; missing ones are skipped) for an
# e-mail address, the test passwords, and anything shaped like one of
# our 43-character tokens.
status=0
for log in "$@"; do
	[ -e "$log" ] || continue
	hits=$(grep -r -n -E \
	    -e '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z.]{2,}' \
	    -e 'paarse olifant|drie lange woorden|bench wachtwoord' \
	    -e '(^|[^A-Za-z0-9_-])[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]([^A-Za-z0-9_-]|$)' \
	    "$log" | grep -v -E 'noreply@bron\.invalid' | head -n 5)
	if [ -n "$hits" ]; then
		echo "privacy: $log holds personal data or secrets:" >&2
		echo "$hits" >&2
		status=1
	fi
done
exit $status
