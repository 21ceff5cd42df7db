package io.uringcmd.embedded;

import io.uringcmd.driver.BufferSelection;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.RingSetup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.uringcmd.abi.Uapi.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: a multishot event is a plain CQE: big_cqe {0, 0} on a CQE32 ring, 16 bytes without F_32 on a
 * CQE_MIXED ring; only a final done32 carries res2 (kernel-uring-cmd.md §2.6.5, §3.4.2).
 */
class MultishotCqe32RingTest {
    private static List<CqeRecord> run(RingSetup<io.uringcmd.ring.Sqe64> setup) {
        try (MshotFixture fx = new MshotFixture(setup)) {
            TestBufRing.full(fx.ring, 1, 4, 8);
            fx.arm(5, 1);
            fx.inTask((q, f) -> {
                BufferSelection sel = f.bufferSelect(q.cmd(), 1, 0);
                assertFalse(f.postCqe(q.cmd(), sel, 8));
                q.done(-105, 77);
            });
            return fx.reap();
        }
    }

    @Test
    void cqe32Ring() {
        assertEquals(List.of(new CqeRecord(5, 8, IORING_CQE_F_MORE | IORING_CQE_F_BUFFER, 0, 0),
                new CqeRecord(5, -105, 0, 77, 0)), run(RingSetup.entries(4).cqe32()));
    }

    @Test
    void cqeMixedRing() {
        assertEquals(List.of(new CqeRecord(5, 8, IORING_CQE_F_MORE | IORING_CQE_F_BUFFER),
                new CqeRecord(5, -105, IORING_CQE_F_32, 77, 0)), run(RingSetup.entries(4).cqeMixed()));
    }
}
