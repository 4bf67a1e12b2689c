# madoguchi — see README.md. Required flags live apart from CFLAGS, so that
# `make CFLAGS=-O0` still builds right.
VERSION = 0.2.0
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
# Debian's zsh reads vendor-completions under /usr; elsewhere site-functions.
ZSHCOMPDIR ?= $(if $(filter /usr,$(PREFIX)),$(PREFIX)/share/zsh/vendor-completions,$(PREFIX)/share/zsh/site-functions)
# fish, with XDG_DATA_DIRS unset (a server, a login over SSH), looks for
# vendor completions under its own prefix alone: under /usr, there; under
# any other prefix, in its system configuration directory.
SYSCONFDIR ?= /etc
FISHCOMPDIR ?= $(if $(filter /usr,$(PREFIX)),$(PREFIX)/share/fish/vendor_completions.d,$(SYSCONFDIR)/fish/completions)
PKG_CONFIG ?= pkg-config
CFLAGS ?= -O2 -g
BUILD ?= build
BIN ?= madoguchi

REQUIRED_CFLAGS = -std=c17 -Wall -Wextra -Wpedantic -Wshadow -Wconversion
REQUIRED_CPPFLAGS = -D_POSIX_C_SOURCE=200809L -DVERSION='"$(VERSION)"'
CURSES_CFLAGS = $$($(PKG_CONFIG) --cflags ncursesw)
CURSES_LIBS = $$($(PKG_CONFIG) --libs ncursesw)
# Hardening unless the caller says otherwise (HARDEN=no, or flags of its
# own after these): the stack protector and _FORTIFY_SOURCE (which needs
# optimisation), a position-independent executable, full RELRO, BIND_NOW.
HARDEN ?= yes
HARDEN_CPPFLAGS = $(if $(filter yes,$(HARDEN)),$(if $(filter -O0,$(CFLAGS)),,-D_FORTIFY_SOURCE=2))
# What the compiler has of stack clash and control flow protection.
CC_HAS = $(shell $(CC) $(1) -x c -c -o /dev/null /dev/null 2>/dev/null && echo $(1))
HARDENED_CFLAGS := -fstack-protector-strong -fPIE \
	$(call CC_HAS,-fstack-clash-protection) $(call CC_HAS,-fcf-protection)
HARDEN_CFLAGS = $(if $(filter yes,$(HARDEN)),$(HARDENED_CFLAGS))
HARDENED_LINK = -pie -Wl,-z,relro -Wl,-z,now
HARDEN_LDFLAGS = $(if $(filter yes,$(HARDEN)),$(HARDENED_LINK))
# The source tree's place is left out of what is built (debug paths, the
# build-id): a build in another directory is the same bytes.
REPRODUCIBLE_CFLAGS := $(call CC_HAS,-ffile-prefix-map=$(CURDIR)=.)
COMPILE = $(CC) $(REQUIRED_CPPFLAGS) $(HARDEN_CPPFLAGS) $(CPPFLAGS) \
	$(REQUIRED_CFLAGS) $(REPRODUCIBLE_CFLAGS) $(HARDEN_CFLAGS) $(CFLAGS)
# Each object lists the headers it includes (build/*.d): a header changed
# rebuilds what includes it, and nothing else.
DEPFLAGS = -MMD -MP

