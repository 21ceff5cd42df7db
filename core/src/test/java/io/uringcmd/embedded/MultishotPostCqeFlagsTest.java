package io.uringcmd.embedded;

import io.uringcmd.abi.Errno;
import io.uringcmd.driver.BufferSelection;
import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.uringcmd.abi.Uapi.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: each io_uring_mshot_cmd_post_cqe commits the selected ring buffer (head +1) and posts
 * {@code res = bytes, flags = F_MORE | F_BUFFER | bid << 16} with the command's user_data; the final CQE has flags 0
 * (kernel-uring-cmd.md §3.4.2, §3.5, §4.3).
 */
class MultishotPostCqeFlagsTest {
    @Test
    void eachPostCommitsOneBufferAndCarriesItsBid() {
        try (MshotFixture fx = new MshotFixture()) {
            TestBufRing bufs = TestBufRing.full(fx.ring, 3, 4, 32);
            fx.arm(77, 3);
            assertEquals(List.of(), fx.reap(), "armed: no CQE yet");
            fx.inTask((q, f) -> {
                for (String event : new String[] {"hello", "abc"}) {
                    BufferSelection sel = f.bufferSelect(q.cmd(), 3, 0);
                    assertEquals(32, sel.length());
                    MshotFixture.write(sel.buffer(), event);
                    assertFalse(f.postCqe(q.cmd(), sel, event.length()), "posted: the stream goes on");
                }
            });
            assertEquals(List.of(
                    new CqeRecord(77, 5, IORING_CQE_F_MORE | IORING_CQE_F_BUFFER),
                    new CqeRecord(77, 3, IORING_CQE_F_MORE | IORING_CQE_F_BUFFER | 1 << IORING_CQE_BUFFER_SHIFT)), fx.reap());
            assertEquals("hello", MshotFixture.text(bufs.buffer(0), 5));
            assertEquals("abc", MshotFixture.text(bufs.buffer(1), 3));
            assertEquals(2, bufs.head(), "two buffers committed");

            fx.inTask((q, f) -> q.done(-Errno.ENOBUFS.value()));
            assertEquals(List.of(new CqeRecord(77, -105, 0)), fx.reap());
            assertEquals(2, fx.engine().multishotStats().auxCqes());
        }
    }
}
