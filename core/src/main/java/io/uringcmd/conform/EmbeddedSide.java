package io.uringcmd.conform;

import io.uringcmd.driver.IoUringCmd;
import io.uringcmd.driver.IssueFlags;
import io.uringcmd.driver.MiscDevice;
import io.uringcmd.driver.OpenContext;
import io.uringcmd.driver.UringCmdAction;
import io.uringcmd.embedded.Host;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe;

/**
 * The embedded host. Each ring gets a fresh {@link Host} (so no state leaks between cases) with two devices that
 * pair with the kernel's files: {@code /dev/zero-ok}, whose uringCmd answers 0 to anything as {@code /dev/null}'s
 * does, and {@code /dev/no-cmd}, which has no uringCmd, as a regular file has none. The closed fd is, as on the
 * kernel side, a number no file of the host can have.
 */
public final class EmbeddedSide implements Side {
    /** Never in a host's file table (tables grow from 64 by doubling as files are opened; a case opens a handful). */
    static final int CLOSED_FD = 1 << 24;

    /** Answers every uring_cmd with 0, whatever its fields: the pair of /dev/null ({@code null_fops.uring_cmd}). */
    static final class ZeroOk implements MiscDevice<Object>, MiscDevice.UringCmd<Object> {
        @Override public Object open(OpenContext context) { return this; }
        @Override public UringCmdAction uringCmd(Object file, IoUringCmd cmd, IssueFlags issueFlags) { return cmd.complete(0); }
    }

    /** No uringCmd: the pair of a regular file ({@code f_op->uring_cmd == NULL}). */
    static final class NoCmd implements MiscDevice<Object> {
        @Override public Object open(OpenContext context) { return this; }
    }

    private Host host;
    private int zeroOk = -1, noCmd = -1;

    @Override public String name() { return "embedded"; }

    @Override public String describe() { return "embedded host"; }

    @Override
    public IoUring<Sqe> setup(RingSetup<Sqe> setup) {
        if (host != null) host.close();
        host = new Host();
        host.register("zero-ok", new ZeroOk());
        host.register("no-cmd", new NoCmd());
        zeroOk = host.open("/dev/zero-ok");
        noCmd = host.open("/dev/no-cmd");
        return host.setup(setup);
    }

    @Override
    public int fd(Target target) {
        return switch (target) {
            case ACCEPTS_ALL -> zeroOk;
            case NO_URING_CMD -> noCmd;
            case CLOSED -> CLOSED_FD;
            default -> throw new IllegalArgumentException(target + " is a fixed-file slot, not an fd");
        };
    }

    @Override
    public boolean failsBeforeDriver(int fd) { return fd == CLOSED_FD || (fd == noCmd && noCmd >= 0); }

    @Override
    public void close() {
        if (host != null) host.close();
        host = null;
    }
}
