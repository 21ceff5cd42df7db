package io.uringcmd.linux;

import io.uringcmd.abi.BufRingLayout;
import io.uringcmd.internal.Libc;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;

import static io.uringcmd.abi.Uapi.*;
import static io.uringcmd.linux.Pbuf.*;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Description: IORING_REGISTER_PBUF_RING checks its arguments before anything else (§4.1 steps 1-4): nr_args 0 or 2,
 * a NULL arg, a flag other than MMAP|INC, or a non-zero resv word (bytes 20..39) give -EINVAL; an unreadable arg
 * gives -EFAULT. Nothing is registered.
 */
class PbufRingRegisterFieldsEinvalTest {
    @Test
    void badArgumentsGiveEinval() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(2))) {
            MemorySegment mem = ring.allocatePages(4096);
            assertEquals(-22, ring.register(IORING_REGISTER_PBUF_RING, reg(ring, mem, 1, 1, 0), 0));
            assertEquals(-22, ring.register(IORING_REGISTER_PBUF_RING, reg(ring, mem, 1, 1, 0), 2));
            assertEquals(-22, ring.register(IORING_REGISTER_PBUF_RING, MemorySegment.NULL, 1));
            assertEquals(-22, register(ring, mem, 1, 1, 4));
            assertEquals(-22, register(ring, mem, 1, 1, 0x8000));
            for (int i = 0; i < 5; i++) {
                MemorySegment r = reg(ring, mem, 1, 1, 0);
                r.set(JAVA_INT, BufRingLayout.REG_RESV + 4L * i, 1);
                assertEquals(-22, ring.register(IORING_REGISTER_PBUF_RING, r, 1), "resv[" + i + "]");
            }
            // An address the kernel cannot read (the first page is never mapped): copy_from_user fails.
            int fd = ((LinuxBackend) ring.backend()).ringFd();
            assertEquals(-14, Libc.syscall(NR_IO_URING_REGISTER, fd, IORING_REGISTER_PBUF_RING, 16, 1, 0, 0));
            assertEquals(-2, status(ring, 1), "nothing was registered");
        }
    }
}
