package io.uringcmd.linux;

import io.uringcmd.abi.BufRingLayout;
import io.uringcmd.ring.BufferRing;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;

import static io.uringcmd.linux.Pbuf.*;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Description: ring memory reused for a new registration starts empty: BufferRing zeroes it (the old tail at byte 14
 * would otherwise publish stale entries to a kernel whose head restarts at 0), so a read selects nothing (-ENOBUFS)
 * until the application publishes a buffer.
 */
class BufferRingReusedMemoryTest {
    @Test
    void reusedRingMemoryStartsEmpty() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4)); Pipe pipe = new Pipe()) {
            MemorySegment memory = ring.allocatePages(4096);
            BufferRing first = BufferRing.builder(1).entries(4).bufferSize(8).ringMemory(memory).register(ring);
            assertEquals(4, memory.get(JAVA_SHORT, BufRingLayout.RING_TAIL));
            first.close();

            try (BufferRing second = BufferRing.builder(2).entries(4).bufferSize(8).ringMemory(memory).empty().register(ring)) {
                assertEquals(0, memory.get(JAVA_SHORT, BufRingLayout.RING_TAIL));
                pipe.write("z");
                ring.sqe().prepReadSelect(pipe.readFd, 0, 2, -1).userData(1);
                assertEquals(new CqeRecord(1, -105, 0), submitOne(ring));
                second.recycle(3);
                ring.sqe().prepReadSelect(pipe.readFd, 0, 2, -1).userData(2);
                assertEquals(new CqeRecord(2, 1, buffer(3, 0)), submitOne(ring));
            }
        }
    }
}
