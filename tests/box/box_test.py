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
import shutil
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
    "forum-2023/010-cover", "forum-2023/020-overview", "forum-2023/025-presenters", "forum-2023/030-strategies",
    "forum-2023/040-strategy-notes-1", "forum-2023/050-strategy-notes-2", "forum-2023/060-quote",
    "forum-2023/070-contacts", "seminar-2020/010-cover", "seminar-2020/015-overview", "seminar-2020/020-talks-1",
    "seminar-2020/030-talks-2", "seminar-2020/040-agenda", "seminar-2020/050-quote",
    "seminar-2020/060-contacts",
]


def following(slide_id):
    return DEFAULT_SHOW[(DEFAULT_SHOW.index(slide_id) + 1) % len(DEFAULT_SHOW)]


def next_slide_change(box, after, timeout_s):
    """The slide the player puts on screen next (after console position `after`)."""
    m = box.wait_console(r"annae\[\d+\]: annae: debug: on screen: (\S+) page", timeout_s, after)
    return m.group(1)


def console_since(box, mark):
    """This boot's console output after `mark` (a byte position, from box.mark())."""
    with open(box.console_path, "rb") as f:
        f.seek(box.console_offset + mark)
        return f.read().decode(errors="replace")


def guest_now(box):
    return datetime.datetime.fromtimestamp(float(box.out("date +%s.%N")), tz=datetime.timezone.utc)


# How far a screen pixel may be from this machine's render, per channel: an
# arm64 SDL 2.26 blends with its C code, which rounds differently from the x86
# SIMD blitters by up to 2 levels (tests/cross: the same pages, scenes identical).
SCREEN_TOLERANCE = {"amd64": 0, "arm64": 2}


def screen_equals_render(box, args, slide, width=None, height=None, rotate=0, timeout_s=30, playing_since=None):
    """Waits until the screen shows exactly `slide` as `annae render` draws
    it at the box's clock (a transition may still be running when this is
    called); fails with both pictures saved if it never does.
    `playing_since` (a console mark) is for a show that plays on meanwhile:
    when the player reports a later slide on screen, that slide is the one
    the screen must equal (under emulation a check can outlast a slide's 12 s)."""
    show_dir = os.path.join(args.work, "live-show")
    copy_tree_from_box(box, CONTENT, show_dir)
    deadline = time.monotonic() + timeout_s
    want, want_at, want_slide = None, None, slide
    while True:
        if playing_since is not None:
            shown = re.findall(r"annae\[\d+\]: annae: debug: on screen: (\S+) page", console_since(box, playing_since))
            slide = shown[-1] if shown else slide
        at = guest_now(box).astimezone(SHOW_TZ).strftime("%Y-%m-%dT%H:%M")
        if at != want_at or slide != want_slide:  # the clock turned or the show moved on
            want, want_at, want_slide = render_on_host(args.annae, show_dir, width or box.width, height or box.height,
                                                       at, os.path.join(args.work, "expected.png"), slide), at, slide
            if rotate == 90:
                want = want.rotated_clockwise()
        shot = box.screen()
        bad = shot.differing_pixels(want, SCREEN_TOLERANCE[box.arch])
        if bad == 0:
            return shot
        if time.monotonic() > deadline:
            shot.save_ppm(os.path.join(args.work, "screen-differs.ppm"))
            want.save_ppm(os.path.join(args.work, "expected.ppm"))
            raise Failure(f"the screen never showed `annae render --slide {slide} --at {at}` within {timeout_s} s: "
                          f"{bad} pixels differ (saved: {args.work}/screen-differs.ppm, expected.ppm)")


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


