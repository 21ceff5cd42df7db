package io.uringcmd.embedded;

import io.uringcmd.driver.QueuedCmd;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.RingSetup;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.uringcmd.abi.Uapi.*;
import static io.uringcmd.RingTests.*;
import static io.uringcmd.embedded.EmbeddedTests.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: queued completions that find the CQ full go to the overflow list in order and set IORING_SQ_CQ_OVERFLOW
 * (kernel-uring-cmd.md §6.1-2); an enter without GETEVENTS does not flush them, the next GETEVENTS moves them into
 * the ring in order and clears the flag when the list empties (§6.4). Nothing is dropped (cq.overflow stays 0).
 */
class CqOverflowQueuedCompletionsTest {
    @Test
    void overflowKeepsOrderAndFlushesOnGetevents() {
        List<QueuedCmd> handles = Collections.synchronizedList(new ArrayList<>());
        try (var fx = new Fixture<>(RingSetup.entries(2).cqSize(2), (cmd, f) -> {
            QueuedCmd q = cmd.queue();
            handles.add(q);
            return q.queued();
        })) {
            var ring = fx.ring;
            for (int i = 1; i <= 4; i += 2) {
                ring.sqe().prepUringCmd(fx.fd, 0).userData(i);
                ring.sqe().prepUringCmd(fx.fd, 0).userData(i + 1);
                assertEquals(2, ring.submit());
            }
            for (int i = 0; i < 4; i++) assertTrue(handles.get(i).done(10 + i));
            assertEquals(0, ring.enter(0, 0, 0, null, 0)); // runs the task work: 2 CQEs fit, 2 overflow
            assertEquals(2, ring.cqReady());
            assertEquals(IORING_SQ_CQ_OVERFLOW, ring.sqFlags() & IORING_SQ_CQ_OVERFLOW);
            List<CqeRecord> got = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                got.add(ring.peekCqe().copy());
                ring.cqeSeen();
            }
            assertEquals(0, ring.enter(0, 0, 0, null, 0));
            assertEquals(0, ring.cqReady(), "an enter without GETEVENTS does not flush the overflow list");
            assertEquals(0, ring.enter(0, 0, IORING_ENTER_GETEVENTS, null, 0));
            assertEquals(2, ring.cqReady());
            assertEquals(0, ring.sqFlags() & IORING_SQ_CQ_OVERFLOW);
            got.addAll(reap(ring, 2));
            assertEquals(List.of(new CqeRecord(1, 10, 0), new CqeRecord(2, 11, 0), new CqeRecord(3, 12, 0),
                    new CqeRecord(4, 13, 0)), got);
            assertEquals(0, ring.cqOverflow());
        }
    }
}
