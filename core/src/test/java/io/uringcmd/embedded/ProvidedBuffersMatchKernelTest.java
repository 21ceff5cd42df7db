package io.uringcmd.embedded;

import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static io.uringcmd.abi.Uapi.*;
import static java.lang.foreign.ValueLayout.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: the same sequence of PBUF_RING / UNREGISTER_PBUF_RING / PBUF_STATUS registrations and legacy
 * PROVIDE_BUFFERS / REMOVE_BUFFERS gives the same results on the kernel of this machine and on the embedded host
 * (kernel-uring-cmd.md §4.1, §4.5). Skips the kernel half only when io_uring is unavailable.
 */
class ProvidedBuffersMatchKernelTest {
    /** Runs the sequence on {@code ring}; every result, labelled, in order. */
    static List<String> sequence(IoUring<Sqe64> ring) {
        List<String> out = new ArrayList<>();
        long page = ring.allocatePages(4 * 4096).address();
        MemorySegment st = ring.allocate(40);
        java.util.function.BiConsumer<String, Integer> r = (label, res) -> out.add(label + " " + res);
        r.accept("reg NULL", ring.register(IORING_REGISTER_PBUF_RING, MemorySegment.NULL, 1));
        r.accept("reg nr2", ring.register(IORING_REGISTER_PBUF_RING, TestBufRing.reg(ring, page, 4, 1, 0, 0), 2));
        r.accept("reg flags4", reg(ring, page, 4, 1, 4, 0, 0));
        r.accept("reg minleft noinc", reg(ring, page, 4, 1, 0, 1, 0));
        r.accept("reg resv1 entries3", reg(ring, page, 3, 1, 0, 0, 1));
        r.accept("reg 65536", reg(ring, page, 65536, 1, 0, 0, 0));
        r.accept("reg 0", reg(ring, page, 0, 1, 0, 0, 0));
        r.accept("reg addr0", reg(ring, 0, 4, 1, 0, 0, 0));
        r.accept("reg unaligned", reg(ring, page + 16, 4, 1, 0, 0, 0));
        r.accept("reg unmapped", reg(ring, 0x1000, 4, 1, 0, 0, 0));
        r.accept("reg ok", reg(ring, page, 4, 1, 0, 0, 0));
        r.accept("reg exists", reg(ring, page + 4096, 4, 1, 0, 0, 0));
        r.accept("reg exists minleft noinc", reg(ring, page + 4096, 4, 1, 0, 1, 0));
        r.accept("reg exists addr0", reg(ring, 0, 4, 1, 0, 0, 0));
        r.accept("reg inc minleft", reg(ring, page + 4096, 4, 2, IOU_PBUF_RING_INC, 5, 0));
        r.accept("reg mmap junk addr", reg(ring, 0x1234, 4, 3, IOU_PBUF_RING_MMAP, 0, 0));
        r.accept("reg shared memory", reg(ring, page, 4, 4, 0, 0, 0));
        r.accept("reg bgid 65535", reg(ring, page + 8192, 1, 65535, 0, 0, 0));
        r.accept("unreg NULL", ring.register(IORING_UNREGISTER_PBUF_RING, MemorySegment.NULL, 1));
        r.accept("unreg minleft", unreg(ring, 4, 0, 7, 0));
        r.accept("unreg resv", unreg(ring, 1, 0, 0, 1));
        r.accept("unreg flags", unreg(ring, 1, IOU_PBUF_RING_INC, 0, 0));
        r.accept("unreg none", unreg(ring, 9, 0, 0, 0));
        r.accept("unreg none resv", unreg(ring, 9, 0, 0, 1));
        st.set(JAVA_INT, 0, 1);
        st.set(JAVA_INT, 4, 99);
        int s = ring.register(IORING_REGISTER_PBUF_STATUS, st, 1);
        r.accept("status head-in 99", s < 0 ? s : 1000 + st.get(JAVA_INT, 4));
        st.set(JAVA_INT, 0, 0x10001);
        r.accept("status 65537", ring.register(IORING_REGISTER_PBUF_STATUS, st, 1));
        st.set(JAVA_INT, 0, 1);
        st.set(JAVA_INT, 36, 1);
        r.accept("status resv", ring.register(IORING_REGISTER_PBUF_STATUS, st, 1));
        st.set(JAVA_INT, 36, 0);
        MemorySegment mem = ring.allocate(256);
        r.accept("provide", sqe(ring, s2 -> s2.prepProvideBuffers(mem, 16, 2, 20, 5)));
        r.accept("reg onto legacy", reg(ring, page + 8192, 4, 20, 0, 0, 0));
        st.set(JAVA_INT, 0, 20);
        r.accept("status legacy", ring.register(IORING_REGISTER_PBUF_STATUS, st, 1));
        r.accept("unreg legacy", unreg(ring, 20, 0, 0, 0));
        r.accept("remove 5 of 2", sqe(ring, s2 -> s2.prepRemoveBuffers(5, 20)));
        r.accept("remove from empty", sqe(ring, s2 -> s2.prepRemoveBuffers(5, 20)));
        r.accept("reg onto empty legacy", reg(ring, page + 8192, 4, 20, 0, 0, 0));
        r.accept("provide onto ring", sqe(ring, s2 -> s2.prepProvideBuffers(mem, 16, 1, 20, 0)));
        r.accept("remove ring", sqe(ring, s2 -> s2.prepRemoveBuffers(1, 20)));
        r.accept("provide ioprio", sqe(ring, s2 -> s2.prepProvideBuffers(mem, 16, 1, 21, 0).ioprio(1)));
        r.accept("provide nbufs -1", sqe(ring, s2 -> s2.prepProvideBuffers(mem, 16, -1, 21, 0)));
        r.accept("provide len 0", sqe(ring, s2 -> s2.prepProvideBuffers(mem, 0, 1, 21, 0)));
        r.accept("provide unmapped", sqe(ring, s2 -> s2.prepProvideBuffers(MemorySegment.ofAddress(0x1000), 16, 1, 21, 0)));
        r.accept("provide past TASK_SIZE", sqe(ring, s2 -> s2.prepProvideBuffers(MemorySegment.ofAddress(0x7ffffffff000L - 16), 16, 2, 22, 0)));
        r.accept("provide up to TASK_SIZE", sqe(ring, s2 -> s2.prepProvideBuffers(MemorySegment.ofAddress(0x7ffffffff000L - 32), 16, 2, 22, 0)));
        r.accept("provide overflow", sqe(ring, s2 -> s2.prepProvideBuffers(MemorySegment.ofAddress(-16L), 16, 2, 22, 0)));
        r.accept("provide off 65536", sqe(ring, s2 -> s2.prepProvideBuffers(mem, 16, 1, 22, 65536)));
        r.accept("provide off+n > 65536", sqe(ring, s2 -> s2.prepProvideBuffers(mem, 16, 2, 22, 65535)));
        r.accept("provide 65536", sqe(ring, s2 -> s2.prepProvideBuffers(mem, 16, 65536, 23, 0)));
        r.accept("provide one more", sqe(ring, s2 -> s2.prepProvideBuffers(mem, 16, 1, 23, 0)));
        r.accept("remove 65536", sqe(ring, s2 -> s2.prepRemoveBuffers(65536, 23)));
        r.accept("provide bufsel", sqe(ring, s2 -> s2.prepProvideBuffers(mem, 16, 1, 23, 0).addFlags(IOSQE_BUFFER_SELECT)));
        r.accept("remove 0", sqe(ring, s2 -> s2.prepRemoveBuffers(0, 23)));
        r.accept("remove addr", sqe(ring, s2 -> s2.prepRemoveBuffers(1, 23).addr(8)));
        r.accept("remove none", sqe(ring, s2 -> s2.prepRemoveBuffers(1, 99)));
        return out;
    }

