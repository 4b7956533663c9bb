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

# story_save() on a published story bumped the revision while the item
# was still published, so its followers got a 'wijziging' holding the
# new, unchecked title; it showed once the story was online again, even
# when the storyteller took it out on the editor's advice. Followers now
# hear of the change when the checked version is published.
@test "followers never see a story's unchecked title; they hear of the published change" {
	local n i r
	n=$(cat "$BATS_FILE_TMPDIR/n")
	i=$(story_published verteller "rv-follow-$n" "Rvfollow$n" openbaar)
	db -c "SELECT follow_set($(id lid), 'item', $i, true)" >/dev/null
	r=$(story_rev "$i")
	db -c "SELECT error FROM story_save($i, $r, $(id verteller),
	    'Ongecheckt Rvfollow$n', 's', 'b', '<p>b</p>', '', 1,
	    'rv-follow-$n', '', '', '', 'Rvfollow$n schuilnaam', '{}',
	    '{namen,plaatsen,fotos}', false, NULL)" >/dev/null
	[ "$(story_state "$i")" = ter_review ]
	story_check "$i" voorstel "Haal dit weg."
	r=$(story_rev "$i")
	db -c "SELECT error FROM story_save($i, $r, $(id verteller),
	    'Nagekeken Rvfollow$n', 's', 'b', '<p>b</p>', '', 1,
	    'rv-follow-$n', '', '', '', 'Rvfollow$n schuilnaam', '{}',
	    '{namen,plaatsen,fotos}', false, NULL)" >/dev/null
	story_send "$i" verteller
	story_check "$i" akkoord
	story_pub "$i" verteller
	[ "$(story_state "$i")" = gepubliceerd ]
	[ "$(db -c "SELECT count(*) FROM notification
	    WHERE account_id = $(id lid) AND text LIKE 'Ongecheckt%'")" = 0 ]
	req -b "$(jar lid)" /meldingen
	[ "$status_code" = 200 ]
	assert_not_contains "Ongecheckt"
	assert_contains "Nagekeken Rvfollow$n"
}

# The storyteller's notice of a waiting reply linked to the editors'
# queue, which answers 403 to a storyteller who is not an editor.
@test "the storyteller's notice of a reply leads to their story, not the editors' queue" {
	local n i href
	n=$(cat "$BATS_FILE_TMPDIR/n")
	i=$(story_published verteller "rv-reply-$n" "Rvreply$n" openbaar)
	db -c "SELECT story_replies_set($i, $(id verteller), 'aan')" >/dev/null
	db -c "SELECT story_reply_add($i, $(id lid), 'Sterkte rvreply.',
	    '<p>Sterkte rvreply.</p>', NULL)" >/dev/null
	href=$(db -c "SELECT href FROM notification WHERE account_id = $(id verteller)
	    AND kind = 'verhaal' AND text = 'reactie' AND item_id = $i")
	[ -n "$href" ]
	req -b "$(jar verteller)" "${href%%#*}"
	[ "$status_code" = 200 ]
	assert_contains "Sterkte rvreply."
	assert_contains 'id="story-waiting-title"'
}

# "Genoemd in" and "Gerelateerd" on article pages listed a warned story
# with its title and summary but without its warning line (lists show
# the warning, never the body).
@test "an article's backlinks show a warned story's warning line, not its text" {
	local n i
	n=$(cat "$BATS_FILE_TMPDIR/n")
	i=$(story_published verteller "rv-back-$n" "Rvback$n" openbaar geweld)
	db -c "INSERT INTO item_link (from_id, to_id, type) SELECT $i, a.id,
	    'verwijst' FROM item a WHERE a.kind = 'artikel'
	    AND a.slug = 'het-actieplan-best-passende-zorg'" >/dev/null
	req /artikelen/het-actieplan-best-passende-zorg
	[ "$status_code" = 200 ]
	assert_contains "Rvback$n titel"
	assert_contains '<p class="item-warning">Let op, dit verhaal gaat over: Geweld</p>'
	assert_not_contains "Rvback$n tekst"
}
