package io.uringcmd.linux;

import io.uringcmd.ring.BufferRing;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.uringcmd.linux.Pbuf.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Description: the kernel takes buffers in ring order (entry head & mask), not by buffer id: bids added at offsets
 * 0..3 as 2, 0, 3, 1 come back as 2, 0, 3, 1, one head step each (§4.2 step 4).
 */
class ReadSelectRingOrderTest {
    @Test
    void buffersAreTakenInRingOrder() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4)); Pipe pipe = new Pipe();
             BufferRing bufs = BufferRing.builder(9).entries(4).bufferSize(8).empty().register(ring)) {
            int[] order = {2, 0, 3, 1};
            for (int i = 0; i < order.length; i++) bufs.add(order[i], i);
            bufs.advance(4);
            assertEquals(4, bufs.tail());
            pipe.write("abcd");
            List<CqeRecord> got = new ArrayList<>();
            List<Integer> heads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ring.sqe().prepReadSelect(pipe.readFd, 1, 9, -1).userData(i);
                CqeRecord c = submitOne(ring);
                got.add(c);
                heads.add(bufs.head());
                assertEquals(String.valueOf((char) ('a' + i)), ascii(bufs.takeBytes(c.flags(), c.res())));
            }
            assertEquals(List.of(new CqeRecord(0, 1, buffer(2, 0)), new CqeRecord(1, 1, buffer(0, 0)),
                    new CqeRecord(2, 1, buffer(3, 0)), new CqeRecord(3, 1, buffer(1, 0))), got);
            assertEquals(List.of(1, 2, 3, 4), heads);
        }
    }
}
