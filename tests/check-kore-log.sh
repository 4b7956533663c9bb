#!/usr/bin/env bash
# Fails when a Kore log shows a dying worker, a seccomp kill or an
# ignored configuration directive (STYLE.md d): HTTP checks alone pass
# while every request kills a worker.
log=${1:?usage: check-kore-log.sh LOG}
if grep -n -E 'sandbox violation|exited with status|ignoring' "$log"; then
	echo "kore log $log: worker death, sandbox violation or ignored" \
	    "directive (lines above)" >&2
	exit 1
fi
exit 0
