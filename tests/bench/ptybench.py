#!/usr/bin/env python3
"""ptybench: run a terminal program in a pseudo-terminal, type keys, and
measure what a user on a slow link notices: time to the first complete
frame, bytes of that frame, bytes and latency of each key's response, time
from the last key to exit, and peak resident memory.

A burst of output ends after QUIET ms without a byte; the quiet time is not
counted in latencies. Terminal queries (cursor position, device
attributes) are answered so that programs which ask do not stall.

  ptybench.py [--cols 100 --rows 30 --term xterm-256color --repeat 5]
              --keys 'DOWN DOWN UP t o k ESC' [--stdin FILE] [--json]
              [--expect TEXT] -- CMD...

A scripted move that sends under 32 bytes is counted as a no-op, and
--expect checks that the typed keys brought TEXT to the screen: both guard
the comparison against a program that did less than the others.
"""
import argparse
import fcntl
import json
import os
import pty
import select
import signal
import statistics
import struct
import sys
import termios
import time

KEYS = {
    "UP": b"\x1b[A", "DOWN": b"\x1b[B", "RIGHT": b"\x1b[C", "LEFT": b"\x1b[D",
    "PGUP": b"\x1b[5~", "PGDN": b"\x1b[6~", "ESC": b"\x1b", "ENTER": b"\r",
    "TAB": b"\t", "BS": b"\x7f", "F1": b"\x1bOP", "SPACE": b" ",
}
# Application cursor mode (smkx) turns arrows into ESC O x.
APP_KEYS = {"UP": b"\x1bOA", "DOWN": b"\x1bOB", "RIGHT": b"\x1bOC",
            "LEFT": b"\x1bOD"}
ANSWERS = [(b"\x1b[6n", b"\x1b[1;1R"), (b"\x1b[c", b"\x1b[?62;22c"),
           (b"\x1b[>c", b"\x1b[>41;371;0c"), (b"\x1b[5n", b"\x1b[0n")]


def key_class(name):
    if name in ("UP", "DOWN", "PGUP", "PGDN"):
        return "nav"
    if name in ("BS",):
        return "edit"
    if name in KEYS:
        return "ctl"
    return "typed"


