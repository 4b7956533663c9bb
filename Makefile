# Bron: build, run and test. See README.md.
#   make run    install what is missing, set up the private database,
#               build and serve http://127.0.0.1:8080
#   make test   the same in a throwaway cluster, then every suite

SHELL		:= /bin/bash
CC		?= cc
BUILD		:= build
KORE_FEATURES	:= $(shell cat /usr/share/kore/features 2>/dev/null)

WARN	 = -Wall -Wextra -Werror -Wstrict-prototypes -Wmissing-prototypes \
	   -Wmissing-declarations -Wshadow -Wpointer-arith -Wcast-qual \
	   -Wsign-compare -Wtype-limits -Wformat=2
HARDEN	 = -fstack-protector-strong -D_FORTIFY_SOURCE=2 -fno-strict-overflow \
	   -fstack-clash-protection -fcf-protection
CFLAGS	+= -std=c11 -D_GNU_SOURCE -O2 -g $(WARN) $(HARDEN) -Iapp -I$(BUILD)
LDHARD	 = -Wl,-z,relro,-z,now,-z,noexecstack

CORE_SRC := $(wildcard app/core/*.c)
APP_SRC	 := app/main.c $(wildcard app/db/*.c) $(wildcard app/web/*.c)
VIEWS	 := $(sort $(wildcard app/views/*.html))
CORE_OBJ := $(CORE_SRC:app/%.c=$(BUILD)/%.o) $(BUILD)/pwlist.o \
	    $(BUILD)/helpterms_list.o
# The common-password list, compiled into core (app/core/pwlist.h).
PWLIST	 := $(BUILD)/pwlist.c
# The help banner's search terms, compiled into core (app/core/helpterms.h).
HELPLIST := $(BUILD)/helpterms_list.c
APP_OBJ	 := $(APP_SRC:app/%.c=$(BUILD)/%.o) $(BUILD)/views.o

SAN	 = -fsanitize=address,undefined -fno-omit-frame-pointer \
	   -fno-sanitize-recover=all
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/unit/%)
FUZZ_SRC := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzz/%)
FUZZ_SECONDS ?= 20

.PHONY: all deps deps-test db migrate import run stop test unit bench \
	fuzz symcheck clean

all: $(BUILD)/app.so $(BUILD)/import $(BUILD)/mailer $(BUILD)/bron \
    $(BUILD)/squery-json

deps:
	@scripts/deps.sh run

deps-test:
	@scripts/deps.sh test

$(BUILD)/embed: app/tools/embed.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $<

$(BUILD)/views.c $(BUILD)/views.h: $(BUILD)/embed $(VIEWS)
	$(BUILD)/embed $(BUILD)/views.h $(BUILD)/views.c $(VIEWS)

$(BUILD)/views.o: $(BUILD)/views.c
	$(CC) $(CFLAGS) -fPIC -c -o $@ $<

$(PWLIST): app/core/common-passwords.txt scripts/pwlist.sh
	@mkdir -p $(@D)
	scripts/pwlist.sh $< > $@

$(BUILD)/pwlist.o: $(PWLIST)
	$(CC) $(CFLAGS) -fPIC -c -o $@ $<

$(HELPLIST): app/core/help-terms.txt
	@mkdir -p $(@D)
	{ echo '#include "core/helpterms.h"'; \
	  echo 'const char *const help_terms[] = {'; \
	  grep -v -e '^#' -e '^[[:space:]]*$$' $< | \
	      sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/.*/\t"&",/'; \
	  echo '};'; \
	  echo 'const size_t help_terms_n = sizeof(help_terms) /' \
	      'sizeof(help_terms[0]);'; } > $@

$(BUILD)/helpterms_list.o: $(HELPLIST)
	$(CC) $(CFLAGS) -fPIC -c -o $@ $<

$(BUILD)/core/%.o: app/core/%.c app/core/*.h app/core/*.inc
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -fPIC -c -o $@ $<

# Kore's feature flags change struct http_request (STYLE.md c17).
$(BUILD)/%.o: app/%.c app/*.h app/*/*.h $(BUILD)/views.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(KORE_FEATURES) -fPIC -c -o $@ $<

$(BUILD)/app.so: $(CORE_OBJ) $(APP_OBJ)
	$(CC) -shared $(LDHARD) -o $@ $^ -lcmark -lsodium -lpq

$(BUILD)/import: app/tools/import.c app/tools/import_pilot.c \
    app/tools/import_mastermind.c app/tools/import_story.c \
    app/tools/import_resource.c app/tools/import_synonym.c \
    app/tools/import.h $(CORE_OBJ)
	$(CC) $(CFLAGS) -I/usr/include/postgresql $(LDHARD) -o $@ \
	    $(filter %.c %.o,$^) -lcmark -lsodium -lpq

# Each line of stdin as squery_json (app/tools/squery_json.c), for
# tests/http/80_search_query.bats.
$(BUILD)/squery-json: app/tools/squery_json.c $(CORE_OBJ)
	$(CC) $(CFLAGS) $(LDHARD) -o $@ $^ -lcmark -lsodium

# The admin CLI (app/tools/bron.c): `bron admin EMAIL`.
$(BUILD)/bron: app/tools/bron.c $(CORE_OBJ)
	$(CC) $(CFLAGS) -I/usr/include/postgresql $(LDHARD) -o $@ $^ \
	    -lcmark -lsodium -lpq

# The outbox mailer (app/tools/mailer.c): libpq only, no Kore.
$(BUILD)/mailer: app/tools/mailer.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -I/usr/include/postgresql $(LDHARD) -o $@ $< -lpq

