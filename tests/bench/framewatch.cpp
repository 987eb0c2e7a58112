// framewatch: times what the user sees. Grabs the X root window (XShmGetImage through shared
// memory, a few ms even on a loaded machine; XGetImage where MIT-SHM is missing) every few ms,
// starts a command (the application, or `xdotool key ...`), and reports when the screen first
// changed and when it settled (the last change followed by a quiet period), in ms since the
// command was started. It knows nothing of the program it watches: only pixels count.
//
// A change smaller than a text caret (at most 3 px wide) is ignored, so a blinking cursor in a
// line edit does not keep the screen "busy".
//
// With --match, it also reports when a region first looked as it does at the end and never
// changed again: for "rows painted" that is the frame with the real rows, not the frame with
// placeholder rows or a "loading" label that came before.
//
// With --ignore, changes inside a region do not count at all (a progress bar in the status bar
// that moves for a minute would keep the screen from ever settling).
//
// usage: framewatch [--quiet MS] [--timeout MS] [--detach] [--save DIR] [--match WxH+X+Y]
//                   [--ignore WxH+X+Y] -- command...
//   --quiet MS    quiet period that ends a measurement (default 1000)
//   --timeout MS  give up after MS (default 30000); "settled" is then -1
//   --detach      leave the command running when done (the application under test) and print
//                 its pid; without it the command is waited for (xdotool)
//   --save DIR    write every counted frame as DIR/f_<ms>.ppm (for looking at what was timed)
//   --match GEOM  report match=<ms>: the time from which GEOM's pixels equal the final ones
//   --ignore GEOM changes inside GEOM count for nothing
// prints one line: first=<ms> settled=<ms> [match=<ms>] frames=<n> grab=<ms per grab> [pid=<pid>]
//
// GPL-3.0-or-later

#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XShm.h>
#include <sys/ipc.h>
#include <sys/shm.h>

#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <string>
#include <vector>

static double nowMs()
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

// Bounding box of the pixels that differ between A and B (same geometry); 0 when none differ.
static int changedBox(const XImage *a, const XImage *b, int *width, int *height)
{
    int top = -1, bottom = -1, left = a->width, right = -1;
    const int bpp = a->bits_per_pixel / 8;
    for (int y = 0; y < a->height; ++y) {
        const char *ra = a->data + (size_t)y * a->bytes_per_line;
        const char *rb = b->data + (size_t)y * b->bytes_per_line;
        if (!memcmp(ra, rb, (size_t)a->width * bpp))
            continue;
        if (top < 0)
            top = y;
        bottom = y;
        for (int x = 0; x < a->width; ++x) {
            if (memcmp(ra + (size_t)x * bpp, rb + (size_t)x * bpp, bpp) != 0) {
                if (x < left)
                    left = x;
                break;
            }
        }
        for (int x = a->width - 1; x >= 0; --x) {
            if (memcmp(ra + (size_t)x * bpp, rb + (size_t)x * bpp, bpp) != 0) {
                if (x > right)
                    right = x;
                break;
            }
        }
    }
    if (top < 0)
        return 0;
    *width = right - left + 1;
    *height = bottom - top + 1;
    return 1;
}

// The pixels of GEOM in IMG, row by row.
static std::string crop(const XImage *img, int x, int y, int w, int h)
{
    std::string out;
    const int bpp = img->bits_per_pixel / 8;
    for (int r = y; r < y + h && r < img->height; ++r)
        out.append(img->data + (size_t)r * img->bytes_per_line + (size_t)x * bpp, (size_t)w * bpp);
    return out;
}

// Grabs the root window: through shared memory when the server offers it (no copy through the
// socket), else XGetImage. Every grab is a new image the caller destroys.
struct Grabber
{
    Display *display;
    Window root;
    unsigned w, h;
    XImage *shm = nullptr;
    XShmSegmentInfo info {};

    Grabber(Display *d, Window r, unsigned width, unsigned height)
        : display(d)
        , root(r)
        , w(width)
        , h(height)
    {
        if (!XShmQueryExtension(display))
            return;
        const int screen = DefaultScreen(display);
        shm = XShmCreateImage(
            display, DefaultVisual(display, screen), DefaultDepth(display, screen), ZPixmap, nullptr, &info, w, h);
        if (!shm)
            return;
        info.shmid = shmget(IPC_PRIVATE, (size_t)shm->bytes_per_line * shm->height, IPC_CREAT | 0600);
        info.shmaddr = shm->data = (char *)shmat(info.shmid, nullptr, 0);
        info.readOnly = False;
        if (info.shmid < 0 || !XShmAttach(display, &info)) {
            XDestroyImage(shm);
            shm = nullptr;
            return;
        }
        shmctl(info.shmid, IPC_RMID, nullptr); // freed when both sides detach
    }
    // No destructor: the segment was marked for removal, and the server detaches it when we disconnect.
    XImage *grab()
    {
        if (!shm || !XShmGetImage(display, root, shm, 0, 0, AllPlanes))
            return XGetImage(display, root, 0, 0, w, h, AllPlanes, ZPixmap);
        const size_t size = (size_t)shm->bytes_per_line * shm->height;
        char *data = (char *)malloc(size);
        memcpy(data, shm->data, size);
        return XCreateImage(display, DefaultVisual(display, DefaultScreen(display)), shm->depth, ZPixmap, 0, data, w, h,
            shm->bitmap_pad, shm->bytes_per_line);
    }
};

