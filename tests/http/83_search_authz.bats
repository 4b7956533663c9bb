#!/usr/bin/env bats
# Search never reveals what a reader may not read (issue 11), not even as
# a count. Canary words (search_fixture.bash, SF_CANARIES) stand in an
# article of a members-only and of a closed community, the closed
# community's name and discussion, a story for members, a draft, a
# withdrawn story, a hidden article, a hidden discussion and a hidden
# reply; a visitor, a member of no community (lid), a member of every
# community (gemeenschap) and an editor search for each. Checked twice:
# in the page's own statement (db/q_search.c run from psql: hits, total
# and every facet count) and on /zoeken. Then the equivalence of
# search_visible() with item_may_read() for every account and listed
# item, printed as a figure.
load helpers
load story_fixture
load search_fixture

readers=(bezoeker lid gemeenschap redacteur)

setup_file() {
	local n=$$$RANDOM
	sf_init
	story_accounts "$n" lid verteller gemeenschap redacteur beheerder \
	    geblokkeerd auteur
	sf_canaries
	# For the equivalence: a member of both closed-off communities who
	# is then blocked, and the owner of the members' article who is no
	# member.
	local c
	for c in $(cut -d' ' -f2,3 "$BATS_FILE_TMPDIR/communities"); do
		db -c "INSERT INTO member (community_id, account_id, state)
		    VALUES ($c, $(id geblokkeerd), 'lid')"
	done
	db -c "UPDATE account SET blocked_at = now() WHERE id = $(id geblokkeerd)"
	db -c "UPDATE item SET owner_id = $(id auteur)
	    WHERE slug = 'zt-$(tag)-leden'"
}

acct() {
	[ "$1" = bezoeker ] && return 0
	id "$1"
}

# want NAME READER_INDEX: 1 when the reader may find canary NAME.
want() {
	printf '%s\n' "$SF_CANARIES" | awk -v n="$1" -v i="$2" \
	    '$1 == n { print $(i + 2) }'
}

canary_names() {
	printf '%s\n' "$SF_CANARIES" | awk 'NF { print $1 }'
}

@test "the page's statement finds each canary only for its readers, in hits, total and facets" {
	local c i r rows hits total facets kinds w bad=0 checks=0
	for c in $(canary_names); do
		for i in "${!readers[@]}"; do
			r=${readers[$i]}
			w=$(want "$c" "$i")
			rows=$(sf_search "$(sf_json "$(canary "$c")")" "$(acct "$r")")
			hits=$(printf '%s\n' "$rows" | grep -c '^hit' || true)
			total=$(printf '%s\n' "$rows" | awk -F'\t' '$1 == "total" { print $9 }')
			facets=$(printf '%s\n' "$rows" | awk -F'\t' '$1 ~ /^f_/ { s += $9 } END { print s + 0 }')
			checks=$((checks + 1))
			if [ "$hits" != "$w" ] || [ "$total" != "$w" ]; then
				echo "$c as $r: $hits hits, total $total, want $w" >&2
				bad=$((bad + 1))
			fi
			# A found row counts once under its kind; a hidden one
			# in no facet at all.
			kinds=$(printf '%s\n' "$rows" | awk -F'\t' '$1 == "f_kind" { s += $9 } END { print s + 0 }')
			if [ "$w" = 0 ] && [ "$facets" != 0 ]; then
				echo "$c as $r: facet counts $facets" >&2
				bad=$((bad + 1))
			fi
			if [ "$kinds" != "$w" ]; then
				echo "$c as $r: kind counts $kinds" >&2
				bad=$((bad + 1))
			fi
		done
	done
	echo "# $checks canary x reader checks, $bad wrong" >&3
	[ "$bad" = 0 ]
}

