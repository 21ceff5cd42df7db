package io.uringcmd.driver;

import io.uringcmd.abi.Errno;

/**
 * A device's error return: the Java form of Rust's {@code Err(EINVAL)} / C's {@code return -EINVAL}. Thrown from a
 * device operation, it becomes {@code -errno} in the CQE (or the ioctl result). Stackless: throwing it is cheap.
 */
public final class DeviceException extends Exception {
    private final Errno errno;

    public DeviceException(Errno errno) { this(errno, null); }

    public DeviceException(Errno errno, String message) {
        super(message == null ? errno.name() : errno.name() + ": " + message, null, false, false);
        this.errno = errno;
    }

    public Errno errno() { return errno; }

    /** The value a CQE carries: {@code -errno}. */
    public int negative() { return -errno.value(); }
}