db:
	@scripts/db.sh start

migrate: db
	@scripts/db.sh migrate

import: migrate $(BUILD)/import
	@. scripts/env.sh && $(BUILD)/import content

# The first admin: `make admin EMAIL=naam@voorbeeld.nl` prints a link to
# choose a password (no password is ever seeded).
.PHONY: admin
admin: migrate $(BUILD)/bron
	@. scripts/env.sh && $(BUILD)/bron admin "$(EMAIL)"

# Uploaded files (issue 10) and Kore's on-disk request bodies
# (http_body_disk_path in conf/dev.conf); orphans are swept once first.
BRON_UPLOAD_DIR ?= $(CURDIR)/var/uploads
run: deps
	@$(MAKE) --no-print-directory all
	@mkdir -p "$(BRON_UPLOAD_DIR)/tmp" var/tmp-bodies
	@. scripts/env.sh && scripts/db.sh start && scripts/db.sh migrate && \
	    BRON_UPLOAD_DIR="$(BRON_UPLOAD_DIR)" $(BUILD)/bron sweep
	@BRON_UPLOAD_DIR="$(BRON_UPLOAD_DIR)" scripts/run.sh

stop:
	@scripts/run.sh stop

# No symbol of app.so may shadow one the kore binary or libc exports
# (STYLE c18; a handler named logout() bound to libc's logout(3)).
symcheck: $(BUILD)/app.so
	@comm -12 <(nm -D --defined-only $(BUILD)/app.so | awk '{print $$3}' \
	    | sort -u) <( (nm -D --defined-only /usr/bin/kore; \
	    nm -D --defined-only $$(ldd /usr/bin/kore | \
	    awk '/libc\.so/ {print $$3}')) | awk '{sub(/@.*/, "", $$3); \
	    print $$3}' | sort -u) | grep -v -E \
	    '^(_init|_fini|_edata|_end|__bss_start|kore_seccomp_hook|_scfilt)$$' \
	    > $(BUILD)/symclash.txt || true
	@if [ -s $(BUILD)/symclash.txt ]; then \
	    echo "symcheck: app.so shadows kore symbols:"; \
	    cat $(BUILD)/symclash.txt; exit 1; fi
	@echo "symcheck: ok"

# The core is compiled once per sanitizer build and linked into every
# unit test (cc, ASan + UBSan) and every fuzz harness (clang, libFuzzer
# coverage), not once per test: 27 files, not 27 per binary.
UNIT_CORE := $(CORE_SRC:app/core/%.c=$(BUILD)/unit/core/%.o) \
	     $(BUILD)/unit/core/pwlist.o $(BUILD)/unit/core/helpterms_list.o
FUZZ_CORE := $(CORE_SRC:app/core/%.c=$(BUILD)/fuzz/core/%.o) \
	     $(BUILD)/fuzz/core/pwlist.o $(BUILD)/fuzz/core/helpterms_list.o

$(BUILD)/unit/core/%.o: app/core/%.c app/core/*.h app/core/*.inc
	@mkdir -p $(@D)
	$(CC) -std=c11 -D_GNU_SOURCE -g -O1 $(WARN) $(SAN) -Iapp -c -o $@ $<

$(BUILD)/unit/core/%.o: $(BUILD)/%.c app/core/*.h
	@mkdir -p $(@D)
	$(CC) -std=c11 -D_GNU_SOURCE -g -O1 $(WARN) $(SAN) -Iapp -c -o $@ $<

$(BUILD)/unit/test_%: tests/unit/test_%.c tests/unit/*.h $(UNIT_CORE) app/core/*.h app/core/*.inc
	@mkdir -p $(@D)
	$(CC) -std=c11 -D_GNU_SOURCE -g -O1 $(WARN) $(SAN) -Iapp -o $@ \
	    $< $(UNIT_CORE) -lcmocka -lcmark -lsodium

unit: $(UNIT_BIN)
	@tests/unit/run.sh $(UNIT_BIN)

FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all

$(BUILD)/fuzz/core/%.o: app/core/%.c app/core/*.h app/core/*.inc
	@mkdir -p $(@D)
	clang -std=c11 -D_GNU_SOURCE -g -O1 -Iapp -fsanitize=fuzzer-no-link \
	    $(FUZZ_SAN) -c -o $@ $<

$(BUILD)/fuzz/core/%.o: $(BUILD)/%.c app/core/*.h
	@mkdir -p $(@D)
	clang -std=c11 -D_GNU_SOURCE -g -O1 -Iapp -fsanitize=fuzzer-no-link \
	    $(FUZZ_SAN) -c -o $@ $<

$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZ_CORE) app/core/*.h app/core/*.inc
	@mkdir -p $(@D)
	clang -std=c11 -D_GNU_SOURCE -g -O1 -Iapp -fsanitize=fuzzer \
	    $(FUZZ_SAN) -o $@ $< $(FUZZ_CORE) -lcmark -lsodium

fuzz: $(FUZZ_BIN)
	@tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_BIN)

test: deps-test
	@$(MAKE) --no-print-directory all
	@tests/run.sh

bench: deps-test
	@$(MAKE) --no-print-directory all
	@tests/bench/run.sh

clean:
	rm -rf $(BUILD)

# The deliberately sandbox-breaking module of tests/sandbox/run.sh.
$(BUILD)/sandbox/violate.so: tests/sandbox/violate.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(KORE_FEATURES) -fPIC -shared -o $@ $<