    private static int reg(IoUring<?> ring, long addr, int entries, int bgid, int flags, int minLeft, long resv) {
        MemorySegment m = TestBufRing.reg(ring, addr, entries, bgid, flags, minLeft);
        m.set(JAVA_LONG, 24, resv);
        return ring.register(IORING_REGISTER_PBUF_RING, m, 1);
    }

    private static int unreg(IoUring<?> ring, int bgid, int flags, int minLeft, long resv) {
        MemorySegment m = TestBufRing.reg(ring, 0, 0, bgid, flags, minLeft);
        m.set(JAVA_LONG, 24, resv);
        return ring.register(IORING_UNREGISTER_PBUF_RING, m, 1);
    }

    /** Submits one SQE and returns its CQE's res (flags must be 0 for these opcodes). */
    private static int sqe(IoUring<Sqe64> ring, Consumer<Sqe> prep) {
        Sqe s = ring.sqe();
        prep.accept(s);
        s.userData(42);
        ring.submitAndWait(1);
        CqeRecord c = ring.waitCqe().copy();
        ring.cqeSeen();
        assertEquals(42, c.userData());
        assertEquals(0, c.flags());
        return c.res();
    }

    @Test
    void embeddedGivesTheKernelsResults() {
        List<String> embedded;
        try (Host host = new Host(); IoUring<Sqe64> ring = host.setup(RingSetup.entries(8))) {
            embedded = sequence(ring);
        }
        List<String> kernel;
        try (IoUring<Sqe64> ring = KernelSide.ring(RingSetup.entries(8))) {
            kernel = sequence(ring);
        }
        assertEquals(kernel, embedded);
        // The sequence exercises real outcomes, not one errno everywhere.
        assertTrue(kernel.contains("reg exists -17") && kernel.contains("reg unmapped -14") && kernel.contains("remove 65536 65535"), kernel.toString());
    }
}
