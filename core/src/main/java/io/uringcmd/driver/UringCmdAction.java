package io.uringcmd.driver;

/**
 * What {@link MiscDevice.UringCmd#uringCmd} returns. Only the command can make one — {@link IoUringCmd#complete},
 * {@link QueuedCmd#queued()}, {@link IoUringCmd#reissue()} — so a device cannot claim to have queued a command
 * without holding the handle that completes it. (Rust: {@code UringCmdAction::Complete} / {@code Queued}.)
 */
public sealed interface UringCmdAction permits UringCmdAction.Complete, UringCmdAction.Queued, UringCmdAction.Reissue {

    /** The command the action belongs to. */
    IoUringCmd cmd();

    /** Complete now with {@code res} (and {@code res2} on a 32-byte CQE). */
    final class Complete implements UringCmdAction {
        private final IoUringCmd cmd;
        int res;
        long res2;
        boolean res2Set;

        Complete(IoUringCmd cmd) { this.cmd = cmd; }

        @Override public IoUringCmd cmd() { return cmd; }
        public int res() { return res; }
        public long res2() { return res2; }
        /** Whether {@code res2} was given, i.e. {@code io_uring_cmd_done32}. */
        public boolean hasRes2() { return res2Set; }
    }

    /** Queued ({@code -EIOCBQUEUED}): the {@link QueuedCmd} completes it later, exactly once. */
    final class Queued implements UringCmdAction {
        private final QueuedCmd handle;

        Queued(QueuedCmd handle) { this.handle = handle; }

        @Override public IoUringCmd cmd() { return handle.cmdUnchecked(); }
        public QueuedCmd handle() { return handle; }
    }

    /** {@code -EAGAIN}: issue again from a worker, where the device may block. */
    final class Reissue implements UringCmdAction {
        private final IoUringCmd cmd;

        Reissue(IoUringCmd cmd) { this.cmd = cmd; }

        @Override public IoUringCmd cmd() { return cmd; }
    }
}
