#!/bin/sh
# deps.sh [build|test|bench]: installs what `make run` (build), `make check`
# (test) or `make bench` needs and the machine lacks, saying what; installs nothing and asks
# for no password when everything is there. apt-get, dnf, apk or brew.
set -eu
what=${1:-test}
missing=""

need() { # need NAME TEST-COMMAND
	if ! sh -c "$2" >/dev/null 2>&1; then
		missing="$missing $1"
	fi
}

need cc 'command -v "${CC:-cc}"'
need pkg-config 'command -v "${PKG_CONFIG:-pkg-config}"'
need ncursesw '"${PKG_CONFIG:-pkg-config}" --exists ncursesw'
if [ "$what" = test ]; then
	need cmocka '"${PKG_CONFIG:-pkg-config}" --exists cmocka'
	need tmux 'command -v tmux'
	need jq 'command -v jq'
	need clang 'command -v clang'
	need valgrind 'command -v valgrind'
	# Counts the writes of a frame (Linux only).
	[ "$(uname)" = Linux ] && need strace 'command -v strace'
	need perl 'command -v perl'
	need script 'command -v script'
	# Locale sources, to make a non-UTF-8 (EUC-JP) locale in a test.
	need locales 'test -f /usr/share/i18n/locales/ja_JP'
	need mandoc 'command -v mandoc'
	need zsh 'command -v zsh'
	need fish 'command -v fish'
	# The .deb of make deb, linted.
	need lintian 'command -v lintian'
	need sshd 'test -x /usr/sbin/sshd'
	need ssh 'command -v ssh'
	# Readings and variant kanji from elsewhere, for tests/spellings.py.
	need skkdic-extra 'test -f /usr/share/skk/SKK-JISYO.geo'
	need unicode-data 'test -f /usr/share/unicode/Unihan_Variants.txt.bz2'
	# A terminal emulator apart from tmux, to check the screen in.
	need pyte 'python3 -c "import pyte" || /usr/bin/python3 -c "import pyte"'
fi
if [ "$what" = bench ]; then
	need python3 'command -v python3'
	need fzf 'command -v fzf'
	[ "$(uname)" = Linux ] && need strace 'command -v strace'
fi
[ -z "$missing" ] && exit 0

# package NAME MANAGER: the package that provides NAME there.
package() {
	case "$2:$1" in
	apt:cc) echo gcc ;; apt:ncursesw) echo libncurses-dev ;;
	apt:cmocka) echo libcmocka-dev ;; apt:script) echo bsdutils ;;
	apt:sshd) echo openssh-server ;; apt:ssh) echo openssh-client ;;
	apt:pyte) echo python3-pyte ;; dnf:pyte) echo python3-pyte ;;
	apk:pyte) echo py3-pyte ;; brew:pyte) echo pyte ;;
	dnf:sshd) echo openssh-server ;; dnf:ssh) echo openssh-clients ;;
	apk:sshd) echo openssh-server ;; apk:ssh) echo openssh-client ;;
	brew:sshd|brew:ssh) echo openssh ;;
	dnf:script) echo util-linux ;; apk:script) echo util-linux-misc ;;
	dnf:locales) echo glibc-locale-source ;; apk:locales) echo musl-locales ;;
	dnf:cc) echo gcc ;; dnf:ncursesw) echo ncurses-devel ;;
	dnf:cmocka) echo libcmocka-devel ;; dnf:pkg-config) echo pkgconf-pkg-config ;;
	apk:cc) echo gcc musl-dev ;; apk:ncursesw) echo ncurses-dev ;;
	apk:cmocka) echo cmocka-dev ;; apk:pkg-config) echo pkgconf ;;
	brew:cc) echo llvm ;; brew:ncursesw) echo ncurses ;;
	*) echo "$1" ;;
	esac
}

if command -v apt-get >/dev/null; then manager=apt
elif command -v dnf >/dev/null; then manager=dnf
elif command -v apk >/dev/null; then manager=apk
elif command -v brew >/dev/null; then manager=brew
else
	echo "deps: missing:$missing; install them with your package manager" >&2
	exit 1
fi
packages=""
for m in $missing; do packages="$packages $(package "$m" $manager)"; done
echo "deps: missing:$missing; installing:$packages"

as_root=""
if [ "$manager" != brew ] && [ "$(id -u)" != 0 ]; then as_root=sudo; fi
case $manager in
apt)
	$as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	$as_root env DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq --no-install-recommends $packages ;;
dnf) $as_root dnf install -y $packages ;;
apk) $as_root apk add $packages ;;
brew) brew install $packages ;;
esac
