package io.uringcmd.embedded;

import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: PROVIDE_BUFFERS completes with res 0, not the count; a group holds at most 65535 buffers (the
 * 65536th is refused, res still 0 since some were added; -EOVERFLOW when none was); a ring group is -EINVAL
 * (io_add_buffers, kernel-uring-cmd.md §4.5; 6.18.44: 65536 provided, REMOVE of 65536 returned 65535).
 */
class ProvideBuffersResultTest {
    private static CqeRecord run(MshotFixture fx, io.uringcmd.ring.Sqe sqe) {
        fx.ring.submit();
        return fx.next();
    }

    @Test
    void resultsAndTheU16Cap() {
        try (MshotFixture fx = new MshotFixture()) {
            MemorySegment unmapped = MemorySegment.ofAddress(0x10000);
            assertEquals(new CqeRecord(1, 0, 0), run(fx, fx.ring.sqe().prepProvideBuffers(unmapped, 16, 3, 7, 0).userData(1)));
            assertEquals(new CqeRecord(2, 0, 0), run(fx, fx.ring.sqe().prepProvideBuffers(unmapped, 16, 65536, 8, 0).userData(2)));
            assertEquals(new CqeRecord(3, -75, 0), run(fx, fx.ring.sqe().prepProvideBuffers(unmapped, 16, 1, 8, 0).userData(3)));
            assertEquals(new CqeRecord(4, 65535, 0), run(fx, fx.ring.sqe().prepRemoveBuffers(65536, 8).userData(4)));
            assertEquals(new CqeRecord(5, 3, 0), run(fx, fx.ring.sqe().prepRemoveBuffers(10, 7).userData(5)));
            TestBufRing.register(fx.ring, 9, 4, 0, 0, 0);
            assertEquals(new CqeRecord(6, -22, 0), run(fx, fx.ring.sqe().prepProvideBuffers(unmapped, 16, 1, 9, 0).userData(6)));
        }
    }
}
