#!/usr/bin/env python3
"""box_bench — figures from the lobby box VM (tests/box): the .deb on Debian 12
minbase under QEMU, the player on KMSDRM.

  python3 tests/bench/box_bench.py [BUILD_DIR]     (after `ctest -R box_image`)

Everything runs under software emulation (QEMU TCG, 2 virtual CPUs on this
machine's 2 cores): times and CPU shares are emulated, several times what the
same box would show on real hardware. They compare builds and presenters on
one machine; they are not a promise for a real box.

Prints, for each presenter that KMSDRM can use (SDL's OpenGL and OpenGL ES 2
renderers, both through Mesa's llvmpipe when there is no GPU):
  power on → first frame      host clock, from QEMU's start to the player's line
  player start → first frame  the journal: systemd starts the unit → first frame
  PSS                         /proc/PID/smaps_rollup, after 20 s of playing
  CPU playing                 share of one core over 36 s of the slide show
  CPU held                    the same over 24 s with the slide held (Space)
"""

import os
import re
import shutil
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "box"))
from boxlib import Box  # noqa: E402


def cpu_share(box, pid, seconds):
    """The player's CPU time over `seconds` of wall time, as a share of one core."""
    ticks = int(box.out("getconf CLK_TCK"))
    script = (f"a=$(cut -d' ' -f14,15 /proc/{pid}/stat); t0=$(date +%s.%N); sleep {seconds}; "
              f"b=$(cut -d' ' -f14,15 /proc/{pid}/stat); t1=$(date +%s.%N); echo $a $b $t0 $t1")
    u0, s0, u1, s1, t0, t1 = box.out(script, timeout_s=seconds + 60).split()
    return (int(u1) + int(s1) - int(u0) - int(s0)) / ticks / (float(t1) - float(t0))


def measure(image, work, renderer):
    box = Box(image, work)
    if renderer != "auto":
        # The first boot only sets the renderer; the measured boot follows.
        box.power_on()
        box.sh(f"sed -i 's/^renderer = .*/renderer = \"{renderer}\"/' /etc/annae/annae.toml && sync")
        box.shutdown()
    box.power_on()
    box.wait_console(r"annae: first frame on screen", 240)
    power_on_s = time.monotonic() - box.started_at
    journal = box.out("journalctl -b -u annae -o short-monotonic --no-pager")
    start = float(re.search(r"\[\s*([\d.]+)\].*Starting annae\.service", journal).group(1))
    first = float(re.search(r"\[\s*([\d.]+)\].*first frame on screen", journal).group(1))
    presenter = re.search(r"video driver KMSDRM, \S+, (.*)", journal).group(1)
    pid = int(box.out("systemctl show -p MainPID --value annae"))
    box.sh("sleep 20", timeout_s=80)
    pss_kb = int(box.out(f"awk '/^Pss:/ {{print $2}}' /proc/{pid}/smaps_rollup"))
    playing = cpu_share(box, pid, 36)
    box.qmp("send-key", keys=[{"type": "qcode", "data": "spc"}])  # Space holds the slide
    box.sh("sleep 2")
    held = cpu_share(box, pid, 24)
    box.power_cut()
    return {"renderer": renderer, "presenter": presenter, "power_on_s": power_on_s,
            "start_to_frame_s": first - start, "pss_mb": pss_kb / 1024, "cpu_playing": playing, "cpu_held": held}


def main():
    build = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build")
    image = open(os.path.join(build, "tests/box/image-dir.txt")).read().strip()
    work = os.path.join(build, "tests/bench/box-bench")
    rows = []
    for renderer in ("auto", "opengles2"):
        run_dir = os.path.join(work, renderer)
        if os.path.exists(run_dir):
                shutil.rmtree(run_dir)
        rows.append(measure(image, run_dir, renderer))
    print(f"box_bench: QEMU TCG (emulated), {image}")
    print(f"{'renderer':<10} {'power on → frame':>17} {'start → frame':>14} {'PSS':>9} {'CPU playing':>12} "
          f"{'CPU held':>9}  presenter")
    for r in rows:
        print(f"{r['renderer']:<10} {r['power_on_s']:>15.1f} s {r['start_to_frame_s']:>12.1f} s "
              f"{r['pss_mb']:>6.1f} MB {100 * r['cpu_playing']:>10.1f} % {100 * r['cpu_held']:>7.1f} %  {r['presenter']}")


if __name__ == "__main__":
    main()
