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
 * Description: ordinary CQEs that find the CQ full go to the overflow list, never dropped (NODROP):
 * IORING_SQ_CQ_OVERFLOW is set, submit without GETEVENTS does not flush, a GETEVENTS wait moves them in order once
 * slots are free and clears the flag; cq_overflow stays 0 — the same steps on the embedded host and on this machine's
 * kernel (kernel-uring-cmd.md §6.1-5: a CQ of 2 with 4 NOPs gave 100, 101 with the flag still set, then 102, 103).
 */
class CqOverflowFlushOnWaitTest {
    /** The observations, in order, as text: the same list is expected from both backends. */
    static List<String> steps(IoUring<Sqe64> ring) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ring.sqe().prepNop().userData(100 + i);
            ring.publish();
            out.add("submit " + ring.enter(1, 0, 0, null, 0));
        }
        out.add("overflow flag " + (ring.sqFlags() & IORING_SQ_CQ_OVERFLOW));
        out.add("ready " + ring.cqReady());
        out.add("wait " + ring.enter(0, 1, IORING_ENTER_GETEVENTS, null, 0));
        out.add("ready after wait on a full CQ " + ring.cqReady());
        for (int i = 0; i < 2; i++) { // peekCqe finds them in the ring: no enter, no flush
            out.add(ring.peekCqe().copy().toString());
            ring.cqeSeen();
        }
        out.add("overflow flag " + (ring.sqFlags() & IORING_SQ_CQ_OVERFLOW));
        out.add("wait " + ring.enter(0, 1, IORING_ENTER_GETEVENTS, null, 0));
        out.add("overflow flag " + (ring.sqFlags() & IORING_SQ_CQ_OVERFLOW));
        ring.forEachCqe(c -> out.add(c.copy().toString()));
        out.add("cq_overflow " + ring.cqOverflow());
        return out;
    }

    @Test
    void fourNopsOnACqOfTwo() {
        List<String> embedded;
        try (Host host = new Host(); IoUring<Sqe64> ring = host.setup(RingSetup.entries(1))) {
            embedded = steps(ring);
        }
        assertEquals(List.of("submit 1", "submit 1", "submit 1", "submit 1", "overflow flag 2", "ready 2", "wait 0",
                "ready after wait on a full CQ 2", new CqeRecord(100, 0, 0).toString(), new CqeRecord(101, 0, 0).toString(),
                "overflow flag 2", "wait 0", "overflow flag 0", new CqeRecord(102, 0, 0).toString(),
                new CqeRecord(103, 0, 0).toString(), "cq_overflow 0"), embedded);
        try (IoUring<Sqe64> ring = KernelSide.ring(RingSetup.entries(1))) {
            assertEquals(embedded, steps(ring), "the kernel of this machine");
        }
    }
}
