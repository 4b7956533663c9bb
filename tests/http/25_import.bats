#!/usr/bin/env bats
# The content import (app/tools/import.c) for articles: content/artikelen
# files become published items through item_save(); a second run changes
# nothing, a changed file becomes a new revision, a bad file changes
# nothing at all. Runs build/import against the test database with a
# content directory of its own (the real themes, pages and goals, and
# one test article); the real seed articles are checked as imported.
load helpers

IMPORT="${BRON_ROOT:-$BATS_TEST_DIRNAME/../..}/build/import"
CONTENT="${BRON_ROOT:-$BATS_TEST_DIRNAME/../..}/content"
BIG=het-actieplan-best-passende-zorg

setup() {
	SLUG="import-test-$$-$RANDOM"
	DIR=$BATS_TEST_TMPDIR/content
	mkdir -p "$DIR/artikelen"
	for d in themas monitor pagina gemeenschappen; do
		ln -s "$(cd "$CONTENT/$d" && pwd)" "$DIR/$d"
	done
	mkdir -p "$DIR/pilots"
	ln -s "$(cd "$CONTENT/pilots" && pwd)"/*.md "$DIR/pilots/"
}

teardown() {
	db -c "DELETE FROM item WHERE kind IN ('artikel', 'pilot') AND slug = '$SLUG'"
}

# pilot [KEY: VALUE ...]: a test pilot file; each argument replaces the
# header line with that key.
pilot() {
	cat >"$DIR/pilots/$SLUG.md" <<EOF
---
title: Een testpilot <em>met</em> lessen
summary: Kort: deze pilot test de import.
themes: gezinsgericht-werken
region: twente
setting: ambulant
project: jeugdzorgplus-thuis
age: 12-18
phase: lopend
phase_since: 2025-05-01
start: 2025-01-01
partners: Partner een; Partner twee
published: 2025-06-01
---
Inleiding met een [link](/artikelen/$BIG).

## Knelpunten

Te weinig hulp thuis.

## Oplossingsrichtingen

Een team voor het gezin.

## Lessen

- werkte: Vroeg beginnen.
- advies: Betrek de familie.
EOF
	local kv
	for kv in "$@"; do
		sed -i "s/^${kv%%:*}: .*/$kv/" "$DIR/pilots/$SLUG.md"
	done
}

# article BODY [CHECKED]: the test article's file.
article() {
	cat >"$DIR/artikelen/$SLUG.md" <<EOF
---
title: Een testartikel over kleinschalig werken
summary: Kort: dit artikel test de import.
themes: kleinschaligheid, vakmanschap
tags: Test, import
related: /artikelen/$BIG
published: 2025-02-01
checked: ${2:-2025-03-01}
---
$1
EOF
}

run_import() {
	run "$IMPORT" "$DIR"
}

q() {
	db -c "$1"
}

@test "the seed articles are imported: published, one revision, TOC, links" {
	[ "$(q "SELECT count(*) FROM item WHERE kind = 'artikel'
	    AND status = 'gepubliceerd' AND revision = 1 AND slug IN
	    ('$BIG', 'jeugdzorgplus-thuis', 'twee-snelle-veranderopgaven',
	    'een-ondersteuningsplan-voor-de-hele-provincie', 'op-de-groei')")" = 5 ]
	# The long one: a table of contents, about 1,500 words, related
	# articles, and at least two articles that link to it.
	[ "$(q "SELECT words >= 1400 AND toc_html LIKE '%<a href=\"#%'
	    FROM item WHERE kind = 'artikel' AND slug = '$BIG'")" = t ]
	[ "$(q "SELECT count(*) FROM item_link l JOIN item i ON i.id = l.from_id
	    WHERE i.slug = '$BIG' AND l.type = 'gerelateerd'")" -ge 2 ]
	[ "$(q "SELECT count(*) FROM item_link l JOIN item i ON i.id = l.to_id
	    WHERE i.slug = '$BIG' AND l.type = 'verwijst'")" -ge 2 ]
	# One is due for a check (more than 12 months ago).
	[ "$(q "SELECT count(*) FROM item WHERE kind = 'artikel' AND slug IN
	    ('$BIG', 'jeugdzorgplus-thuis', 'twee-snelle-veranderopgaven',
	    'een-ondersteuningsplan-voor-de-hele-provincie', 'op-de-groei')
	    AND checked_at < now() - interval '12 months'")" -ge 1 ]
}

