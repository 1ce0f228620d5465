#!/usr/bin/env python3
"""Every slide of both example shows, at five screen sizes, read from the
scene JSON that `annae render --scene` writes: the signage rules of the
type scale and of composing to fill (README, "How slides are composed").

Usage: scene_rules_test.py ANNAE SOURCE_DIR WORK_DIR
"""
import json
import os
import re
import shlex
import subprocess
import sys

SIZES = [(1920, 1080), (1080, 1920), (1280, 720), (1024, 768), (3840, 2160)]
# The bars at a 1080-pixel short side, as a visitor at 3-5 m needs them; they
# scale with the short side. Independent of src/slides/type_scale.hpp on purpose.
MINIMUM_PX = {"display": 120, "title": 72, "heading": 52, "body": 44, "secondary": 34, "caption": 34}
CLOCK_MINIMUM_PX = 40
MAX_EMPTY = 0.20            # of the content area's height, below the content
CENTRED_KINDS = ("cover", "quote")  # compositions centred on purpose: short by nature


def render(annae, source, work, w, h):
    out = os.path.join(work, f"{w}x{h}")
    scene = out + ".json"
    # In a cross-build the target's annae runs under the emulator ctest names.
    emulator = shlex.split(os.environ.get("ANNAE_TEST_EMULATOR", ""))
    run = subprocess.run(emulator + [annae, "render", os.path.join(source, "content"), "--slide", "all", "--size", f"{w}x{h}",
                          "--at", "2020-09-25T14:20", "--out", out, "--scene", scene],
                         capture_output=True, text=True, timeout=300)
    if run.returncode != 0 or run.stderr.strip():
        raise SystemExit(f"annae render at {w}x{h} failed or warned:\n{run.stderr}")
    with open(scene, encoding="utf-8") as f:
        return json.load(f)


def kind_of(source, slide_id):
    with open(os.path.join(source, "content", slide_id + ".toml"), encoding="utf-8") as f:
        m = re.search(r'^kind\s*=\s*"(\w+)"', f.read(), re.M)
    return m.group(1)


def paragraphs(text):
    """The lines and line widths of each paragraph of a text block."""
    out = {}
    for line, width, k in zip(text["lines"], text["line_widths_px"], text["paragraph_of_line"]):
        out.setdefault(k, ([], []))
        out[k][0].append(line)
        out[k][1].append(width)
    return list(out.values())


def improvable(lines, widths):
    """Whether moving one 어절 across a break would make the lines more even
    without making any line longer than the longest (widths estimated per
    character from the line it leaves)."""
    for i in range(len(lines) - 1):
        for src, dst, word in ((i, i + 1, lines[i].rsplit(" ", 1)[-1]), (i + 1, i, lines[i + 1].split(" ", 1)[0])):
            if word == lines[src]:
                continue  # a line of one 어절 cannot give it away
            moved = widths[src] * (len(word) + 1) / len(lines[src])
            new = list(widths)
            new[src] -= moved
            new[dst] += moved
            if max(new) <= max(widths) and max(new) - min(new) < (max(widths) - min(widths)) * 0.7:
                return True
    return False


def inside(rect, area, slack=0.5):
    x, y, w, h = rect
    ax, ay, aw, ah = area
    return x >= ax - slack and y >= ay - slack and x + w <= ax + aw + slack and y + h <= ay + ah + slack


def check_page(page, kind, k, failures):
    where = f'{page["size"][0]}x{page["size"][1]} {page["slide"]} page {page["page"]}'
    fail = lambda what: failures.append(f"{where}: {what}")
    ca = page["content_area"]
    content_bottom = ca[1] + ca[3]
    for t in page["texts"]:
        minimum = round(MINIMUM_PX[t["role"]] * k)
        if t["size_px"] < minimum:
            fail(f'{t["role"]} text {t["lines"][:1]} is {t["size_px"]} px, under its minimum {minimum} px')
        if re.fullmatch(r"\d{1,2}:\d\d", "".join(t["lines"])) and t["rect"][1] >= content_bottom:
            if t["size_px"] < round(CLOCK_MINIMUM_PX * k):
                fail(f'the footer clock is {t["size_px"]} px, under {round(CLOCK_MINIMUM_PX * k)} px')
        if not inside(t["rect"], page["safe_area"]):
            fail(f'text {t["lines"][:1]} at {t["rect"]} is outside the safe area {page["safe_area"]}')
        for lines, widths in paragraphs(t):
            if t["role"] in ("body", "secondary") and len(lines) >= 2 and " " not in lines[-1].strip():
                fail(f"a paragraph ends on a single 어절: {lines[-2]!r} / {lines[-1]!r}")
            # Titles and headings are balanced (a quote set large is a paragraph: more lines).
            if t["role"] in ("display", "title", "heading") and 2 <= len(lines) <= 3 and improvable(lines, widths):
                fail(f"an unbalanced title: {lines} (widths {widths})")
    for s in page["shapes"]:
        if not inside(s["rect"], page["safe_area"]):
            fail(f'a {s["kind"]} at {s["rect"]} is outside the safe area')
    # Fill: how much of the content area's height is left below the content.
    content = [t["rect"] for t in page["texts"] if t["rect"][1] < content_bottom]
    content += [s["rect"] for s in page["shapes"] if s["rect"][1] < content_bottom and s["rect"][3] > 0.02 * k * 1080]
    bottom = max(r[1] + r[3] for r in content)
    empty = 1 - (bottom - ca[1]) / ca[3]
    if kind not in CENTRED_KINDS and empty > MAX_EMPTY:
        fail(f"{empty:.0%} of the content area is empty below the content (at most {MAX_EMPTY:.0%})")
    if kind in CENTRED_KINDS:  # centred: the space above and below match within a tenth of the area
        top = min(r[1] for r in content)
        above, below = top - ca[1], ca[1] + ca[3] - bottom
        if abs(above - below) > 0.1 * ca[3] + 0.3 * max(above, below):
            fail(f"a centred composition sits off centre ({above:.0f} px above, {below:.0f} px below)")


def main():
    annae, source, work = sys.argv[1:4]
    os.makedirs(work, exist_ok=True)
    failures = []
    pages_checked = 0
    for w, h in SIZES:
        k = min(w, h) / 1080
        for page in render(annae, source, work, w, h):
            check_page(page, kind_of(source, page["slide"]), k, failures)
            pages_checked += 1
    for f in failures:
        print("FAIL", f)
    print(f"{pages_checked} pages at {len(SIZES)} sizes, {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
