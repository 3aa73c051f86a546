// The WAN emulator's forwarder: joins two network namespaces through one TUN device in each and
// carries every IP packet across with a rate cap, a queue limit, random loss and a one-way delay.
//
// wanfwd <netns-a> <tun-a> <netns-b> <tun-b> <rate-bps> <delay-ns> <loss> <queue-bytes> <seed>
//
//   rate-bps     serialisation rate per direction, 0 for none
//   delay-ns     one-way propagation delay added to every packet
//   loss         probability in [0,1) that a packet is dropped, drawn independently per packet
//   queue-bytes  bytes allowed to wait for the rate cap; a packet arriving to a fuller queue is dropped
//
// The TUN devices are created here (not persistent), so they vanish when this process exits. It
// prints "ready" once both exist. Each line read on stdin prints a stats line; end of stdin (the
// controller went away) or SIGTERM/SIGINT prints final stats and exits.
//
// Design: one thread, epoll over both TUNs, stdin and a timerfd. Rate, queue and delay are all
// decided when a packet arrives: its departure time is when the link becomes free, its delivery
// time that plus the delay. Both grow monotonically per direction, so each direction's delay line
// is a FIFO — a byte ring — with no sorting, and one timer armed for the earliest head.

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#define MAX_PACKET 65536
#define READ_BATCH 64
#define RING_SLACK (4u << 20)
#define RING_LIMIT (1024ull << 20)

struct record {            // one packet in a delay line; data follows, padded to 8 bytes
    uint64_t deliver_ns;   // 0 marks a wrap: the next record starts at offset 0
    uint32_t length;
    uint32_t padding;
};

struct direction {
    const char *name;
    int in_fd, out_fd;
    uint8_t *ring;
    size_t capacity, head, tail, used;   // head: oldest record; tail: where the next goes
    uint64_t link_free_ns;               // when the rate-capped link finishes its last packet
    uint64_t packets_in, bytes_in, forwarded, bytes_forwarded, lost, queue_drops, ring_drops, write_drops;
};

static uint64_t rate_bps, delay_ns, queue_bytes;
static double loss;
static uint64_t rng_state;
static volatile sig_atomic_t stop_requested;
static uint64_t started_ns;

static void die(const char *what) {
    fprintf(stderr, "error %s: %s\n", what, strerror(errno));
    exit(1);
}

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t) ts.tv_sec * 1000000000ull + (uint64_t) ts.tv_nsec;
}

// xorshift64*: fast, and a fixed seed makes a run reproducible.
static double uniform(void) {
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (double) ((rng_state * 0x2545F4914F6CDD1Dull) >> 11) / 9007199254740992.0;
}

static int open_tun_in(const char *netns, const char *device) {
    char path[512];
    snprintf(path, sizeof path, "/var/run/netns/%s", netns);
    int ns = open(path, O_RDONLY | O_CLOEXEC);
    if (ns < 0) die(path);
    if (setns(ns, CLONE_NEWNET) < 0) die("setns");
    close(ns);
    int fd = open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) die("/dev/net/tun");
    struct ifreq request;
    memset(&request, 0, sizeof request);
    request.ifr_flags = IFF_TUN | IFF_NO_PI;
    strncpy(request.ifr_name, device, IFNAMSIZ - 1);
    if (ioctl(fd, TUNSETIFF, &request) < 0) die("TUNSETIFF");
    return fd;
}

static size_t padded(size_t length) {
    return (sizeof(struct record) + length + 7) & ~(size_t) 7;
}

static void ring_init(struct direction *d) {
    // Holds everything in flight on the path plus the queue; headers can outweigh tiny packets.
    double in_flight = (double) rate_bps / 8.0 * ((double) delay_ns / 1e9);
    if (rate_bps == 0) in_flight = 64.0 * (1 << 20);
    uint64_t capacity = (uint64_t) (2.0 * (in_flight + (double) queue_bytes)) + RING_SLACK;
    if (capacity > RING_LIMIT) capacity = RING_LIMIT;
    d->capacity = (size_t) capacity & ~(size_t) 7;
    d->ring = malloc(d->capacity);
    if (d->ring == NULL) die("malloc");
}

