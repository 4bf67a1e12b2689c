"""pyte_screen.py OUT COLS ROWS CAPTURE CURSOR_X: feeds the bytes madoguchi
wrote (OUT, recorded by script(1)) to pyte, a terminal emulator apart from
tmux, and checks that it shows what tmux showed (CAPTURE, from
capture-pane), line for line, with the cursor at column CURSOR_X of the
query line: the links written over the frame change no cell, and the
cursor stands where the query's characters end."""
import sys

import pyte


def main():
    out, cols, rows, capture, cursor_x = sys.argv[1:6]
    screen = pyte.Screen(int(cols), int(rows))
    stream = pyte.ByteStream(screen)
    with open(out, "rb") as f:
        data = f.read()
    # script(1) writes a header line and, at the end, a trailer: neither
    # went to the terminal.
    if data.startswith(b"Script started"):
        data = data.split(b"\n", 1)[1]
    stream.feed(data)
    shown = [line.rstrip() for line in screen.display]
    with open(capture, encoding="utf-8") as f:
        wanted = [line.rstrip() for line in f.read().split("\n")][: int(rows)]
    wanted += [""] * (int(rows) - len(wanted))
    for y, (got, want) in enumerate(zip(shown, wanted)):
        if got != want:
            print(f"  line {y + 1}: pyte shows {got!r}", file=sys.stderr)
            print(f"  line {y + 1}: tmux shows {want!r}", file=sys.stderr)
            return 1
    if screen.cursor.y != 0 or screen.cursor.x != int(cursor_x):
        print(f"  cursor at {screen.cursor.y},{screen.cursor.x}, wanted 0,{cursor_x}",
              file=sys.stderr)
        return 1
    return 0


sys.exit(main())
