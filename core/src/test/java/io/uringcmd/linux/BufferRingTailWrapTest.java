package io.uringcmd.linux;

import io.uringcmd.abi.BufRingLayout;
import io.uringcmd.ring.BufferRing;
import io.uringcmd.ring.Cqe;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import static io.uringcmd.linux.Pbuf.buffer;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Description: the ring's tail and the kernel's head are u16 and wrap at 65536: a client that recycles through more
 * than 65536 selections keeps publishing buffers the kernel selects in ring order, and PBUF_STATUS reports the head
 * mod 65536 (§4.1 step 6, §4.2).
 */
class BufferRingTailWrapTest {
    @Test
    void tailAndHeadWrapTogether() {
        int entries = 64, rounds = 65536 / entries + 2; // 65664 selections
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(entries)); Pipe pipe = new Pipe();
             BufferRing bufs = BufferRing.register(ring, 1, entries, 1)) {
            byte[] chunk = new byte[entries];
            for (int round = 0; round < rounds; round++) {
                pipe.write(chunk);
                for (int i = 0; i < entries; i++) ring.sqe().prepReadSelect(pipe.readFd, 1, 1, -1).userData(i);
                ring.submitAndWait(entries);
                for (int i = 0; i < entries; i++) {
                    Cqe c = ring.waitCqe();
                    // Reads on one pipe run in submission order, so selection i takes ring entry head + i.
                    if (c.flags() != buffer(i, 0) || c.res() != 1) fail("round " + round + " read " + i + ": " + c);
                    bufs.take(c.flags(), c.res());
                    bufs.recycle(c.bufferId());
                    ring.cqeSeen();
                }
            }
            int total = rounds * entries;
            assertEquals(total & 0xffff, bufs.head());
            assertEquals((total + entries) & 0xffff, bufs.tail());
            assertEquals((short) bufs.tail(), bufs.ringMemory().get(JAVA_SHORT, BufRingLayout.RING_TAIL));
        }
    }
}
