#!/usr/bin/env bats
# Visitors' article pages come from each worker's page cache
# (core/pcache.h), stamped with content_gen. A cached page must never
# outlive a change: every check below first makes sure the page is in
# the cache (two visits), then changes something the page shows, and
# expects the very next visit to show the change.
load helpers

setup_file() {
	export CACHE_ED
	CACHE_ED=$(db -c "INSERT INTO account (email, display_name,
	    member_kind, role) VALUES ('cache-$$-$RANDOM@example.org',
	    'Cache Redacteur', 'professional', 'redacteur') RETURNING id")
}

# new_article SLUGBASE TITLE: a published article; prints its slug.
new_article() {
	local id slug
	read -r id slug < <(db -F ' ' -c "SELECT id, slug FROM item_save(
	    'artikel', NULL, NULL, $CACHE_ED, '$2', 'Kort', 'Tekst',
	    '<p>Tekst CACHEBODY</p>', '', 1, '', '$1', 'kleinschaligheid',
	    '', '', NULL, '', '', '', NULL)")
	db -c "SELECT item_transition($id, $CACHE_ED, 'goedkeuren', '')" \
	    >/dev/null
	echo "$id $slug"
}

visit_twice() {
	req "/artikelen/$1"
	[ "$status_code" = 200 ]
	req "/artikelen/$1"
	[ "$status_code" = 200 ]
}

@test "a new revision is shown to visitors at once" {
	read -r id slug < <(new_article cache-rev "Eerste titel CACHE1")
	visit_twice "$slug"
	assert_contains "Eerste titel CACHE1"
	db -c "SELECT * FROM item_save('artikel', $id, 1, $CACHE_ED,
	    'Tweede titel CACHE2', 'Kort', 'Tekst', '<p>Nieuw</p>', '', 1,
	    '', 'x', 'kleinschaligheid', '', '', NULL, '', '', '', NULL)" \
	    >/dev/null
	req "/artikelen/$slug"
	[ "$status_code" = 200 ]
	assert_contains "Tweede titel CACHE2"
	assert_not_contains "Eerste titel CACHE1"
}

@test "an archived article is gone for visitors at once" {
	read -r id slug < <(new_article cache-arch "Archief CACHE3")
	visit_twice "$slug"
	db -c "SELECT item_transition($id, $CACHE_ED, 'archiveren', '')" \
	    >/dev/null
	req "/artikelen/$slug"
	[ "$status_code" = 404 ]
	assert_not_contains "CACHE3"
}

@test "renaming a theme or an author changes cached pages at once" {
	read -r id slug < <(new_article cache-theme "Thema CACHE4")
	visit_twice "$slug"
	old=$(db -c "SELECT title FROM theme WHERE slug = 'kleinschaligheid'")
	db -c "UPDATE theme SET title = 'Kleinschalig CACHE5'
	    WHERE slug = 'kleinschaligheid'"
	req "/artikelen/$slug"
	db -c "UPDATE theme SET title = '$old' WHERE slug = 'kleinschaligheid'"
	assert_contains "Kleinschalig CACHE5"

	visit_twice "$slug"
	db -c "UPDATE account SET display_name = 'Andere Naam CACHE6'
	    WHERE id = $CACHE_ED"
	req "/artikelen/$slug"
	assert_contains "Andere Naam CACHE6"
}

@test "a backlink from a newly published article shows at once" {
	read -r id slug < <(new_article cache-target "Doel CACHE7")
	visit_twice "$slug"
	read -r id2 slug2 < <(db -F ' ' -c "SELECT id, slug FROM item_save(
	    'artikel', NULL, NULL, $CACHE_ED, 'Verwijzer CACHE8', 'Kort',
	    'Zie', '<p>Zie</p>', '', 1, '', 'cache-bron', '', '', '', NULL,
	    'artikel/$slug', '', '', NULL)")
	db -c "SELECT item_transition($id2, $CACHE_ED, 'goedkeuren', '')" \
	    >/dev/null
	req "/artikelen/$slug"
	assert_contains "Verwijzer CACHE8"
}

@test "a signed-in reader never gets a visitor's cached page" {
	read -r id slug < <(new_article cache-user "Lezer CACHE9")
	visit_twice "$slug"
	email=$(unique_email)
	register reader "$email"
	set_role "$email" redacteur
	req -b "$(jar reader)" "/artikelen/$slug"
	[ "$status_code" = 200 ]
	# The editor's action bar is personal: never in the visitors' copy.
	assert_contains "/artikelen/$slug/bewerken"
	req "/artikelen/$slug"
	assert_not_contains "/artikelen/$slug/bewerken"
}

@test "the article list for visitors follows every change at once" {
	tag="cachetag$$$RANDOM"
	req "/artikelen?tag=$tag"
	req "/artikelen?tag=$tag"
	[ "$status_code" = 200 ]
	assert_not_contains "Lijst CACHE10"
	read -r id slug < <(db -F ' ' -c "SELECT id, slug FROM item_save(
	    'artikel', NULL, NULL, $CACHE_ED, 'Lijst CACHE10', 'Kort',
	    'Tekst', '<p>Tekst</p>', '', 1, '', 'cache-lijst', '', '$tag',
	    '', NULL, '', '', '', NULL)")
	db -c "SELECT item_transition($id, $CACHE_ED, 'goedkeuren', '')" \
	    >/dev/null
	req "/artikelen?tag=$tag"
	assert_contains "Lijst CACHE10"
	req "/artikelen?tag=$tag"
	db -c "SELECT item_transition($id, $CACHE_ED, 'archiveren', '')" \
	    >/dev/null
	req "/artikelen?tag=$tag"
	[ "$status_code" = 200 ]
	assert_not_contains "Lijst CACHE10"
}
