/*
 * uringbench: the liburing baseline for uringcmd's benchmarks (see docs/BENCHMARKS.md).
 *
 * The loop is the one the Java side runs (io.uringcmd.bench.KernelCase): claim `batch` SQEs and prep each,
 * io_uring_submit_and_wait(batch), reap all `batch` CQEs (checking each res), advance the CQ once.
 * The clock is read every max(1, 256/batch) batches on both sides.
 *
 *   uringbench CASE BATCH WARMUP_MS MEASURE_MS   one measurement, then exit
 *   uringbench --serve                           reads "CASE BATCH WARMUP_MS MEASURE_MS" lines from stdin, one
 *                                                RESULT line each, so a driver can alternate with the Java side
 * CASE: nop | siocinq (SOCKET_URING_OP_SIOCINQ uring_cmd on a loopback TCP socket holding 9 unread bytes).
 * Output: RESULT case=nop batch=32 ops=N nanos=T ops_per_s=X   (or ERROR ... and exit status 1)
 *
 * Built by bench/c/build.sh from Debian's liburing-dev. Bookworm has liburing 2.3, which predates
 * io_uring_prep_cmd_sock (2.5), so the uring_cmd SQE is prepared by hand exactly as 2.5 does it.
 */
#define _GNU_SOURCE
#include <liburing.h>
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#ifndef SOCKET_URING_OP_SIOCINQ
#define SOCKET_URING_OP_SIOCINQ 0
#endif
#ifndef LIBURING_VERSION
#define LIBURING_VERSION "unknown"
#endif
#define RING_ENTRIES 128
#define PAYLOAD 9

static struct io_uring ring;
static int sock_rx = -1;

static void die(const char *what, int err) {
	printf("ERROR %s: %s\n", what, strerror(err));
	fflush(stdout);
	exit(1);
}

static uint64_t now_ns(void) {
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

/* A connected loopback TCP pair; the receiving end holds PAYLOAD unread bytes. */
static void open_sockets(void) {
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof(a);
	int l = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (l < 0) die("socket", errno);
	if (bind(l, (struct sockaddr *)&a, sizeof(a)) || listen(l, 1) || getsockname(l, (struct sockaddr *)&a, &len))
		die("bind/listen", errno);
	int tx = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (tx < 0 || connect(tx, (struct sockaddr *)&a, sizeof(a))) die("connect", errno);
	sock_rx = accept(l, NULL, NULL);
	if (sock_rx < 0) die("accept", errno);
	close(l);
	if (write(tx, "uringcmd!", PAYLOAD) != PAYLOAD) die("write", errno);
	for (int i = 0, n = 0; n != PAYLOAD; i++) {
		if (ioctl(sock_rx, FIONREAD, &n)) die("ioctl(FIONREAD)", errno);
		if (i > 1000000) die("loopback data never arrived", ETIMEDOUT);
	}
	/* tx stays open (and unread data stays queued) for the life of the process. */
}

static inline void prep_siocinq(struct io_uring_sqe *sqe, int fd) {
	/* io_uring_prep_cmd_sock(sqe, SOCKET_URING_OP_SIOCINQ, fd, 0, 0, NULL, 0) from liburing 2.5 */
	io_uring_prep_rw(IORING_OP_URING_CMD, sqe, fd, NULL, 0, 0);
	sqe->cmd_op = SOCKET_URING_OP_SIOCINQ;
}

/* One batch; returns 0, or exits on a wrong CQE. */
static inline void run_batch(int siocinq, unsigned batch) {
	for (unsigned i = 0; i < batch; i++) {
		struct io_uring_sqe *sqe = io_uring_get_sqe(&ring);
		if (!sqe) die("io_uring_get_sqe: SQ full", EBUSY);
		if (siocinq) prep_siocinq(sqe, sock_rx);
		else io_uring_prep_nop(sqe);
		sqe->user_data = i;
	}
	int r = io_uring_submit_and_wait(&ring, batch);
	if (r != (int)batch) die("io_uring_submit_and_wait", r < 0 ? -r : EIO);
	unsigned head, seen = 0;
	struct io_uring_cqe *cqe;
	int want = siocinq ? PAYLOAD : 0;
	io_uring_for_each_cqe(&ring, head, cqe) {
		if (cqe->res != want) die(siocinq ? "SIOCINQ CQE res" : "NOP CQE res", cqe->res < 0 ? -cqe->res : EIO);
		seen++;
	}
	if (seen != batch) die("CQE count", EIO);
	io_uring_cq_advance(&ring, seen);
}

static int measure(const char *name, unsigned batch, long warmup_ms, long measure_ms) {
	int siocinq;
	if (!strcmp(name, "nop")) siocinq = 0;
	else if (!strcmp(name, "siocinq")) siocinq = 1;
	else { printf("ERROR unknown case %s (nop, siocinq)\n", name); fflush(stdout); return 1; }
	if (batch < 1 || batch > RING_ENTRIES) { printf("ERROR batch %u outside 1..%d\n", batch, RING_ENTRIES); fflush(stdout); return 1; }
	if (siocinq && sock_rx < 0) open_sockets();
	unsigned every = batch >= 256 ? 1 : 256 / batch;
	uint64_t end = now_ns() + (uint64_t)warmup_ms * 1000000ull;
	while (now_ns() < end)
		for (unsigned k = 0; k < every; k++) run_batch(siocinq, batch);
	uint64_t ops = 0, start = now_ns(), t;
	end = start + (uint64_t)measure_ms * 1000000ull;
	do {
		for (unsigned k = 0; k < every; k++) run_batch(siocinq, batch);
		ops += (uint64_t)every * batch;
	} while ((t = now_ns()) < end);
	uint64_t nanos = t - start;
	printf("RESULT case=%s batch=%u ops=%llu nanos=%llu ops_per_s=%.1f\n", name, batch, (unsigned long long)ops,
	       (unsigned long long)nanos, ops * 1e9 / (double)nanos);
	fflush(stdout);
	return 0;
}

int main(int argc, char **argv) {
	int r = io_uring_queue_init(RING_ENTRIES, &ring, 0);
	if (r < 0) die("io_uring_queue_init", -r);
	if (argc == 5) return measure(argv[1], (unsigned)atoi(argv[2]), atol(argv[3]), atol(argv[4]));
	if (argc == 2 && !strcmp(argv[1], "--serve")) {
		char line[256], name[32];
		unsigned batch;
		long w, m;
		printf("READY liburing %s\n", LIBURING_VERSION);
		fflush(stdout);
		while (fgets(line, sizeof(line), stdin)) {
			if (sscanf(line, "%31s %u %ld %ld", name, &batch, &w, &m) != 4) {
				printf("ERROR bad command: %s", line);
				fflush(stdout);
				continue;
			}
			measure(name, batch, w, m);
		}
		return 0;
	}
	fprintf(stderr, "usage: %s CASE BATCH WARMUP_MS MEASURE_MS | --serve   (CASE: nop, siocinq)\n", argv[0]);
	return 2;
}
