#!/usr/bin/env bats
# R3 for communities: tests/http/authz_community.tsv, communities ×
# visibility × role × action, driven row by row for a visitor, a
# signed-in member of Bron who is not in the community, a member, a
# moderator and an editor. 0 mismatches.
load helpers

roles=(bezoeker buiten lid moderator redacteur)

jar() {
	echo "$BATS_FILE_TMPDIR/jar-$1"
}

@test "every community role gets exactly what authz_community.tsv says" {
	local r e i v mism=0 rows=0 n=$$$RANDOM
	declare -A id
	for r in "${roles[@]:1}"; do
		e=$(unique_email "c$r")
		register "$r" "$e" "Rol $r $n"
		id[$r]=$(db -c "SELECT id FROM account WHERE email = '$e'")
	done
	set_role "$(db -c "SELECT email FROM account WHERE id = ${id[redacteur]}")" redacteur
	# One community per visibility, made by the editor, with the member,
	# the moderator and a discussion of two posts (the member's opening
	# and the moderator's reply).
	declare -A sub
	for v in openbaar leden besloten; do
		local slug c t p1 p2 pol
		case $v in
		openbaar) pol=open ;;
		leden) pol=aanvraag ;;
		besloten) pol=uitnodiging ;;
		esac
		slug=$(db -c "SELECT slug FROM community_save(NULL, ${id[redacteur]},
		    0, 'Authz $v $n', 'Kort', 'Doel', '<p>Doel</p>', '', '$v',
		    '$pol', 'authz-$v-$n', '')")
		c=$(db -c "SELECT id FROM community WHERE slug = '$slug'")
		for r in lid moderator; do
			db -c "SELECT member_act($c, ${id[redacteur]}, 'uitnodigen',
			    ${id[$r]}, '')" >/dev/null
			db -c "SELECT member_act($c, ${id[$r]}, 'accepteren', NULL,
			    '')" >/dev/null
		done
		db -c "SELECT member_act($c, ${id[redacteur]}, 'moderator',
		    ${id[moderator]}, '')" >/dev/null
		# The editor made it and so moderates it too: step down, so the
		# editor column tests the editor's own rights.
		db -c "DELETE FROM member WHERE community_id = $c
		    AND account_id = ${id[redacteur]}"
		t=$(db -c "SELECT topic_id FROM topic_create($c, ${id[lid]},
		    'Gesprek', 'Opening', '<p>Opening</p>', '')")
		p1=$(db -c "SELECT id FROM post WHERE topic_id = $t AND n = 1")
		p2=$(db -c "SELECT post_id FROM post_create($t, ${id[moderator]},
		    'Reactie', '<p>Reactie</p>', NULL, '')")
		sub[$v]=$slug
		sub[${v}_t]=$t
		sub[${v}_p1]=$p1
		sub[${v}_p2]=$p2
	done
	while IFS=$'\t' read -r method path fields c0 c1 c2 c3 c4; do
		[[ -z "$method" || "$method" == \#* ]] && continue
		for v in openbaar leden besloten; do
			local pth=$path fl=$fields
			if [[ "$pth$fl" != *"{c}"* && "$pth$fl" != *"{t}"* &&
			    "$pth$fl" != *"{p"* && "$v" != openbaar ]]; then
				continue	# not per community: once
			fi
			pth=${pth//\{c\}/${sub[$v]}}
			pth=${pth//\{t\}/${sub[${v}_t]}}
			pth=${pth//\{p1\}/${sub[${v}_p1]}}
			pth=${pth//\{p2\}/${sub[${v}_p2]}}
			pth=${pth//\{lid\}/${id[lid]}}
			fl=${fl//\{t\}/${sub[${v}_t]}}
			fl=${fl//\{p1\}/${sub[${v}_p1]}}
			fl=${fl//\{p2\}/${sub[${v}_p2]}}
			fl=${fl//\{lid\}/${id[lid]}}
			fl=${fl//\{buiten\}/${id[buiten]}}
			# The columns hold "o/l/b" per visibility, or one code for all.
			local want=() k col
			for col in "$c0" "$c1" "$c2" "$c3" "$c4"; do
				if [[ "$col" == */* ]]; then
					IFS=/ read -r co cl cb <<<"$col"
					case $v in
					openbaar) k=$co ;;
					leden) k=$cl ;;
					besloten) k=$cb ;;
					esac
				else
					k=$col
				fi
				want+=("$k")
			done
			for i in "${!roles[@]}"; do
				r=${roles[$i]}
				if [ "$method" = GET ]; then
					req -b "$(jar "$r")" "$pth"
				else
					local args=()
					[ "$fl" != - ] && args=(--data "$fl")
					post "$r" "$pth" "${args[@]}"
				fi
				rows=$((rows + 1))
				if [ "$status_code" != "${want[$i]}" ]; then
					echo "MISMATCH $method $pth ($v) as $r: got $status_code, want ${want[$i]}" >&2
					mism=$((mism + 1))
				fi
			done
		done
	done <"$BATS_TEST_DIRNAME/authz_community.tsv"
	echo "authz (communities): $rows checks, $mism mismatches" >&3
	[ "$mism" = 0 ]
}
