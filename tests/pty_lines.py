"""pty_lines.py INPUT OUTPUT COMMAND...: runs COMMAND on a pty (as a person
at a terminal, echo off so that only COMMAND's bytes come back), waits for
each prompt ("> ") and types the next line of INPUT (\\x04 alone: Ctrl-D),
keeps every byte COMMAND writes in OUTPUT, and prints its exit status."""
import os
import pty
import select
import subprocess
import sys
import termios
import time


def main():
    lines = open(sys.argv[1], "rb").read().split(b"\n")[:-1]
    master, slave = pty.openpty()
    # No echo: what is read back is what COMMAND wrote, not the typing.
    attrs = termios.tcgetattr(slave)
    attrs[3] &= ~termios.ECHO
    termios.tcsetattr(slave, termios.TCSANOW, attrs)
    child = subprocess.Popen(sys.argv[3:], stdin=slave, stdout=slave, stderr=slave,
                             close_fds=True, preexec_fn=os.setsid)
    os.close(slave)
    seen = b""

    def until_prompt(seconds=10):
        nonlocal seen
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if seen.endswith(b"> "):
                return True
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                try:
                    seen += os.read(master, 1 << 16)
                except OSError:
                    return False
            elif child.poll() is not None:
                return False
        return False

    for line in lines:
        if not until_prompt():
            break
        os.write(master, b"\x04" if line == b"\\x04" else line + b"\n")
        seen += b"\x00"  # so that the prompt just seen is not seen again
    try:
        status = child.wait(timeout=10)
    except subprocess.TimeoutExpired:
        child.kill()
        status = "hung"
    while True:
        ready, _, _ = select.select([master], [], [], 0.1)
        if not ready:
            break
        try:
            chunk = os.read(master, 1 << 16)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    open(sys.argv[2], "wb").write(seen.replace(b"\x00", b""))
    print(status)


main()
