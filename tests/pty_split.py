"""pty_split.py MADOGUCHI: a key split by a slow link. Runs madoguchi on a
pty (80x24) and sends Down (ESC [ B) in two writes, split after each of
its bytes, the second 0 to 300 ms after the first, on an empty query: the
session must go on, and nothing may be typed (the count stays 47/47).
Then an Esc alone ends it. Prints one line per
case and exits 1 if any failed. Every process it starts, it ends."""
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import fcntl
import time


def main(binary):
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8")
    env.pop("TMUX", None)
    child = subprocess.Popen([binary, "--lang=en"], stdin=slave, stdout=slave,
                             stderr=slave, close_fds=True, env=env,
                             preexec_fn=os.setsid)
    os.close(slave)
    seen = b""

    def read_for(seconds, until=None):
        nonlocal seen
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            r, _, _ = select.select([master], [], [], 0.02)
            if r:
                try:
                    seen += os.read(master, 65536)
                except OSError:
                    return False
                if until and until in seen[-4096:]:
                    return True
        return False

    failed = 0
    try:
        if not read_for(10, b"47/47"):
            print("FAIL: the browser did not start")
            return 1
        for cut in (1, 2):
            for delay in (0, 0.04, 0.1, 0.2, 0.3):
                seen = b""
                os.write(master, b"\x1b[B"[:cut])
                time.sleep(delay)
                os.write(master, b"\x1b[B"[cut:])
                read_for(0.8)
                alive = child.poll() is None
                typed = b"/47" in seen and b"47/47" not in seen
                ok = alive and not typed
                failed += not ok
                print(f"{'ok' if ok else 'FAIL'}: Down split after byte {cut}, "
                      f"{int(delay * 1000)} ms apart: "
                      f"{'goes on' if alive else 'ended the session'}"
                      f"{', typed' if typed else ''}")
                if not alive:
                    return 1
        os.write(master, b"\x1b")
        end = time.monotonic() + 3
        while child.poll() is None and time.monotonic() < end:
            read_for(0.05)
        ok = child.poll() is not None
        failed += not ok
        print(f"{'ok' if ok else 'FAIL'}: an Esc alone still ends it")
        return 1 if failed else 0
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGTERM)
            child.wait(5)
        os.close(master)


sys.exit(main(sys.argv[1]))