@test "all canaries at once: each reader's total and facet counts hold only what they may read" {
	local i r rows total kinds comms years want names json='' sep='' c
	local open leden besl
	read -r open leden besl <"$BATS_FILE_TMPDIR/communities"
	for c in $(canary_names); do
		json="$json$sep{\"t\":\"$(canary "$c")\",\"p\":false}"
		sep=,
	done
	json="{\"all\":[[$json]],\"not\":[]}"
	for i in "${!readers[@]}"; do
		r=${readers[$i]}
		# The rows found one canary at a time (checked above), each
		# once: the closed community's discussion holds two canaries.
		want=$(for c in $(canary_names); do
			sf_search "$(sf_json "$(canary "$c")")" "$(acct "$r")" |
			    awk -F'\t' '$1 == "hit" { print $2 }'
		done | sort -u | wc -l)
		rows=$(sf_search "$json" "$(acct "$r")")
		total=$(printf '%s\n' "$rows" | awk -F'\t' '$1 == "total" { print $9 }')
		kinds=$(printf '%s\n' "$rows" | awk -F'\t' '$1 == "f_kind" { s += $9 } END { print s + 0 }')
		years=$(printf '%s\n' "$rows" | awk -F'\t' '$1 == "f_year" { s += $9 } END { print s + 0 }')
		echo "# $r: total $total (want $want), kinds $kinds, years $years" >&3
		[ "$total" = "$want" ]
		[ "$kinds" = "$want" ]
		# Communities have no year.
		[ "$years" -le "$want" ]
		[ "$(printf '%s\n' "$rows" | grep -c '^hit' || true)" = "$want" ]
		comms=$(printf '%s\n' "$rows" | awk -F'\t' '$1 == "f_comm" { print $2 }')
		if [ "$r" = bezoeker ] || [ "$r" = lid ]; then
			# Only the open community is named to outsiders.
			for c in $comms; do
				[ "$c" = "zt-$(tag)-openbaar" ]
			done
		fi
	done
}

@test "did you mean never names a canary nor the title of what the reader may not read" {
	local i r rows c s typo
	for c in leden kringnaam gesprek concept verborgen; do
		# One letter changed at the end: close, but not the word.
		typo=$(canary "$c")
		typo=${typo%?}y
		for i in "${!readers[@]}"; do
			r=${readers[$i]}
			rows=$(sf_search "$(sf_json "$typo")" "$(acct "$r")" \
			    '' '' '' '' '' 0 20 "[\"$typo\"]")
			# Suggestions come from public words only: a canary
			# suggested must be one a visitor may read.
			for s in $(printf '%s\n' "$rows" | awk -F'\t' '$1 == "suggest" { print $2 }' |
			    grep -o "kanarie[a-z]*$(tag)" | sed "s/^kanarie//; s/$(tag)\$//"); do
				if [ "$(want "$s" 0)" != 1 ]; then
					echo "$c as $r: suggests the canary $s" >&2
					return 1
				fi
			done
			# Titles like it are offered only when the reader
			# may read them.
			for s in $(printf '%s\n' "$rows" | awk -F'\t' '$1 == "title"' |
			    grep -o "kanarie[a-z]*$(tag)" | sed "s/^kanarie//; s/$(tag)\$//"); do
				if [ "$(want "$s" "$i")" = 0 ]; then
					echo "$c as $r: offers the title of $s" >&2
					return 1
				fi
			done
		done
	done
	# The member is offered the title of the members' article.
	typo=$(canary leden)
	typo=${typo%?}y
	rows=$(sf_search "$(sf_json "$typo")" "$(id gemeenschap)" '' '' '' \
	    '' '' 0 20 "[\"ledenartikel $typo\"]")
	printf '%s\n' "$rows" | grep '^title' | grep -q "$(canary leden)"
}