static void saveFrame(const char *dir, double t, XImage *img)
{
    char name[1024];
    snprintf(name, sizeof name, "%s/f_%06.0f.ppm", dir, t);
    FILE *f = fopen(name, "wb");
    if (!f)
        return;
    fprintf(f, "P6 %d %d 255\n", img->width, img->height);
    for (int y = 0; y < img->height; ++y) {
        for (int x = 0; x < img->width; ++x) {
            const unsigned long p = XGetPixel(img, x, y);
            fputc((int)((p >> 16) & 255), f);
            fputc((int)((p >> 8) & 255), f);
            fputc((int)(p & 255), f);
        }
    }
    fclose(f);
}

int main(int argc, char **argv)
{
    double quiet = 1000, timeout = 30000;
    int detach = 0;
    const char *save = nullptr;
    int mw = 0, mh = 0, mx = 0, my = 0;
    int iw = 0, ih = 0, ix = 0, iy = 0;
    int i = 1;
    for (; i < argc && strcmp(argv[i], "--") != 0; ++i) {
        if (!strcmp(argv[i], "--quiet") && i + 1 < argc)
            quiet = atof(argv[++i]);
        else if (!strcmp(argv[i], "--timeout") && i + 1 < argc)
            timeout = atof(argv[++i]);
        else if (!strcmp(argv[i], "--detach"))
            detach = 1;
        else if (!strcmp(argv[i], "--save") && i + 1 < argc)
            save = argv[++i];
        else if (!strcmp(argv[i], "--match") && i + 1 < argc) {
            if (sscanf(argv[++i], "%dx%d+%d+%d", &mw, &mh, &mx, &my) != 4) {
                fprintf(stderr, "framewatch: --match takes WxH+X+Y\n");
                return 2;
            }
        } else if (!strcmp(argv[i], "--ignore") && i + 1 < argc) {
            if (sscanf(argv[++i], "%dx%d+%d+%d", &iw, &ih, &ix, &iy) != 4) {
                fprintf(stderr, "framewatch: --ignore takes WxH+X+Y\n");
                return 2;
            }
        } else {
            fprintf(stderr, "framewatch: unknown argument %s\n", argv[i]);
            return 2;
        }
    }
    if (i >= argc - 1) {
        fprintf(stderr, "usage: framewatch [--quiet MS] [--timeout MS] [--detach] [--save DIR] -- command...\n");
        return 2;
    }
    char **command = argv + i + 1;
    Display *display = XOpenDisplay(nullptr);
    if (!display) {
        fprintf(stderr, "framewatch: cannot open the X display\n");
        return 2;
    }
    const Window root = DefaultRootWindow(display);
    XWindowAttributes attributes;
    XGetWindowAttributes(display, root, &attributes);
    const unsigned w = (unsigned)attributes.width, h = (unsigned)attributes.height;

    Grabber grabber(display, root, w, h);
    XImage *previous = grabber.grab();
    // The region at each change (time, pixels): the last entry is the final look.
    std::vector<std::pair<double, std::string>> looks;
    if (mw > 0)
        looks.emplace_back(0.0, crop(previous, mx, my, mw, mh));
    const double t0 = nowMs();
    const pid_t pid = fork();
    if (pid == 0) {
        const int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
        if (detach)
            setsid(); // survives us; the caller ends it by pid
        execvp(command[0], command);
        _exit(127);
    }
    double first = -1, last = -1;
    int frames = 0, grabs = 0, exited = 0;
    for (;;) {
        XImage *image = grabber.grab();
        ++grabs;
        if (iw > 0) { // the ignored region keeps the previous frame's pixels: no change there counts
            const int bpp = image->bits_per_pixel / 8;
            for (int r = iy; r < iy + ih && r < image->height; ++r) {
                const int x = ix < image->width ? ix : image->width;
                const int n = (ix + iw <= image->width ? iw : image->width - x) * bpp;
                memcpy(image->data + (size_t)r * image->bytes_per_line + (size_t)x * bpp,
                    previous->data + (size_t)r * previous->bytes_per_line + (size_t)x * bpp, (size_t)n);
            }
        }
        const double t = nowMs() - t0;
        int bw = 0, bh = 0;
        if (changedBox(previous, image, &bw, &bh)) {
            if (bw > 3) { // a caret blink is 1-2 px wide
                if (first < 0)
                    first = t;
                last = t;
                ++frames;
                if (mw > 0) {
                    std::string look = crop(image, mx, my, mw, mh);
                    if (look != looks.back().second)
                        looks.emplace_back(t, std::move(look));
                }
                if (save)
                    saveFrame(save, t, image);
            }
            XDestroyImage(previous);
            previous = image;
        } else {
            XDestroyImage(image);
        }
        const double now = nowMs() - t0;
        if (last >= 0 && now - last >= quiet)
            break;
        if (now >= timeout) {
            last = -1;
            break;
        }
        if (!detach && !exited) {
            int status;
            if (waitpid(pid, &status, WNOHANG) == pid)
                exited = 1;
        }
        usleep(2000);
    }
    XDestroyImage(previous);
    if (!detach && !exited)
        waitpid(pid, nullptr, 0);
    printf("first=%.0f settled=%.0f", first, last);
    if (mw > 0) // the region changed last at looks.back(): from then on it looked final
        printf(" match=%.0f", last < 0 ? -1.0 : looks.back().first);
    printf(" frames=%d grab=%.1f", frames, (nowMs() - t0) / grabs);
    if (detach)
        printf(" pid=%d", (int)pid);
    printf("\n");
    XCloseDisplay(display);
    return last < 0 ? 1 : 0;
}
