package io.uringcmd.embedded;

import io.uringcmd.abi.Errno;
import io.uringcmd.driver.BufferSelection;
import io.uringcmd.driver.DeviceException;
import io.uringcmd.driver.IoUringCmd;
import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static io.uringcmd.abi.Uapi.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: a BufferSelection is valid only in the issue context that made it and until it is posted: using it
 * later throws IllegalStateException; a second select while one is pending is -EINVAL, as the kernel's
 * WARN_ON_ONCE(!io_do_buffer_select) (kernel-uring-cmd.md §3.3.2, §3.4 "same uring_lock-held context").
 */
class MultishotSelectionContextBoundTest {
    @Test
    void aSelectionDiesWithItsContext() {
        try (MshotFixture fx = new MshotFixture()) {
            TestBufRing bufs = TestBufRing.full(fx.ring, 2, 4, 8);
            fx.arm(1, 2);
            AtomicReference<BufferSelection> old = new AtomicReference<>();
            fx.inTask((q, f) -> old.set(f.bufferSelect(q.cmd(), 2, 0)));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> old.get().buffer());
            assertTrue(e.getMessage().contains("issue context that has ended"), e.getMessage());
            fx.inTask((q, f) -> {
                IllegalStateException p = assertThrows(IllegalStateException.class, () -> f.postCqe(q.cmd(), old.get(), 1));
                assertTrue(p.getMessage().contains("issue context that has ended"), p.getMessage());
            });
            assertEquals(0, bufs.head(), "nothing was committed by the refused post");
            assertEquals(List.of(), fx.reap());
        }
    }

    @Test
    void aPostedSelectionCannotBeWrittenOrPostedAgain() {
        try (MshotFixture fx = new MshotFixture()) {
            TestBufRing.full(fx.ring, 2, 4, 8);
            fx.arm(1, 2);
            fx.inTask((q, f) -> {
                BufferSelection sel = f.bufferSelect(q.cmd(), 2, 0);
                assertFalse(f.postCqe(q.cmd(), sel, 2));
                IllegalStateException w = assertThrows(IllegalStateException.class, sel::buffer);
                assertTrue(w.getMessage().contains("already posted"), w.getMessage());
                assertThrows(IllegalStateException.class, () -> f.postCqe(q.cmd(), sel, 2));
            });
            assertEquals(List.of(new CqeRecord(1, 2, IORING_CQE_F_MORE | IORING_CQE_F_BUFFER)), fx.reap());
        }
    }

    @Test
    void oneSelectionAtATimeAndOnlyForTheContextsCommand() {
        try (MshotFixture fx = new MshotFixture()) {
            TestBufRing.full(fx.ring, 2, 4, 8);
            AtomicReference<IoUringCmd> other = new AtomicReference<>();
            fx.arm(1, 2);
            fx.inTask((q, f) -> {
                BufferSelection sel = f.bufferSelect(q.cmd(), 2, 0);
                DeviceException twice = assertThrows(DeviceException.class, () -> f.bufferSelect(q.cmd(), 2, 0));
                assertEquals(Errno.EINVAL, twice.errno());
                assertThrows(IllegalArgumentException.class, () -> f.postCqe(q.cmd(), sel, 9), "9 bytes do not fit 8");
                assertThrows(IllegalArgumentException.class, () -> f.postCqe(q.cmd(), null, 1), "bytes need their buffer");
                other.set(q.cmd());
            });
            // A second command's context cannot select for, or post to, the first one.
            var first = fx.dev.last.get();
            fx.arm(2, 2);
            fx.inTask((q, f) -> {
                assertNotSame(first, q);
                assertThrows(IllegalStateException.class, () -> f.bufferSelect(first.cmd(), 2, 0));
            });
        }
    }

    @Test
    void afterTheCommandCompletedNothingMorePosts() {
        try (MshotFixture fx = new MshotFixture()) {
            TestBufRing.full(fx.ring, 2, 4, 8);
            fx.arm(1, 2);
            fx.inTask((q, f) -> {
                BufferSelection sel = f.bufferSelect(q.cmd(), 2, 0);
                IoUringCmd cmd = q.cmd();
                q.done(-Errno.ENOBUFS.value());
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> f.postCqe(cmd, sel, 1));
                assertTrue(e.getMessage().contains("after the command was completed"), e.getMessage());
            });
            assertEquals(List.of(new CqeRecord(1, -105, 0)), fx.reap());
        }
    }
}
