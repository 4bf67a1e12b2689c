#!/usr/bin/env python3
"""floor.py: the bytes each move costs against its cell-diff floor.

  floor.py [--cols 100 --rows 30] --sweep 'NAME:KEY KEY ...' ... -- CMD...

Runs CMD in a pseudo-terminal, keeps what it shows in pyte (a terminal
emulator), and types each sweep's keys one by one, with a quiet time after
each. For every key it compares the bytes the program wrote with the floor:
the shortest sequence this script can build that takes the screen from the
frame before to the frame after (cursor moves, attribute changes and
characters, only the cells that changed, short unchanged gaps rewritten
when that is cheaper than a jump). The floor is not trusted until it has
been replayed in a second emulator and shown to produce the same screen.

Prints, per sweep, the mean and the worst ratio of bytes to floor."""
import argparse
import collections
import copy
import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time

import pyte
from pyte.graphics import FG_ANSI, BG_ANSI, FG_BG_256

# A cell, with the link (OSC 8) it was written under: a link is part of
# what the screen shows, and rewriting a cell is the only way to change it.
Cell = collections.namedtuple("Cell", pyte.screens.Char._fields + ("link",))


class Screen(pyte.Screen):
    """pyte's screen, with what ncurses also sends to an xterm: scrolling
    by SU and SD within the margins, REP (repeat the last character), and
    links: each cell keeps the link it was written under (feed() reads
    OSC 8; an SGR reset does not end a link, so it is kept apart)."""
    last = " "
    link = None

    @property
    def default_char(self):
        return Cell(" ", "default", "default", False, False, False, False,
                    pyte.modes.DECSCNM in self.mode, None)

    def draw(self, data):
        self.cursor.attrs = self.cursor.attrs._replace(link=self.link)
        super().draw(data)
        self.cursor.attrs = self.cursor.attrs._replace(link=None)
        if data:
            self.last = data[-1]

    def scroll_lines(self, count, up):
        top, bottom = self.margins or pyte.screens.Margins(0, self.lines - 1)
        y, x = self.cursor.y, self.cursor.x
        for _ in range(count or 1):
            self.cursor.y = bottom if up else top
            self.index() if up else self.reverse_index()
        self.cursor.y, self.cursor.x = y, x

    def scroll_up(self, count=None, *_):
        self.scroll_lines(count, True)

    def scroll_down(self, count=None, *_):
        self.scroll_lines(count, False)

    def repeat_last(self, count=None, *_):
        self.draw(self.last * (count or 1))


class Stream(pyte.ByteStream):
    csi = dict(pyte.ByteStream.csi, S="scroll_up", T="scroll_down",
               b="repeat_last")


OSC8 = re.compile(rb"\x1b\]8;[^;\x07\x1b]*;([^\x07\x1b]*)(?:\x1b\\|\x07)")


def feed(stream, data):
    """Feeds data to a Stream over a Screen, links included."""
    pos = 0
    for m in OSC8.finditer(data):
        stream.feed(data[pos:m.start()])
        stream.listener.link = m.group(1).decode() or None
        pos = m.end()
    stream.feed(data[pos:])


KEYS = {"UP": b"\x1b[A", "DOWN": b"\x1b[B", "PGUP": b"\x1b[5~",
        "PGDN": b"\x1b[6~", "HOME": b"\x1b[H", "END": b"\x1b[F",
        "ESC": b"\x1b", "TAB": b"\t", "BS": b"\x7f", "C-u": b"\x15"}
FG_CODE = {name: code for code, name in FG_ANSI.items()}
BG_CODE = {name: code for code, name in BG_ANSI.items()}
PALETTE = {value: n for n, value in enumerate(FG_BG_256)}


def sgr(cell):
    """The SGR that sets a cell's attributes from nothing."""
    params = ["0"]
    for flag, code in (("bold", "1"), ("italics", "3"), ("underscore", "4"),
                       ("blink", "5"), ("reverse", "7"),
                       ("strikethrough", "9")):
        if getattr(cell, flag, False):
            params.append(code)
    for value, codes, extended in ((cell.fg, FG_CODE, "38"),
                                   (cell.bg, BG_CODE, "48")):
        if value == "default":
            continue
        if value in codes:
            params.append(str(codes[value]))
        elif value in PALETTE:
            params.append(f"{extended};5;{PALETTE[value]}")
        else:
            r, g, b = (int(value[i:i + 2], 16) for i in (0, 2, 4))
            params.append(f"{extended};2;{r};{g};{b}")
    return "\x1b[" + ";".join(params) + "m" if len(params) > 1 else "\x1b[m"


