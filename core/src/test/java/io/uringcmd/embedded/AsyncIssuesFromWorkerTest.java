package io.uringcmd.embedded;

import io.uringcmd.driver.IssueFlags;
import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static io.uringcmd.RingTests.*;
import static io.uringcmd.embedded.EmbeddedTests.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: IOSQE_ASYNC issues the command once, from a worker: UNLOCKED|IOWQ without NONBLOCK, and without
 * IORING_URING_CMD_REISSUE (kernel-uring-cmd.md §2.4, §2.9.5); -EAGAIN there is final.
 */
class AsyncIssuesFromWorkerTest {
    @Test
    void oneCallFromAWorker() {
        AtomicInteger bits = new AtomicInteger(), cmdFlags = new AtomicInteger(-1), calls = new AtomicInteger();
        AtomicReference<Thread> thread = new AtomicReference<>();
        try (var fx = fixture((cmd, f) -> {
            calls.incrementAndGet();
            bits.set(f.raw());
            cmdFlags.set(cmd.flags());
            thread.set(Thread.currentThread());
            return cmd.sqe().cmdOp() == 1 ? cmd.reissue() : cmd.complete(6);
        })) {
            fx.ring.sqe().prepUringCmd(fx.fd, 0).userData(1).async();
            assertEquals(new CqeRecord(1, 6, 0), submitOne(fx.ring));
            assertEquals(1, calls.get());
            assertEquals(IssueFlags.IO_URING_F_UNLOCKED | IssueFlags.IO_URING_F_IOWQ, bits.get());
            assertEquals(0, cmdFlags.get());
            assertNotSame(Thread.currentThread(), thread.get());

            fx.ring.sqe().prepUringCmd(fx.fd, 1).userData(2).async();
            assertEquals(new CqeRecord(2, -11, 0), submitOne(fx.ring));
            assertEquals(2, calls.get());
        }
    }
}
