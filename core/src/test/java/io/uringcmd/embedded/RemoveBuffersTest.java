package io.uringcmd.embedded;

import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.Sqe;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: IORING_OP_REMOVE_BUFFERS: any of rw_flags, addr, len, off, splice_fd_in set, or nbufs 0 or > 65536,
 * is -EINVAL; no group -ENOENT; a ring group -EINVAL; otherwise res = how many it removed, 0 from an emptied group
 * (io_remove_buffers_prep / io_remove_buffers_legacy, kernel-uring-cmd.md §4.5; same on 6.18.44).
 */
class RemoveBuffersTest {
    private static int remove(MshotFixture fx, int nbufs, int bgid, Consumer<Sqe> prep) {
        Sqe s = fx.ring.sqe().prepRemoveBuffers(nbufs, bgid).userData(1);
        prep.accept(s);
        fx.ring.submit();
        CqeRecord c = fx.next();
        assertEquals(0, c.flags());
        return c.res();
    }

    @Test
    void rulesAndCounts() {
        try (MshotFixture fx = new MshotFixture()) {
            fx.ring.sqe().prepProvideBuffers(MemorySegment.ofAddress(0x10000), 8, 5, 2, 0).userData(9);
            fx.ring.submit();
            assertEquals(new CqeRecord(9, 0, 0), fx.next());
            assertEquals(-22, remove(fx, 1, 2, s -> s.opFlags(1)), "rw_flags");
            assertEquals(-22, remove(fx, 1, 2, s -> s.addr(8)), "addr");
            assertEquals(-22, remove(fx, 1, 2, s -> s.len(8)), "len");
            assertEquals(-22, remove(fx, 1, 2, s -> s.off(1)), "off");
            assertEquals(-22, remove(fx, 1, 2, s -> s.spliceFdIn(3)), "splice_fd_in");
            assertEquals(-22, remove(fx, 0, 2, s -> {}), "nbufs 0");
            assertEquals(-22, remove(fx, 65537, 2, s -> {}), "nbufs 65537");
            assertEquals(-2, remove(fx, 1, 3, s -> {}), "no group");
            assertEquals(2, remove(fx, 2, 2, s -> {}));
            assertEquals(3, remove(fx, 10, 2, s -> {}), "asked 10, 3 left");
            assertEquals(0, remove(fx, 1, 2, s -> {}), "the emptied group still exists");
            TestBufRing.register(fx.ring, 4, 4, 0, 0, 0);
            assertEquals(-22, remove(fx, 1, 4, s -> {}), "ring group");
        }
    }
}
