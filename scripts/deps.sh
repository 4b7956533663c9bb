#!/usr/bin/env bash
# Install the Debian packages Bron needs that are missing.
# Usage: deps.sh run|test
set -euo pipefail

run_pkgs="build-essential kore libcmark-dev libsodium-dev libpq-dev
	postgresql postgresql-contrib postgresql-15-rum curl procps"
test_pkgs="libcmocka-dev bats wrk chromium clang libclang-rt-14-dev python3
	valgrind"

want=$run_pkgs
[ "${1:-run}" = test ] && want="$run_pkgs $test_pkgs"

missing=""
for p in $want; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
	    grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
# Node may come from elsewhere than Debian (a newer build is fine, and
# Debian's nodejs conflicts with it): ask for the commands, not packages.
if [ "${1:-run}" = test ] &&
    ! { command -v node && command -v npm; } >/dev/null 2>&1; then
	missing="$missing nodejs npm"
fi
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
	echo "bron: missing Debian packages:$missing" >&2
	echo "bron: run as root, or: sudo apt-get install$missing" >&2
	exit 1
fi
echo "bron: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing
