#!/bin/sh
# common-passwords.txt -> C array for app/core/pwlist.h. The list must be
# sorted in byte order (form.c searches it with bsearch and strcmp).
set -eu
grep -v -e '^#' -e '^$' "$1" | LC_ALL=C sort -c || {
	echo "pwlist: $1 is not sorted (LC_ALL=C sort)" >&2; exit 1; }
echo '#include "core/pwlist.h"'
echo 'const char *const pwlist[] = {'
grep -v -e '^#' -e '^$' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/.*/\t"&",/'
echo '};'
echo 'const size_t pwlist_n = sizeof(pwlist) / sizeof(pwlist[0]);'
