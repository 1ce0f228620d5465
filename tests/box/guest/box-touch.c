// box-touch — a multitouch touchscreen for the lobby-box VM (tests/box only).
//
// QEMU 7.2 has no multitouch device, so this makes one inside the guest with
// uinput: a direct-touch screen with slots (ABS_MT_*), which udev tags
// ID_INPUT_TOUCHSCREEN and SDL reads through its kernel finger path — the
// path a real lobby touchscreen takes.
//
//   box-touch start FIFO WIDTH HEIGHT
//     creates the device (axes 0..WIDTH-1, 0..HEIGHT-1, the screen's pixels),
//     waits until another process has its /dev/input/event* node open (the
//     player noticed the hot-plug; up to 60 s), prints "ready eventN PID" and
//     goes to the background, where it reads gestures from FIFO, one a line:
//       tap X Y
//       swipe X0 Y0 X1 Y1 DURATION_MS
//       quit
// Exit status: 0 ready, 1 failure (a message on stderr).
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/uinput.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static int uinput_fd = -1;

static void fail(const char* what) {
  fprintf(stderr, "box-touch: %s: %s\n", what, strerror(errno));
  exit(1);
}

static void emit(int type, int code, int value) {
  struct input_event ev;
  memset(&ev, 0, sizeof ev);
  ev.type = (unsigned short)type;
  ev.code = (unsigned short)code;
  ev.value = value;
  if (write(uinput_fd, &ev, sizeof ev) != (ssize_t)sizeof ev) fail("write");
}

static void sync_frame(void) { emit(EV_SYN, SYN_REPORT, 0); }

static void sleep_ms(long ms) {
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
  while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
  }
}

static int tracking_id = 100;

static void finger_down(int x, int y) {
  emit(EV_ABS, ABS_MT_SLOT, 0);
  emit(EV_ABS, ABS_MT_TRACKING_ID, ++tracking_id);
  emit(EV_ABS, ABS_MT_POSITION_X, x);
  emit(EV_ABS, ABS_MT_POSITION_Y, y);
  emit(EV_KEY, BTN_TOUCH, 1);
  emit(EV_ABS, ABS_X, x);
  emit(EV_ABS, ABS_Y, y);
  sync_frame();
}

static void finger_move(int x, int y) {
  emit(EV_ABS, ABS_MT_POSITION_X, x);
  emit(EV_ABS, ABS_MT_POSITION_Y, y);
  emit(EV_ABS, ABS_X, x);
  emit(EV_ABS, ABS_Y, y);
  sync_frame();
}

static void finger_up(void) {
  emit(EV_ABS, ABS_MT_TRACKING_ID, -1);
  emit(EV_KEY, BTN_TOUCH, 0);
  sync_frame();
}

static void set_abs(int code, int max) {
  struct uinput_abs_setup abs;
  memset(&abs, 0, sizeof abs);
  abs.code = (unsigned short)code;
  abs.absinfo.minimum = 0;
  abs.absinfo.maximum = max;
  abs.absinfo.resolution = 10;  // units per mm: a 192 mm wide screen at 1920
  if (ioctl(uinput_fd, UI_ABS_SETUP, &abs) != 0) fail("UI_ABS_SETUP");
}

// The PID of a process other than us that has /dev/input/NODE open, or 0.
static long reader_of(const char* node) {
  char target[320];
  snprintf(target, sizeof target, "/dev/input/%s", node);
  DIR* proc = opendir("/proc");
  if (!proc) return 0;
  long found = 0;
  struct dirent* p;
  while (!found && (p = readdir(proc))) {
    long pid = strtol(p->d_name, NULL, 10);
    if (pid <= 0 || pid == (long)getpid()) continue;
    char fd_dir[64];
    snprintf(fd_dir, sizeof fd_dir, "/proc/%ld/fd", pid);
    DIR* fds = opendir(fd_dir);
    if (!fds) continue;
    struct dirent* f;
    while ((f = readdir(fds))) {
      char link[400], dest[128];
      snprintf(link, sizeof link, "%s/%s", fd_dir, f->d_name);
      ssize_t n = readlink(link, dest, sizeof dest - 1);
      if (n <= 0) continue;
      dest[n] = 0;
      if (strcmp(dest, target) == 0) {
        found = pid;
        break;
      }
    }
    closedir(fds);
  }
  closedir(proc);
  return found;
}

