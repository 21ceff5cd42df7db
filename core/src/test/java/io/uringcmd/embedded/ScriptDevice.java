package io.uringcmd.embedded;

import io.uringcmd.driver.*;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A test device whose uring_cmd behaviour each test supplies. By default it queues every command, marks it
 * cancelable, keeps its {@link QueuedCmd} in {@link #last}, and answers a cancel call with {@code -ECANCELED}.
 */
final class ScriptDevice implements MiscDevice<Object>, MiscDevice.UringCmd<Object> {
    interface Issue {
        UringCmdAction uringCmd(IoUringCmd cmd, IssueFlags flags) throws DeviceException;
    }

    final AtomicReference<QueuedCmd> last = new AtomicReference<>();
    volatile Issue onIssue = (cmd, f) -> {
        cmd.markCancelable();
        QueuedCmd q = cmd.queue();
        last.set(q);
        return q.queued();
    };
    volatile Issue onCancel = (cmd, f) -> {
        QueuedCmd q = last.get();
        q.done(-io.uringcmd.abi.Errno.ECANCELED.value());
        return q.queued();
    };

    @Override public Object open(OpenContext context) { return this; }

    @Override
    public UringCmdAction uringCmd(Object file, IoUringCmd cmd, IssueFlags flags) throws DeviceException {
        return flags.cancel() ? onCancel.uringCmd(cmd, flags) : onIssue.uringCmd(cmd, flags);
    }
}
