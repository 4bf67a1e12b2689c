#!/bin/sh
# make static: one binary for minimal servers. At most 4.0 MB stripped with
# every place and town compiled in (issue 23's budget; fzf's is 3.3 MB), no
# shared library, and it runs in a root that holds nothing but itself and
# an empty /tmp: no ncurses library, no terminfo, no locales.
set -eu
. tests/lib.sh
. tests/tmuxlib.sh
make -s static >/dev/null
bin=build/madoguchi-static
size=$(wc -c <"$bin")
check "at most 4.0 MB stripped ($size bytes)" test "$size" -le 4194304
check "needs no shared library" sh -c "! ldd '$bin' 2>/dev/null | grep -q '=>'"
check "runs" sh -c "'$bin' -f tokyo | grep -q 03-3431-8109"
if [ "$(id -u)" != 0 ] || ! command -v chroot >/dev/null; then
	skip "the empty-root run needs root and chroot"
	finish
	exit
fi
root=$tmp/root
mkdir -p "$root/tmp"
chmod 1777 "$root/tmp"
cp "$bin" "$root/madoguchi"
check "the root has no library, no terminfo" sh -c "[ \$(find '$root' -type f | wc -l) -eq 1 ]"
run_dir=$tmp/static
mkdir -p "$run_dir"
session "env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin TERM=xterm-256color LANG=C.UTF-8 chroot '$root' /madoguchi; echo \$? >$run_dir/status; sleep 600"
check "the browser, from built-in terminfo" wait_for "47/47"
check "ASCII mode: the root has no UTF-8 locale" wait_for ">01 Hokkaido"
tm send-keys -t s -l tokyo
check "filters" wait_for "1/47"
check "its copy of the terminfo entry is gone" sh -c "[ -z \"\$(ls -A '$root/tmp')\" ]"
tm send-keys -t s Escape Escape
check "quits" exited_with 0
# A TMPDIR that does not exist: the built-in entry goes to /tmp instead.
rm -f "$run_dir/status"
session "env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin TERM=putty-256color TMPDIR=/nonexistent LANG=C.UTF-8 chroot '$root' /madoguchi; echo \$? >$run_dir/status; sleep 600"
check "TMPDIR missing: the built-in PuTTY entry still" wait_for "47/47"
tm send-keys -t s Escape
check "and it quits" exited_with 0
# A hang-up in the first milliseconds, while the built-in entry is written
# out: its directory goes all the same (it stayed, 5 times in 150).
left=$(python3 -c '
import os, pty, random, signal, subprocess, sys, time
root = sys.argv[1]
random.seed(26)
for i in range(150):
    master, slave = pty.openpty()
    # A hang-up is what it is whoever runs the tests: one under nohup
    # would hand down an ignored SIGHUP, and a session would never hear it.
    p = subprocess.Popen(["chroot", root, "/madoguchi"], stdin=slave,
                         stdout=slave, stderr=slave,
                         preexec_fn=lambda: (os.setsid(), signal.signal(
                             signal.SIGHUP, signal.SIG_DFL)),
                         env={"TERM": "putty-256color", "LANG": "C.UTF-8",
                              "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"})
    os.close(slave)
    time.sleep(random.uniform(0, 0.006))
    os.killpg(p.pid, signal.SIGHUP)
    p.wait(10)
    os.close(master)
print(len(os.listdir(os.path.join(root, "tmp"))))
' "$root")
check "150 hang-ups in the first milliseconds leave no directory ($left left)" [ "$left" = 0 ]
finish
