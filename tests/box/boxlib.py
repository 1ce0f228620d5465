"""The lobby box as a test fixture: one QEMU virtual machine booted from the
image that build_image.sh made, driven the way a person and a technician
would touch it.

  - the screen: QMP `screendump` (what the virtual monitor shows);
  - touch: a USB tablet (absolute pointer, QMP `input-send-event`) and a
    multitouch screen made inside the guest with uinput (box-touch);
  - USB sticks: QMP `blockdev-add` + `device_add usb-storage`, `device_del`;
  - the power cable: QMP `quit` (the guest gets no chance to flush anything);
  - a technician's shell: the agent on a virtio-serial port (guest/box-agent);
  - the journal as it happens: journald writes it to the serial console,
    which QEMU appends to console.log; waits read that file as it grows.

Every wait is for an event (a journal line, the agent's @ready, a QMP reply,
a screen that changed) with a generous deadline for emulation (TCG); there
are no fixed sleeps. Deadlines raise BoxError with the last console lines.
"""

import base64
import json
import os
import re
import select
import shutil
import socket
import struct
import subprocess
import time
import zlib


class BoxError(Exception):
    pass


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# ---- pictures -----------------------------------------------------------------


class Picture:
    """An RGB picture: width, height and width*height*3 bytes."""

    def __init__(self, width, height, rgb):
        self.width, self.height, self.rgb = width, height, bytes(rgb)

    def pixel(self, x, y):
        i = (y * self.width + x) * 3
        return tuple(self.rgb[i:i + 3])

    def mean_luma(self):
        # Every 97th pixel is plenty to tell a black screen from a slide.
        px = self.rgb
        total = n = 0
        for i in range(0, len(px) - 2, 3 * 97):
            total += 299 * px[i] + 587 * px[i + 1] + 114 * px[i + 2]
            n += 1
        return total / n / 1000 if n else 0

    def is_black(self):
        return max(self.rgb[::53] or b"\0") < 24

    def differing_pixels(self, other, tolerance=0):
        if (self.width, self.height) != (other.width, other.height):
            raise BoxError(f"sizes differ: {self.width}x{self.height} and {other.width}x{other.height}")
        a, b = self.rgb, other.rgb
        if a == b:
            return 0
        return sum(1 for i in range(0, len(a), 3)
                   if max(abs(a[i] - b[i]), abs(a[i + 1] - b[i + 1]), abs(a[i + 2] - b[i + 2])) > tolerance)

    def rotated_clockwise(self):
        """The picture turned 90° clockwise (what a portrait screen shows)."""
        w, h, src = self.width, self.height, self.rgb
        out = bytearray(w * h * 3)
        for y in range(h):
            row = src[y * w * 3:(y + 1) * w * 3]
            nx = h - 1 - y
            for x in range(w):
                o = (x * h + nx) * 3
                out[o:o + 3] = row[x * 3:x * 3 + 3]
        return Picture(h, w, out)

    def save_ppm(self, path):
        with open(path, "wb") as f:
            f.write(b"P6\n%d %d\n255\n" % (self.width, self.height))
            f.write(self.rgb)


def read_ppm(path):
    with open(path, "rb") as f:
        data = f.read()
    fields = []
    pos = 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos)
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    pos += 1
    if fields[0] != b"P6" or fields[3] != b"255":
        raise BoxError(f"{path}: not an 8-bit PPM")
    w, h = int(fields[1]), int(fields[2])
    return Picture(w, h, data[pos:pos + w * h * 3])


