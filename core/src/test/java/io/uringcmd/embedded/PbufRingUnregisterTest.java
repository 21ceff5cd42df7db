package io.uringcmd.embedded;

import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;

import static io.uringcmd.abi.Uapi.*;
import static java.lang.foreign.ValueLayout.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: UNREGISTER_PBUF_RING: resv or flags non-zero -EINVAL (min_left is not checked), no group -ENOENT,
 * a legacy group -EINVAL, then the group is free again (io_unregister_pbuf_ring, kernel-uring-cmd.md §4.1; 6.18.44
 * gave the same).
 */
class PbufRingUnregisterTest {
    @Test
    void rulesThenTheGroupIsFree() {
        try (MshotFixture fx = new MshotFixture()) {
            IoUring<Sqe64> ring = fx.ring;
            TestBufRing.register(ring, 1, 4, 0, 0, 0);
            MemorySegment u = TestBufRing.reg(ring, 0, 0, 1, 0, 0);
            u.set(JAVA_LONG, 24, 1);
            assertEquals(-22, unreg(ring, u), "resv");
            assertEquals(-22, unreg(ring, TestBufRing.reg(ring, 0, 0, 1, IOU_PBUF_RING_INC, 0)), "flags");
            u = TestBufRing.reg(ring, 0, 0, 9, 0, 0);
            u.set(JAVA_LONG, 24, 1);
            assertEquals(-22, unreg(ring, u), "resv before ENOENT");
            assertEquals(-2, unreg(ring, TestBufRing.reg(ring, 0, 0, 9, 0, 0)), "no group");
            ring.sqe().prepProvideBuffers(ring.allocate(16), 16, 1, 30, 0).userData(1);
            ring.submit();
            fx.next();
            assertEquals(-22, unreg(ring, TestBufRing.reg(ring, 0, 0, 30, 0, 0)), "legacy group");
            assertEquals(0, unreg(ring, TestBufRing.reg(ring, 12345, 3, 1, 0, 7)), "addr, entries and min_left are ignored");
            assertEquals(-2, unreg(ring, TestBufRing.reg(ring, 0, 0, 1, 0, 0)), "gone");
            TestBufRing.register(ring, 1, 4, 0, 0, 0); // free again
        }
    }

    static int unreg(IoUring<?> ring, MemorySegment r) { return ring.register(IORING_UNREGISTER_PBUF_RING, r, 1); }
}