// Appends a packet, or returns 0 when the ring has no room for it.
static int ring_push(struct direction *d, uint64_t deliver_ns, const uint8_t *data, uint32_t length) {
    size_t need = padded(length);
    size_t until_end = d->capacity - d->tail;
    size_t wrap_waste = 0;
    if (until_end < need) wrap_waste = until_end;
    if (d->used + wrap_waste + need > d->capacity) return 0;
    if (wrap_waste > 0) {
        if (until_end >= sizeof(struct record)) ((struct record *) (d->ring + d->tail))->deliver_ns = 0;
        d->used += wrap_waste;
        d->tail = 0;
    }
    struct record *r = (struct record *) (d->ring + d->tail);
    r->deliver_ns = deliver_ns;
    r->length = length;
    memcpy(d->ring + d->tail + sizeof(struct record), data, length);
    d->tail = (d->tail + need) % d->capacity;
    d->used += need;
    return 1;
}

// The oldest record, skipping wrap markers; NULL when empty.
static struct record *ring_head(struct direction *d) {
    while (d->used > 0) {
        size_t until_end = d->capacity - d->head;
        if (until_end < sizeof(struct record) || ((struct record *) (d->ring + d->head))->deliver_ns == 0) {
            d->used -= until_end;
            d->head = 0;
            continue;
        }
        return (struct record *) (d->ring + d->head);
    }
    return NULL;
}

static void ring_pop(struct direction *d, struct record *r) {
    size_t need = padded(r->length);
    d->head = (d->head + need) % d->capacity;
    d->used -= need;
}

static void admit(struct direction *d, const uint8_t *packet, uint32_t length, uint64_t now) {
    d->packets_in++;
    d->bytes_in += length;
    if (loss > 0 && uniform() < loss) {
        d->lost++;
        return;
    }
    uint64_t depart = now;
    if (rate_bps > 0) {
        uint64_t start = d->link_free_ns > now ? d->link_free_ns : now;
        uint64_t backlog_bytes = (uint64_t) ((double) (start - now) * (double) rate_bps / 8e9);
        if (backlog_bytes + length > queue_bytes) {
            d->queue_drops++;
            return;
        }
        depart = start + (uint64_t) ((double) length * 8e9 / (double) rate_bps);
    }
    if (!ring_push(d, depart + delay_ns, packet, length)) {
        d->ring_drops++;
        return;
    }
    if (rate_bps > 0) d->link_free_ns = depart;
}

static void read_packets(struct direction *d) {
    static uint8_t packet[MAX_PACKET];
    for (int i = 0; i < READ_BATCH; i++) {
        ssize_t n = read(d->in_fd, packet, sizeof packet);
        if (n < 0) {
            if (errno == EAGAIN || errno == EINTR) return;
            die("read tun");
        }
        admit(d, packet, (uint32_t) n, now_ns());
    }
}

static void deliver_due(struct direction *d, uint64_t now) {
    struct record *r;
    while ((r = ring_head(d)) != NULL && r->deliver_ns <= now) {
        ssize_t n = write(d->out_fd, (uint8_t *) r + sizeof(struct record), r->length);
        if (n < 0) {
            d->write_drops++;
        } else {
            d->forwarded++;
            d->bytes_forwarded += r->length;
        }
        ring_pop(d, r);
    }
}

static void arm_timer(int timer_fd, struct direction *dirs) {
    uint64_t next = 0;
    for (int i = 0; i < 2; i++) {
        struct record *r = ring_head(&dirs[i]);
        if (r != NULL && (next == 0 || r->deliver_ns < next)) next = r->deliver_ns;
    }
    struct itimerspec spec;
    memset(&spec, 0, sizeof spec);
    if (next != 0) {
        spec.it_value.tv_sec = (time_t) (next / 1000000000ull);
        spec.it_value.tv_nsec = (long) (next % 1000000000ull);
    }
    if (timerfd_settime(timer_fd, TFD_TIMER_ABSTIME, &spec, NULL) < 0) die("timerfd_settime");
}

