#!/bin/sh
# make dist and make deb: the tarball is the same for the same commit and
# holds the tree; the .deb is lintian-clean, the same for the same commit,
# and runs from a scratch root it is unpacked into.
set -eu
. tests/lib.sh
version=$(sed -n 's/^VERSION = //p' Makefile)
if git rev-parse --git-dir >/dev/null 2>&1; then
	make -s dist >/dev/null
	first=$(cat "build/madoguchi-$version.tar.gz.sha256")
	make -s dist >/dev/null
	check "make dist: madoguchi-$version.tar.gz, the same twice" sh -c "[ \"\$(cat build/madoguchi-$version.tar.gz.sha256)\" = '$first' ]"
	check "its SHA-256 file checks" sh -c "cd build && sha256sum -c madoguchi-$version.tar.gz.sha256 >/dev/null"
	check "it holds the tree under madoguchi-$version/" sh -c "tar -tzf build/madoguchi-$version.tar.gz | grep -q '^madoguchi-$version/src/core/keyin.c\$'"
	check "and nothing built" sh -c "! tar -tzf build/madoguchi-$version.tar.gz | grep -q '/build/'"
else
	skip "make dist needs a git checkout"
fi
# A cross build: the tool that runs during the build is built with
# BUILD_CC, the program with CC.
printf '#!/bin/sh\necho "$*" >>"%s/build-cc.log"\nexec cc "$@"\n' "$tmp" >"$tmp/build-cc"
chmod +x "$tmp/build-cc"
make -s BUILD="$tmp/cross" BUILD_CC="$tmp/build-cc" "$tmp/cross/make-places" >/dev/null 2>&1 || true
# One compile for each of the tool's sources, and one to link it.
tool_sources=$(sed -n 's/^PLACES_TOOL_SRC = //p' Makefile | wc -w)
check "make-places is built with BUILD_CC" sh -c "grep -q 'make-places' '$tmp/build-cc.log' && [ \$(wc -l <'$tmp/build-cc.log') -eq $((tool_sources + 1)) ]"
check "and runs" sh -c "'$tmp/cross/make-places' data/places.tsv data/former.tsv data/postal.tsv data/towns.tsv | grep -q 'builtin_compiled_places'"
if command -v dpkg-deb >/dev/null && command -v dpkg >/dev/null; then
	deb=build/madoguchi_${version}_$(dpkg --print-architecture).deb
	make -s deb >/dev/null 2>&1
	check "make deb: $deb" test -s "$deb"
	sum=$(md5sum <"$deb")
	make -s deb >/dev/null 2>&1
	check "the same package twice" sh -c "[ \"\$(md5sum <'$deb')\" = '$sum' ]"
	check "its version is the Makefile's" sh -c "[ \"\$(dpkg-deb -f '$deb' Version)\" = '$version' ]"
	root=$tmp/root
	dpkg -x "$deb" "$root"
	check "unpacked, it runs" sh -c "'$root/usr/bin/madoguchi' -f tokyo | grep -q 03-3431-8109"
	check "and says its version" sh -c "'$root/usr/bin/madoguchi' --version | grep -q 'madoguchi $version'"
	for f in usr/share/man/man1/madoguchi.1.gz usr/share/man/ja/man1/madoguchi.1.gz \
	    usr/share/bash-completion/completions/madoguchi \
	    usr/share/zsh/vendor-completions/_madoguchi \
	    usr/share/fish/vendor_completions.d/madoguchi.fish \
	    usr/share/doc/madoguchi/copyright usr/share/doc/madoguchi/changelog.gz; do
		check "it installs /$f" test -f "$root/$f"
	done
	if command -v lintian >/dev/null; then
		check "lintian finds nothing, pedantic" sh -c "[ -z \"\$(lintian --pedantic -I '$deb' 2>/dev/null)\" ]"
	else
		skip "lintian is not installed; the package was not linted"
	fi
	# From the release tarball, with no git: the same package, dated by
	# the commit (it was dated 1970), built in another directory.
	if [ -s "build/madoguchi-$version.tar.gz" ]; then
		mkdir -p "$tmp/release"
		tar -xzf "build/madoguchi-$version.tar.gz" -C "$tmp/release"
		(cd "$tmp/release/madoguchi-$version" && env -u SOURCE_DATE_EPOCH \
		    make -s deb >/dev/null 2>&1) || true
		released=$tmp/release/madoguchi-$version/$deb
		check "make deb from the tarball, without git" test -s "$released"
		when=$(date -u -R -d "@$(git log -1 --format=%ct 2>/dev/null || echo 0)")
		check "dated by the commit ($when), not 1970" sh -c "dpkg-deb --fsys-tarfile '$released' | tar -xOf - ./usr/share/doc/madoguchi/changelog.gz | zcat | grep -qF '$when'"
		check "the same bytes as from the checkout (another directory, no git)" \
		    sh -c "cmp -s '$deb' '$released'"
	fi
else
	skip "make deb needs dpkg-deb"
fi
finish
