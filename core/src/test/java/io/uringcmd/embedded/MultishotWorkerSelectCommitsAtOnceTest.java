package io.uringcmd.embedded;

import io.uringcmd.abi.Errno;
import io.uringcmd.driver.BufferSelection;
import io.uringcmd.driver.IssueFlags;
import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.uringcmd.abi.Uapi.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: a selection made in a worker (IO_URING_F_UNLOCKED, e.g. IOSQE_ASYNC) is committed at once — the head
 * moves at select time, an INC ring consumes the selected length — and one never posted is consumed without a CQE
 * (io_should_commit, kernel-uring-cmd.md §3.3.5, §4.2.5, §4.4).
 */
class MultishotWorkerSelectCommitsAtOnceTest {
    @Test
    void theHeadMovesBeforeThePost() throws Exception {
        try (MshotFixture fx = new MshotFixture()) {
            TestBufRing bufs = TestBufRing.full(fx.ring, 1, 4, 8);
            CountDownLatch selected = new CountDownLatch(1), go = new CountDownLatch(1);
            fx.dev.onIssue = (cmd, f) -> {
                assertTrue((f.raw() & IssueFlags.IO_URING_F_UNLOCKED) != 0);
                BufferSelection sel = f.bufferSelect(cmd, 1, 0);
                selected.countDown();
                try {
                    go.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                assertFalse(f.postCqe(cmd, sel, 3));
                BufferSelection unposted = f.bufferSelect(cmd, 1, 0); // committed now, never posted: lost
                assertEquals(1, unposted.bufferId());
                return cmd.fail(Errno.ENOBUFS);
            };
            fx.ring.sqe().prepUringCmd(fx.fd, 1).multishot(1).addFlags(IOSQE_ASYNC).userData(8);
            fx.ring.submit();
            assertTrue(selected.await(10, TimeUnit.SECONDS));
            assertEquals(1, bufs.head(), "committed at select");
            go.countDown();
            assertEquals(new CqeRecord(8, 3, IORING_CQE_F_MORE | IORING_CQE_F_BUFFER), fx.next());
            assertEquals(new CqeRecord(8, -105, 0), fx.next());
            assertEquals(2, bufs.head());
            assertEquals(1, fx.engine().multishotStats().buffersLost());
        }
    }

    @Test
    void anIncRingConsumesTheSelectedLength() {
        try (MshotFixture fx = new MshotFixture()) {
            TestBufRing bufs = TestBufRing.register(fx.ring, 1, 2, 16, IOU_PBUF_RING_INC, 0);
            bufs.add(0);
            bufs.publish();
            fx.dev.onIssue = (cmd, f) -> {
                BufferSelection sel = f.bufferSelect(cmd, 1, 10);
                assertFalse(f.postCqe(cmd, sel, 2)); // 2 bytes written, 10 consumed at select
                return cmd.fail(Errno.ENOBUFS);
            };
            fx.ring.sqe().prepUringCmd(fx.fd, 1).multishot(1).addFlags(IOSQE_ASYNC).userData(8);
            fx.ring.submit();
            assertEquals(new CqeRecord(8, 2, IORING_CQE_F_MORE | IORING_CQE_F_BUFFER | IORING_CQE_F_BUF_MORE), fx.next());
            assertEquals(new CqeRecord(8, -105, 0), fx.next());
            assertEquals(bufs.buffer(0).address() + 10, bufs.entryAddr(0));
            assertEquals(6, bufs.entryLen(0));
            assertEquals(List.of(), fx.reap());
        }
    }
}