# src/core knows nothing of curses or of the terminal: it is compiled with
# its own headers alone, so that one of its files that includes a header of
# src/tui or src/data does not compile, and linked into the unit tests
# without curses, so that one that calls curses does not link. src/tui
# draws and reads the terminal; src/data holds the tables compiled in.
CORE = $(patsubst src/core/%.c,%,$(wildcard src/core/*.c))
UI = $(patsubst src/tui/%.c,%,$(wildcard src/tui/*.c))
CORE_OBJ = $(CORE:%=$(BUILD)/%.o)
UI_OBJ = $(UI:%=$(BUILD)/%.o)
CORE_INCLUDES = -Isrc/core
TUI_INCLUDES = -Isrc/core -Isrc/tui
ALL_INCLUDES = -Isrc/core -Isrc/tui -Isrc/data

UNIT_TESTS = $(patsubst tests/unit/%.c,$(BUILD)/%,$(wildcard tests/unit/test_*.c))
SANITIZE = -fsanitize=address,undefined -fno-sanitize-recover=all
ASAN = $(MAKE) -s BUILD=build/asan BIN=build/asan/madoguchi HARDEN=no \
	CFLAGS="-O1 -g -fno-omit-frame-pointer $(SANITIZE)" \
	LDFLAGS="$(SANITIZE)"

all: $(BIN)

DATA_OBJ = $(BUILD)/builtin.o $(BUILD)/desks_data.o \
	$(BUILD)/builtin_places.o $(BUILD)/places_compiled.o

$(BIN): $(CORE_OBJ) $(UI_OBJ) $(BUILD)/main.o $(DATA_OBJ) \
		$(BUILD)/terminfo_data.o
	$(CC) $(HARDEN_LDFLAGS) $(LDFLAGS) -o $@ $^ $(CURSES_LIBS) $(LDLIBS)

# A fully static binary: ncursesw, and the terminfo entries of common
# terminals (terminfo_data.c), linked in. Needs no shared library and no
# terminfo database.
static: $(BUILD)/madoguchi-static

$(BUILD)/madoguchi-static: $(CORE_OBJ) $(UI_OBJ) $(BUILD)/main.o \
		$(DATA_OBJ) $(BUILD)/terminfo_data.o
	$(CC) -static $(LDFLAGS) -o $@ $^ \
		$$($(PKG_CONFIG) --static --libs ncursesw) $(LDLIBS)
	strip $@

# The terminals most people have: their compiled entries, embedded.
TERMINALS = xterm-256color xterm tmux-256color tmux screen-256color screen \
	vt100 vt220 linux rxvt-unicode-256color putty putty-256color
$(BUILD)/terminfo_data.c: src/tools/embed-terminfo.sh src/tools/embed.sh \
		data/putty.terminfo | $(BUILD)
	sh src/tools/embed-terminfo.sh data/putty.terminfo $(TERMINALS) > $@.tmp && \
		mv $@.tmp $@

$(BUILD)/terminfo_data.o: $(BUILD)/terminfo_data.c
	$(COMPILE) -Isrc/tui -c -o $@ $<

objects: $(CORE_OBJ) $(UI_OBJ) $(BUILD)/main.o

# Unit tests link the core only: no curses.
$(UNIT_TESTS): $(BUILD)/test_%: tests/unit/test_%.c $(CORE_OBJ)
	$(COMPILE) $(DEPFLAGS) $(CORE_INCLUDES) $$($(PKG_CONFIG) --cflags cmocka) $(LDFLAGS) -o $@ $< \
		$(CORE_OBJ) $(filter %/places_compiled.o,$^) \
		$$($(PKG_CONFIG) --libs cmocka)

# test_places and test_towns compare the compiled places with the tables.
$(BUILD)/test_places $(BUILD)/test_towns: $(BUILD)/places_compiled.o

# Screen tests link the drawing code and curses, writing to /dev/null.
$(BUILD)/test_screen: tests/screen/test_screen.c $(CORE_OBJ) $(UI_OBJ)
	$(COMPILE) $(DEPFLAGS) $(TUI_INCLUDES) $(CURSES_CFLAGS) \
		$$($(PKG_CONFIG) --cflags cmocka) \
		$(LDFLAGS) -o $@ $< $(CORE_OBJ) $(BUILD)/draw.o \
		$(CURSES_LIBS) $$($(PKG_CONFIG) --libs cmocka)

# The fuzzing target, driven by saved inputs instead of libFuzzer.
$(BUILD)/fuzz_replay: tests/fuzz/fuzz_table.c tests/fuzz/replay.c $(CORE_OBJ) \
		$(DATA_OBJ)
	$(COMPILE) $(DEPFLAGS) $(ALL_INCLUDES) $(LDFLAGS) -o $@ tests/fuzz/fuzz_table.c \
		tests/fuzz/replay.c $(CORE_OBJ) $(DATA_OBJ)

# The view's fuzzing target (keys into the view, every frame drawn and
# checked), driven by saved inputs: it links the drawing code and curses.
$(BUILD)/fuzz_view_replay: tests/fuzz/fuzz_view.c tests/fuzz/replay.c \
		$(CORE_OBJ) $(UI_OBJ) $(DATA_OBJ)
	$(COMPILE) $(DEPFLAGS) $(ALL_INCLUDES) $(CURSES_CFLAGS) $(LDFLAGS) -o $@ \
		tests/fuzz/fuzz_view.c tests/fuzz/replay.c $(CORE_OBJ) \
		$(BUILD)/draw.o $(DATA_OBJ) $(CURSES_LIBS)

# The query's and the line mode's fuzzing targets, driven by saved inputs.
$(BUILD)/fuzz_query_replay $(BUILD)/fuzz_line_replay: \
		$(BUILD)/fuzz_%_replay: tests/fuzz/fuzz_%.c tests/fuzz/replay.c \
		$(CORE_OBJ) $(DATA_OBJ)
	$(COMPILE) $(DEPFLAGS) $(ALL_INCLUDES) $(LDFLAGS) -o $@ tests/fuzz/fuzz_$*.c \
		tests/fuzz/replay.c $(CORE_OBJ) $(DATA_OBJ)

unit-tests: $(UNIT_TESTS) $(BUILD)/test_screen $(BUILD)/fuzz_replay \
	$(BUILD)/fuzz_view_replay $(BUILD)/fuzz_query_replay \
	$(BUILD)/fuzz_line_replay $(BUILD)/make-man-keys \
	$(BUILD)/bench_reference $(BUILD)/bench_scale

# make check builds the benchmark's programs too, so that they cannot
# stop linking unseen (bench_reference did, when labels came to need text).

# The man pages' lists of keys are made from the key table, as the help's
# are: make man-keys writes them; tests/static.sh fails when they differ.
$(BUILD)/make-man-keys: src/tools/make-man-keys.c $(CORE_OBJ)
	$(COMPILE) $(DEPFLAGS) $(CORE_INCLUDES) $(LDFLAGS) -o $@ $< $(CORE_OBJ) \
		$(filter %/places_compiled.o,$^)

man-keys: $(BUILD)/make-man-keys
	$(BUILD)/make-man-keys en doc/madoguchi.1 >$(BUILD)/madoguchi.1.tmp && \
		mv $(BUILD)/madoguchi.1.tmp doc/madoguchi.1
	$(BUILD)/make-man-keys ja doc/madoguchi.ja.1 >$(BUILD)/madoguchi.ja.1.tmp && \
		mv $(BUILD)/madoguchi.ja.1.tmp doc/madoguchi.ja.1

# libFuzzer, for FUZZ_SECONDS; new inputs go to build/fuzz-corpus, crashes
# to tests/fuzz/crashes (commit them: `make check` replays them forever).
FUZZ_SECONDS ?= 60
fuzz: $(BUILD)/desks_data.c $(BUILD)/places_compiled.c
	mkdir -p $(BUILD)/fuzz-corpus
	clang $(REQUIRED_CPPFLAGS) $(ALL_INCLUDES) -std=c17 -g -O1 $(SANITIZE) \
		-fsanitize=fuzzer -o $(BUILD)/fuzz_table tests/fuzz/fuzz_table.c \
		src/data/builtin.c src/data/builtin_places.c \
		$(CORE:%=src/core/%.c) $(BUILD)/desks_data.c \
		$(BUILD)/places_compiled.c
	$(BUILD)/fuzz_table -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
		-artifact_prefix=tests/fuzz/crashes/ $(BUILD)/fuzz-corpus \
		tests/fuzz/corpus
	mkdir -p $(BUILD)/fuzz-view-corpus tests/fuzz/crashes-view
	clang $(REQUIRED_CPPFLAGS) $(ALL_INCLUDES) $(CURSES_CFLAGS) -std=c17 \
		-g -O1 $(SANITIZE) -fsanitize=fuzzer -o $(BUILD)/fuzz_view \
		tests/fuzz/fuzz_view.c src/data/builtin.c src/data/builtin_places.c \
		src/tui/draw.c $(CORE:%=src/core/%.c) $(BUILD)/desks_data.c \
		$(BUILD)/places_compiled.c $(CURSES_LIBS)
	$(BUILD)/fuzz_view -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
		-artifact_prefix=tests/fuzz/crashes-view/ \
		$(BUILD)/fuzz-view-corpus tests/fuzz/view-corpus
	for t in query line; do \
		mkdir -p $(BUILD)/fuzz-$$t-corpus tests/fuzz/crashes-$$t && \
		clang $(REQUIRED_CPPFLAGS) $(ALL_INCLUDES) -std=c17 -g -O1 \
			$(SANITIZE) -fsanitize=fuzzer -o $(BUILD)/fuzz_$$t \
			tests/fuzz/fuzz_$$t.c src/data/builtin.c \
			src/data/builtin_places.c $(CORE:%=src/core/%.c) \
			$(BUILD)/desks_data.c $(BUILD)/places_compiled.c && \
		$(BUILD)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=2048 \
			-artifact_prefix=tests/fuzz/crashes-$$t/ \
			$(BUILD)/fuzz-$$t-corpus tests/fuzz/$$t-corpus || exit 1; \
	done

$(CORE_OBJ): $(BUILD)/%.o: src/core/%.c $(BUILD)/%.d | $(BUILD)
	$(COMPILE) $(DEPFLAGS) $(CORE_INCLUDES) -c -o $@ $<

$(UI_OBJ): $(BUILD)/%.o: src/tui/%.c $(BUILD)/%.d | $(BUILD)
	$(COMPILE) $(DEPFLAGS) $(TUI_INCLUDES) $(CURSES_CFLAGS) -c -o $@ $<

$(BUILD)/builtin.o $(BUILD)/builtin_places.o: \
		$(BUILD)/%.o: src/data/%.c $(BUILD)/%.d | $(BUILD)
	$(COMPILE) $(DEPFLAGS) $(CORE_INCLUDES) -Isrc/data -c -o $@ $<

$(BUILD)/main.o: src/main.c $(BUILD)/main.d | $(BUILD)
	$(COMPILE) $(DEPFLAGS) $(ALL_INCLUDES) -c -o $@ $<

# An object without its list (built before there were lists, or the list
# lost) is built again: the empty rule makes a missing list out of date.
$(BUILD)/%.d: ;
.PRECIOUS: $(BUILD)/%.d
-include $(wildcard $(BUILD)/*.d $(BUILD)/tool/*.d)

# The default table, compiled in so that the binary alone is enough.
$(BUILD)/desks_data.c: data/desks.tsv src/tools/embed.sh | $(BUILD)
	sh src/tools/embed.sh builtin_table data/desks.tsv > $@.tmp && mv $@.tmp $@

# The places, read and validated once, at build time, by the program's own
# reader, and compiled in ready to search (src/tools/make-places.c). It
# runs where the build runs: with BUILD_CC (and BUILD_CFLAGS) when that is
# not the compiler of the program, as in a cross build, its own objects.
BUILD_CC ?= $(CC)
BUILD_CFLAGS ?= -O2
PLACES_TOOL_SRC = tsv text text_fold places place_keys towns
ifeq ($(BUILD_CC),$(CC))
PLACES_TOOL_OBJ = $(PLACES_TOOL_SRC:%=$(BUILD)/%.o)
TOOL_COMPILE = $(COMPILE)
else
PLACES_TOOL_OBJ = $(PLACES_TOOL_SRC:%=$(BUILD)/tool/%.o)
TOOL_COMPILE = $(BUILD_CC) $(REQUIRED_CPPFLAGS) $(REQUIRED_CFLAGS) \
	$(BUILD_CFLAGS)
$(PLACES_TOOL_OBJ): $(BUILD)/tool/%.o: src/core/%.c
	@mkdir -p $(@D)
	$(TOOL_COMPILE) $(DEPFLAGS) $(CORE_INCLUDES) -c -o $@ $<
endif
$(BUILD)/make-places: src/tools/make-places.c $(PLACES_TOOL_OBJ)
	$(TOOL_COMPILE) $(DEPFLAGS) $(CORE_INCLUDES) $(if $(filter $(BUILD_CC),$(CC)),$(LDFLAGS)) \
		-o $@ src/tools/make-places.c $(PLACES_TOOL_OBJ)

PLACE_TABLES = data/places.tsv data/former.tsv data/postal.tsv data/towns.tsv
$(BUILD)/places_compiled.c: $(BUILD)/make-places $(PLACE_TABLES)
	$(BUILD)/make-places $(PLACE_TABLES) > $@.tmp && mv $@.tmp $@

$(BUILD)/desks_data.o $(BUILD)/places_compiled.o: \
		$(BUILD)/%.o: $(BUILD)/%.c
	$(COMPILE) $(CORE_INCLUDES) -Isrc/data -c -o $@ $<

$(BUILD):
	mkdir -p $@

run: build-deps $(BIN)
	./$(BIN)

build-deps:
	@sh src/tools/deps.sh build

deps:
	@sh src/tools/deps.sh test

# Everything also built with AddressSanitizer and UBSan, in build/asan.
asan:
	+$(ASAN) build/asan/madoguchi unit-tests

# make check installs what it lacks, unless told not to: DEPS=no, or a
# package build (DEB_BUILD_OPTIONS set). Then what a missing tool would
# have tested is reported as skipped, by name.
DEPS ?= $(if $(DEB_BUILD_OPTIONS),no,yes)
check: $(if $(filter no,$(DEPS)),,deps) $(BIN) unit-tests asan
	@sh tests/run.sh

# The tiers that take seconds (unit, screen, command line), for every edit;
# make check still runs everything.
test: $(BIN) $(UNIT_TESTS) $(BUILD)/test_screen $(BUILD)/make-places
	@sh tests/run.sh fast

# The benchmark (not part of check): the reference program is built with
# the same flags as madoguchi.
$(BUILD)/bench_reference: tests/bench/reference.c $(BUILD)/labels.o \
		$(BUILD)/text.o $(BUILD)/text_fold.o | $(BUILD)
	$(COMPILE) $(CORE_INCLUDES) $(CURSES_CFLAGS) $(LDFLAGS) -o $@ $< \
		$(BUILD)/labels.o $(BUILD)/text.o $(BUILD)/text_fold.o $(CURSES_LIBS)

$(BUILD)/bench_scale: tests/bench/scale.c $(CORE_OBJ) $(DATA_OBJ)
	$(COMPILE) $(CORE_INCLUDES) -Isrc/data $(LDFLAGS) -o $@ $< $(CORE_OBJ) \
		$(DATA_OBJ)

bench: bench-deps $(BIN) $(BUILD)/bench_reference $(BUILD)/bench_scale
	sh tests/bench/run.sh

bench-deps:
	@sh src/tools/deps.sh bench

# A real capture of the browser, for the README.
screenshot: $(BIN)
	sh src/tools/screenshot.sh

# Only the binary, the man page and completions: the data is built in.
install: $(BIN)
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(MANDIR)/ja/man1 $(DESTDIR)$(BASHCOMPDIR) \
		$(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	cp -f $(BIN) $(DESTDIR)$(BINDIR)/madoguchi
	chmod 755 $(DESTDIR)$(BINDIR)/madoguchi
	sed 's/^\.Os$$/.Os madoguchi $(VERSION)/' doc/madoguchi.1 \
		> $(DESTDIR)$(MANDIR)/man1/madoguchi.1
	sed 's/^\.Os$$/.Os madoguchi $(VERSION)/' doc/madoguchi.ja.1 \
		> $(DESTDIR)$(MANDIR)/ja/man1/madoguchi.1
	chmod 644 $(DESTDIR)$(MANDIR)/man1/madoguchi.1 \
		$(DESTDIR)$(MANDIR)/ja/man1/madoguchi.1
	cp -f src/completion/madoguchi.bash $(DESTDIR)$(BASHCOMPDIR)/madoguchi
	cp -f src/completion/_madoguchi $(DESTDIR)$(ZSHCOMPDIR)/_madoguchi
	cp -f src/completion/madoguchi.fish $(DESTDIR)$(FISHCOMPDIR)/madoguchi.fish
	chmod 644 $(DESTDIR)$(BASHCOMPDIR)/madoguchi \
		$(DESTDIR)$(ZSHCOMPDIR)/_madoguchi \
		$(DESTDIR)$(FISHCOMPDIR)/madoguchi.fish

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/madoguchi \
		$(DESTDIR)$(MANDIR)/man1/madoguchi.1 \
		$(DESTDIR)$(MANDIR)/ja/man1/madoguchi.1 \
		$(DESTDIR)$(BASHCOMPDIR)/madoguchi \
		$(DESTDIR)$(ZSHCOMPDIR)/_madoguchi \
		$(DESTDIR)$(FISHCOMPDIR)/madoguchi.fish

# A versioned source tarball from git, the same bytes for the same commit
# (git archive, gzip -n), and its SHA-256.
DIST = $(BUILD)/madoguchi-$(VERSION).tar.gz
dist: | $(BUILD)
	git archive --format=tar --prefix=madoguchi-$(VERSION)/ HEAD | \
		gzip -9n > $(DIST)
	cd $(BUILD) && sha256sum madoguchi-$(VERSION).tar.gz \
		> madoguchi-$(VERSION).tar.gz.sha256

# A .deb from a staged install under /usr, with Debian's places for the man
# pages and completions, a control file written here, and the changelog and
# copyright Debian asks for. The date is SOURCE_DATE_EPOCH, or the
# commit's: from git in a checkout, and in an unpacked `make dist` tarball
# the time git archive gave its files (the Makefile's). So the package is
# the same for the same commit, built from either.
DEB_ARCH = $$(dpkg --print-architecture)
DEB_ROOT = $(BUILD)/deb
DEB_DATE = $${SOURCE_DATE_EPOCH:-$$(if [ -e .git ]; then git log -1 --format=%ct; \
	else stat -c %Y Makefile; fi)}
deb: $(BIN) src/debian/control src/debian/copyright src/debian/changelog
	rm -rf $(DEB_ROOT)
	$(MAKE) -s install DESTDIR=$(abspath $(DEB_ROOT)) PREFIX=/usr
	strip --remove-section=.comment --remove-section=.note \
		--strip-unneeded $(DEB_ROOT)/usr/bin/madoguchi
	gzip -9n $(DEB_ROOT)/usr/share/man/man1/madoguchi.1 \
		$(DEB_ROOT)/usr/share/man/ja/man1/madoguchi.1
	mkdir -p $(DEB_ROOT)/usr/share/doc/madoguchi $(DEB_ROOT)/DEBIAN
	{ cat src/debian/copyright; sed -e '1,/^Permission/{/^Permission/!d}' \
	    -e 's/^$$/./' -e 's/^/ /' LICENSE; } \
		> $(DEB_ROOT)/usr/share/doc/madoguchi/copyright
	sed -e 's/@VERSION@/$(VERSION)/g' \
	    -e "s/@DATE@/$$(date -u -R -d @$(DEB_DATE))/" src/debian/changelog | \
		gzip -9n > $(DEB_ROOT)/usr/share/doc/madoguchi/changelog.gz
	find $(DEB_ROOT) -type d -exec chmod 755 {} +
	find $(DEB_ROOT)/usr/share -type f -exec chmod 644 {} +
	sed -e 's/@VERSION@/$(VERSION)/' -e "s/@ARCH@/$(DEB_ARCH)/" \
	    -e "s/@SIZE@/$$(du -sk --exclude=DEBIAN $(DEB_ROOT) | cut -f1)/" \
		src/debian/control > $(DEB_ROOT)/DEBIAN/control
	cd $(DEB_ROOT) && find usr -type f | sort | xargs md5sum > DEBIAN/md5sums
	find $(DEB_ROOT) -exec touch -h -d @$(DEB_DATE) {} +
	SOURCE_DATE_EPOCH=$(DEB_DATE) dpkg-deb --root-owner-group -Zxz \
		--build $(DEB_ROOT) $(BUILD)/madoguchi_$(VERSION)_$(DEB_ARCH).deb

clean:
	rm -rf $(BUILD) madoguchi

.PHONY: all objects unit-tests man-keys run build-deps deps asan check test fuzz screenshot bench bench-deps static install dist deb \
	uninstall clean
