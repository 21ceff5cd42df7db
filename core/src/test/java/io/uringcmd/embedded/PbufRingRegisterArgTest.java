package io.uringcmd.embedded;

import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;

import static io.uringcmd.abi.Uapi.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: PBUF_RING, UNREGISTER_PBUF_RING and PBUF_STATUS take one struct: a NULL arg or nr_args != 1 is
 * -EINVAL, an arg that is not user memory -EFAULT (__io_uring_register, copy_from_user; kernel-uring-cmd.md
 * §4.1.1-2, confirmed on 6.18.44).
 */
class PbufRingRegisterArgTest {
    @Test
    void nullArgWrongCountAndUnreadableArg() {
        try (Host host = new Host(); IoUring<Sqe64> ring = host.setup(RingSetup.entries(4))) {
            MemorySegment ok = TestBufRing.reg(ring, ring.allocatePages(4096).address(), 4, 1, 0, 0);
            for (int op : new int[] {IORING_REGISTER_PBUF_RING, IORING_UNREGISTER_PBUF_RING, IORING_REGISTER_PBUF_STATUS}) {
                assertEquals(-22, ring.register(op, MemorySegment.NULL, 1), "NULL arg, op " + op);
                assertEquals(-22, ring.register(op, MemorySegment.NULL, 0), "NULL arg, nr 0, op " + op);
                assertEquals(-22, ring.register(op, ok, 0), "nr 0, op " + op);
                assertEquals(-22, ring.register(op, ok, 2), "nr 2, op " + op);
                assertEquals(-14, ring.register(op, MemorySegment.ofAddress(16), 1), "unreadable, op " + op);
            }
            assertEquals(0, ring.register(IORING_REGISTER_PBUF_RING, ok, 1));
        }
    }
}