def style(cell):
    return (cell.fg, cell.bg, cell.bold, cell.italics, cell.underscore,
            getattr(cell, "blink", False), cell.reverse, cell.strikethrough,
            cell.link)


def link_change(was, now):
    """The OSC 8 that ends the link was and starts now (None: no link)."""
    if was == now:
        return ""
    return f"\x1b]8;;{now}\x1b\\" if now else "\x1b]8;;\x1b\\"


def snapshot(screen):
    rows = [[screen.buffer[y][x] for x in range(screen.columns)]
            for y in range(screen.lines)]
    return rows, (screen.cursor.y, screen.cursor.x)


def move_to(y, x, cur):
    """The shortest move of the cursor from cur (None: unknown) to (y, x)."""
    if cur == (y, x):
        return ""
    options = [f"\x1b[{y + 1};{x + 1}H"]
    if cur and cur[0] == y:
        d = x - cur[1]
        options.append(f"\x1b[{d}C" if d > 1 else "\x1b[C" if d == 1 else
                       "\x1b[D" if d == -1 else f"\x1b[{-d}D")
    if cur and x == 0:
        options.append("\r" + ("\n" * (y - cur[0]) if 0 <= y - cur[0] <= 3 else
                               f"\x1b[{y - cur[0]}B" if y > cur[0] else
                               f"\x1b[{cur[0] - y}A"))
    if x == 0:
        options.append(f"\x1b[{y + 1}H")
    return min(options, key=len)


FLAGS = (("bold", "1", "22"), ("italics", "3", "23"), ("underscore", "4", "24"),
         ("blink", "5", "25"), ("reverse", "7", "27"), ("strikethrough", "9", "29"))


def pen_change(pen, cell):
    """The shortest SGR (and OSC 8) from the attributes pen (None: unknown,
    no link) to a cell's."""
    link = link_change(pen[-1] if pen else None, cell.link)
    return link + sgr_change(pen, cell)


def sgr_change(pen, cell):
    full = sgr(cell)
    if pen is None:
        return full
    want = style(cell)
    if pen[:-1] == want[:-1]:
        return ""
    params = []
    for i, (_, on, off) in enumerate(FLAGS):
        if pen[2 + i] != want[2 + i]:
            # bold's off (22) also ends faint; fine, faint is never drawn.
            params.append(on if want[2 + i] else off)
    for i, (codes, extended, default) in ((0, (FG_CODE, "38", "39")),
                                          (1, (BG_CODE, "48", "49"))):
        if pen[i] != want[i]:
            value = want[i]
            if value == "default":
                params.append(default)
            elif value in codes:
                params.append(str(codes[value]))
            elif value in PALETTE:
                params.append(f"{extended};5;{PALETTE[value]}")
            else:
                params.append(f"{extended};2;" + ";".join(
                    str(int(value[j:j + 2], 16)) for j in (0, 2, 4)))
    step = "\x1b[" + ";".join(params) + "m"
    return min(step, full, key=len)


def erasable(cell):
    """A blank that erasing (EL) makes on every terminal: only a colour."""
    return cell.data == " " and not (cell.reverse or cell.underscore or
                                     cell.strikethrough or cell.bold or
                                     cell.link)


def fix_row(y, was, now, cur, pen):
    """The bytes that turn the row was into now; returns them with the
    cursor and the pen after them."""
    cols = len(now)
    changed = [x for x in range(cols)
               if was[x].data != now[x].data or style(was[x]) != style(now[x])]
    if not changed:
        return "", cur, pen
    cells = set()
    for x in changed:
        # A change that touches half of a wide character rewrites all of it.
        cells.add(x)
        if now[x].data == "" and x > 0:
            cells.add(x - 1)
        if x + 1 < cols and now[x + 1].data == "":
            cells.add(x + 1)
    xs = sorted(cells)
    # A changed tail of blanks of one colour is erased, not written.
    tail = cols
    while tail > 0 and erasable(now[tail - 1]) and style(now[tail - 1]) == style(now[cols - 1]):
        tail -= 1
    erase_from = None
    if tail < cols and any(x >= tail for x in xs) and cols - tail > 3:
        erase_from = tail
        xs = [x for x in xs if x < tail]
    out = []
    spans = []
    if xs:
        start = end = xs[0]
        for x in xs[1:]:
            gap = "".join(c.data for c in now[end + 1:x])
            same_style = all(style(c) == style(now[end]) for c in now[end + 1:x])
            if same_style and len(gap.encode()) <= len(f"\x1b[{x - end}C"):
                end = x
            else:
                spans.append((start, end))
                start = end = x
        spans.append((start, end))
    for start, end in spans:
        out.append(move_to(y, start, cur))
        for x in range(start, end + 1):
            c = now[x]
            out.append(pen_change(pen, c))
            pen = style(c)
            out.append(c.data)
        cur = (y, end + 1) if end + 1 < cols else None
    if erase_from is not None:
        out.append(move_to(y, erase_from, cur))
        out.append(pen_change(pen, now[erase_from]))
        pen = style(now[erase_from])
        out.append("\x1b[K")
        cur = (y, erase_from)
    return "".join(out), cur, pen