def read_png(path):
    """Decodes the 8-bit RGB/RGBA, non-interlaced PNGs that `annae render` writes."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise BoxError(f"{path}: not a PNG")
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + length
    w, h, depth, color, _, _, interlace = header
    channels = {2: 3, 6: 4}.get(color)
    if depth != 8 or not channels or interlace:
        raise BoxError(f"{path}: PNG kind not handled (depth {depth}, color {color}, interlace {interlace})")
    raw = zlib.decompress(b"".join(idat))
    stride = w * channels
    out = bytearray(w * h * 3)
    prev = bytearray(stride)
    pos = 0
    for y in range(h):
        kind = raw[pos]
        line = bytearray(raw[pos + 1:pos + 1 + stride])
        pos += 1 + stride
        if kind == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 255
        elif kind == 2:
            for i in range(stride):
                line[i] = (line[i] + prev[i]) & 255
        elif kind == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif kind == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = prev[i]
                c = prev[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 255
        if channels == 3:
            out[y * w * 3:(y + 1) * w * 3] = line
        else:
            row = bytearray(w * 3)
            row[0::3], row[1::3], row[2::3] = line[0::4], line[1::4], line[2::4]
            out[y * w * 3:(y + 1) * w * 3] = row
        prev = line
    return Picture(w, h, out)


# ---- the machine --------------------------------------------------------------


class Box:
    """One virtual lobby box. Its disk (an overlay on the cached image) lives
    in `work_dir` and survives power cuts and reboots of this object."""

    def __init__(self, image_dir, work_dir, width=1280, height=720, memory_mb=1536, cpus=2):
        self.image_dir, self.work_dir = image_dir, work_dir
        self.width, self.height = width, height
        self.memory_mb, self.cpus = memory_mb, cpus
        # The image's architecture (build_image.sh writes it): which machine to emulate.
        arch_file = os.path.join(image_dir, "arch")
        self.arch = open(arch_file).read().strip() if os.path.exists(arch_file) else "amd64"
        os.makedirs(work_dir, exist_ok=True)
        self.disk = os.path.join(work_dir, "disk.qcow2")
        self.console_path = os.path.join(work_dir, "console.log")
        self.qemu = None
        self.qmp_sock = self.agent_sock = None
        self.agent_buffer = b""
        self.console_offset = 0  # where the current boot's console output starts
        self.boots = 0
        self.sticks = {}
        self.next_id = 1
        if not os.path.exists(self.disk):
            subprocess.run(["qemu-img", "create", "-q", "-f", "qcow2", "-F", "qcow2", "-b",
                            os.path.join(image_dir, "disk.qcow2"), self.disk], check=True)

    # -- power --

    def power_on(self, timeout_s=300, extra_cmdline=""):
        """Starts the machine and returns once the agent in the guest answers.
        `extra_cmdline` is added to the kernel command line of this boot."""
        if self.qemu:
            raise BoxError("the box is already on")
        self.boots += 1
        qmp_path = os.path.join(self.work_dir, "qmp.sock")
        agent_path = os.path.join(self.work_dir, "agent.sock")
        for p in (qmp_path, agent_path):
            if os.path.exists(p):
                os.unlink(p)
        self.console_offset = os.path.getsize(self.console_path) if os.path.exists(self.console_path) else 0
        serial = "ttyAMA0" if self.arch == "arm64" else "ttyS0"
        cmdline = (f"root=/dev/vda rw console=tty1 console={serial} quiet consoleblank=0 "
                   "vt.global_cursor_default=0 systemd.show_status=0 panic=5 " + extra_cmdline)
        if self.arch == "arm64":
            machine = [
                # QEMU's `virt` board with a Pi 4's CPU; virtio-gpu is the
                # screen (a KMS device, as vc4 is on a Pi).
                "qemu-system-aarch64", "-machine", "virt", "-accel", "tcg,thread=multi",
                "-cpu", "cortex-a72", "-smp", str(self.cpus), "-m", str(self.memory_mb),
                "-device", f"virtio-gpu-pci,id=video0,xres={self.width},yres={self.height}",
            ]
        else:
            machine = [
                "qemu-system-x86_64", "-machine", "q35", "-accel", "tcg,thread=multi",
                # No AVX2: QEMU 7.2 is the first to emulate it, and llvmpipe's texture
                # gathers (vpgatherdd) crashed the player now and then under load.
                "-cpu", "max,avx2=off", "-smp", str(self.cpus), "-m", str(self.memory_mb),
                "-device", f"virtio-vga,id=video0,xres={self.width},yres={self.height}",
            ]
        args = machine + [
            "-kernel", os.path.join(self.image_dir, "vmlinuz"),
            "-initrd", os.path.join(self.image_dir, "initrd.img"),
            "-append", cmdline,
            "-drive", f"file={self.disk},if=virtio,format=qcow2,cache=writeback,discard=unmap",
            "-display", "none", "-vga", "none",
            "-device", "qemu-xhci,id=xhci",
            "-device", "usb-tablet,bus=xhci.0,id=tablet,display=video0",
            "-device", "virtio-serial-pci,id=vser",
            "-chardev", f"socket,id=agent,path={agent_path},server=on,wait=off",
            "-device", "virtserialport,chardev=agent,name=annae.agent",
            "-chardev", f"file,id=console,path={self.console_path},append=on",
            "-serial", "chardev:console",
            "-qmp", f"unix:{qmp_path},server=on,wait=off",
            "-nic", "none", "-no-reboot",
            "-rtc", "base=utc,clock=host",
        ]
        self.started_at = time.monotonic()
        self.qemu = subprocess.Popen(args, stdin=subprocess.DEVNULL,
                                     stdout=open(os.path.join(self.work_dir, "qemu.log"), "ab"),
                                     stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 20
        while not (os.path.exists(qmp_path) and os.path.exists(agent_path)):
            if self.qemu.poll() is not None:
                raise BoxError(f"qemu exited at once ({self.qemu.returncode}): see {self.work_dir}/qemu.log")
            if time.monotonic() > deadline:
                raise BoxError("qemu made no QMP socket in 20 s")
            time.sleep(0.05)
        self.qmp_sock = self._connect(qmp_path)
        self.qmp_file = self.qmp_sock.makefile("rwb")
        json.loads(self.qmp_file.readline())  # greeting
        self.qmp("qmp_capabilities")
        self.agent_sock = self._connect(agent_path)
        self.agent_buffer = b""
        self.sticks = {}
        line = self._agent_line(timeout_s, lambda l: l.startswith(b"@ready"))
        self.boot_id = line.split()[1].decode()
        log(f"box up (boot {self.boots}, agent ready {time.monotonic() - self.started_at:.0f} s after power on)")

    def _connect(self, path):
        # The socket file appears a moment before QEMU listens on it.
        deadline = time.monotonic() + 20
        while True:
            s = socket.socket(socket.AF_UNIX)
            try:
                s.connect(path)
                return s
            except (ConnectionRefusedError, FileNotFoundError):
                s.close()
                if time.monotonic() > deadline:
                    raise BoxError(f"cannot connect to {path}")
                time.sleep(0.05)

    def power_cut(self):
        """Pulls the plug: the guest gets no shutdown, its page cache is lost."""
        if not self.qemu:
            return
        try:
            self.qmp("quit")
        except (OSError, BoxError):
            pass
        try:
            self.qemu.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.qemu.kill()
            self.qemu.wait()
        self._closed()

    def shutdown(self):
        """A clean power-off (systemd stops every service), or a cut after 120 s."""
        if not self.qemu:
            return
        try:
            self.qmp("system_powerdown")
            self.qemu.wait(timeout=120)
        except (subprocess.TimeoutExpired, OSError, BoxError):
            self.power_cut()
            return
        self._closed()

    def _closed(self):
        for s in (self.qmp_sock, self.agent_sock):
            if s:
                s.close()
        self.qmp_sock = self.agent_sock = self.qemu = None

    # -- QMP --

    def qmp(self, command, **arguments):
        request = {"execute": command}
        if arguments:
            request["arguments"] = arguments
        self.qmp_file.write(json.dumps(request).encode() + b"\n")
        self.qmp_file.flush()
        while True:
            line = self.qmp_file.readline()
            if not line:
                if command == "quit":
                    return None
                raise BoxError(f"QMP closed during {command}")
            reply = json.loads(line)
            if "return" in reply:
                return reply["return"]
            if "error" in reply:
                raise BoxError(f"QMP {command}: {reply['error'].get('desc')}")
            # asynchronous events (DEVICE_DELETED, ...) are not waited for here

    def screen(self):
        """What the monitor shows now."""
        path = os.path.join(self.work_dir, "screen.ppm")
        self.qmp("screendump", filename=path)
        return read_ppm(path)

    # -- the agent: a technician's shell --

    def _agent_line(self, timeout_s, accept):
        deadline = time.monotonic() + timeout_s
        while True:
            while b"\n" in self.agent_buffer:
                line, self.agent_buffer = self.agent_buffer.split(b"\n", 1)
                if accept(line):
                    return line
            left = deadline - time.monotonic()
            if left <= 0:
                raise BoxError(f"no answer from the box in {timeout_s} s\n{self.console_tail()}")
            if self.qemu.poll() is not None:
                raise BoxError(f"qemu ended ({self.qemu.returncode})\n{self.console_tail()}")
            ready, _, _ = select.select([self.agent_sock], [], [], min(left, 1.0))
            if ready:
                chunk = self.agent_sock.recv(65536)
                if not chunk:
                    raise BoxError("the agent's socket closed")
                self.agent_buffer += chunk

    def sh(self, command, timeout_s=120, check=True):
        """Runs `command` with sh as root in the guest; returns (status, output)."""
        ident = str(self.next_id)
        self.next_id += 1
        self.agent_sock.sendall(f"{ident} {base64.b64encode(command.encode()).decode()}\n".encode())
        line = self._agent_line(timeout_s, lambda l: l.split(b" ", 1)[0] == ident.encode())
        parts = line.split(b" ", 2)
        status = int(parts[1])
        output = base64.b64decode(parts[2]).decode(errors="replace") if len(parts) > 2 else ""
        if check and status != 0:
            raise BoxError(f"in the box, `{command}` exited {status}:\n{output}")
        return status, output

    def out(self, command, timeout_s=120):
        return self.sh(command, timeout_s)[1].strip()

    def put_file(self, path, data, mode="0644"):
        encoded = base64.b64encode(data if isinstance(data, bytes) else data.encode()).decode()
        self.sh(f"mkdir -p \"$(dirname '{path}')\" && echo {encoded} | base64 -d > '{path}' && chmod {mode} '{path}'")

    # -- the journal on the serial console --

    def console_text(self):
        with open(self.console_path, "rb") as f:
            f.seek(self.console_offset)
            return f.read().decode(errors="replace")

    def console_tail(self, lines=40):
        return "--- console (last lines) ---\n" + "\n".join(self.console_text().splitlines()[-lines:])

    def mark(self):
        """A position in this boot's console output, for wait_console(after=)."""
        return os.path.getsize(self.console_path) - self.console_offset

    def wait_console(self, pattern, timeout_s=180, after=0):
        """Waits for a console (journal) line matching `pattern` (a regex)
        that appears after position `after`; returns the match."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout_s
        seen = after
        carry = ""
        while True:
            with open(self.console_path, "rb") as f:
                f.seek(self.console_offset + seen)
                chunk = f.read()
            seen += len(chunk)
            text = carry + chunk.decode(errors="replace")
            lines = text.split("\n")
            carry = lines.pop()
            for line in lines:
                m = regex.search(line)
                if m:
                    return m
            if time.monotonic() > deadline:
                raise BoxError(f"no console line like /{pattern}/ in {timeout_s} s\n{self.console_tail()}")
            if self.qemu is None or self.qemu.poll() is not None:
                raise BoxError(f"the box is off; no line like /{pattern}/\n{self.console_tail()}")
            time.sleep(0.1)  # the file grows as the guest writes; nothing to select() on

    # -- touch --

    def tablet(self, x_px, y_px, down=None):
        """Moves the USB tablet's pointer to a screen pixel; presses or releases the left button."""
        events = [
            {"type": "abs", "data": {"axis": "x", "value": int(x_px * 32767 / (self.width - 1))}},
            {"type": "abs", "data": {"axis": "y", "value": int(y_px * 32767 / (self.height - 1))}},
        ]
        if down is not None:
            events.append({"type": "btn", "data": {"down": down, "button": "left"}})
        self.qmp("input-send-event", device="video0", events=events)

    def tablet_swipe(self, x0, y0, x1, y1, duration_s=0.25, steps=12):
        """A finger's drag on the tablet, paced like one (QEMU merges pointer
        reports the guest has not read yet, so an unpaced drag arrives as a
        press at its end point)."""
        self.tablet(x0, y0)
        self.tablet(x0, y0, down=True)
        for i in range(1, steps + 1):
            time.sleep(duration_s / steps)
            self.tablet(x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps)
        time.sleep(duration_s / steps)
        self.tablet(x1, y1, down=False)

    def tablet_tap(self, x, y):
        self.tablet(x, y)
        self.tablet(x, y, down=True)
        time.sleep(0.08)  # a finger's tap lasts about this long
        self.tablet(x, y, down=False)

    def start_touchscreen(self):
        """A multitouch screen plugged into the guest (uinput); returns once the player reads it."""
        out = self.out(f"box-touch start /run/box-touch {self.width} {self.height}", timeout_s=90)
        log(f"touchscreen: {out}")

    def touch(self, gesture):
        self.sh(f"echo '{gesture}' > /run/box-touch")

    # -- USB sticks --

    def plug_stick(self, name, image_path):
        self.qmp("blockdev-add", **{"node-name": name, "driver": "raw", "read-only": False,
                                    "file": {"driver": "file", "filename": image_path}})
        self.qmp("device_add", driver="usb-storage", id=name, drive=name, bus="xhci.0", removable=True)
        self.sticks[name] = image_path

    def pull_stick(self, name):
        self.qmp("device_del", id=name)
        # QEMU removes a USB device at once (no guest handshake); the block node follows.
        deadline = time.monotonic() + 30
        while True:
            try:
                self.qmp("blockdev-del", **{"node-name": name})
                break
            except BoxError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        self.sticks.pop(name, None)


