package io.uringcmd.embedded;

import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;

import static io.uringcmd.abi.Uapi.*;
import static java.lang.foreign.ValueLayout.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: io_register_pbuf_ring checks in the kernel's order — resv, flags, power of two, >= 65536, min_left
 * without INC (all -EINVAL), then -EEXIST, then the ring memory: ring_addr 0 -EFAULT, unaligned -EINVAL, unmapped
 * -EFAULT (kernel-uring-cmd.md §4.1.3-8; each pair below was run on 6.18.44 with the same results).
 */
class PbufRingRegisterRuleOrderTest {
    @Test
    void eachRuleAndItsPlaceInTheOrder() {
        try (Host host = new Host(); IoUring<Sqe64> ring = host.setup(RingSetup.entries(4))) {
            long page = ring.allocatePages(3 * 4096).address();
            MemorySegment r;
            r = TestBufRing.reg(ring, page, 4, 1, 0, 0);
            r.set(JAVA_LONG, 24, 1); // resv
            assertEquals(-22, reg(ring, r), "resv");
            r.set(JAVA_INT, 8, 3);
            assertEquals(-22, reg(ring, r), "resv before entries");
            assertEquals(-22, reg(ring, TestBufRing.reg(ring, page, 4, 1, 4, 0)), "unknown flag");
            assertEquals(-22, reg(ring, TestBufRing.reg(ring, page, 0, 1, 0, 0)), "0 entries");
            assertEquals(-22, reg(ring, TestBufRing.reg(ring, page, 3, 1, 0, 0)), "3 entries");
            assertEquals(-22, reg(ring, TestBufRing.reg(ring, page, 65536, 1, 0, 0)), "65536 entries");
            assertEquals(-22, reg(ring, TestBufRing.reg(ring, page, 1 << 31, 1, 0, 0)), "2^31 entries");
            assertEquals(-22, reg(ring, TestBufRing.reg(ring, page, 4, 1, 0, 1)), "min_left without INC");
            assertEquals(-22, reg(ring, TestBufRing.reg(ring, 0, 3, 1, 0, 0)), "entries before ring_addr");

            assertEquals(0, reg(ring, TestBufRing.reg(ring, page, 4, 1, 0, 0)));
            assertEquals(-17, reg(ring, TestBufRing.reg(ring, page + 4096, 4, 1, 0, 0)), "group 1 has a ring");
            assertEquals(-22, reg(ring, TestBufRing.reg(ring, page + 4096, 4, 1, 0, 1)), "min_left before EEXIST");
            assertEquals(-17, reg(ring, TestBufRing.reg(ring, 0, 4, 1, 0, 0)), "EEXIST before ring_addr");

            assertEquals(-14, reg(ring, TestBufRing.reg(ring, 0, 4, 2, 0, 0)), "ring_addr 0");
            assertEquals(-22, reg(ring, TestBufRing.reg(ring, page + 16, 4, 2, 0, 0)), "not page-aligned");
            assertEquals(-14, reg(ring, TestBufRing.reg(ring, 0x1000, 4, 2, 0, 0)), "not user memory");

            assertEquals(0, reg(ring, TestBufRing.reg(ring, page + 4096, 1, 2, 0, 0)), "1 entry is allowed");
            assertEquals(0, reg(ring, TestBufRing.reg(ring, page, 4, 3, 0, 0)), "two groups may share ring memory");
            assertEquals(0, reg(ring, TestBufRing.reg(ring, page + 8192, 4, 65535, IOU_PBUF_RING_INC, 5)), "bgid 65535, INC, min_left");
            MemorySegment big = ring.allocatePages(16L * 32768);
            assertEquals(0, reg(ring, TestBufRing.reg(ring, big.address(), 32768, 4, 0, 0)), "32768 entries");
        }
    }

    static int reg(IoUring<?> ring, MemorySegment r) { return ring.register(IORING_REGISTER_PBUF_RING, r, 1); }
}
