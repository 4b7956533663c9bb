#!/usr/bin/env bash
# Run libFuzzer harnesses for a fixed time each.
#   tests/fuzz/run.sh SECONDS build/fuzz/fuzz_*
# Each harness fuzz_<name> works on build/fuzz/corpus/<name>, seeded from
# tests/fuzz/corpus/<name>/; crash inputs land in build/fuzz/artifacts/.
# Last line: "fuzz: N passed, M failed"; non-zero exit on any failure.
set -u

if [ $# -lt 2 ] || ! [[ $1 =~ ^[0-9]+$ ]] || [ "$1" -lt 1 ]; then
	echo "usage: $0 SECONDS harness ..." >&2
	echo "fuzz: 0 passed, 1 failed"
	exit 1
fi
secs=$1
shift

# The Makefile builds with recoverable UBSan: make any report fatal.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}

root=$(cd "$(dirname "$0")/../.." && pwd)
work=$root/build/fuzz
mkdir -p "$work/corpus" "$work/artifacts" "$work/logs"

# One harness: its result lines on stdout, the first word of the first
# line "ok" or not.
one() {
	local bin=$1 base name corpus log rc runs cov files
	base=$(basename "$bin")
	name=${base#fuzz_}
	corpus=$work/corpus/$name
	log=$work/logs/$name.log
	mkdir -p "$corpus"
	if [ -d "$root/tests/fuzz/corpus/$name" ]; then
		cp -n "$root/tests/fuzz/corpus/$name"/* "$corpus"/ \
		    2>/dev/null || true
	fi
	if [ ! -x "$bin" ]; then
		echo "$base: FAILED (not an executable)"
		return
	fi
	"$bin" -max_total_time="$secs" -max_len=65536 -timeout=10 \
	    -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix="$work/artifacts/$name-" \
	    "$corpus" >"$log" 2>&1
	rc=$?
	# Belt and braces: any sanitizer report fails the harness.
	if [ "$rc" -eq 0 ] && grep -q -E 'runtime error:|ERROR: (Address|Leak)Sanitizer' "$log"; then
		rc=99
	fi
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" |
	    tail -n 1)
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
	files=$(find "$corpus" -type f | wc -l)
	if [ "$rc" -eq 0 ]; then
		echo "$base: ok (${runs:-?} runs, ${cov:-cov: ?}," \
		    "corpus $files) in ${secs}s"
	else
		echo "$base: FAILED (exit $rc), log $log"
		grep -E -m 20 'ERROR|check failed|SUMMARY|Test unit written|^#0|^    #[0-4] ' "$log"
	fi
}

# As many harnesses at once as there are cores (each is one process):
# the same time per harness, the suite's wall time divided.
jobs=${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 1)}
running=0
for bin in "$@"; do
	if [ "$running" -ge "$jobs" ]; then
		wait -n
		running=$((running - 1))
	fi
	one "$bin" >"$work/logs/$(basename "$bin").result" &
	running=$((running + 1))
done
wait

passed=0
failed=0
for bin in "$@"; do
	res=$work/logs/$(basename "$bin").result
	cat "$res"
	if head -n 1 "$res" | grep -q '^[^ ]*: ok '; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
	fi
done

echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
