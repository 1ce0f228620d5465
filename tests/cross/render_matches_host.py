#!/usr/bin/env python3
"""The target's `annae render` against this machine's, page for page.

    render_matches_host.py --target ANNAE --host ANNAE --show DIR --work DIR

Renders every page of the show (the default show holds both example events)
at landscape, portrait and 4:3 sizes with both binaries, with the scene JSON.
The laid-out scenes must be the same, byte for byte: every line break, glyph
position, size and colour. The pixels must be the same too, but for one thing
that is SDL's, not ours: SDL 2.26 blends an un-tinted (pure white) image with
per-pixel alpha with an x86-only SIMD blitter (SDL_blit_A.c) on x86 and with portable C elsewhere, and
the two round differently, by one step of 255 per blend
(tests/cross/sdl_blend_probe.c shows it). White antialiased text over a coloured panel (the
agenda's "now" row) takes that path, so a pixel may differ by up to
PIXEL_TOLERANCE in a channel; more than that, a page missing or a size wrong
fails. The target binary runs through ANNAE_TEST_EMULATOR (set by ctest in a
cross-build). On a difference it says which pages, how many pixels and by how
much, and where the scenes first differ.
"""
import argparse
import os
import shlex
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "box"))
from boxlib import read_png  # noqa: E402  (the PNG decoder the box tests use)

SIZES = ["1920x1080", "1080x1920", "1024x768"]
PIXEL_TOLERANCE = 2  # two blends of one rounding step each (text over a blended panel edge)
AT = "2020-09-25T14:20"  # the seminar's day: the agenda has a "now" and a "next"


def render(command, show, size, out_dir):
    shutil.rmtree(out_dir, ignore_errors=True)
    os.makedirs(out_dir)
    scene = os.path.join(out_dir, "scene.json")
    args = command + ["render", show, "--slide", "all", "--size", size, "--at", AT, "--out", out_dir + "/",
                      "--scene", scene]
    started = time.monotonic()
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"FAIL: {shlex.join(args)} exited {result.returncode}:\n{result.stderr}")
    return time.monotonic() - started


def first_difference(a, b):
    for number, (line_a, line_b) in enumerate(zip(a.splitlines(), b.splitlines()), 1):
        if line_a != line_b:
            return f"line {number}: host {line_a.strip()[:120]!r}, target {line_b.strip()[:120]!r}"
    return "one is longer"


def compare(host_dir, target_dir, size):
    problems, rounding = [], []
    host_pages = sorted(f for f in os.listdir(host_dir) if f.endswith(".png"))
    target_pages = sorted(f for f in os.listdir(target_dir) if f.endswith(".png"))
    if host_pages != target_pages:
        problems.append(f"{size}: different pages: host {host_pages}, target {target_pages}")
    if not host_pages:
        problems.append(f"{size}: the host rendered no page")
    for page in sorted(set(host_pages) & set(target_pages)):
        with open(os.path.join(host_dir, page), "rb") as f:
            host_bytes = f.read()
        with open(os.path.join(target_dir, page), "rb") as f:
            target_bytes = f.read()
        if host_bytes == target_bytes:
            continue
        host, target = read_png(os.path.join(host_dir, page)), read_png(os.path.join(target_dir, page))
        if (host.width, host.height) != (target.width, target.height):
            problems.append(f"{size} {page}: host {host.width}x{host.height}, target {target.width}x{target.height}")
            continue
        differing = host.differing_pixels(target)
        if differing:
            worst = max(abs(x - y) for x, y in zip(host.rgb, target.rgb))
            report = f"{size} {page}: {differing} pixels differ (largest channel difference {worst})"
            (rounding if worst <= PIXEL_TOLERANCE else problems).append(report)
    with open(os.path.join(host_dir, "scene.json")) as f:
        host_scene = f.read()
    with open(os.path.join(target_dir, "scene.json")) as f:
        target_scene = f.read()
    if host_scene != target_scene:
        problems.append(f"{size}: the laid-out scenes differ, first at {first_difference(host_scene, target_scene)}")
    return len(host_pages), problems, rounding


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--target", required=True, help="annae built for the target")
    parser.add_argument("--host", default="", help="annae built for this machine")
    parser.add_argument("--show", required=True)
    parser.add_argument("--work", required=True)
    args = parser.parse_args()
    if not args.host or not os.access(args.host, os.X_OK):
        sys.exit("FAIL: no native annae to compare with (ANNAE_HOST_ANNAE is "
                 f"'{args.host}'): build this machine's annae (cmake --build build --target annae) and "
                 "configure the cross-build with -DANNAE_HOST_ANNAE=$PWD/build/src/app/annae; "
                 "deploy/cross-arm64.sh does both")
    target_command = shlex.split(os.environ.get("ANNAE_TEST_EMULATOR", "")) + [args.target]
    all_problems, pages = [], 0
    for size in SIZES:
        host_dir, target_dir = (os.path.join(args.work, f"{who}-{size}") for who in ("host", "target"))
        host_s = render([args.host], args.show, size, host_dir)
        target_s = render(target_command, args.show, size, target_dir)
        count, problems, rounding = compare(host_dir, target_dir, size)
        pages += count
        all_problems += problems
        print(f"{size}: {count} pages, {count - len(problems) - len(rounding)} identical, "
              f"{len(rounding)} within SDL's rounding, {len(problems)} different "
              f"(host {host_s:.1f} s, target {target_s:.1f} s)")
        for report in rounding:
            print(f"  rounding only: {report}")
    for problem in all_problems:
        print(f"FAIL: {problem}")
    if all_problems:
        sys.exit(1)
    print(f"PASS: {pages} pages at {len(SIZES)} sizes: the same scenes on both, "
          f"and the same pixels but for SDL's blend rounding (at most {PIXEL_TOLERANCE} in a channel)")


if __name__ == "__main__":
    main()
