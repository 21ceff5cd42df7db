package io.uringcmd.driver;

import io.uringcmd.abi.Errno;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;

import static io.uringcmd.abi.Uapi.*;

/**
 * One {@code IORING_OP_URING_CMD} as its device sees it ({@code struct io_uring_cmd}): the command number, flags,
 * a read-only SQE, the 32-byte pdu, checked user memory, and the ways to complete it. A device finishes each issue
 * by returning exactly one {@link UringCmdAction}, which only this object can make:
 * <ul>
 *   <li>{@link #complete(int)} / {@link #complete(int, long)}: complete now ({@code res}, {@code res2} on 32-byte CQEs);</li>
 *   <li>{@link #queue()} then {@link QueuedCmd#queued()}: complete later, exactly once, from any thread;</li>
 *   <li>{@link #reissue()}: {@code -EAGAIN}, call me again from a worker where I may block.</li>
 * </ul>
 * The object belongs to the host and is reused for later commands: keep the {@link QueuedCmd}, not this.
 */
public final class IoUringCmd {

    /** The host side of a command (the engine's request). Devices never see it. */
    public interface Host {
        int uringCmdFlags();
        IoUringSqe sqe();
        MemorySegment pdu();
        UserSlice userSlice(long addr, long len) throws DeviceException;
        MemorySegment importFixed(long addr, long len) throws DeviceException;
        /** Marks the command cancelable; {@code handle} is its pending handle, or null before queue(). */
        void markCancelable(QueuedCmd handle);
        /** A queued command's completion, from any thread: post {@code res} through task work. */
        void queuedDone(QueuedCmd handle, int res, long res2, boolean hasRes2);
        /** Run {@code work} on the ring's issuing thread in a new issue context. */
        void queuedInTask(QueuedCmd handle, TaskWork work);
    }

    /** The host's handle: starts an issue and checks what the device returned. Devices never see it. */
    public static final class Control {
        private final IoUringCmd cmd;

        private Control(IoUringCmd cmd) { this.cmd = cmd; }

        public IoUringCmd cmd() { return cmd; }

        /** Starts an issue of this command (first issue, reissue, or cancel call). */
        public void beginIssue() {
            cmd.state = NONE;
            cmd.queuedHandle = null;
        }

        /**
         * Checks {@code action} against what the device did in this issue and returns it; throws
         * IllegalStateException describing the misuse otherwise.
         */
        public UringCmdAction check(UringCmdAction action) {
            if (action == null) throw new IllegalStateException("uringCmd returned null: return cmd.complete(res), a QueuedCmd's queued(), or cmd.reissue()");
            if (action.cmd() != cmd) throw new IllegalStateException("uringCmd returned an action of another command");
            switch (action) {
                case UringCmdAction.Complete c -> { if (cmd.state != COMPLETED) throw new IllegalStateException("stale Complete action returned"); }
                case UringCmdAction.Queued q -> {
                    if (cmd.state != QUEUED || q.handle() != cmd.queuedHandle) throw new IllegalStateException("returned a Queued action from an earlier queue() of this command");
                }
                case UringCmdAction.Reissue r -> { if (cmd.state != REISSUE) throw new IllegalStateException("stale Reissue action returned"); }
            }
            return action;
        }

        /** The handle a {@link #cmd()}.queue() made in this issue, or null. */
        public QueuedCmd queuedHandle() { return cmd.queuedHandle; }
    }

    private static final int NONE = 0, COMPLETED = 1, QUEUED = 2, REISSUE = 3;
    /** {@code sizeof(((struct io_uring_cmd *) 0)->pdu)}. */
    public static final int PDU_SIZE = 32;

    private final Host host;
    private final UringCmdAction.Complete complete = new UringCmdAction.Complete(this);
    private final UringCmdAction.Reissue reissue = new UringCmdAction.Reissue(this);
    private int state;
    private QueuedCmd queuedHandle;
    private CmdOp lastOp;

    private IoUringCmd(Host host) { this.host = host; }

    /** For hosts: a command bound to its host-side request. */
    public static Control create(Host host) { return new Control(new IoUringCmd(host)); }

    /** {@code cmd_op}, typed. Compare with {@link #is(CmdOp)} on hot paths. */
    public CmdOp cmdOp() {
        int v = host.sqe().cmdOp();
        CmdOp op = lastOp;
        if (op == null || op.value() != v) lastOp = op = CmdOp.of(v);
        return op;
    }

    /** Whether {@code cmd_op} is {@code op}. */
    public boolean is(CmdOp op) { return host.sqe().cmdOp() == op.value(); }

