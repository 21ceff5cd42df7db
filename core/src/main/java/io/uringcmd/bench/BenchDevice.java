package io.uringcmd.bench;

import io.uringcmd.driver.IoUringCmd;
import io.uringcmd.driver.IssueFlags;
import io.uringcmd.driver.MiscDevice;
import io.uringcmd.driver.OpenContext;
import io.uringcmd.driver.QueuedCmd;
import io.uringcmd.driver.UringCmdAction;

import java.util.concurrent.locks.LockSupport;

/**
 * The trivial device of the embedded benchmarks ({@code /dev/bench}). {@link #CMD_INQ} completes at once with 9, the
 * answer SIOCINQ gives on the kernel case's socket, so the two cases differ only in who answers. {@link #CMD_QUEUED}
 * queues the command and hands it to a completer thread, which completes it from there (a device whose hardware
 * answers later, like ublk or a NIC queue).
 */
final class BenchDevice implements MiscDevice<Object>, MiscDevice.UringCmd<Object>, AutoCloseable {
    static final int CMD_INQ = 0x10, CMD_QUEUED = 0x11;
    static final int INQ_RES = 9, QUEUED_RES = 7;

    private volatile QueuedCmd handoff;
    private volatile boolean completerParked, running = true;
    private Thread completer;

    @Override
    public Object open(OpenContext context) { return this; }

    @Override
    public UringCmdAction uringCmd(Object file, IoUringCmd cmd, IssueFlags issueFlags) {
        if (cmd.sqe().cmdOp() == CMD_INQ) return cmd.complete(INQ_RES);
        QueuedCmd q = cmd.queue();
        if (handoff != null) throw new IllegalStateException("the benchmark queues one command at a time");
        handoff = q;
        if (completerParked) LockSupport.unpark(completer);
        return q.queued();
    }

    /** Starts the thread that completes {@link #CMD_QUEUED} commands: it spins for ~50 us, then parks. */
    void startCompleter() {
        completer = Thread.ofPlatform().daemon().name("bench-completer").start(() -> {
            long idleSince = System.nanoTime();
            while (running) {
                QueuedCmd q = handoff;
                if (q != null) {
                    handoff = null;
                    q.done(QUEUED_RES);
                    idleSince = System.nanoTime();
                } else if (System.nanoTime() - idleSince < 50_000) {
                    Thread.onSpinWait();
                } else {
                    completerParked = true;
                    if (handoff == null && running) LockSupport.parkNanos(this, 1_000_000);
                    completerParked = false;
                    idleSince = System.nanoTime();
                }
            }
        });
    }

    @Override
    public void close() {
        running = false;
        if (completer != null) {
            LockSupport.unpark(completer);
            try {
                completer.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
