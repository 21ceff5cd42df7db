package io.uringcmd.embedded;

import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.uringcmd.abi.Uapi.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: ordinary CQEs that find the CQ full go to the overflow list, never dropped (NODROP): IORING_SQ_CQ_OVERFLOW
 * is set, submit without GETEVENTS does not flush, a GETEVENTS wait moves them in order once slots are free and clears
 * the flag; cq_overflow stays 0 (kernel-uring-cmd.md §6.1-5: CQ of 2 with 4 NOPs, [E] 100, 101 with the flag still
 * set, then 102, 103 with it clear).
 */
class CqOverflowFlushOnWaitTest {
    @Test
    void fourNopsOnACqOfTwo() {
        try (Host host = new Host(); IoUring<Sqe64> ring = host.setup(RingSetup.entries(1))) {
            for (int i = 0; i < 4; i++) {
                ring.sqe().prepNop().userData(100 + i);
                ring.publish();
                assertEquals(1, ring.enter(1, 0, 0, null, 0), "submit without GETEVENTS");
            }
            assertEquals(IORING_SQ_CQ_OVERFLOW, ring.sqFlags() & IORING_SQ_CQ_OVERFLOW);
            assertEquals(2, ring.cqReady());
            List<CqeRecord> first = new ArrayList<>();
            assertEquals(0, ring.enter(0, 1, IORING_ENTER_GETEVENTS, null, 0));
            assertEquals(2, ring.cqReady(), "the CQ is full: nothing flushed");
            while (first.size() < 2) { // peekCqe finds them in the ring: no enter, no flush
                first.add(ring.peekCqe().copy());
                ring.cqeSeen();
            }
            assertEquals(List.of(new CqeRecord(100, 0, 0), new CqeRecord(101, 0, 0)), first);
            assertEquals(IORING_SQ_CQ_OVERFLOW, ring.sqFlags() & IORING_SQ_CQ_OVERFLOW, "still pending");
            assertEquals(0, ring.enter(0, 1, IORING_ENTER_GETEVENTS, null, 0));
            assertEquals(0, ring.sqFlags() & IORING_SQ_CQ_OVERFLOW, "flushed");
            List<CqeRecord> second = new ArrayList<>();
            ring.forEachCqe(c -> second.add(c.copy()));
            assertEquals(List.of(new CqeRecord(102, 0, 0), new CqeRecord(103, 0, 0)), second);
            assertEquals(0, ring.cqOverflow(), "nothing dropped");
        }
    }
}
