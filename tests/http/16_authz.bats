#!/usr/bin/env bats
# R3: the authorisation table tests/http/authz.tsv, driven row by row
# for a visitor and a signed-in person of every role. 0 mismatches.
load helpers

roles=(bezoeker lid ervaringsdeskundige redacteur beheerder)

setup_file() {
	export AUTHZ_DIR=$BATS_FILE_TMPDIR
}

@test "every role gets exactly what authz.tsv says" {
	local other r e i mism=0 rows=0
	other_email=$(unique_email ander)
	register other "$other_email" "Ander lid"
	other=$(db -c "SELECT id FROM account WHERE email = '$other_email'")
	for r in "${roles[@]:1}"; do
		e=$(unique_email "$r")
		register "$r" "$e" "Rol $r"
		set_role "$e" "$r"
	done
	# Two articles by {other}: a concept and a published one.
	draft=$(db -c "SELECT slug FROM item_save('artikel', NULL, NULL,
	    $other, 'Authz concept', 'Kort', 'Tekst', '<p>Tekst</p>', '', 1,
	    '', 'authz-concept', '', '', '', NULL, '', '', '', NULL)")
	read -r pubid pub < <(db -F ' ' -c "SELECT id, slug FROM item_save(
	    'artikel', NULL, NULL, $other, 'Authz gepubliceerd', 'Kort',
	    'Tekst', '<p>Tekst</p>', '', 1, '', 'authz-gepubliceerd', '', '',
	    '', NULL, '', '', '', NULL)")
	db -c "SELECT item_transition($pubid, (SELECT id FROM account
	    WHERE role = 'redacteur' ORDER BY id DESC LIMIT 1), 'goedkeuren',
	    '')" >/dev/null
	while IFS=$'\t' read -r method path fields c0 c1 c2 c3 c4; do
		[[ -z "$method" || "$method" == \#* ]] && continue
		path=${path//\{other\}/$other}
		path=${path//\{draft\}/$draft}
		path=${path//\{pub\}/$pub}
		local want=("$c0" "$c1" "$c2" "$c3" "$c4")
		for i in "${!roles[@]}"; do
			r=${roles[$i]}
			if [ "$method" = GET ]; then
				req -b "$(jar "$r")" "$path"
			else
				local args=()
				[ "$fields" != - ] && args=(--data "$fields")
				post "$r" "$path" "${args[@]}"
			fi
			rows=$((rows + 1))
			if [ "$status_code" != "${want[$i]}" ]; then
				echo "MISMATCH $method $path as $r: got $status_code, want ${want[$i]}" >&2
				mism=$((mism + 1))
			fi
		done
	done <"$BATS_TEST_DIRNAME/authz.tsv"
	echo "authz: $rows checks, $mism mismatches" >&3
	[ "$mism" = 0 ]
	# Nobody but the administrator left a trace in the audit log.
	[ "$(db -c "SELECT count(*) FROM audit a JOIN account u ON u.id = a.actor_id
	    WHERE a.action IN ('rol_gewijzigd', 'gedeblokkeerd', 'geblokkeerd')
	    AND u.role <> 'beheerder' AND a.target_id = $other")" = 0 ]
}
