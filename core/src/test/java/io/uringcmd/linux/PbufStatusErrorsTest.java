package io.uringcmd.linux;

import io.uringcmd.abi.BufRingLayout;
import io.uringcmd.ring.BufferRing;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;

import static io.uringcmd.abi.Uapi.*;
import static io.uringcmd.linux.Pbuf.*;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Description: IORING_REGISTER_PBUF_STATUS (§4.1): a ring group reports its head (0 when new); no group gives
 * -ENOENT (buf_group is a u32: 65537 is not group 1), a legacy group -EINVAL, any non-zero resv word, nr_args != 1 or
 * a NULL arg -EINVAL.
 */
class PbufStatusErrorsTest {
    @Test
    void statusErrorsAreTheKernels() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(2))) {
            assertEquals(-2, status(ring, 1));
            BufferRing.register(ring, 1, 2, 8);
            assertEquals(0, status(ring, 1));
            assertEquals(-2, status(ring, 65537));
            for (int i = 0; i < 8; i++) {
                MemorySegment s = ring.allocate(BufRingLayout.STATUS_SIZE);
                s.set(JAVA_INT, BufRingLayout.STATUS_BUF_GROUP, 1);
                s.set(JAVA_INT, BufRingLayout.STATUS_RESV + 4L * i, 1);
                assertEquals(-22, ring.register(IORING_REGISTER_PBUF_STATUS, s, 1), "resv[" + i + "]");
            }
            MemorySegment ok = ring.allocate(BufRingLayout.STATUS_SIZE);
            ok.set(JAVA_INT, BufRingLayout.STATUS_BUF_GROUP, 1);
            assertEquals(-22, ring.register(IORING_REGISTER_PBUF_STATUS, ok, 0));
            assertEquals(-22, ring.register(IORING_REGISTER_PBUF_STATUS, ok, 2));
            assertEquals(-22, ring.register(IORING_REGISTER_PBUF_STATUS, MemorySegment.NULL, 1));

            ring.sqe().prepProvideBuffers(ring.allocate(16), 16, 1, 5, 0).userData(1);
            assertEquals(new CqeRecord(1, 0, 0), submitOne(ring));
            assertEquals(-22, status(ring, 5));
        }
    }
}
