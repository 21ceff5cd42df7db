package io.uringcmd.linux;

import io.uringcmd.abi.Errno;
import io.uringcmd.abi.Opcode;
import io.uringcmd.ring.Cqe;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Description: submitAndWait(n) returns the number submitted and, when the kernel cannot complete a request inline
 * (a 20 ms IORING_OP_TIMEOUT), still returns only once n CQEs are in the CQ; inline completions (NOP) in the same
 * batch do not end the wait early.
 */
class SubmitAndWaitLateCompletionTest {
    @Test
    void waitsForTheCompletionThatIsNotInline() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4))) {
            MemorySegment ts = ring.allocate(16);
            ts.set(JAVA_LONG, 0, 0);
            ts.set(JAVA_LONG, 8, 20_000_000L);
            ring.sqe().prepNop().userData(1);
            // IORING_OP_TIMEOUT with count 0 and no flags: a pure relative timer that ends with -ETIME.
            ring.sqe().reset().opcode(Opcode.TIMEOUT).fd(-1).addr(ts).len(1).userData(2);
            assertEquals(2, ring.submitAndWait(2));
            Cqe first = ring.peekCqe();
            assertNotNull(first);
            assertEquals(new CqeRecord(1, 0, 0), first.copy());
            ring.cqeSeen();
            Cqe second = ring.peekCqe();
            assertNotNull(second, "submitAndWait(2) returned before the timeout's CQE was posted");
            assertEquals(new CqeRecord(2, -Errno.ETIME.value(), 0), second.copy());
            ring.cqeSeen();
        }
    }
}