BLANK = None  # a row that scrolling brought in: default blanks


def shifted(old, blank, region, n):
    """The rows after scrolling region (top, bottom) by n (> 0: up)."""
    rows = list(old)
    if region:
        top, bottom = region
        if n > 0:
            rows[top:bottom + 1] = old[top + n:bottom + 1] + [blank] * n
        else:
            rows[top:bottom + 1] = [blank] * -n + old[top:bottom + 1 + n]
    return rows


def scroll_op(region, n, lines):
    """The bytes that scroll region by n lines (> 0: up), pen at default."""
    if not region:
        return ""
    top, bottom = region
    # Lines deleted and inserted so that the rows below the region end
    # where they were (inserting first would push them off the screen),
    # or a scroll region set around it.
    k = abs(n)
    delete_at, insert_at = (top, bottom - k + 1) if n > 0 else (bottom - k + 1, top)
    if bottom == lines - 1 and n > 0:
        pair = f"\x1b[{top + 1}H\x1b[{k}M"
    elif bottom == lines - 1:
        pair = f"\x1b[{top + 1}H\x1b[{k}L"
    else:
        pair = f"\x1b[{delete_at + 1}H\x1b[{k}M\x1b[{insert_at + 1}H\x1b[{k}L"
    margins = (f"\x1b[{top + 1};{bottom + 1}r\x1b[{top + 1}H"
               f"\x1b[{abs(n)}{'M' if n > 0 else 'L'}\x1b[r")
    return min(pair, margins, key=len)


def floor_sequence(before, after, blank):
    """Bytes that take the screen from before to after: the cheapest of
    rewriting the changed cells, with or without one scroll first."""
    (old, cur0), (new, cursor) = before, after
    lines = len(new)
    cost = {}

    def row_cost(y, src):
        key = (y, src)
        if key not in cost:
            was = blank if src is BLANK else old[src]
            cost[key] = len(fix_row(y, was, new[y], None, None)[0].encode())
        return cost[key]

    def prefix(values):
        sums = [0]
        for v in values:
            sums.append(sums[-1] + v)
        return sums

    stay = prefix(row_cost(y, y) for y in range(lines))
    fresh = prefix(row_cost(y, BLANK) for y in range(lines))
    best = (stay[lines], None, 0)
    for n in range(1, lines):
        for sign in (1, -1):
            # Row y filled from old row y + sign*n (0 where there is none).
            moved = prefix(row_cost(y, y + sign * n) if 0 <= y + sign * n < lines
                           else 0 for y in range(lines))
            for top in range(lines):
                for bottom in range(top + n, lines):
                    if sign > 0:
                        body = (moved[bottom - n + 1] - moved[top] +
                                fresh[bottom + 1] - fresh[bottom - n + 1])
                    else:
                        body = (fresh[top + n] - fresh[top] +
                                moved[bottom + 1] - moved[top + n])
                    total = (stay[lines] - (stay[bottom + 1] - stay[top]) + body +
                             len(scroll_op((top, bottom), sign * n, lines)) + 3)
                    if total < best[0]:
                        best = (total, (top, bottom), sign * n)
    _, region, n = best
    out, cur, pen = [], cur0, None
    rows = old
    if region:
        out.append("\x1b[m" + scroll_op(region, n, lines))
        rows = [blank if r is BLANK else r
                for r in shifted(old, BLANK, region, n)]
        pen, cur = style(blank[0]), None
    for y in range(lines):
        step, cur, pen = fix_row(y, rows[y], new[y], cur, pen)
        out.append(step)
    out.append(move_to(*cursor, cur))
    out.append(link_change(pen[-1] if pen else None, None))
    return "".join(out).encode()


def unlinked(frame):
    """The frame as it would be without links."""
    rows, cursor = frame
    return [[c._replace(link=None) for c in row] for row in rows], cursor


def same_screen(a, b):
    (ra, ca), (rb, cb) = a, b
    if ca != cb:
        return False
    return all(x.data == y.data and style(x) == style(y)
               for row_a, row_b in zip(ra, rb) for x, y in zip(row_a, row_b))


