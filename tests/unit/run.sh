#!/usr/bin/env bash
# Run cmocka unit test binaries and sum their results.
#   tests/unit/run.sh build/unit/test_*
# cmocka writes "[  PASSED  ] N test(s)." and "[  FAILED  ] N test(s)"
# (the summary goes to stderr, so both streams are read). A binary that
# dies (sanitizer report, signal) or exits non-zero without a FAILED
# line counts as at least one failure. Last line: "unit: N passed, M failed".
set -u

export CMOCKA_MESSAGE_OUTPUT=${CMOCKA_MESSAGE_OUTPUT:-STDOUT}
# Leak checking is part of the unit suite (STYLE.md d: no valgrind needed).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

if [ $# -eq 0 ]; then
	echo "usage: $0 test-binary ..." >&2
	echo "unit: 0 passed, 1 failed"
	exit 1
fi

total_pass=0
total_fail=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

for bin in "$@"; do
	name=$(basename "$bin")
	if [ ! -x "$bin" ]; then
		echo "$name: not an executable"
		total_fail=$((total_fail + 1))
		continue
	fi
	"$bin" >"$log" 2>&1
	rc=$?
	pass=$(sed -n 's/^\[  PASSED  \] \([0-9][0-9]*\) test(s)\..*/\1/p' \
	    "$log" | tail -n 1)
	fail=$(sed -n 's/^\[  FAILED  \] \([0-9][0-9]*\) test(s).*/\1/p' \
	    "$log" | tail -n 1)
	skip=$(sed -n 's/^\[  SKIPPED \] \([0-9][0-9]*\) test(s).*/\1/p' \
	    "$log" | tail -n 1)
	skipped=${skip:+, $skip skipped}
	if [ -z "$pass" ]; then
		# No summary: the binary died mid-run. Count what finished.
		pass=$(grep -c '^\[       OK \]' "$log")
	fi
	fail=${fail:-0}
	if [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ]; then
		fail=1
	fi
	if [ "$fail" -gt 0 ]; then
		cat "$log"
		echo "$name: $pass passed, $fail failed$skipped (exit $rc)"
	else
		echo "$name: $pass passed$skipped"
	fi
	total_pass=$((total_pass + pass))
	total_fail=$((total_fail + fail))
done

echo "unit: $total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
