# masakari exhibition — build, run and test.
#
#   make          build every program into bin/
#   make run      build and start the whole system on http://localhost:$(PORT)
#   make test     build and run every test (unit, sanitizers, integration, daemon, browser)
#
# Each component lists its own program in a module.mk next to its sources, so
# adding a program never means editing this file.

PORT ?= 8080
CC ?= gcc
SAN ?=

# Unit tests also run under AddressSanitizer and UndefinedBehaviorSanitizer:
# `make SAN=1 unit` builds everything into build-san/ and bin-san/.
ifeq ($(FUZZ),1)
# libFuzzer targets (tests/fuzz/): clang, with the sanitizers, into build-fuzz/.
CC := clang
BUILD := build-fuzz
BIN := bin-fuzz
SANFLAGS := -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined
OPT := -O1
else ifeq ($(SAN),1)
BUILD := build-san
BIN := bin-san
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
OPT := -O1
else
BUILD := build
BIN := bin
SANFLAGS :=
OPT := -O2
endif

CFLAGS_BASE := -std=gnu11 $(OPT) -g -Wall -Wextra -Werror -Wshadow -Wformat=2 \
	-D_FORTIFY_SOURCE=2 -fstack-protector-strong -fPIE $(SANFLAGS)
INCLUDES := -Ilib -I/usr/include/ClearSilver $(shell mariadb_config --cflags 2>/dev/null)
CFLAGS += $(CFLAGS_BASE) $(INCLUDES)
LDFLAGS += -pie -Wl,-z,relro,-z,now $(SANFLAGS)
LIBS_CS := -lneo_cgi -lneo_cs -lneo_utl -lz
LIBS_DB := $(shell mariadb_config --libs 2>/dev/null)
LIBS := $(LIBS_CS) -lfcgi $(LIBS_DB) -ljansson -lcurl -lmecab -lpthread -lm

LIBA := $(BUILD)/libmasakari.a
PROGRAMS :=
UNIT_TESTS :=

objs = $(patsubst %.c,$(BUILD)/%.o,$(1))

# The one link recipe: a program is its prerequisites (objects, libmasakari.a)
# linked with the stack's libraries, and with those it adds in EXTRA_LIBS, set
# for its target only:
#   $(BIN)/x: EXTRA_LIBS := -lcrypto
#   $(BIN)/x: $(call objs,$(wildcard x/*.c)) $(LIBA)
#   	$(link)
define link
@mkdir -p $(dir $@)
$(CC) $(LDFLAGS) -o $@ $^ $(LIBS) $(EXTRA_LIBS)
endef

.PHONY: all run test unit fuzz leaks deps clean schema
all: programs

include lib/module.mk
include $(sort $(wildcard cgi-bin/*/module.mk))
include $(sort $(filter-out lib/module.mk,$(wildcard */module.mk)))

programs: $(PROGRAMS)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

unit: $(UNIT_TESTS)
	@set -e; for t in $(UNIT_TESTS); do echo "== $$t"; $$t; done

deps:
	scripts/deps.sh

run: deps
	@$(MAKE) --no-print-directory programs
	scripts/run.sh $(PORT)

test: deps
	tests/run.sh

# sql/schema.sql, the schema as the migrations leave it, from a MariaDB of
# its own (scripts/schema.sh); run it after adding a migration.
schema: programs
	scripts/schema.sh

# Every fuzz target for FUZZ_SECONDS each (default 300), two at a time;
# tests/fuzz/README.md says what each one feeds.
FUZZ_SECONDS ?= 300
fuzz:
	tests/fuzz/run.sh $(FUZZ_SECONDS)

# The daemon and flooder suites and one page suite with every program under
# valgrind (tests/leaks.sh); about twenty minutes.
leaks:
	tests/leaks.sh

clean:
	rm -rf build build-san build-fuzz bin bin-san bin-fuzz