    /** {@code cmd->flags}: {@code IORING_URING_CMD_FIXED}/{@code MULTISHOT} from the SQE, plus CANCELABLE/REISSUE. */
    public int flags() { return host.uringCmdFlags(); }

    /** Whether this is a multishot command ({@code IORING_URING_CMD_MULTISHOT}). */
    public boolean multishot() { return (flags() & IORING_URING_CMD_MULTISHOT) != 0; }

    /** The SQE, read-only. */
    public IoUringSqe sqe() { return host.sqe(); }

    /** The 32-byte per-command scratch area, zeroed when the command is prepared (and kept across a reissue). */
    public MemorySegment pdu() { return host.pdu(); }

    /**
     * The pdu as {@code layout} ({@code io_uring_cmd_to_pdu(cmd, T)}): the first {@code layout.byteSize()} bytes.
     * A layout larger than the 32-byte pdu is {@code -EINVAL} (the kernel's BUILD_BUG, Rust's {@code write_pdu}).
     */
    public MemorySegment pdu(MemoryLayout layout) throws DeviceException {
        if (layout.byteSize() > PDU_SIZE) {
            throw new DeviceException(Errno.EINVAL, "pdu layout of " + layout.byteSize() + " bytes is larger than the "
                    + PDU_SIZE + "-byte pdu");
        }
        return host.pdu().asSlice(0, layout.byteSize(), layout.byteAlignment());
    }

    /**
     * The handle of this command while it is queued, else null. A cancel call ({@link IssueFlags#cancel()}) uses it
     * to find, and complete, the command it is asked to cancel.
     */
    public QueuedCmd pending() { return state == QUEUED ? queuedHandle : null; }

    /** A checked slice of user memory; a bad range is {@code -EFAULT}. */
    public UserSlice user(long addr, long len) throws DeviceException { return host.userSlice(addr, len); }

    /**
     * The user memory whose address is the u64 at {@code cmdOffset} of the command data:
     * {@code UserSlice::new(u64_to_user_ptr(cmd[cmdOffset]), len)}. An offset outside the command area is
     * {@code -EINVAL}; an address that is not user memory is {@code -EFAULT}.
     */
    public UserSlice userPtr(long cmdOffset, long len) throws DeviceException {
        return host.userSlice(host.sqe().cmdLong(cmdOffset), len);
    }

    /**
     * The registered buffer of {@code sqe->buf_index}, sliced to {@code [addr, addr+len)}, for a command sent with
     * {@code IORING_URING_CMD_FIXED} ({@code io_uring_cmd_import_fixed}). Out of range, or no FIXED: {@code -EFAULT}.
     */
    public MemorySegment importFixed(long addr, long len) throws DeviceException { return host.importFixed(addr, len); }

    /**
     * Marks the command cancelable ({@code io_uring_cmd_mark_cancelable}): ring close (and, on the embedded host,
     * ASYNC_CANCEL) calls the device again with {@link IssueFlags#cancel()}. Idempotent.
     */
    public void markCancelable() { host.markCancelable(pending()); }

    /** Complete now with {@code res} ({@code >= 0}, or {@code -errno}). */
    public UringCmdAction complete(int res) {
        return completeInternal(res, 0, false);
    }

    /** Complete now with {@code res} and {@code res2} ({@code io_uring_cmd_done32}); res2 reaches 32-byte CQEs only. */
    public UringCmdAction complete(int res, long res2) {
        return completeInternal(res, res2, true);
    }

    /** Complete now with {@code -errno}. */
    public UringCmdAction fail(Errno errno) { return complete(-errno.value()); }

    private UringCmdAction completeInternal(int res, long res2, boolean hasRes2) {
        if (state == QUEUED) throw new IllegalStateException("this command was queued: complete it through its QueuedCmd");
        if (state == COMPLETED) throw new IllegalStateException("complete() was already called in this issue");
        state = COMPLETED;
        complete.res = res;
        complete.res2 = res2;
        complete.res2Set = hasRes2;
        return complete;
    }

    /**
     * Queues the command ({@code -EIOCBQUEUED}): returns the handle that completes it later, from any thread, exactly
     * once. Return {@code handle.queued()} from {@code uringCmd}.
     */
    public QueuedCmd queue() {
        if (state == COMPLETED) throw new IllegalStateException("complete() was already called in this issue");
        if (state == QUEUED) throw new IllegalStateException("queue() was already called in this issue");
        state = QUEUED;
        return queuedHandle = new QueuedCmd(this, host);
    }

    /** {@code -EAGAIN}: the host calls the device again from a worker, without {@code NONBLOCK}. */
    public UringCmdAction reissue() {
        if (state != NONE) throw new IllegalStateException("reissue() after complete() or queue() in the same issue");
        state = REISSUE;
        return reissue;
    }
}