def make_stick(path, files, size_mb=64, label="SHOW"):
    """A FAT32 stick image holding `files` ({"annae/show.toml": bytes, ...}),
    made with mkfs.vfat and mtools (no mounting)."""
    if os.path.exists(path):
        os.unlink(path)
    subprocess.run(["truncate", "-s", f"{size_mb}M", path], check=True)
    subprocess.run(["mkfs.vfat", "-F", "32", "-n", label, path], check=True, stdout=subprocess.DEVNULL)
    env = dict(os.environ, MTOOLS_SKIP_CHECK="1")
    folders = set()
    for name in sorted(files):
        parts = name.split("/")[:-1]
        for i in range(1, len(parts) + 1):
            folders.add("/".join(parts[:i]))
    for folder in sorted(folders, key=len):
        subprocess.run(["mmd", "-i", path, "::/" + folder], check=True, env=env)
    for name, data in files.items():
        local = path + ".tmp"
        with open(local, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode())
        subprocess.run(["mcopy", "-i", path, local, "::/" + name], check=True, env=env)
        os.unlink(local)


def render_on_host(annae, show_dir, width, height, at, out_png, slide=None):
    """`annae render` of a show at a size and wall-clock time, as a Picture."""
    args = [annae, "render", show_dir, "--size", f"{width}x{height}", "--at", at, "--out", out_png]
    if slide:
        args += ["--slide", slide]
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode != 0:
        raise BoxError(f"annae render failed: {result.stderr}")
    return read_png(out_png)


def copy_tree_from_box(box, guest_dir, host_dir):
    """Copies a folder out of the guest (tar over the agent)."""
    data = base64.b64decode(box.out(f"tar -C '{guest_dir}' -cf - . | base64 -w0"))
    if os.path.exists(host_dir):
        shutil.rmtree(host_dir)
    os.makedirs(host_dir)
    subprocess.run(["tar", "-C", host_dir, "-xf", "-"], input=data, check=True)
