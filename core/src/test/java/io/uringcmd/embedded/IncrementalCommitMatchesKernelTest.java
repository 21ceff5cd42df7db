package io.uringcmd.embedded;

import io.uringcmd.driver.BufferSelection;
import io.uringcmd.internal.Libc;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import static io.uringcmd.abi.Uapi.*;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: committing n bytes of a provided buffer gives the kernel's CQE buffer flags, head and shared-entry
 * write-back — on plain rings, INC rings and INC rings with min_left — comparing the kernel's IORING_OP_READ with
 * buffer select on a pipe (committed at completion) to an embedded multishot post of the same bytes
 * (io_put_kbuf / io_kbuf_inc_commit, kernel-uring-cmd.md §4.3). F_MORE is the multishot's own and not compared.
 */
class IncrementalCommitMatchesKernelTest {
    /** A ring group: flags, min_left, buffer sizes (bids 5, 6, ...), then the byte counts to commit in turn. */
    record Case(int flags, int minLeft, int[] sizes, int[] reads) {}

    static final List<Case> CASES = List.of(
            new Case(0, 0, new int[] {8, 8}, new int[] {3, 8}),
            new Case(IOU_PBUF_RING_INC, 0, new int[] {10}, new int[] {3, 7}),
            new Case(IOU_PBUF_RING_INC, 0, new int[] {10, 4}, new int[] {10, 1, 3}),
            new Case(IOU_PBUF_RING_INC, 8, new int[] {10, 10}, new int[] {3, 2}),
            new Case(IOU_PBUF_RING_INC, 7, new int[] {10}, new int[] {3, 4}),
            new Case(IOU_PBUF_RING_INC, 1, new int[] {10}, new int[] {9, 1}));

    /** One commit as seen by the client: res, buffer flags, head, and entry 0/1 (addr offset, len). */
    static String step(CqeRecord c, TestBufRing bufs, long[] bases) {
        int f = c.flags() & ~(IORING_CQE_F_MORE | IORING_CQE_F_SOCK_NONEMPTY);
        StringBuilder b = new StringBuilder("res=" + c.res() + " flags=0x" + Integer.toHexString(f) + " head=" + bufs.head());
        for (int i = 0; i < bases.length; i++) b.append(" e").append(i).append("=+").append(bufs.entryAddr(i) - bases[i]).append('/').append(bufs.entryLen(i));
        return b.toString();
    }

    static TestBufRing ringFor(IoUring<Sqe64> ring, int bgid, Case k, long[] bases) {
        TestBufRing bufs = TestBufRing.register(ring, bgid, 2, 0, k.flags, k.minLeft);
        for (int i = 0; i < k.sizes.length; i++) {
            MemorySegment m = ring.allocate(k.sizes[i]);
            bases[i] = m.address();
            bufs.add(m, 5 + i);
        }
        bufs.publish();
        return bufs;
    }

    static List<String> kernel(Case k) {
        List<String> out = new ArrayList<>();
        try (IoUring<Sqe64> ring = KernelSide.ring(RingSetup.entries(4)); Arena a = Arena.ofConfined()) {
            MemorySegment fds = a.allocate(8);
            assertEquals(0, Libc.pipe2(fds.address(), 0));
            int rfd = fds.get(JAVA_INT, 0), wfd = fds.get(JAVA_INT, 4);
            try {
                long[] bases = new long[k.sizes.length];
                TestBufRing bufs = ringFor(ring, 1, k, bases);
                MemorySegment data = a.allocate(64);
                for (int n : k.reads) {
                    assertEquals(n, Libc.write(wfd, data.address(), n));
                    ring.sqe().prepReadSelect(rfd, 0, 1, -1).userData(1);
                    ring.submitAndWait(1);
                    CqeRecord c = ring.waitCqe().copy();
                    ring.cqeSeen();
                    out.add(step(c, bufs, bases));
                }
            } finally {
                Libc.close(rfd);
                Libc.close(wfd);
            }
        }
        return out;
    }

    static List<String> embedded(Case k) {
        List<String> out = new ArrayList<>();
        try (MshotFixture fx = new MshotFixture()) {
            long[] bases = new long[k.sizes.length];
            TestBufRing bufs = ringFor(fx.ring, 1, k, bases);
            fx.arm(1, 1);
            for (int n : k.reads) {
                fx.inTask((q, f) -> {
                    BufferSelection sel = f.bufferSelect(q.cmd(), 1, 0);
                    assertFalse(f.postCqe(q.cmd(), sel, n));
                });
                out.add(step(fx.next(), bufs, bases));
            }
        }
        return out;
    }

    @Test
    void sameFlagsHeadAndWriteBack() {
        for (Case k : CASES) {
            List<String> kern = kernel(k);
            assertEquals(kern, embedded(k), "case flags=" + k.flags + " min_left=" + k.minLeft);
            assertEquals(k.reads.length, kern.size());
        }
    }
}
