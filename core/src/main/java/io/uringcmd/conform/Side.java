package io.uringcmd.conform;

import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe;

/**
 * One backend the corpus runs on: the Linux kernel of this machine, or the embedded host. A side owns the files the
 * targets name and opens rings; the runner does the rest through the shared ring client.
 */
public interface Side extends AutoCloseable {

    /** "kernel" or "embedded". */
    String name();

    /** A longer description for reports: "linux 6.18.44". */
    String describe();

    /** {@code io_uring_setup}; throws {@link io.uringcmd.ring.ErrnoException} with the errno the side answered. */
    IoUring<Sqe> setup(RingSetup<Sqe> setup);

    /** The fd number of a plain target ({@link Target#ACCEPTS_ALL}, {@link Target#NO_URING_CMD}, {@link Target#CLOSED}). */
    int fd(Target target);

    /**
     * On the kernel: whether a MULTISHOT uring_cmd to {@code fd} is proven to fail before any driver runs (a regular
     * file: -EOPNOTSUPP; no file: -EBADF). The embedded side answers from its own table. The runner refuses to
     * submit a MULTISHOT uring_cmd to anything else (shared/kernel-uring-cmd.md §3.6: it would leak).
     */
    boolean failsBeforeDriver(int fd);

    @Override
    void close();
}
