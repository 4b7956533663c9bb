#!/usr/bin/env bats
# Review of issue 9 (stories): each test pins a bug found in review and
# fails without its fix.
load helpers
load story_fixture

setup_file() {
	local n=$$$RANDOM
	echo "$n" >"$BATS_FILE_TMPDIR/n"
	story_accounts "$n" lid verteller redacteur beheerder
}

# A flag on a story stays in the moderation queue after the storyteller
# withdrew it: the queue must not show its title, summary or pseudonym
# to anyone (R3: a withdrawn story reaches only its storyteller).
@test "a withdrawn story's title, summary and pseudonym leave the moderation queue" {
	local n i
	n=$(cat "$BATS_FILE_TMPDIR/n")
	i=$(story_published verteller "rv-mod-$n" "Rvmod$n" openbaar)
	db -c "SELECT flag_create($(id lid), NULL, $i, 'ongepast', 'Zie dit')" >/dev/null
	req -b "$(jar redacteur)" /redactie/meldingen
	[ "$status_code" = 200 ]
	assert_contains "Rvmod$n titel"
	db -c "SELECT story_withdraw($i, $(id verteller))" >/dev/null
	for r in redacteur beheerder; do
		req -b "$(jar "$r")" /redactie/meldingen
		[ "$status_code" = 200 ]
		assert_not_contains "Rvmod$n"
	done
}

# The audit view named a withdrawn story by its title and linked its
# slug (made from the title): after withdrawal only the number is left.
@test "the audit view names a withdrawn story by its number only" {
	local n i
	n=$(cat "$BATS_FILE_TMPDIR/n")
	i=$(story_published verteller "rv-audit-$n" "Rvaudit$n" openbaar)
	req -b "$(jar beheerder)" /beheer/audit
	[ "$status_code" = 200 ]
	assert_contains "Rvaudit$n titel"
	db -c "SELECT story_withdraw($i, $(id verteller))" >/dev/null
	req -b "$(jar beheerder)" /beheer/audit
	[ "$status_code" = 200 ]
	assert_not_contains "Rvaudit$n"
	assert_not_contains "rv-audit-$n"
	assert_contains "#$i"
}

# A reader's data export named a withdrawn story they followed or
# replied to by its slug, which is made from its title.
@test "a reader's export holds no slug of a story withdrawn since" {
	local n i
	n=$(cat "$BATS_FILE_TMPDIR/n")
	i=$(story_published verteller "rv-export-$n" "Rvexport$n" openbaar)
	db -c "SELECT follow_set($(id lid), 'item', $i, true)" >/dev/null
	db -c "SELECT story_replies_set($i, $(id verteller), 'aan')" >/dev/null
	db -c "SELECT story_reply_add($i, $(id lid), 'Sterkte rvexport.',
	    '<p>Sterkte rvexport.</p>', NULL)" >/dev/null
	post lid /account/export
	[ "$status_code" = 200 ]
	assert_contains "rv-export-$n"
	assert_contains "Sterkte rvexport."
	db -c "SELECT story_withdraw($i, $(id verteller))" >/dev/null
	post lid /account/export
	[ "$status_code" = 200 ]
	assert_contains "Sterkte rvexport."
	assert_not_contains "rv-export-$n"
	assert_not_contains "Rvexport$n"
}
