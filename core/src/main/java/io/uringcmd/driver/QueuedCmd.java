package io.uringcmd.driver;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A queued command ({@code QueuedIoUringCmd} in Rust): the one handle that completes it. {@link #done(int)} may be
 * called from any thread, exactly once — a second call throws. The CQE is posted by task work on the ring's issuing
 * thread, as the kernel does. If the host completed the command first (ring close: {@code -ECANCELED}), {@code done}
 * returns false.
 */
public final class QueuedCmd {
    private static final int PENDING = 0, DONE = 1, COMPLETED_BY_HOST = 2;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(QueuedCmd.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final IoUringCmd cmd;
    private final IoUringCmd.Host host;
    private final UringCmdAction.Queued queued;
    @SuppressWarnings("unused") private volatile int state;

    QueuedCmd(IoUringCmd cmd, IoUringCmd.Host host) {
        this.cmd = cmd;
        this.host = host;
        this.queued = new UringCmdAction.Queued(this);
    }

    /** The action to return from {@code uringCmd}. */
    public UringCmdAction.Queued queued() { return queued; }

    /**
     * The command, while it is pending (its object is reused once the command completes, so call this only where
     * the command cannot complete meanwhile: under the lock the device completes it with, or in its cancel call).
     */
    public IoUringCmd cmd() {
        if (state != PENDING) throw new IllegalStateException("the command has completed; its IoUringCmd now belongs to another command");
        return cmd;
    }

    /** The command, whatever the state (for the command's own action object). */
    IoUringCmd cmdUnchecked() { return cmd; }

    /** Completes the command with {@code res}. */
    public boolean done(int res) { return finish(res, 0, false); }

    /** Completes the command with {@code res} and {@code res2} ({@code io_uring_cmd_done32}). */
    public boolean done(int res, long res2) { return finish(res, res2, true); }

    private boolean finish(int res, long res2, boolean hasRes2) {
        int s = (int) STATE.compareAndExchange(this, PENDING, DONE);
        if (s == COMPLETED_BY_HOST) return false;
        if (s == DONE) throw new IllegalStateException("this queued command was already completed: complete a command exactly once");
        host.queuedDone(this, res, res2, hasRes2);
        return true;
    }

    /**
     * Runs {@code work} on the ring's issuing thread in a new issue context, where it may select a provided buffer,
     * post a multishot event and complete the command. May be called many times while the command is pending; work
     * arriving after completion is dropped.
     */
    public void completeInTask(TaskWork work) {
        if (state != PENDING) return;
        host.queuedInTask(this, work);
    }

    /**
     * Marks the pending command cancelable from any thread ({@link IoUringCmd#markCancelable()} is for the issue
     * itself); it takes effect through task work. Does nothing once the command has completed.
     */
    public void markCancelable() {
        if (state == PENDING) host.markCancelable(this);
    }

    /** Whether the command has been completed (by the device or the host). */
    public boolean isDone() { return state != PENDING; }

    /** Whether the host completed it (ring close, {@code -ECANCELED}) before the device did. */
    public boolean completedByHost() { return state == COMPLETED_BY_HOST; }

    /** For hosts: completes the command on the host's side if still pending; true if this call did. */
    public boolean completeByHost() { return STATE.compareAndSet(this, PENDING, COMPLETED_BY_HOST); }
}
