# Fixtures for the story tests of issue 9 (64_story_life, 65_authz_story):
# accounts per role, signed in through the real forms, and stories moved
# through their workflow by the SQL functions of sql/008_story.sql (the
# pages are tested by 60-63 and by the steps 64 takes through them).
# Load after helpers. Jars and ids live in $BATS_FILE_TMPDIR so one
# setup_file serves every test of a file.

STORY_CONSENT=2026-11-a

jar() {
	echo "$BATS_FILE_TMPDIR/jar-$1"
}

id() {
	cat "$BATS_FILE_TMPDIR/id-$1"
}

email_of() {
	cat "$BATS_FILE_TMPDIR/email-$1"
}

name_of() {
	db -c "SELECT display_name FROM account WHERE id = $(id "$1")"
}

# story_accounts N ROLE...: register each role (not bezoeker) with the
# display name "Rol<role> N"; redacteur becomes an editor, beheerder an
# admin.
story_accounts() {
	local n=$1 r e
	shift
	for r in "$@"; do
		[ "$r" = bezoeker ] && continue
		e=$(unique_email "vh$r")
		register "$r" "$e" "Rol$r $n"
		echo "$e" >"$BATS_FILE_TMPDIR/email-$r"
		db -c "SELECT id FROM account WHERE email = '$e'" >"$BATS_FILE_TMPDIR/id-$r"
		case $r in
		redacteur) set_role "$e" redacteur ;;
		beheerder) set_role "$e" beheerder ;;
		esac
	done
}

# story_community VIS N MEMBER...: a community (made by beheerder, who
# steps out) with these roles as members; prints its slug.
story_community() {
	local vis=$1 n=$2 slug c r
	shift 2
	slug=$(db -c "SELECT slug FROM community_save(NULL, $(id beheerder), 0,
	    'Verhalenkring $vis $n', 'Kort', 'Doel', '<p>Doel</p>', '', '$vis',
	    'uitnodiging', 'verhalenkring-$vis-$n', '')")
	c=$(db -c "SELECT id FROM community WHERE slug = '$slug'")
	for r in "$@"; do
		db -c "SELECT member_act($c, $(id beheerder), 'uitnodigen', $(id "$r"), '')" >/dev/null
		db -c "SELECT member_act($c, $(id "$r"), 'accepteren', NULL, '')" >/dev/null
	done
	db -c "DELETE FROM member WHERE community_id = $c AND account_id = $(id beheerder)"
	echo "$slug"
}

# story_write OWNER SLUG TEXT [WARNINGS] [COMMUNITY] [THEME]: a concept by
# role OWNER with title "TEXT titel", summary "TEXT samenvatting", body
# "TEXT tekst ..." and pseudonym "TEXT schuilnaam"; prints its id.
story_write() {
	local w=${4:-} c=${5:-} t=${6:-kleinschaligheid}
	db -c "SELECT id FROM story_save(NULL, NULL, $(id "$1"), '$3 titel',
	    '$3 samenvatting', '$3 tekst. Zo ging het bij mij.',
	    '<p>$3 tekst. Zo ging het bij mij.</p>', '', 7, '$2', '$t', '$c', '',
	    '$3 schuilnaam', '{$w}', '{namen,plaatsen,fotos}', false, NULL)"
}

story_rev() {
	db -c "SELECT revision FROM item WHERE id = $1"
}

story_slug() {
	db -c "SELECT slug FROM item WHERE id = $1"
}

story_state() {
	db -c "SELECT state FROM story WHERE item_id = $1"
}

# story_send ID OWNER [SCOPE]: sent in with consent.
story_send() {
	local e
	e=$(db -c "SELECT story_submit($1, $(id "$2"), $(story_rev "$1"),
	    '${3:-openbaar}', '$STORY_CONSENT', false, '', '')")
	[ -z "$e" ] || { echo "story_submit $1: $e" >&2; return 1; }
}

# story_check ID DECISION [NOTE]: redacteur reviews (akkoord, voorstel).
story_check() {
	db -c "SELECT story_review($1, $(id redacteur), $(story_rev "$1"),
	    '$2', '${3:-}')" >/dev/null
}

story_pub() {
	db -c "SELECT story_publish($1, $(id "$2"), $(story_rev "$1"))" >/dev/null
}

# story_published OWNER SLUG TEXT SCOPE [WARNINGS] [COMMUNITY]: written,
# sent in, checked and published; prints its id.
story_published() {
	local i
	i=$(story_write "$1" "$2" "$3" "${5:-}" "${6:-}") || return 1
	story_send "$i" "$1" "$4" || return 1
	story_check "$i" akkoord
	story_pub "$i" "$1"
	echo "$i"
}

# post_mp JAR PATH [-F args...]: a multipart form POST with the token.
post_mp() {
	local j=$1 path=$2 t
	shift 2
	t=$(csrf "$j")
	req -b "$(jar "$j")" -c "$(jar "$j")" -H "Origin: $BRON_URL" \
	    -F "_csrf=$t" "$@" "$path"
}