# The rows of the equivalence: every account (and a visitor) x every
# listed item, lesson and discussion, with what search_visible() says
# (given search_viewer()'s side, as the page does) and what the pages'
# own read rule says. One difference is by design: a blocked account
# finds only public rows, while the read rules still let a blocked
# member open its communities' pages (search is the stricter).
#
# The accounts: this file's (a blocked member, an owner who is no member,
# each role) and the 150 newest others: every account of a fresh
# database; in `make test`'s shared one, the other files' thousands of
# accounts would make it minutes.
equiv_sql() {
	local ids f
	ids=0
	for f in "$BATS_FILE_TMPDIR"/id-*; do
		ids="$ids,$(cat "$f")"
	done
	cat <<SQL
SET statement_timeout = 0;
CREATE TEMP VIEW acct_sample AS
SELECT id FROM account WHERE id IN ($ids)
UNION SELECT id FROM (SELECT id FROM account ORDER BY id DESC LIMIT 150) n;
SQL
	cat <<'SQL'
CREATE TEMP VIEW eq AS
SELECT x.id AS acct, d.src, d.path, d.public, d.members, d.community_id,
    search_visible(d, x.id, v.active, v.editor, v.comms) AS s,
    CASE d.src WHEN 'item' THEN item_may_read(d.src_id, x.id)
        WHEN 'les' THEN lesson_may_read(d.src_id, x.id)
        ELSE community_may_read(d.community_id, x.id) END AS r,
    x.id IS NOT NULL AND NOT v.active AS blocked
FROM search_doc d
CROSS JOIN (SELECT id FROM acct_sample UNION ALL SELECT NULL) x
CROSS JOIN LATERAL search_viewer(x.id) v
WHERE d.src IN ('item', 'les', 'gesprek');
SQL
}

@test "search_visible() equals the read rules for every account and listed row" {
	local out src mism leak miss blocked pairs bad
	out=$({ equiv_sql; cat <<'SQL'; } | db
SELECT src, count(*) FILTER (WHERE s IS DISTINCT FROM r),
    count(*) FILTER (WHERE s AND NOT r),
    count(*) FILTER (WHERE r AND NOT s AND NOT blocked),
    count(*) FILTER (WHERE r AND NOT s AND blocked), count(*)
FROM eq GROUP BY src ORDER BY src;
SQL
	)
	bad=0
	while IFS='|' read -r src mism leak miss blocked pairs; do
		echo "# $src: $pairs account x row pairs, search_visible() vs the read rule: $leak found but not readable, $miss readable but not found, $blocked readable by a blocked account's read rule but not found (by design)" >&3
		bad=$((bad + leak + miss))
	done <<<"$out"
	if [ "$bad" != 0 ]; then
		{ equiv_sql; cat <<'SQL'; } | db >&2
SELECT e.acct, a.role, e.blocked, e.src, e.path, e.public, e.members,
    e.s AS search, e.r AS may_read
FROM eq e LEFT JOIN account a ON a.id = e.acct
WHERE e.s IS DISTINCT FROM e.r AND NOT (e.r AND e.blocked)
ORDER BY 1, 4 LIMIT 30;
SQL
	fi
	[ "$bad" = 0 ]
}

# zoek READER Q [curl args...]: /zoeken?q=Q as READER.
zoek() {
	local r=$1 q=$2
	shift 2
	if [ "$r" = bezoeker ]; then
		req -G --data-urlencode "q=$q" "$@" /zoeken
	else
		req -b "$(jar "$r")" -G --data-urlencode "q=$q" "$@" /zoeken
	fi
}

hits() {
	printf '%s\n' "$body" |
	    sed -n '/<ol class="item-list search-hits"/,/<\/ol>/p' |
	    grep -o 'class="item-title" href="[^"]*"' | cut -d'"' -f4
}

@test "/zoeken: each canary only for its readers; otherwise the page is the page of a word that does not exist" {
	local c i r w n word other base bad=0 checks=0
	for c in $(canary_names); do
		word=$(canary "$c")
		# A word of the same length that no text holds: what the page
		# looks like when nothing is found (the query echoed).
		other=$(printf '%s' "$word" | tr 'a-z' 'b-za')
		for i in "${!readers[@]}"; do
			r=${readers[$i]}
			w=$(want "$c" "$i")
			zoek "$r" "$other"
			base=$(printf '%s' "$body" | grep -o "$other" | wc -l)
			zoek "$r" "$word"
			checks=$((checks + 1))
			[ "$status_code" = 200 ] || { echo "$c as $r: $status_code" >&2; bad=$((bad + 1)); continue; }
			n=$(hits | wc -l)
			if [ "$n" != "$w" ]; then
				echo "$c as $r: $n hits, want $w" >&2
				bad=$((bad + 1))
			fi
			if [ "$w" = 0 ]; then
				# The word shows only where the query is echoed,
				# and no count is shown.
				if [ "$(printf '%s' "$body" | grep -o "$word" | wc -l)" != "$base" ] ||
				    [[ "$body" == *'class="facet-count"'* ]] ||
				    [[ "$body" != *"Geen resultaten voor “$word”"* ]]; then
					echo "$c as $r: the page tells more than for $other" >&2
					bad=$((bad + 1))
				fi
			fi
		done
	done
	echo "# /zoeken: $checks canary x reader pages, $bad wrong" >&3
	[ "$bad" = 0 ]
}

