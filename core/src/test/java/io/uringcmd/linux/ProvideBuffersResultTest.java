package io.uringcmd.linux;

import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;

import static io.uringcmd.linux.Pbuf.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Description: legacy PROVIDE_BUFFERS completes with res 0 (not the count) and flags 0; nbufs 1 at bid 65535 (the
 * last id) is accepted (§4.5).
 */
class ProvideBuffersResultTest {
    @Test
    void provideCompletesWithZero() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(2))) {
            MemorySegment mem = ring.allocate(64);
            ring.sqe().prepProvideBuffers(mem, 16, 3, 5, 10).userData(1);
            assertEquals(new CqeRecord(1, 0, 0), submitOne(ring));
            ring.sqe().prepProvideBuffers(mem, 16, 1, 6, 65535).userData(2);
            assertEquals(new CqeRecord(2, 0, 0), submitOne(ring));
        }
    }
}
