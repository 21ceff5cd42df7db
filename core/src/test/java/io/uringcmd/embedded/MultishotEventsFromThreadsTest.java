package io.uringcmd.embedded;

import io.uringcmd.driver.BufferSelection;
import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.uringcmd.abi.Uapi.*;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: events raised on other threads reach the multishot command through QueuedCmd.completeInTask, each
 * in its own issue context on the ring's thread, where it selects and posts (io_uring_cmd_complete_in_task,
 * kernel-uring-cmd.md §2.7, §3.4).
 */
class MultishotEventsFromThreadsTest {
    @Test
    void fourThreadsTwentyFiveEventsEach() throws Exception {
        try (MshotFixture fx = new MshotFixture(io.uringcmd.ring.RingSetup.entries(8).cqSize(256))) {
            TestBufRing bufs = TestBufRing.full(fx.ring, 1, 128, 4);
            fx.arm(7, 1);
            var q = fx.dev.last.get();
            List<Thread> sources = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int source = t;
                sources.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < 25; i++) {
                        int event = source * 1000 + i;
                        q.completeInTask((h, f) -> {
                            BufferSelection sel = f.bufferSelect(h.cmd(), 1, 4);
                            sel.buffer().set(JAVA_INT, 0, event);
                            assertFalse(f.postCqe(h.cmd(), sel, 4));
                        });
                    }
                }));
            }
            for (Thread t : sources) t.join(10_000);
            Set<Integer> events = new HashSet<>();
            Set<Integer> bids = new HashSet<>();
            while (events.size() < 100) {
                CqeRecord c = fx.next();
                assertEquals(7, c.userData());
                assertEquals(4, c.res());
                assertEquals(IORING_CQE_F_MORE | IORING_CQE_F_BUFFER, c.flags() & 0xffff);
                assertTrue(bids.add(c.bufferId()), "each buffer once");
                assertTrue(events.add(bufs.buffer(c.bufferId()).get(JAVA_INT, 0)), "each event once");
            }
            assertEquals(100, bufs.head());
            assertEquals(0, fx.engine().stats().deviceErrors());
        }
    }
}
