package io.uringcmd.embedded;

import io.uringcmd.abi.BufRingLayout;
import io.uringcmd.driver.BufferSelection;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.ErrnoException;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;

import static io.uringcmd.abi.Uapi.*;
import static java.lang.foreign.ValueLayout.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: with IOU_PBUF_RING_MMAP the engine allocates the (zeroed) ring and ignores ring_addr; the client maps
 * it with Engine.mapBufferRing, the embedded form of mmap(IORING_OFF_PBUF_RING | bgid << 16), and selection uses it;
 * mapping a group without such a ring is -EINVAL (kernel-uring-cmd.md §1.9, §1.13, §4.1.8).
 */
class PbufRingMmapTest {
    private static final VarHandle SHORT = JAVA_SHORT.varHandle();

    @Test
    void theEngineAllocatesAndTheClientMaps() {
        try (MshotFixture fx = new MshotFixture()) {
            Engine e = fx.engine();
            assertEquals(0, fx.ring.register(IORING_REGISTER_PBUF_RING, TestBufRing.reg(fx.ring, 0x1234, 4, 6, IOU_PBUF_RING_MMAP, 0), 1));
            MemorySegment br = e.mapBufferRing(6, 64);
            assertEquals(0, br.address() % 4096, "page-aligned");
            assertEquals(0, br.get(JAVA_SHORT, BufRingLayout.RING_TAIL), "zeroed");
            MemorySegment buf = fx.ring.allocate(32);
            br.set(JAVA_LONG, BufRingLayout.BUF_ADDR, buf.address());
            br.set(JAVA_INT, BufRingLayout.BUF_LEN, 32);
            br.set(JAVA_SHORT, BufRingLayout.BUF_BID, (short) 3);
            SHORT.setRelease(br, BufRingLayout.RING_TAIL, (short) 1);
            fx.arm(1, 6);
            fx.inTask((q, f) -> {
                BufferSelection sel = f.bufferSelect(q.cmd(), 6, 0);
                assertEquals(buf.address(), sel.buffer().address());
                assertFalse(f.postCqe(q.cmd(), sel, 32));
            });
            assertEquals(new CqeRecord(1, 32, IORING_CQE_F_MORE | IORING_CQE_F_BUFFER | 3 << IORING_CQE_BUFFER_SHIFT), fx.next());
            assertEquals(1, TestBufRing.head(fx.ring, 6));

            assertEquals(22, assertThrows(ErrnoException.class, () -> e.mapBufferRing(6, 8192)).errno(), "past its pages");
            assertEquals(22, assertThrows(ErrnoException.class, () -> e.mapBufferRing(7, 64)).errno(), "no group");
            TestBufRing.register(fx.ring, 8, 4, 0, 0, 0);
            assertEquals(22, assertThrows(ErrnoException.class, () -> e.mapBufferRing(8, 64)).errno(), "client memory");
        }
    }
}