@test "a new article is saved once, published, and a second run changes nothing" {
	article $'Tekst met een link naar [het actieplan](/artikelen/'"$BIG"$').\n\n## Kop\n\nMeer.\n\n## Tweede kop\n\nEinde.'
	run_import
	[ "$status" = 0 ]
	[[ "$output" == *"artikelen: 1 new, 0 changed"* ]]
	id=$(q "SELECT id FROM item WHERE kind = 'artikel' AND slug = '$SLUG'")
	[ -n "$id" ]
	[ "$(q "SELECT status || ' ' || revision || ' ' ||
	    to_char(published_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD')
	    || ' ' || to_char(checked_at AT TIME ZONE 'Europe/Amsterdam',
	    'YYYY-MM-DD') || ' ' || (owner_id IS NULL) FROM item WHERE id = $id")" = "gepubliceerd 1 2025-02-01 2025-03-01 true" ]
	[ "$(q "SELECT string_agg(t.slug, ',' ORDER BY t.slug) FROM item_theme it
	    JOIN theme t ON t.id = it.theme_id WHERE it.item_id = $id")" = kleinschaligheid,vakmanschap ]
	[ "$(q "SELECT string_agg(tag, ',' ORDER BY tag) FROM item_tag
	    WHERE item_id = $id")" = import,test ]
	[ "$(q "SELECT string_agg(l.type, ',' ORDER BY l.type) FROM item_link l
	    JOIN item t ON t.id = l.to_id WHERE l.from_id = $id
	    AND t.slug = '$BIG'")" = gerelateerd,verwijst ]
	[[ "$(q "SELECT toc_html FROM item WHERE id = $id")" == *'href="#kop"'* ]]
	[ "$(q "SELECT count(*) FROM item_author WHERE item_id = $id")" = 0 ]
	[ "$(q "SELECT count(*) FROM audit WHERE target_id = $id
	    AND action IN ('aanmaken', 'publiceren') AND actor_id IS NULL")" = 2 ]
	gen=$(q "SELECT n FROM content_gen")
	audits=$(q "SELECT count(*) FROM audit WHERE target_id = $id")

	run_import
	[ "$status" = 0 ]
	[[ "$output" == *"artikelen: 0 new, 0 changed"* ]]
	[ "$(q "SELECT revision FROM item WHERE id = $id")" = 1 ]
	[ "$(q "SELECT count(*) FROM item_revision WHERE item_id = $id")" = 1 ]
	[ "$(q "SELECT count(*) FROM audit WHERE target_id = $id")" = "$audits" ]
}

@test "a changed file becomes a new revision; the check date never moves back" {
	article "Eerste versie." 2025-03-01
	run_import
	[ "$status" = 0 ]
	id=$(q "SELECT id FROM item WHERE kind = 'artikel' AND slug = '$SLUG'")
	# An editor checked it later than the file says.
	q "UPDATE item SET checked_at = '2026-01-05 12:00+01' WHERE id = $id"
	article "Tweede versie, met **meer** tekst." 2025-03-01
	run_import
	[ "$status" = 0 ]
	[[ "$output" == *"artikelen: 0 new, 1 changed"* ]]
	[ "$(q "SELECT revision FROM item WHERE id = $id")" = 2 ]
	[ "$(q "SELECT body_md FROM item_revision WHERE item_id = $id AND rev = 2")" = "Tweede versie, met **meer** tekst." ]
	[ "$(q "SELECT body_md FROM item_revision WHERE item_id = $id AND rev = 1")" = "Eerste versie." ]
	[ "$(q "SELECT note FROM item_revision WHERE item_id = $id AND rev = 2")" = "Geïmporteerd uit content/artikelen/$SLUG.md" ]
	[[ "$(q "SELECT body_html FROM item WHERE id = $id")" == *"<strong>meer</strong>"* ]]
	[ "$(q "SELECT to_char(checked_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD') FROM item WHERE id = $id")" = 2026-01-05 ]
	# A later check date in the file does count.
	article "Tweede versie, met **meer** tekst." 2026-02-10
	run_import
	[ "$status" = 0 ]
	[ "$(q "SELECT revision || ' ' || to_char(checked_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD') FROM item WHERE id = $id")" = "2 2026-02-10" ]
	# Only the tags changed: that is a new revision too.
	sed -i 's/^tags: .*/tags: anders/' "$DIR/artikelen/$SLUG.md"
	run_import
	[ "$status" = 0 ]
	[ "$(q "SELECT revision FROM item WHERE id = $id")" = 3 ]
	[ "$(q "SELECT string_agg(tag, ',') FROM item_tag WHERE item_id = $id")" = anders ]
}

@test "a bad file stops the import and changes nothing" {
	article "Goed."
	run_import
	[ "$status" = 0 ]
	id=$(q "SELECT id FROM item WHERE kind = 'artikel' AND slug = '$SLUG'")
	article "Nieuwe tekst die niet mag landen."
	sed -i 's/^themes: .*/themes: kleinschaligheid, bestaat-niet/' \
	    "$DIR/artikelen/$SLUG.md"
	run_import
	[ "$status" != 0 ]
	[[ "$output" == *"themes: no such theme: bestaat-niet"* ]]
	[ "$(q "SELECT revision || ' ' || body_md FROM item WHERE id = $id")" = "1 Goed." ]

	article "Goed."
	sed -i 's|^related: .*|related: /artikelen/bestaat-niet-'"$$"', https://example.org/x|' \
	    "$DIR/artikelen/$SLUG.md"
	run_import
	[ "$status" != 0 ]
	[[ "$output" == *"related: not a Bron item: https://example.org/x"* ]]

	for bad in "published: 1-2-2025" "published: 2025-02-30"; do
		article "Goed."
		sed -i "s/^published: .*/$bad/" "$DIR/artikelen/$SLUG.md"
		run_import
		[ "$status" != 0 ]
	done
	article "Goed."
	sed -i "s/^summary: .*/summary: $(printf 'x%.0s' $(seq 301))/" \
	    "$DIR/artikelen/$SLUG.md"
	run_import
	[ "$status" != 0 ]
	[ "$(q "SELECT revision || ' ' || body_md FROM item WHERE id = $id")" = "1 Goed." ]
	# A file name that is no slug.
	article "Goed."
	mv "$DIR/artikelen/$SLUG.md" "$DIR/artikelen/Hoofd_Letters.md"
	run_import
	[ "$status" != 0 ]
	[[ "$output" == *"the file name is no slug"* ]]
}

@test "a merged theme: articles follow it, and its file does not bring it back" {
	old="imp-oud-$$-$RANDOM"
	rm "$DIR/themas"
	mkdir "$DIR/themas"
	cp "$CONTENT"/themas/*.md "$DIR/themas/"
	printf -- '---\ntitle: Oud thema\nslug: %s\nsummary: Samengevoegd.\n---\nWeg.\n' \
	    "$old" >"$DIR/themas/$old.md"
	# As if an editor merged it into kleinschaligheid (theme_merge).
	q "INSERT INTO theme_alias (slug, theme_id)
	    SELECT '$old', id FROM theme WHERE slug = 'kleinschaligheid'"
	article "Over een samengevoegd thema."
	sed -i "s/^themes: .*/themes: $old, vakmanschap/" "$DIR/artikelen/$SLUG.md"
	run_import
	q "DELETE FROM theme_alias WHERE slug = '$old'"
	[ "$status" = 0 ]
	[ -z "$(q "SELECT id FROM theme WHERE slug = '$old'")" ]
	id=$(q "SELECT id FROM item WHERE kind = 'artikel' AND slug = '$SLUG'")
	[ "$(q "SELECT string_agg(t.slug, ',' ORDER BY t.slug) FROM item_theme it
	    JOIN theme t ON t.id = it.theme_id WHERE it.item_id = $id")" = kleinschaligheid,vakmanschap ]
}

@test "the seed pilots are imported once: published, complete, with lessons" {
	[ "$(q "SELECT count(*) FROM item i WHERE i.kind = 'pilot'
	    AND i.slug LIKE 'voorbeeld-%' AND i.status = 'gepubliceerd'
	    AND pilot_missing(i.id) = '{}'")" = 3 ]
	[ "$(q "SELECT count(*) FROM lesson l JOIN item i ON i.id = l.pilot_id
	    WHERE i.slug LIKE 'voorbeeld-%'")" = 7 ]
	# Every seed pilot says it is an example.
	[ "$(q "SELECT count(*) FROM item WHERE kind = 'pilot'
	    AND slug LIKE 'voorbeeld-%' AND title LIKE 'Voorbeeld:%'
	    AND body_md LIKE '%Dit is een voorbeeld%'")" = 3 ]
}

@test "a pilot file: fields, sections, lessons and timeline; seeded once" {
	pilot
	run_import
	[ "$status" = 0 ]
	id=$(q "SELECT id FROM item WHERE kind = 'pilot' AND slug = '$SLUG'")
	[ -n "$id" ]
	[ "$(q "SELECT i.status || '|' || p.region || '|' || p.setting || '|'
	    || g.slug || '|' || p.age_min || '-' || p.age_max || '|'
	    || p.phase || '|' || p.start_on || '|'
	    || array_to_string(p.partners, ';')
	    FROM item i JOIN pilot p ON p.item_id = i.id
	    JOIN change_goal g ON g.id = p.project_id WHERE i.id = $id")" = \
	    "gepubliceerd|twente|ambulant|jeugdzorgplus-thuis|12-18|lopend|2025-01-01|Partner een;Partner twee" ]
	# The sections went to their fields, not into the body.
	[ "$(q "SELECT problem_html FROM pilot WHERE item_id = $id")" = \
	    "<p>Te weinig hulp thuis.</p>" ]
	[ "$(q "SELECT strpos(body_md, 'Knelpunten') FROM item WHERE id = $id")" = 0 ]
	[ "$(q "SELECT string_agg(kind || ':' || statement, '|' ORDER BY position)
	    FROM lesson WHERE pilot_id = $id")" = \
	    "werkte:Vroeg beginnen.|advies:Betrek de familie." ]
	[ "$(q "SELECT phase || ' ' || since FROM pilot_phase WHERE pilot_id = $id")" = \
	    "lopend 2025-05-01" ]
	[ "$(q "SELECT count(*) FROM item_link l JOIN item t ON t.id = l.to_id
	    WHERE l.from_id = $id AND t.slug = '$BIG'")" = 1 ]
	# Seeded once: a changed file leaves the pilot as its authors keep it.
	pilot "phase: gestopt"
	run_import
	[ "$status" = 0 ]
	[ "$(q "SELECT phase FROM pilot WHERE item_id = $id")" = lopend ]
	[ "$(q "SELECT count(*) FROM lesson WHERE pilot_id = $id")" = 2 ]
}

@test "a bad pilot file stops the import and changes nothing" {
	for bad in "region: mars" "setting: " "phase: klaar" "start: " \
	    "age: twaalf" ; do
		pilot "$bad"
		run_import
		[ "$status" != 0 ]
		[ "$(q "SELECT count(*) FROM item WHERE kind = 'pilot' AND slug = '$SLUG'")" = 0 ]
	done
	pilot
	sed -i 's/^- werkte: /- soms: /' "$DIR/pilots/$SLUG.md"
	run_import
	[ "$status" != 0 ]
	[[ "$output" == *"lesson: no kind soms"* ]]
	[ "$(q "SELECT count(*) FROM item WHERE kind = 'pilot' AND slug = '$SLUG'")" = 0 ]
}
