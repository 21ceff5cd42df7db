package io.uringcmd.embedded;

import io.uringcmd.driver.IssueFlags;
import io.uringcmd.driver.QueuedCmd;
import io.uringcmd.ring.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.junit.jupiter.api.Assertions.*;

/** A host with one {@link ScriptDevice} at {@code /dev/mshot}, a ring over it, and helpers to drive multishot commands. */
final class MshotFixture implements AutoCloseable {
    /** Work run in a task-work context of the armed command; may throw to hand a failure back to the test. */
    interface InTask {
        void run(QueuedCmd q, IssueFlags f) throws Exception;
    }

    final Host host = new Host();
    final ScriptDevice dev = new ScriptDevice();
    final int fd;
    final IoUring<Sqe64> ring;

    MshotFixture() { this(RingSetup.entries(8)); }

    MshotFixture(RingSetup<Sqe64> setup) {
        host.register("mshot", dev);
        fd = host.open("/dev/mshot");
        ring = host.setup(setup);
    }

    Engine engine() { return (Engine) ring.backend(); }

    /** Submits a MULTISHOT uring_cmd on {@code bgid}; the default device queues it. */
    void arm(long userData, int bgid) {
        ring.sqe().prepUringCmd(fd, 1).multishot(bgid).userData(userData);
        assertEquals(1, ring.submit());
    }

    /** Runs {@code work} in a task-work context of the last queued command, on the ring's thread; rethrows its failure. */
    void inTask(InTask work) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        boolean[] ran = {false};
        dev.last.get().completeInTask((q, f) -> {
            ran[0] = true;
            try {
                work.run(q, f);
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        ring.enter(0, 0, 0, null, 0); // io_uring_enter runs pending task work
        assertTrue(ran[0], "the task work did not run");
        Throwable t = failure.get();
        if (t instanceof RuntimeException e) throw e;
        if (t instanceof Error e) throw e;
        if (t != null) throw new AssertionError(t);
    }

    /** Every CQE ready now (flushing overflow), consumed. */
    List<CqeRecord> reap() {
        List<CqeRecord> out = new ArrayList<>();
        while (ring.forEachCqe(c -> out.add(c.copy())) > 0) {
            // again: consuming a full CQ lets the next GETEVENTS flush overflowed CQEs
        }
        return out;
    }

    /** The next CQE, waiting up to 10 s (a test that expects one never hangs). */
    CqeRecord next() { return io.uringcmd.RingTests.reap(ring, 1).getFirst(); }

    static String text(java.lang.foreign.MemorySegment m, int n) {
        return new String(m.asSlice(0, n).toArray(JAVA_BYTE), StandardCharsets.US_ASCII);
    }

    static void write(java.lang.foreign.MemorySegment m, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        java.lang.foreign.MemorySegment.copy(java.lang.foreign.MemorySegment.ofArray(b), 0, m, 0, b.length);
    }

    @Override
    public void close() { host.close(); }
}