# zoek_group READER NAME...: /zoeken for these canaries joined by OR (a
# query has at most 200 characters, so in groups), checked against the
# rows the statement gives for each alone.
zoek_group() {
	local r=$1 q='' c want sum
	shift
	for c in "$@"; do
		q="$q${q:+ OR }$(canary "$c")"
	done
	want=$(for c in "$@"; do
		sf_search "$(sf_json "$(canary "$c")")" "$(acct "$r")" |
		    awk -F'\t' '$1 == "hit" { print $2 }'
	done | sort -u | wc -l)
	zoek "$r" "$q"
	[ "$status_code" = 200 ] || { echo "$r: $status_code for $q" >&2; return 1; }
	[ "$(hits | wc -l)" = "$want" ]
	case $want in
	0) assert_contains "Geen resultaten voor" ;;
	1) assert_contains "1 resultaat voor" ;;
	*) assert_contains "$want resultaten voor" ;;
	esac
	# The kind filter's counts add up to the same.
	sum=$(printf '%s\n' "$body" |
	    sed -n '/id="filter-soort"/,/<\/section>/p' |
	    grep -o 'class="facet-count">([0-9]*)' | tr -dc '0-9\n' |
	    awk '{ s += $1 } END { print s + 0 }')
	echo "# $r, $*: $want rows, kind counts $sum" >&3
	[ "$sum" = "$want" ]
	# Outsiders see no closed-off community named.
	if [ "$r" = bezoeker ] || [ "$r" = lid ]; then
		assert_not_contains "Ledenkring $(tag)"
		assert_not_contains "$(canary kringnaam)</"
	fi
}

@test "/zoeken: canaries joined by OR: the count line and the kind counts hold only what the reader may read" {
	local r
	for r in "${readers[@]}"; do
		zoek_group "$r" publiek leden kring kringnaam gesprek lidverhaal
		zoek_group "$r" publiek concept ingetrokken verborgen verborgengesprek reactie
	done
}

@test "/zoeken: a closed community's slug as a filter is answered as an unknown one" {
	local slug t a b
	t=$(tag)
	slug="zt-$t-besloten"
	for r in bezoeker lid; do
		zoek "$r" "$t" --data-urlencode "gemeenschap=$slug"
		a="$status_code:$(printf '%s' "$body" | sed "s/$slug/SLUG/g" |
		    grep -v '_csrf')"
		zoek "$r" "$t" --data-urlencode "gemeenschap=zt-$t-bestaatniet"
		b="$status_code:$(printf '%s' "$body" | sed "s/zt-$t-bestaatniet/SLUG/g" |
		    grep -v '_csrf')"
		[ "$a" = "$b" ]
		assert_not_contains "$(canary kringnaam)"
	done
	# A member filters on it.
	zoek gemeenschap "$(canary gesprek)" --data-urlencode "gemeenschap=$slug"
	[ "$status_code" = 200 ]
	[ "$(hits | wc -l)" = 1 ]
}

@test "/zoeken: a signed-in reader's results are never stored by a cache" {
	zoek gemeenschap "$(canary leden)"
	[ "$status_code" = 200 ]
	[ "$(hits | wc -l)" = 1 ]
	[ "$(header cache-control)" = no-store ]
	zoek bezoeker "$(canary publiek)"
	[ "$(header cache-control)" != public ]
}