def swipe_and_tap(box, args, swipe, tap):
    """A swipe to the left shows the next slide, a tap on the left edge the
    previous; the screen never goes black in between."""
    w, h = box.width, box.height
    # Right after a slide change, so that auto-advance (12 s) cannot interfere.
    current = next_slide_change(box, box.mark(), 60)
    mark = box.mark()
    swipe(int(w * 0.8), h // 2, int(w * 0.2), h // 2)
    shown = next_slide_change(box, mark, 30)
    expect(shown == following(current), f"a swipe to the left on {current} showed {shown}, not the next slide")
    assert_no_black_frames(box, 3, "after a swipe")
    # What the slide looks like is checked after the tap. A navigation gives
    # the slide its full 12 s, and under emulation a render check can take
    # longer: if the show plays on meanwhile, the screen must equal the slide
    # the player says it shows.
    mark = box.mark()
    tap(int(w * 0.04), h // 2)
    back = next_slide_change(box, mark, 30)
    expect(back == current, f"a tap on the left edge of {shown} showed {back}, not {current}")
    assert_no_black_frames(box, 3, "after a tap on the left edge")
    screen_equals_render(box, args, back, playing_since=mark)


def multitouch(box, args):
    """A finger on a multitouch screen (a uinput device in the guest: SDL's
    kernel finger path, as with a real lobby touchscreen)."""
    box.power_on()
    box.wait_console(r"annae: first frame on screen", 240)
    box.start_touchscreen()
    swipe_and_tap(box, args, lambda x0, y0, x1, y1: box.touch(f"swipe {x0} {y0} {x1} {y1} 250"),
                  lambda x, y: box.touch(f"tap {x} {y}"))
    log("multitouch: swipe → next slide, tap on the left edge → previous, no black frame")


def tablet(box, args):
    """An absolute pointer (QEMU's USB tablet; a touch panel in mouse mode):
    SDL 2.26 puts its touches on the screen's edges, so the player reads it
    itself (app/absolute_pointer.hpp)."""
    box.power_on()
    box.wait_console(r"annae: first frame on screen", 240)
    box.wait_console(r"touch: reading absolute pointer", 30)
    swipe_and_tap(box, args, box.tablet_swipe, box.tablet_tap)
    log("absolute pointer: swipe → next slide, tap on the left edge → previous, no black frame")


# ---- content arriving: USB sticks, rsync, power cuts ---------------------------------

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NEW_TITLE = "연계와 협력으로 균형발전의 새로운 청사진을 그린다"  # the seminar's headline (seeds)


def stick_show(title=None, broken=False, bulk_mb=0):
    """The forum show as staff would put it on a stick (annae/…): its cover
    titled `title`; `broken` adds a slide with a syntax error; `bulk_mb` adds
    that much of other files (a long copy)."""
    files = {}
    src = os.path.join(REPO, "content", "forum-2023")
    for name in sorted(os.listdir(src)):
        with open(os.path.join(src, name), "rb") as f:
            files["annae/" + name] = f.read()
    if title:
        cover = files["annae/010-cover.toml"].decode()
        files["annae/010-cover.toml"] = re.sub(r'(?m)^title = ".*"$', f'title = "{title}"', cover).encode()
    if broken:
        files["annae/080-notice.toml"] = 'kind = "text"\ntitle = "안내\nparagraphs = []\n'.encode()
    for i in range(bulk_mb // 30):
        files[f"annae/video/clip-{i}.bin"] = os.urandom(30 * 1024 * 1024)
    return files


def show_listing(box):
    """Every file of the live show with its checksum: equal means unchanged."""
    return box.out(f"cd {CONTENT} && find . -type f -print0 | sort -z | xargs -0 sha256sum")


def leftovers(box):
    """What an interrupted copy could have left: import temporaries, rsync staging."""
    return box.out("ls -a /var/lib/annae | grep -E '^\\.content\\.(import|old|link)-' ; "
                   f"find {CONTENT} -name '.~tmp~' ; true")


def wait_copy_under_way(box, min_mb):
    """Returns once the import's temporary copy holds `min_mb` MB."""
    box.sh("for i in $(seq 1200); do d=$(ls -d /var/lib/annae/.content.import-* 2>/dev/null | head -1); "
           f"[ -n \"$d\" ] && [ $(du -sm \"$d\" | cut -f1) -ge {min_mb} ] && exit 0; sleep 0.05; done; exit 1",
           timeout_s=120)


def stick_device(box, mark):
    return box.wait_console(r"Starting annae-import@(\w+)\.service", 120, mark).group(1)


def usb_import(box, args):
    """A good stick → the staff see a confirmation and the new show plays; a
    stick with an error → the staff card, the old show unchanged; a stick
    pulled out mid-copy → the old show unchanged."""
    box.power_on()
    box.wait_console(r"annae: first frame on screen", 240)
    before = show_listing(box)

    bad = os.path.join(args.work, "bad-stick.img")
    make_stick(bad, stick_show(broken=True))
    mark = box.mark()
    box.plug_stick("bad", bad)
    box.wait_console(r"annae: USB import rejected: ", 120, mark)
    report = box.out("cat /var/lib/annae/state/last-import.txt")
    expect("annae/080-notice.toml:" in report, f"the import report does not name the broken file:\n{report}")
    expect(show_listing(box) == before, "a stick with an error changed the live show")
    box.pull_stick("bad")
    log("stick with an error: refused, staff card, live show unchanged")

    pulled = os.path.join(args.work, "pulled-stick.img")
    make_stick(pulled, stick_show(title=NEW_TITLE, bulk_mb=240), size_mb=400)
    mark = box.mark()
    box.plug_stick("pulled", pulled)
    device = stick_device(box, mark)
    box.wait_console(r"usb-import: importing the show from", 120, mark)
    wait_copy_under_way(box, 1)
    box.pull_stick("pulled")
    box.wait_console(rf"annae-import@{device}\.service: (Deactivated|Failed|Main process exited)", 120, mark)
    journal = box.out(f"journalctl -b -u annae-import@{device} -o cat --no-pager")
    expect("imported from" not in journal, "the copy finished before the stick was pulled (make the stick bigger)")
    expect(show_listing(box) == before, f"a stick pulled mid-copy changed the live show:\n{journal}")
    log("stick pulled mid-copy: live show unchanged")

    good = os.path.join(args.work, "good-stick.img")
    make_stick(good, stick_show(title=NEW_TITLE))
    mark = box.mark()
    box.plug_stick("good", good)
    box.wait_console(r"annae: USB import imported: ", 120, mark)
    expect(box.out(f"grep -c '{NEW_TITLE}' {CONTENT}/010-cover.toml") == "1", "the new cover is not in the live show")
    expect(box.out(f"ls {CONTENT} | grep -c show.toml") == "1" and
           box.out(f"test -d {CONTENT}/seminar-2020 && echo mixed || echo whole") == "whole",
           "the live show is not exactly the stick's show")
    # The confirmation stays 10 s; then the new show plays as `annae render` draws it.
    box.wait_console(r"on screen: (\S+) page", 60, box.mark())
    slide = next_slide_change(box, box.mark(), 60)
    screen_equals_render(box, args, slide)
    expect(box.out("systemctl show -p NRestarts --value annae") == "0", "the player restarted during the imports")
    log("good stick: confirmation, then the new show on screen")


def power_cut_import(box, args):
    """The power fails in the middle of a USB import → after power on a whole
    show plays (the old one), `annae check` is clean, nothing is left over."""
    box.power_on()
    box.wait_console(r"annae: first frame on screen", 240)
    before = show_listing(box)
    stick = os.path.join(args.work, "stick.img")
    make_stick(stick, stick_show(title=NEW_TITLE, bulk_mb=240), size_mb=400)
    mark = box.mark()
    box.plug_stick("stick", stick)
    box.wait_console(r"usb-import: importing the show from", 120, mark)
    wait_copy_under_way(box, 60)
    box.sh("sync")  # what was copied so far is on the disk, as it would be a few seconds later
    box.power_cut()
    log("power cut during the import")
    after_boot(box, args, before)


def power_cut_rsync(box, args):
    """The power fails in the middle of an `rsync --delay-updates` push (the
    README's recipe) → after power on the old show plays whole, `annae check`
    is clean, rsync's staging folder is gone."""
    box.power_on()
    box.wait_console(r"annae: first frame on screen", 240)
    before = show_listing(box)
    box.sh("cp -r /usr/share/annae/content/forum-2023 /root/push && mkdir /root/push/video && "
           "for i in 1 2 3 4 5 6; do head -c 30M /dev/urandom > /root/push/video/clip-$i.bin; done && "
           f"sed -i 's/^title = .*/title = \"{NEW_TITLE}\"/' /root/push/010-cover.toml && chmod -R a+rX /root /root/push",
           timeout_s=300)
    box.sh("(runuser -u annae -- rsync -a --no-owner --no-group --omit-dir-times --delete-after --delay-updates "
           f"--chmod=Dg+s,ug+rwX,o+rX --bwlimit=4000 /root/push/ {CONTENT}/ > /root/rsync.log 2>&1 &)")
    # Staged files are there, the last ones not yet: cut.
    box.sh(f"for i in $(seq 600); do [ $(du -sm {CONTENT}/video/.~tmp~ 2>/dev/null | cut -f1)0 -gt 400 ] && exit 0; "
           "sleep 0.1; done; exit 1", timeout_s=120)
    box.sh("sync")
    box.power_cut()
    log("power cut during an rsync push")
    after_boot(box, args, before)


def after_boot(box, args, before):
    box.power_on()
    box.wait_console(r"annae: first frame on screen", 240)
    tidied = box.out("journalctl -b -u annae-tidy -o cat --no-pager")
    expect("left by an interrupted" in tidied or "left by an earlier import" in tidied,
           f"annae-tidy removed nothing at boot:\n{tidied}")
    left = leftovers(box)
    expect(left == "", f"left over after the boot:\n{left}")
    now = show_listing(box)
    if now != before:
        import difflib
        diff = "\n".join(difflib.unified_diff(before.splitlines(), now.splitlines(), "before", "after", lineterm=""))
        raise Failure(f"the live show is not the old show, whole:\n{diff}")
    status, report = box.sh("runuser -u annae -- annae check --config /etc/annae/annae.toml", check=False)
    expect(status == 0, f"annae check is not clean after the power cut (exit {status}):\n{report}")
    screen_equals_render(box, args, "forum-2023/010-cover")
    log("after power on: the old show, whole, on screen; nothing left over")


# ---- the service keeping the screen alive, and the box's settings ---------------------


def watchdog(box, args):
    """A frozen player (SIGSTOP) → systemd's watchdog replaces it and the show
    is back on screen; a killed player → back after RestartSec (2 s)."""
    box.power_on()
    box.wait_console(r"annae: first frame on screen", 240)
    frozen = player_pid(box)
    mark = box.mark()
    frozen_at = time.monotonic()
    box.sh(f"kill -STOP {frozen}")
    box.wait_console(r"annae\.service: Watchdog timeout", 90, mark)
    box.wait_console(r"annae: first frame on screen", 180, mark)
    back_s = time.monotonic() - frozen_at
    expect(player_pid(box) != frozen, "the frozen player is still the service's main process")
    screen_equals_render(box, args, "forum-2023/010-cover")
    log(f"frozen player replaced by the watchdog; the show back {back_s:.0f} s after it froze (emulated)")

    killed = player_pid(box)
    mark = box.mark()
    box.sh(f"kill -KILL {killed}")
    restart = box.wait_console(r"annae\.service: Scheduled restart job", 60, mark)
    box.wait_console(r"annae: first frame on screen", 180, mark)
    expect(player_pid(box) != killed, "no new player after a kill")
    gap = box.out("journalctl -b -u annae -o short-unix --no-pager | "
                  "awk '/Main process exited, code=killed/ {k=$1} /Scheduled restart job/ {r=$1} END {print r-k}'")
    expect(float(gap) < 4.0, f"the restart was scheduled {gap} s after the kill, not after RestartSec=2s")
    screen_equals_render(box, args, "forum-2023/010-cover")
    log(f"killed player restarted {float(gap):.1f} s after the kill")


def set_box_settings(box, sed_script):
    box.sh(f"sed -i {sed_script} /etc/annae/annae.toml")


def restart_player(box):
    mark = box.mark()
    box.sh("systemctl restart annae")
    box.wait_console(r"annae: first frame on screen", 180, mark)


def portrait(box, args):
    """`[screen] rotate = 90` → the portrait layout, turned for a screen hung
    sideways; touch follows the visitor's finger, not the panel's axes."""
    box.power_on()
    box.wait_console(r"annae: first frame on screen", 240)
    set_box_settings(box, "'s/^rotate = 0$/rotate = 90/'")
    restart_player(box)
    w, h = box.width, box.height  # the panel, landscape; the visitor sees h × w
    screen_equals_render(box, args, "forum-2023/010-cover", width=h, height=w, rotate=90)
    log("portrait: the cover in its portrait layout, turned clockwise")
    box.start_touchscreen()
    current = next_slide_change(box, box.mark(), 60)
    # The visitor swipes right to left across the portrait picture: on the
    # panel (turned clockwise) that is bottom to top.
    mark = box.mark()
    box.touch(f"swipe {w // 2} {int(h * 0.8)} {w // 2} {int(h * 0.2)} 250")
    shown = next_slide_change(box, mark, 30)
    expect(shown == following(current), f"a swipe to the visitor's left on {current} showed {shown}")
    # The visitor's left edge is the panel's top edge.
    mark = box.mark()
    box.touch(f"tap {w // 2} {int(h * 0.04)}")
    back = next_slide_change(box, mark, 30)
    expect(back == current, f"a tap on the visitor's left edge showed {back}, not {current}")
    screen_equals_render(box, args, back, width=h, height=w, rotate=90)
    log("portrait: swipe → next, tap on the left edge → previous, as the finger went")


def night(box, args):
    """The night schedule → at `off` the screen's connector is switched off
    (DPMS; status.json says night), at `on` it is on and the show is back."""
    box.power_on()
    box.wait_console(r"annae: first frame on screen", 240)
    now = guest_now(box)  # the box's local time is UTC
    off = (now + datetime.timedelta(minutes=1)).strftime("%H:%M")
    on = (now + datetime.timedelta(minutes=2)).strftime("%H:%M")
    set_box_settings(box, f"'s/^# off = .*/off = \"{off}\"/; s/^# on = .*/on = \"{on}\"/'")
    mark = box.mark()  # before the restart: when `off` has come by then, night starts at once
    restart_player(box)
    box.wait_console(r"annae: night: the screen is dark until " + on, 150, mark)
    box.wait_console(r"annae: night: the screen is switched off \(DPMS\)", 30, mark)
    expect(box.out("cat /sys/class/drm/card0-*/dpms") == "Off", "the screen's connector is not off (DPMS) at night")
    expect('"night": true' in box.out("cat /var/lib/annae/state/status.json"), "status.json does not say night")
    log(f"night from {off}: the screen is off (DPMS)")
    box.wait_console(r"annae: morning: the show resumes", 150, mark)
    expect(box.out("cat /sys/class/drm/card0-*/dpms") == "On", "the screen's connector is still off in the morning")
    slide = box.out("sed -n 's/.*\"on_screen\": \"\\(.*\\)\".*/\\1/p' /var/lib/annae/state/status.json")
    screen_equals_render(box, args, slide)
    expect('"night": false' in box.out("cat /var/lib/annae/state/status.json"), "status.json still says night")
    log(f"morning at {on}: the show is back")


SCENARIOS = {f.__name__: f for f in (power_on, late_gpu, multitouch, tablet, usb_import, power_cut_import, power_cut_rsync,
                                     watchdog, portrait, night)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--image", required=True)
    parser.add_argument("--annae", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("scenario", choices=sorted(SCENARIOS))
    args = parser.parse_args()
    args.work = os.path.abspath(os.path.join(args.work, args.scenario))
    if os.path.exists(args.work):
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