class Run:
    def __init__(self, args):
        self.args = args
        self.app_mode = False
        self.peak_kib = 0

    def spawn(self):
        pid, fd = pty.fork()
        if pid == 0:
            env = dict(os.environ)
            # ESCDELAY too: the time from Esc to exit is the program's own.
            for k in ("COLUMNS", "LINES", "TMUX", "TERMCAP", "ESCDELAY"):
                env.pop(k, None)
            env["TERM"] = self.args.term
            env["LANG"] = env["LC_ALL"] = self.args.lang
            if self.args.stdin:
                fdin = os.open(self.args.stdin, os.O_RDONLY)
                os.dup2(fdin, 0)
            os.execvp(self.args.cmd[0], self.args.cmd)
        fcntl.ioctl(fd, termios.TIOCSWINSZ,
                    struct.pack("HHHH", self.args.rows, self.args.cols, 0, 0))
        self.pid, self.fd = pid, fd
        os.kill(pid, signal.SIGWINCH)

    def sample_rss(self):
        try:
            with open(f"/proc/{self.pid}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        self.peak_kib = max(self.peak_kib, int(line.split()[1]))
        except OSError:
            pass

    def burst(self, max_wait):
        """Reads until QUIET ms pass without output; returns (bytes, time of
        the first byte, time of the last byte), times None if none came."""
        quiet = self.args.quiet_ms / 1000
        data, first, last = b"", None, None
        deadline = time.monotonic() + max_wait
        while True:
            wait = (last + quiet if last else deadline) - time.monotonic()
            if wait <= 0:
                break
            ready, _, _ = select.select([self.fd], [], [], wait)
            if not ready:
                break
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            now = time.monotonic()
            first = first or now
            last = now
            data += chunk
            for ask, answer in ANSWERS:
                if ask in chunk:
                    os.write(self.fd, answer)
            if b"\x1b[?1h" in chunk:
                self.app_mode = True
            if b"\x1b[?1l" in chunk:
                self.app_mode = False
        self.sample_rss()
        return data, first, last

    def key_bytes(self, name):
        if self.app_mode and name in APP_KEYS:
            return APP_KEYS[name]
        return KEYS.get(name, name.encode())

    def run(self):
        t0 = time.monotonic()
        self.spawn()
        frame, _, last = self.burst(self.args.startup_timeout)
        result = {"startup_ms": (last - t0) * 1000 if last else None,
                  "first_frame_bytes": len(frame), "keys": []}
        keys = self.args.keys.split()
        typed_output = b""
        for i, name in enumerate(keys):
            sent = time.monotonic()
            os.write(self.fd, self.key_bytes(name))
            if i == len(keys) - 1 and self.args.last_quits:
                result["exit_ms"] = self.wait_exit(sent)
                break
            data, _, last = self.burst(self.args.max_wait)
            if key_class(name) == "typed":
                typed_output += data
            result["keys"].append({"key": name, "class": key_class(name),
                                   "bytes": len(data),
                                   "latency_ms": (last - sent) * 1000 if last else None})
        else:
            self.stop()
        if self.args.expect:
            result["expect_seen"] = self.args.expect.encode() in typed_output
        result["peak_rss_kib"] = self.peak_kib
        return result

    def wait_exit(self, sent):
        deadline = sent + 5
        while time.monotonic() < deadline:
            self.sample_rss()
            try:
                os.read(self.fd, 65536) if select.select([self.fd], [], [], 0.001)[0] else None
            except OSError:
                pass
            pid, _ = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                return (time.monotonic() - sent) * 1000
        self.stop()
        return None

    def stop(self):
        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except OSError:
            pass
        os.close(self.fd)


def summary(runs):
    def stats(values):
        values = [v for v in values if v is not None]
        if not values:
            return None
        return {"median": statistics.median(values), "min": min(values),
                "max": max(values)}
    out = {"startup_ms": stats([r["startup_ms"] for r in runs]),
           "first_frame_bytes": stats([r["first_frame_bytes"] for r in runs]),
           "peak_rss_kib": stats([r["peak_rss_kib"] for r in runs]),
           "exit_ms": stats([r.get("exit_ms") for r in runs])}
    # A move that sends almost nothing moved nothing (the end of a list):
    # it would make a program look cheaper than it is.
    out["nav_noops"] = max(sum(1 for k in r["keys"] if k["class"] == "nav"
                               and k["bytes"] < 32) for r in runs)
    out["expect_seen"] = all(r.get("expect_seen", True) for r in runs)
    for cls in ("nav", "typed", "edit", "ctl"):
        per_run = [statistics.mean([k["bytes"] for k in r["keys"] if k["class"] == cls])
                   for r in runs if any(k["class"] == cls for k in r["keys"])]
        lat = [statistics.mean([k["latency_ms"] or 0 for k in r["keys"] if k["class"] == cls])
               for r in runs if any(k["class"] == cls for k in r["keys"])]
        out[f"{cls}_bytes"] = stats(per_run)
        out[f"{cls}_latency_ms"] = stats(lat)
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--cols", type=int, default=100)
    p.add_argument("--rows", type=int, default=30)
    p.add_argument("--term", default="xterm-256color")
    p.add_argument("--lang", default="C.UTF-8")
    p.add_argument("--keys", default="")
    p.add_argument("--last-quits", action="store_true",
                   help="the last key ends the program: time it to exit")
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--warmup", type=int, default=1)
    p.add_argument("--quiet-ms", type=float, default=40)
    p.add_argument("--max-wait", type=float, default=1.0)
    p.add_argument("--startup-timeout", type=float, default=10.0)
    p.add_argument("--stdin")
    p.add_argument("--expect", help="text the typed keys must bring up")
    p.add_argument("--json", action="store_true")
    p.add_argument("cmd", nargs="+")
    args = p.parse_args()
    for _ in range(args.warmup):
        Run(args).run()
    runs = [Run(args).run() for _ in range(args.repeat)]
    s = summary(runs)
    if args.json:
        json.dump({"summary": s, "runs": runs}, sys.stdout, indent=1)
    else:
        for k, v in s.items():
            if isinstance(v, dict):
                print(f"{k:20} {v['median']:10.1f}  [{v['min']:.1f} .. {v['max']:.1f}]")


if __name__ == "__main__":
    main()
