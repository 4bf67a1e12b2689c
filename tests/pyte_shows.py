"""pyte_shows.py OUT COLS ROWS TEXT: whether the bytes recorded by
script(1) in OUT, fed to pyte, leave TEXT on the screen. pyte keeps the
character sets (tmux's capture-pane gives the letters whatever set drew
them), and here, as xterm, saves and restores them with the alternate
screen: text drawn while a program's line drawing set was left selected
shows as lines."""
import sys

import pyte


def main():
    out, cols, rows, text = sys.argv[1:5]
    screen = pyte.Screen(int(cols), int(rows))
    with open(out, "rb") as f:
        data = f.read()
    if data.startswith(b"Script started"):
        data = data.split(b"\n", 1)[1]
    # xterm's alternate screen (1049) saves the cursor as DECSC does, with
    # its character sets, on the way in, and restores it on the way out;
    # pyte has no alternate screen, and would forget both.
    data = data.replace(b"\x1b[?1049h", b"\x1b7\x1b[?1049h")
    data = data.replace(b"\x1b[?1049l", b"\x1b[?1049l\x1b8")
    # In UTF-8, pyte ignores the character sets, as the Linux console
    # does; xterm, VTE and tmux keep them. So it is given text, decoded
    # here, and told that it is not UTF-8.
    stream = pyte.Stream(screen)
    stream.use_utf8 = False
    stream.feed(data.decode("utf-8", "replace"))
    if any(text in line for line in screen.display):
        return 0
    print(f"  pyte does not show {text!r}:", file=sys.stderr)
    for line in screen.display:
        print(f"  | {line.rstrip()}", file=sys.stderr)
    return 1


sys.exit(main())