int main(int argc, char** argv) {
  if (argc != 5 || strcmp(argv[1], "start") != 0) {
    fprintf(stderr, "usage: box-touch start FIFO WIDTH HEIGHT\n");
    return 2;
  }
  const char* fifo = argv[2];
  const int width = atoi(argv[3]), height = atoi(argv[4]);
  if (width < 2 || height < 2) {
    fprintf(stderr, "box-touch: bad size %sx%s\n", argv[3], argv[4]);
    return 2;
  }
  unlink(fifo);
  if (mkfifo(fifo, 0600) != 0) fail("mkfifo");

  uinput_fd = open("/dev/uinput", O_WRONLY | O_CLOEXEC);
  if (uinput_fd < 0) fail("open /dev/uinput");
  if (ioctl(uinput_fd, UI_SET_EVBIT, EV_KEY) || ioctl(uinput_fd, UI_SET_KEYBIT, BTN_TOUCH) ||
      ioctl(uinput_fd, UI_SET_EVBIT, EV_ABS) || ioctl(uinput_fd, UI_SET_PROPBIT, INPUT_PROP_DIRECT)) {
    fail("UI_SET_*");
  }
  const int axes[] = {ABS_X, ABS_Y, ABS_MT_SLOT, ABS_MT_TRACKING_ID, ABS_MT_POSITION_X, ABS_MT_POSITION_Y};
  for (size_t i = 0; i < sizeof axes / sizeof axes[0]; ++i) {
    if (ioctl(uinput_fd, UI_SET_ABSBIT, axes[i])) fail("UI_SET_ABSBIT");
  }
  set_abs(ABS_X, width - 1);
  set_abs(ABS_Y, height - 1);
  set_abs(ABS_MT_POSITION_X, width - 1);
  set_abs(ABS_MT_POSITION_Y, height - 1);
  set_abs(ABS_MT_SLOT, 9);
  set_abs(ABS_MT_TRACKING_ID, 65535);

  struct uinput_setup setup;
  memset(&setup, 0, sizeof setup);
  setup.id.bustype = BUS_VIRTUAL;
  setup.id.vendor = 0x414e;  // "AN"
  setup.id.product = 0x4145;
  snprintf(setup.name, UINPUT_MAX_NAME_SIZE, "annae box touchscreen");
  if (ioctl(uinput_fd, UI_DEV_SETUP, &setup) || ioctl(uinput_fd, UI_DEV_CREATE)) fail("UI_DEV_CREATE");

  char sysname[64] = "";
  if (ioctl(uinput_fd, UI_GET_SYSNAME(sizeof sysname), sysname) < 0) fail("UI_GET_SYSNAME");
  // The event node inside /sys/devices/virtual/input/<sysname>/.
  char sys_dir[128], node[300] = "";
  snprintf(sys_dir, sizeof sys_dir, "/sys/devices/virtual/input/%s", sysname);
  long reader = 0;
  for (int waited_ms = 0; waited_ms < 60000 && !reader; waited_ms += 50) {
    if (!node[0]) {
      DIR* d = opendir(sys_dir);
      struct dirent* e;
      while (d && (e = readdir(d))) {
        if (strncmp(e->d_name, "event", 5) == 0) snprintf(node, sizeof node, "%s", e->d_name);
      }
      if (d) closedir(d);
    }
    if (node[0]) reader = reader_of(node);
    if (!reader) sleep_ms(50);
  }
  if (!reader) {
    fprintf(stderr, "box-touch: nobody opened /dev/input/%s within 60 s\n", node[0] ? node : "event?");
    return 1;
  }
  printf("ready %s %ld\n", node, reader);
  fflush(stdout);

  if (fork() != 0) return 0;  // the parent reports; the child serves
  setsid();
  int null_fd = open("/dev/null", O_RDWR);
  if (null_fd >= 0) {
    dup2(null_fd, 0);
    dup2(null_fd, 1);
    dup2(null_fd, 2);
  }
  for (;;) {
    FILE* in = fopen(fifo, "r");  // blocks until a writer comes
    if (!in) fail("open FIFO");
    char line[256];
    while (fgets(line, sizeof line, in)) {
      int x0, y0, x1, y1, ms;
      if (sscanf(line, "swipe %d %d %d %d %d", &x0, &y0, &x1, &y1, &ms) == 5) {
        const int steps = ms / 16 > 2 ? ms / 16 : 2;
        finger_down(x0, y0);
        for (int i = 1; i <= steps; ++i) {
          sleep_ms(ms / steps);
          finger_move(x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps);
        }
        finger_up();
      } else if (sscanf(line, "tap %d %d", &x0, &y0) == 2) {
        finger_down(x0, y0);
        sleep_ms(80);
        finger_up();
      } else if (strncmp(line, "quit", 4) == 0) {
        ioctl(uinput_fd, UI_DEV_DESTROY);
        unlink(fifo);
        return 0;
      } else {
        fprintf(stderr, "box-touch: unknown gesture: %s", line);
      }
    }
    fclose(in);
  }
}
