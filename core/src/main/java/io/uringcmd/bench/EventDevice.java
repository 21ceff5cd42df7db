package io.uringcmd.bench;

import io.uringcmd.driver.BufferSelection;
import io.uringcmd.driver.DeviceException;
import io.uringcmd.driver.IoUringCmd;
import io.uringcmd.driver.IssueFlags;
import io.uringcmd.driver.MiscDevice;
import io.uringcmd.driver.OpenContext;
import io.uringcmd.driver.QueuedCmd;
import io.uringcmd.driver.TaskWork;
import io.uringcmd.driver.UringCmdAction;

import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

/**
 * An event source ({@code /dev/events}) read two ways, for the multishot benchmark:
 * <ul>
 *   <li>{@link #CMD_READ} single-shot: completes at once with the next event (res = {@link #EVENT_BYTES}) if one is
 *       ready, else {@code -EAGAIN}; the reader re-arms with a new SQE per event;</li>
 *   <li>{@link #CMD_STREAM} with {@code IORING_URING_CMD_MULTISHOT}: queued once; {@link #fire} schedules one
 *       task work (unless one is pending) that drains every pending event, each into a provided buffer, with
 *       {@code IORING_CQE_F_MORE} — what a driver does from its interrupt handler with
 *       {@code io_uring_cmd_complete_in_task}.</li>
 * </ul>
 */
final class EventDevice implements MiscDevice<Object>, MiscDevice.UringCmd<Object> {
    static final int CMD_READ = 0x20, CMD_STREAM = 0x21;
    static final int EVENT_BYTES = 8;

    private final int bufGroup;
    private int ready;
    private long sequence;
    private QueuedCmd stream;
    private final TaskWork post = this::post;
    /** Events not yet posted to the stream, and whether a task work to post them is scheduled. */
    private final java.util.concurrent.atomic.AtomicInteger pending = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicBoolean scheduled = new java.util.concurrent.atomic.AtomicBoolean();

    EventDevice(int bufGroup) { this.bufGroup = bufGroup; }

    @Override
    public Object open(OpenContext context) { return this; }

    @Override
    public UringCmdAction uringCmd(Object file, IoUringCmd cmd, IssueFlags issueFlags) throws DeviceException {
        if (cmd.sqe().cmdOp() == CMD_STREAM) {
            if (!cmd.multishot()) throw new DeviceException(io.uringcmd.abi.Errno.EINVAL, "CMD_STREAM needs MULTISHOT");
            stream = cmd.queue();
            return stream.queued();
        }
        if (ready == 0) return cmd.complete(-io.uringcmd.abi.Errno.EAGAIN.value());
        ready--;
        sequence++;
        return cmd.complete(EVENT_BYTES);
    }

    /**
     * {@code n} events happen. Single-shot readers find them ready; a multishot stream gets them through one task
     * work, scheduled unless one is already pending (the interrupt handler of a device with an event queue).
     */
    void fire(int n) {
        if (stream == null) {
            ready += n;
            return;
        }
        pending.addAndGet(n);
        if (scheduled.compareAndSet(false, true)) stream.completeInTask(post);
    }

    /** The task work: posts every pending event, each in a buffer selected from the group. */
    private void post(QueuedCmd q, IssueFlags flags) {
        scheduled.set(false);
        IoUringCmd cmd = q.cmd();
        for (int n = pending.getAndSet(0); n > 0; n--) {
            BufferSelection sel;
            try {
                sel = flags.bufferSelect(cmd, bufGroup, EVENT_BYTES);
            } catch (DeviceException e) {
                q.done(e.negative());
                return;
            }
            if (sel == null) {
                q.done(-io.uringcmd.abi.Errno.ENOBUFS.value());
                return;
            }
            sel.buffer().set(JAVA_LONG_UNALIGNED, 0, ++sequence);
            if (flags.postCqe(cmd, sel, EVENT_BYTES)) {
                q.done(-io.uringcmd.abi.Errno.ENOBUFS.value());
                return;
            }
        }
    }
}
