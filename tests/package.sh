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
else
	skip "make deb needs dpkg-deb"
fi
finish