def verified_floor(screen, before, after):
    """The floor's bytes, after replaying them over a copy of before."""
    blank = [screen.default_char] * screen.columns
    seq = floor_sequence(before, after, blank)
    replay = copy.deepcopy(screen)
    # The copy holds the frame after; put the one before back, then replay.
    rows, (cy, cx) = before
    for y, row in enumerate(rows):
        for x, cell in enumerate(row):
            replay.buffer[y][x] = cell
    replay.cursor.x, replay.cursor.y = cx, cy
    replay.cursor.attrs = replay.default_char
    replay.link = None
    feed(Stream(replay), seq)
    if not same_screen(snapshot(replay), after):
        got, _ = snapshot(replay)
        for y, (a, b) in enumerate(zip(got, after[0])):
            if any(x.data != z.data or style(x) != style(z) for x, z in zip(a, b)):
                print(f"row {y}:", "".join(c.data for c in a), "\n want:",
                      "".join(c.data for c in b), file=sys.stderr)
                print([(i, style(x), style(z)) for i, (x, z) in enumerate(zip(a, b))
                       if x.data != z.data or style(x) != style(z)][:3], file=sys.stderr)
        print(repr(seq), file=sys.stderr)
        sys.exit("floor.py: the floor sequence does not reproduce the frame")
    return len(seq)


class Terminal:
    def __init__(self, cmd, cols, rows, quiet):
        self.quiet = quiet
        self.screen = Screen(cols, rows)
        self.stream = Stream(self.screen)
        pid, fd = pty.fork()
        if pid == 0:
            for k in ("COLUMNS", "LINES", "TMUX", "ESCDELAY"):
                os.environ.pop(k, None)
            os.environ.update(TERM="xterm-256color", LANG="C.UTF-8",
                              LC_ALL="C.UTF-8")
            os.execvp(cmd[0], cmd)
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        os.kill(pid, signal.SIGWINCH)
        self.pid, self.fd = pid, fd

    def burst(self, quiet):
        data, deadline = b"", time.monotonic() + 5
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.fd], [], [], quiet)
            if not ready:
                break
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            data += chunk
        feed(self.stream, data)
        return data

    def stop(self):
        os.kill(self.pid, signal.SIGTERM)
        os.waitpid(self.pid, 0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cols", type=int, default=100)
    ap.add_argument("--rows", type=int, default=30)
    ap.add_argument("--quiet-ms", type=float, default=40)
    ap.add_argument("--sweep", action="append", required=True)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--dump", action="store_true")
    ap.add_argument("cmd", nargs="+")
    args = ap.parse_args()
    # Startup waits long enough for anything sent after a pause (links).
    term = Terminal(args.cmd, args.cols, args.rows, args.quiet_ms / 1000)
    term.burst(0.4)
    worst_all, failed = 0.0, False
    for sweep in args.sweep:
        name, keys = sweep.split(":", 1)
        # Keys follow each other as fast as the output allows (as when a
        # key is held down); the floors are computed afterwards.
        term.burst(0.4)
        frames = []
        for key in keys.split():
            before = snapshot(term.screen)
            os.write(term.fd, KEYS.get(key, key.encode()))
            sent = term.burst(args.quiet_ms / 1000)
            frames.append((key, before, sent, snapshot(term.screen)))
        ratios, sent_total, floor_total, plain_total = [], 0, 0, 0
        for key, before, sent, after in frames:
            floor = verified_floor(term.screen, before, after)
            if floor == 0:
                continue  # nothing changed (the end of the list)
            # What the move would cost at least if the screen had no links.
            plain = verified_floor(term.screen, unlinked(before), unlinked(after))
            ratios.append(len(sent) / floor)
            sent_total += len(sent)
            floor_total += floor
            plain_total += plain
            if args.dump:
                print(repr(sent), "\n", repr(floor_sequence(before, after, [term.screen.default_char] * term.screen.columns)))
            if args.verbose:
                print(f"    {key:5} {len(sent):5} B  floor {floor:5} B  {len(sent) / floor:5.2f}x"
                      f"  (without links {plain} B)")
        if not ratios:
            print(f"  {name:28} no move changed the screen")
            failed = True
            continue
        mean, worst = sum(ratios) / len(ratios), max(ratios)
        worst_all = max(worst_all, worst)
        links = (f"  links {(floor_total - plain_total) / len(ratios):4.0f} B"
                 f" (bytes / floor without them {sent_total / plain_total:4.2f}x)"
                 if floor_total != plain_total else "")
        print(f"  {name:28} {len(ratios):3} moves  {sent_total / len(ratios):6.0f} B"
              f"  floor {floor_total / len(ratios):6.0f} B  mean {mean:4.2f}x"
              f"  worst {worst:4.2f}x  {'met' if mean <= 1.15 and worst <= 1.3 else 'NOT MET'}{links}")
    term.stop()
    return 1 if failed else 0


sys.exit(main())
