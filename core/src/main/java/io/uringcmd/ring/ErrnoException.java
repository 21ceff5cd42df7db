package io.uringcmd.ring;

import io.uringcmd.abi.Errno;

/** A call that the kernel (or the embedded host, by the kernel's rules) refused with {@code -errno}. */
public class ErrnoException extends RuntimeException {
    private final String call;
    private final int errno;

    public ErrnoException(String call, int negativeErrno, String hint) {
        super(call + " failed: " + Errno.describe(negativeErrno) + (hint == null || hint.isEmpty() ? "" : " - " + hint));
        this.call = call;
        this.errno = -negativeErrno;
    }

    /** Throws if {@code ret < 0}, else returns it. */
    public static int check(String call, int ret) {
        if (ret < 0) throw new ErrnoException(call, ret, null);
        return ret;
    }

    /** The positive errno value. */
    public int errno() { return errno; }

    /** The {@link Errno}, or null if the table does not name this value. */
    public Errno errnoName() { return Errno.of(errno); }

    public String call() { return call; }
}
