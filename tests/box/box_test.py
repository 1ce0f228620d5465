#!/usr/bin/env python3
"""The lobby box on a real kernel: scenarios a visitor, a member of staff and
a technician would notice, each on its own virtual machine (boxlib.Box).

  box_test.py --image DIR --annae HOST_ANNAE --work DIR SCENARIO

The image (build_image.sh) holds Debian 12 minbase, a kernel, systemd, udev
and the .deb installed with apt-get; HOST_ANNAE is the same build's binary,
used for `annae render` of what the box should show. Times are emulated
(QEMU TCG): deadlines are generous, and nothing here is a benchmark
(tests/bench/box_bench.py is).
"""

import argparse
import datetime
import os
import re
import sys
import time
import zoneinfo

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from boxlib import Box, BoxError, copy_tree_from_box, log, make_stick, render_on_host  # noqa: E402

SHOW_TZ = zoneinfo.ZoneInfo("Asia/Seoul")  # both example shows' time_zone
CONTENT = "/var/lib/annae/content"


class Failure(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Failure(message)


# ---- helpers over a running box ---------------------------------------------------


def player_pid(box):
    return int(box.out("systemctl show -p MainPID --value annae"))


def annae_journal(box, priority="warning"):
    """The player's journal lines of this boot at `priority` or worse."""
    return box.out(f"journalctl -b -u annae -p {priority} -o cat --no-pager")


def wait_slide(box, slide_id, after, timeout_s=120):
    """Waits until the player says `slide_id` is on screen (debug log)."""
    box.wait_console(r"annae\[\d+\]: annae: debug: on screen: " + re.escape(slide_id), timeout_s, after)


# The default show's slides, in playing order.
DEFAULT_SHOW = [
    "forum-2023/010-cover", "forum-2023/020-overview", "forum-2023/030-strategies",
    "forum-2023/040-strategy-notes-1", "forum-2023/050-strategy-notes-2", "forum-2023/060-quote",
    "forum-2023/070-contacts", "seminar-2020/010-cover", "seminar-2020/020-talks-1",
    "seminar-2020/030-talks-2", "seminar-2020/040-agenda", "seminar-2020/050-quote",
    "seminar-2020/060-contacts",
]


def following(slide_id):
    return DEFAULT_SHOW[(DEFAULT_SHOW.index(slide_id) + 1) % len(DEFAULT_SHOW)]


def next_slide_change(box, after, timeout_s):
    """The slide the player puts on screen next (after console position `after`)."""
    m = box.wait_console(r"annae\[\d+\]: annae: debug: on screen: (\S+) page", timeout_s, after)
    return m.group(1)


def wait_transition_done(box, timeout_s=30):
    """Two equal screen dumps in a row: no transition frame in between."""
    deadline = time.monotonic() + timeout_s
    previous = box.screen()
    while time.monotonic() < deadline:
        current = box.screen()
        if current.rgb == previous.rgb:
            return current
        previous = current
    raise Failure("the screen did not settle within %d s" % timeout_s)


def guest_now(box):
    return datetime.datetime.fromtimestamp(float(box.out("date +%s.%N")), tz=datetime.timezone.utc)


def expected_screen(box, args, slide=None, show_dir=None, width=None, height=None):
    """`annae render` on the host of the box's live show, at the box's clock."""
    if show_dir is None:
        show_dir = os.path.join(args.work, "live-show")
        copy_tree_from_box(box, CONTENT, show_dir)
    at = guest_now(box).astimezone(SHOW_TZ).strftime("%Y-%m-%dT%H:%M")
    return render_on_host(args.annae, show_dir, width or box.width, height or box.height, at,
                          os.path.join(args.work, "expected.png"), slide), at


def screen_equals_render(box, args, slide, width=None, height=None, rotate=0):
    """The screen shows exactly `slide` as `annae render` draws it (retried
    across a minute boundary, when the clock in the footer changes)."""
    show_dir = os.path.join(args.work, "live-show")
    copy_tree_from_box(box, CONTENT, show_dir)
    for attempt in range(3):
        before = guest_now(box).astimezone(SHOW_TZ).strftime("%H:%M")
        shot = box.screen()
        want, at = expected_screen(box, args, slide, show_dir, width, height)
        if at[-5:] != before:
            continue  # the minute turned between the dump and the render
        if rotate == 90:
            want = want.rotated_clockwise()
        bad = shot.differing_pixels(want)
        if bad == 0:
            return shot
        shot.save_ppm(os.path.join(args.work, "screen-differs.ppm"))
        want.save_ppm(os.path.join(args.work, "expected.ppm"))
        raise Failure(f"the screen differs from `annae render --slide {slide} --at {at}` in {bad} pixels "
                      f"(saved: {args.work}/screen-differs.ppm, expected.ppm)")
    raise Failure("the clock kept turning over")


def assert_no_black_frames(box, seconds, what):
    """Screen dumps for `seconds`: none may be black (the slide show never goes dark)."""
    started = time.monotonic()
    timeline = []  # (seconds, mean brightness) at each change
    while time.monotonic() < started + seconds:
        shot = box.screen()
        luma = round(shot.mean_luma(), 1)
        if not timeline or timeline[-1][1] != luma:
            timeline.append((round(time.monotonic() - started, 2), luma))
        if shot.is_black():
            shot.save_ppm(os.path.join(box.work_dir, "black.ppm"))
            raise Failure(f"a black screen {what}, {timeline[-1][0]} s after it; brightness over time: {timeline}")
    return timeline


# ---- scenarios --------------------------------------------------------------------


def power_on(box, args):
    """Power on → the show's first slide, drawn exactly as `annae render` draws it."""
    box.power_on()
    box.wait_console(r"annae: first frame on screen", 240)
    expect(box.out("systemctl is-active annae") == "active", "annae.service is not active")
    restarts = box.out("systemctl show -p NRestarts --value annae")
    expect(restarts == "0", f"the player needed {restarts} restarts to start:\n{annae_journal(box, 'info')}")
    screen_equals_render(box, args, "forum-2023/010-cover")
    log("first slide on screen, pixel-equal to annae render")
    problems = annae_journal(box, "warning")
    expect(problems == "", f"warnings or errors in the player's journal:\n{problems}")


def late_gpu(box, args):
    """The graphics driver comes up after the player starts (real hardware
    order): the player waits for /dev/dri/card0 instead of failing."""
    # The kernel does not load virtio_gpu by itself in this boot; it is loaded
    # by hand once the player has said what it waits for.
    box.power_on(extra_cmdline="modprobe.blacklist=virtio_gpu")
    box.wait_console(r"waiting for the graphics device", 240)
    box.sh("modprobe virtio_gpu")
    box.wait_console(r"annae: first frame on screen", 120)
    restarts = box.out("systemctl show -p NRestarts --value annae")
    expect(restarts == "0", f"the player failed {restarts} times before the GPU came:\n{annae_journal(box, 'info')}")
    screen_equals_render(box, args, "forum-2023/010-cover")


def multitouch(box, args):
    """A finger on a multitouch screen (SDL's kernel touch path): a swipe to
    the left shows the next slide, a tap on the left edge the previous; the
    screen never goes black in between."""
    box.power_on()
    box.wait_console(r"annae: first frame on screen", 240)
    box.start_touchscreen()
    w, h = box.width, box.height
    # Right after a slide change, so that auto-advance (12 s) cannot interfere.
    current = next_slide_change(box, box.mark(), 60)
    mark = box.mark()
    box.touch(f"swipe {int(w * 0.8)} {h // 2} {int(w * 0.2)} {h // 2} 250")
    shown = next_slide_change(box, mark, 30)
    expect(shown == following(current), f"a swipe to the left on {current} showed {shown}, not the next slide")
    assert_no_black_frames(box, 3, "after a swipe")
    wait_transition_done(box)
    screen_equals_render(box, args, shown)
    mark = box.mark()
    box.touch(f"tap {int(w * 0.04)} {h // 2}")
    back = next_slide_change(box, mark, 30)
    expect(back == current, f"a tap on the left edge of {shown} showed {back}, not {current}")
    assert_no_black_frames(box, 3, "after a tap on the left edge")
    log("swipe → next slide, tap on the left edge → previous, no black frame")


SCENARIOS = {f.__name__: f for f in (power_on, late_gpu, multitouch)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--image", required=True)
    parser.add_argument("--annae", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("scenario", choices=sorted(SCENARIOS))
    args = parser.parse_args()
    args.work = os.path.abspath(os.path.join(args.work, args.scenario))
    if os.path.exists(args.work):
        import shutil
        shutil.rmtree(args.work)
    os.makedirs(args.work)
    image = args.image
    if os.path.isfile(image):  # a file naming the image folder (written by the image step)
        image = open(image).read().strip()
    box = Box(image, args.work)
    started = time.monotonic()
    try:
        SCENARIOS[args.scenario](box, args)
    except (Failure, BoxError) as e:
        print(f"FAIL ({args.scenario}): {e}", file=sys.stderr)
        if box.qemu:
            print(box.console_tail(60), file=sys.stderr)
        box.power_cut()
        return 1
    box.power_cut()
    log(f"PASS ({args.scenario}) in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
