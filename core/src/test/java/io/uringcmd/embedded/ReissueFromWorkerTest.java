package io.uringcmd.embedded;

import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.uringcmd.abi.Uapi.IORING_URING_CMD_REISSUE;
import static io.uringcmd.RingTests.*;
import static io.uringcmd.embedded.EmbeddedTests.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: -EAGAIN (reissue()) from the inline issue re-issues the command from a worker without NONBLOCK, with
 * IO_URING_F_IOWQ and IORING_URING_CMD_REISSUE in cmd.flags() (kernel-uring-cmd.md §2.3.7, §2.9.2-3); the
 * worker's answer is the CQE.
 */
class ReissueFromWorkerTest {
    record Call(boolean nonblock, boolean iowq, boolean inline, int cmdFlags, Thread thread) {}

    @Test
    void reissuedFromAWorker() {
        List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        try (var fx = fixture((cmd, f) -> {
            calls.add(new Call(f.nonblock(), f.iowq(), (f.raw() & io.uringcmd.driver.IssueFlags.IO_URING_F_INLINE) != 0,
                    cmd.flags(), Thread.currentThread()));
            return f.nonblock() ? cmd.reissue() : cmd.complete(5);
        })) {
            fx.ring.sqe().prepUringCmd(fx.fd, 0).userData(4);
            assertEquals(new CqeRecord(4, 5, 0), submitOne(fx.ring));
            assertEquals(2, calls.size());
            assertEquals(new Call(true, false, true, 0, Thread.currentThread()), calls.get(0));
            Call second = calls.get(1);
            assertFalse(second.nonblock());
            assertTrue(second.iowq());
            assertEquals(IORING_URING_CMD_REISSUE, second.cmdFlags());
            assertNotSame(Thread.currentThread(), second.thread());
        }
    }
}