// CPU time includes the kernel work done on this thread's behalf: writing a packet into a TUN
// device runs the receiving stack up to the socket in this context.
static double cpu_seconds(void) {
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return (double) usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6
         + (double) usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static void print_stats(struct direction *dirs) {
    printf("stats cpu_seconds=%.3f uptime_seconds=%.3f", cpu_seconds(), (double) (now_ns() - started_ns) / 1e9);
    for (int i = 0; i < 2; i++) {
        struct direction *d = &dirs[i];
        printf(" %s_packets_in=%llu %s_bytes_in=%llu %s_forwarded=%llu %s_bytes_forwarded=%llu %s_lost=%llu"
               " %s_queue_drops=%llu %s_ring_drops=%llu %s_write_drops=%llu",
               d->name, (unsigned long long) d->packets_in, d->name, (unsigned long long) d->bytes_in,
               d->name, (unsigned long long) d->forwarded, d->name, (unsigned long long) d->bytes_forwarded,
               d->name, (unsigned long long) d->lost, d->name, (unsigned long long) d->queue_drops,
               d->name, (unsigned long long) d->ring_drops, d->name, (unsigned long long) d->write_drops);
    }
    printf("\n");
    fflush(stdout);
}

static void on_signal(int signal_number) {
    (void) signal_number;
    stop_requested = 1;
}

static void watch(int epoll_fd, int fd) {
    struct epoll_event event = {.events = EPOLLIN, .data.fd = fd};
    if (epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &event) < 0) die("epoll_ctl");
}

int main(int argc, char **argv) {
    if (argc != 10) {
        fprintf(stderr, "error usage: wanfwd <netns-a> <tun-a> <netns-b> <tun-b> <rate-bps> <delay-ns> <loss>"
                        " <queue-bytes> <seed>\n");
        return 2;
    }
    rate_bps = strtoull(argv[5], NULL, 10);
    delay_ns = strtoull(argv[6], NULL, 10);
    loss = strtod(argv[7], NULL);
    queue_bytes = strtoull(argv[8], NULL, 10);
    rng_state = strtoull(argv[9], NULL, 10) | 1;
    started_ns = now_ns();
    // Timer wake-ups within a microsecond keep delivery smooth at 80k packets per second.
    prctl(PR_SET_TIMERSLACK, 1000UL, 0, 0, 0);
    signal(SIGPIPE, SIG_IGN);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_signal;
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGINT, &action, NULL);

    int home = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
    if (home < 0) die("/proc/self/ns/net");
    int tun_a = open_tun_in(argv[1], argv[2]);
    int tun_b = open_tun_in(argv[3], argv[4]);
    // Each TUN stays in the namespace it was created in; this process goes home so that it pins neither.
    if (setns(home, CLONE_NEWNET) < 0) die("setns home");
    close(home);
    struct direction dirs[2] = {
        {.name = "ab", .in_fd = tun_a, .out_fd = tun_b},
        {.name = "ba", .in_fd = tun_b, .out_fd = tun_a},
    };
    ring_init(&dirs[0]);
    ring_init(&dirs[1]);

    int timer_fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    if (timer_fd < 0) die("timerfd_create");
    int epoll_fd = epoll_create1(EPOLL_CLOEXEC);
    if (epoll_fd < 0) die("epoll_create1");
    watch(epoll_fd, tun_a);
    watch(epoll_fd, tun_b);
    watch(epoll_fd, timer_fd);
    watch(epoll_fd, STDIN_FILENO);
    printf("ready\n");
    fflush(stdout);

    char line[256];
    while (!stop_requested) {
        struct epoll_event events[8];
        int count = epoll_wait(epoll_fd, events, 8, -1);
        if (count < 0) {
            if (errno == EINTR) continue;
            die("epoll_wait");
        }
        for (int i = 0; i < count; i++) {
            int fd = events[i].data.fd;
            if (fd == tun_a) read_packets(&dirs[0]);
            else if (fd == tun_b) read_packets(&dirs[1]);
            else if (fd == timer_fd) {
                uint64_t expirations;
                if (read(timer_fd, &expirations, sizeof expirations) < 0 && errno != EAGAIN) die("read timerfd");
            } else if (fd == STDIN_FILENO) {
                ssize_t n = read(STDIN_FILENO, line, sizeof line);
                if (n <= 0) stop_requested = 1;
                else print_stats(dirs);
            }
        }
        uint64_t now = now_ns();
        deliver_due(&dirs[0], now);
        deliver_due(&dirs[1], now);
        arm_timer(timer_fd, dirs);
    }
    print_stats(dirs);
    return 0;
}
