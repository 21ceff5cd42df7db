package io.uringcmd.embedded;

import io.uringcmd.abi.Errno;
import io.uringcmd.driver.BufferSelection;
import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.uringcmd.abi.Uapi.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: buffer selection from an empty ring, an unknown group or an unregistered one returns null, and
 * ending with -ENOBUFS is the device's choice: a final CQE {res -ENOBUFS, flags 0} (kernel-uring-cmd.md §3.3.4,
 * §3.5, §4.2.1-2).
 */
class MultishotEmptyGroupEnobufsTest {
    @Test
    void emptyUnknownAndUnregisteredGroupsSelectNothing() {
        try (MshotFixture fx = new MshotFixture()) {
            TestBufRing bufs = TestBufRing.register(fx.ring, 5, 2, 16, 0, 0);
            fx.arm(9, 5);
            fx.inTask((q, f) -> {
                assertNull(f.bufferSelect(q.cmd(), 5, 0), "registered, nothing published");
                assertNull(f.bufferSelect(q.cmd(), 6, 0), "no such group");
                assertNull(f.bufferSelect(q.cmd(), 65536 + 5, 0), "bgid beyond u16");
            });
            bufs.recycle(1);
            fx.inTask((q, f) -> {
                BufferSelection sel = f.bufferSelect(q.cmd(), 5, 0);
                assertEquals(1, sel.bufferId());
                assertFalse(f.postCqe(q.cmd(), sel, 4));
                assertNull(f.bufferSelect(q.cmd(), 5, 0), "the only buffer is consumed");
            });
            bufs.recycle(0);
            assertEquals(0, bufs.unregister());
            fx.inTask((q, f) -> {
                assertNull(f.bufferSelect(q.cmd(), 5, 0), "unregistered");
                q.done(-Errno.ENOBUFS.value());
            });
            assertEquals(List.of(new CqeRecord(9, 4, IORING_CQE_F_MORE | IORING_CQE_F_BUFFER | 1 << IORING_CQE_BUFFER_SHIFT),
                    new CqeRecord(9, -105, 0)), fx.reap());
        }
    }
}
