package io.uringcmd.linux;

import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.Sqe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.uringcmd.RingTests.submitOne;

/** Helpers shared by the kernel tests: targets and prep-rule checks (CQE reaping: {@link io.uringcmd.RingTests}). Not a test. */
final class KernelTests {
    private KernelTests() {}

    /** An fd no process here has open: io_uring looks it up at issue and gives -EBADF. */
    static final int BAD_FD = 999;

    /** A regular file with a few bytes in it, opened read-write; deleted on close. */
    static final class RegularFile implements AutoCloseable {
        final Path path;
        final int fd;

        RegularFile() {
            try {
                path = Files.createTempFile("uringcmd-test-", ".dat");
                Files.write(path, new byte[]{1, 2, 3, 4});
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            fd = Fds.open(path, Fds.O_RDWR);
        }

        @Override
        public void close() {
            Fds.close(fd);
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** /dev/null opened read-write: its uring_cmd returns 0 for anything (§5.4). */
    static int openDevNull() { return Fds.open("/dev/null", Fds.O_RDWR); }

    /**
     * Pins a prep rule's precedence (shared/kernel-uring-cmd.md §2.1, §2.2, §9): the same uring_cmd (cmd_op 0) is sent
     * to /dev/null, to fd 999 and to a regular file, first as is (0, -EBADF, -EOPNOTSUPP: the file is looked up and
     * the driver called only at issue) and then with {@code breakIt} applied, which must give -EINVAL on all three.
     */
    static void assertPrepEinvalOnEveryTarget(java.util.function.Consumer<Sqe> breakIt) {
        try (IoUring<?> ring = Linux.setup(io.uringcmd.ring.RingSetup.entries(4));
             RegularFile file = new RegularFile()) {
            int devNull = openDevNull();
            try {
                int[] targets = {devNull, BAD_FD, file.fd};
                int[] baseline = {0, -9, -95};
                for (int i = 0; i < targets.length; i++) {
                    cmd(ring, targets[i], 10 + i);
                    org.junit.jupiter.api.Assertions.assertEquals(new CqeRecord(10 + i, baseline[i], 0), submitOne(ring), "baseline, target " + i);
                    breakIt.accept(cmd(ring, targets[i], 20 + i));
                    org.junit.jupiter.api.Assertions.assertEquals(new CqeRecord(20 + i, -22, 0), submitOne(ring), "broken SQE, target " + i);
                }
            } finally {
                Fds.close(devNull);
            }
        }
    }

    /**
     * Waits (up to 10 s) until ioctl(fd, request) reports {@code expected}: loopback delivery normally finishes inside
     * write(2), this only guards against a softirq that runs late. Fails if the value never appears.
     */
    static void awaitIoctl(int fd, int request, int expected) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        int v;
        while ((v = Fds.ioctlInt(fd, request)) != expected) {
            if (System.nanoTime() > deadline) org.junit.jupiter.api.Assertions.fail("ioctl(0x" + Integer.toHexString(request) + ") stayed " + v + ", expected " + expected);
            Thread.onSpinWait();
        }
    }

    /** A 1 MiB loop device, or the test is skipped saying why (not root, no losetup); close it in try-with-resources. */
    static LoopDevice loopDeviceOrSkip() {
        String reason = LoopDevice.unavailableReason();
        org.junit.jupiter.api.Assumptions.assumeTrue(reason == null, () -> "skipped: " + reason);
        return LoopDevice.create(1 << 20);
    }

    /** Preps a uring_cmd with cmd_op 0 to {@code fd} and user_data {@code userData}. */
    static Sqe cmd(IoUring<?> ring, int fd, long userData) {
        return ring.sqe().prepUringCmd(fd, 0).userData(userData);
    }
}
