package io.uringcmd.driver;

/**
 * The issue flags of the current call ({@code unsigned int issue_flags}) and the issue context they stand for.
 * Valid only during the call that received them: the Rust review's {@code IssueFlags<'_>} — using them later throws.
 * Buffer selection and multishot posting happen through them, so they can only happen in an issue context.
 */
public final class IssueFlags {
    // include/linux/io_uring_types.h, enum io_uring_cmd_flags (6.18)
    public static final int IO_URING_F_COMPLETE_DEFER = 1;
    public static final int IO_URING_F_UNLOCKED = 2;
    public static final int IO_URING_F_MULTISHOT = 4;
    public static final int IO_URING_F_IOWQ = 8;
    public static final int IO_URING_F_INLINE = 16;
    public static final int IO_URING_F_NONBLOCK = Integer.MIN_VALUE;
    public static final int IO_URING_F_SQE128 = 1 << 8;
    public static final int IO_URING_F_CQE32 = 1 << 9;
    public static final int IO_URING_F_IOPOLL = 1 << 10;
    public static final int IO_URING_F_CANCEL = 1 << 11;
    public static final int IO_URING_F_COMPAT = 1 << 12;
    public static final int IO_URING_F_TASK_DEAD = 1 << 13;

    /** What the host provides for buffer selection and multishot posting in this context. */
    public interface Context {
        /** {@code io_uring_cmd_buffer_select}: null when the group is empty or unknown. */
        BufferSelection bufferSelect(IoUringCmd cmd, int bufGroup, long len, IssueFlags flags) throws DeviceException;

        /** {@code io_uring_mshot_cmd_post_cqe}: true when the command must now be completed by the caller. */
        boolean postCqe(IoUringCmd cmd, BufferSelection selection, int res, IssueFlags flags);

        /**
         * The context is ending; {@code flags} are still valid. The host gives back what the context still holds (a
         * buffer selected and not posted goes back to its group).
         */
        default void ended(IssueFlags flags) {}
    }

    /** The host's handle on an {@link IssueFlags}: opens and closes the context. Devices never see it. */
    public static final class Control {
        private final IssueFlags flags;

        private Control(IssueFlags flags) { this.flags = flags; }

        public IssueFlags flags() { return flags; }

        /** Enters an issue context for {@code cmd} with raw {@code bits}; returns the flags. */
        public IssueFlags begin(int bits, IoUringCmd cmd) {
            flags.bits = bits;
            flags.cmd = cmd;
            flags.generation++;
            flags.active = true;
            return flags;
        }

        /** Leaves the context: later use of the flags or of a selection made in it throws. */
        public void end() {
            try {
                if (flags.active) flags.context.ended(flags);
            } finally {
                flags.active = false;
                flags.cmd = null;
                flags.generation++;
            }
        }
    }

    private final Context context;
    private int bits;
    private IoUringCmd cmd;
    private long generation;
    private boolean active;

    private IssueFlags(Context context) { this.context = context; }

    /** For hosts: flags bound to a context, and the control that opens and closes it. */
    public static Control create(Context context) { return new Control(new IssueFlags(context)); }

    private void check() {
        if (!active) {
            throw new IllegalStateException("these IssueFlags belong to an issue context that has ended: use the flags "
                    + "passed to the current uringCmd or TaskWork call (QueuedCmd.completeInTask gives a new context)");
        }
    }

    public int raw() { check(); return bits; }
    /** Must not block ({@code IO_URING_F_NONBLOCK}): inline first issue. */
    public boolean nonblock() { return (raw() & IO_URING_F_NONBLOCK) != 0; }
    /** 128-byte SQEs: an 80-byte command area. */
    public boolean sqe128() { return (raw() & IO_URING_F_SQE128) != 0; }
    /** 32-byte CQEs are possible (CQE32 or CQE_MIXED ring): res2 will be delivered. */
    public boolean cqe32() { return (raw() & IO_URING_F_CQE32) != 0; }
    /** This call is a cancel request for a command marked cancelable. */
    public boolean cancel() { return (raw() & IO_URING_F_CANCEL) != 0; }
    /** Running in a worker ({@code IO_URING_F_IOWQ}), where blocking is allowed. */
    public boolean iowq() { return (raw() & IO_URING_F_IOWQ) != 0; }
    /** Task work while the ring is going away: fail the command (e.g. -ECANCELED) and touch no user memory. */
    public boolean taskDead() { return (raw() & IO_URING_F_TASK_DEAD) != 0; }

    /**
     * Selects a buffer from {@code bufGroup} for a multishot command ({@code io_uring_cmd_buffer_select});
     * {@code len} 0 means the whole buffer, else {@code min(len, buffer length)}. Null when the group has no buffer
     * or does not exist: the device decides what that means (the samples end the command with {@code -ENOBUFS}).
     * One selection at a time ({@code -EINVAL} otherwise); {@code -EINVAL} too for a command without
     * {@code IORING_URING_CMD_MULTISHOT}. The selection is this context's: post it here with {@link #postCqe}; if
     * not, it goes back to its group when the context ends. In a worker ({@code IO_URING_F_UNLOCKED}) the buffer is
     * consumed at once, as in the kernel.
     */
    public BufferSelection bufferSelect(IoUringCmd cmd, int bufGroup, long len) throws DeviceException {
        check();
        return context.bufferSelect(cmd, bufGroup, len, this);
    }

    /**
     * Posts one multishot event of {@code res} bytes written to {@code selection}
     * ({@code io_uring_mshot_cmd_post_cqe}): commits the buffer (head +1, or {@code res} bytes of an incremental
     * buffer) and posts {@code res} with {@code F_MORE | F_BUFFER | bid << 16} (+ {@code F_BUF_MORE}). Returns false
     * when the event was posted and the stream goes on; true when the command must now be completed by the caller:
     * {@code res <= 0} (the buffer goes back), or the CQ had no room or overflowed CQEs were pending — then the buffer
     * stays consumed and the event did not reach the client, so keep it for the next command.
     */
    public boolean postCqe(IoUringCmd cmd, BufferSelection selection, int res) {
        check();
        return context.postCqe(cmd, selection, res, this);
    }

    /** The command this context was opened for. */
    public IoUringCmd cmd() { check(); return cmd; }

    /** Identifies this context: a {@link BufferSelection} made here carries it. */
    public long generation() { return generation; }

    public boolean isActive() { return active; }
}
