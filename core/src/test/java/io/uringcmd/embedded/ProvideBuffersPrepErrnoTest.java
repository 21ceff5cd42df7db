package io.uringcmd.embedded;

import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.Sqe;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.function.Consumer;

import static io.uringcmd.abi.Uapi.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: IORING_OP_PROVIDE_BUFFERS prep checks in the kernel's order: rw_flags/splice_fd_in -EINVAL, nbufs 0
 * or > 65536 (fd read as s32 into a u64) -E2BIG, len 0 -EINVAL, addr + size overflow -EOVERFLOW, past TASK_SIZE_MAX
 * -EFAULT (access_ok only: unmapped memory is accepted), off > 65535 -E2BIG, off + nbufs > 65536 -EINVAL; ioprio
 * -EINVAL and BUFFER_SELECT -EOPNOTSUPP from io_init_req (io_provide_buffers_prep, kernel-uring-cmd.md §4.5; each
 * case gave the same res on 6.18.44).
 */
class ProvideBuffersPrepErrnoTest {
    private static int provide(MshotFixture fx, Consumer<Sqe> prep) {
        Sqe s = fx.ring.sqe().prepProvideBuffers(MemorySegment.ofAddress(0x10000), 16, 1, 3, 0).userData(1);
        prep.accept(s);
        fx.ring.submit();
        CqeRecord c = fx.next();
        assertEquals(0, c.flags());
        return c.res();
    }

    @Test
    void prepRulesInOrder() {
        try (MshotFixture fx = new MshotFixture()) {
            assertEquals(-22, provide(fx, s -> s.opFlags(1)), "rw_flags");
            assertEquals(-22, provide(fx, s -> s.opFlags(1).fd(0)), "rw_flags before nbufs");
            assertEquals(-22, provide(fx, s -> s.spliceFdIn(1)), "splice_fd_in");
            assertEquals(-7, provide(fx, s -> s.fd(0)), "nbufs 0");
            assertEquals(-7, provide(fx, s -> s.fd(65537)), "nbufs 65537");
            assertEquals(-7, provide(fx, s -> s.fd(-1)), "nbufs -1 is huge");
            assertEquals(-7, provide(fx, s -> s.fd(0).len(0)), "nbufs before len");
            assertEquals(-22, provide(fx, s -> s.len(0)), "len 0");
            assertEquals(-75, provide(fx, s -> s.addr(-16L).fd(2)), "addr + size overflows");
            assertEquals(-14, provide(fx, s -> s.addr(0x7ffffffff000L - 16).fd(2)), "ends past TASK_SIZE_MAX");
            assertEquals(0, provide(fx, s -> s.addr(0x7ffffffff000L - 32).fd(2).bufGroup(4)), "ends at TASK_SIZE_MAX");
            assertEquals(-14, provide(fx, s -> s.addr(0x7ffffffff000L).off(70000)), "access_ok before off");
            assertEquals(-7, provide(fx, s -> s.off(65536)), "off > 65535");
            assertEquals(-22, provide(fx, s -> s.off(65535).fd(2)), "off + nbufs > 65536");
            assertEquals(0, provide(fx, s -> s.off(65535)), "bid 65535");
            assertEquals(-22, provide(fx, s -> s.ioprio(1)), "ioprio (io_init_req)");
            assertEquals(-95, provide(fx, s -> s.addFlags(IOSQE_BUFFER_SELECT)), "BUFFER_SELECT (io_init_req)");
        }
    }
}
