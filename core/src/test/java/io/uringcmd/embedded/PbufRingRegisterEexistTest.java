package io.uringcmd.embedded;

import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import static io.uringcmd.abi.Uapi.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: a group holding a ring or legacy buffers refuses a ring with -EEXIST; an emptied legacy group is
 * replaced; PROVIDE_BUFFERS into a ring group is -EINVAL (kernel-uring-cmd.md §4.1.7, §4.5; 6.18.44 gave the same).
 */
class PbufRingRegisterEexistTest {
    @Test
    void legacyBuffersBlockARingUntilRemoved() {
        try (MshotFixture fx = new MshotFixture()) {
            var ring = fx.ring;
            long page = ring.allocatePages(4096).address();
            var mem = ring.allocate(32);
            ring.sqe().prepProvideBuffers(mem, 16, 2, 20, 5).userData(1);
            ring.submit();
            assertEquals(new CqeRecord(1, 0, 0), fx.next());
            assertEquals(-17, PbufRingRegisterRuleOrderTest.reg(ring, TestBufRing.reg(ring, page, 4, 20, 0, 0)));
            ring.sqe().prepRemoveBuffers(5, 20).userData(2);
            ring.submit();
            assertEquals(new CqeRecord(2, 2, 0), fx.next());
            assertEquals(0, PbufRingRegisterRuleOrderTest.reg(ring, TestBufRing.reg(ring, page, 4, 20, 0, 0)), "empty legacy group replaced");
            ring.sqe().prepProvideBuffers(mem, 16, 1, 20, 0).userData(3);
            ring.submit();
            assertEquals(new CqeRecord(3, -22, 0), fx.next());
            assertEquals(0, TestBufRing.head(ring, 20));
        }
    }
}
