"""pty_allocs.py PRELOAD MADOGUCHI: a frame allocates nothing. Runs
madoguchi on a pty (100x30, links on) with PRELOAD (alloc_count.c), which
counts its calls of malloc, calloc and realloc, twice: through the list
down and up once, then twice. Each move waits until the frame has shown
the row it selects. Once the first pass has seen every desk's page, the
second allocates nothing: prints the calls of the second pass and exits 1
unless it is 0. Every process it starts, it ends."""
import os
import pty
import select
import struct
import subprocess
import sys
import tempfile
import termios
import fcntl
import time


def session(preload, binary, codes, passes, count_file):
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8",
               LD_PRELOAD=preload, ALLOC_COUNT_FILE=count_file)
    env.pop("TMUX", None)
    child = subprocess.Popen([binary, "--lang=en", "--no-print"], stdin=slave,
                             stdout=slave, stderr=slave, close_fds=True,
                             env=env, preexec_fn=os.setsid)
    os.close(slave)
    seen = b""

    def wait_for(text, seconds=5):
        nonlocal seen
        end = time.monotonic() + seconds
        while text not in seen and time.monotonic() < end:
            r, _, _ = select.select([master], [], [], 0.05)
            if r:
                try:
                    seen += os.read(master, 65536)
                except OSError:
                    break
        if text not in seen:
            raise SystemExit(f"pty_allocs: never saw {text!r}")
        seen = b""

    try:
        wait_for(b"47/47")
        # Down to the end, and up to the top: each key, the row it selects.
        moves = ([(b"\x1b[B", code) for code in codes[1:]] +
                 [(b"\x1b[A", code) for code in codes[-2::-1]])
        for _ in range(passes):
            for key, code in moves:
                os.write(master, key)
                wait_for(b">" + code.encode() + b" ")
        os.write(master, b"\x1b")
        child.wait(timeout=5)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        os.close(master)


def main(preload, binary):
    listed = subprocess.run([binary, "-l", "-F", "tsv"], capture_output=True,
                            text=True, check=True).stdout.splitlines()[1:]
    codes = [line.split("\t")[0] for line in listed]
    with tempfile.TemporaryDirectory() as tmp:
        counts = []
        for passes in (1, 2):
            path = os.path.join(tmp, f"{passes}")
            session(preload, binary, codes, passes, path)
            with open(path) as f:
                counts.append(int(f.read().split()[-1]))
    extra = counts[1] - counts[0]
    print(f"{counts[0]} calls for one pass down and up the list, {counts[1]} for two:"
          f" {extra} in the second pass ({2 * (len(codes) - 1)} frames)")
    return 0 if extra == 0 else 1


sys.exit(main(sys.argv[1], sys.argv[2]))
