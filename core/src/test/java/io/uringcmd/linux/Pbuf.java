package io.uringcmd.linux;

import io.uringcmd.abi.BufRingLayout;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

import static io.uringcmd.abi.Uapi.*;
import static java.lang.foreign.ValueLayout.*;

/** Raw provided-buffer register calls and CQE helpers for the kernel tests: the kernel's answer, unchecked. */
final class Pbuf {
    private Pbuf() {}

    /** A zeroed {@code io_uring_buf_reg}. */
    static MemorySegment reg(IoUring<?> ring, MemorySegment ringMemory, int entries, int bgid, int flags) {
        MemorySegment r = ring.allocate(BufRingLayout.REG_SIZE);
        r.set(JAVA_LONG, BufRingLayout.REG_RING_ADDR, ringMemory == null ? 0 : ringMemory.address());
        r.set(JAVA_INT, BufRingLayout.REG_RING_ENTRIES, entries);
        r.set(JAVA_SHORT, BufRingLayout.REG_BGID, (short) bgid);
        r.set(JAVA_SHORT, BufRingLayout.REG_FLAGS, (short) flags);
        return r;
    }

    /** {@code IORING_REGISTER_PBUF_RING} with nr_args 1: 0 or -errno. */
    static int register(IoUring<?> ring, MemorySegment ringMemory, int entries, int bgid, int flags) {
        return ring.register(IORING_REGISTER_PBUF_RING, reg(ring, ringMemory, entries, bgid, flags), 1);
    }

    /** {@code IORING_UNREGISTER_PBUF_RING} of {@code bgid}: 0 or -errno. */
    static int unregister(IoUring<?> ring, int bgid) {
        return ring.register(IORING_UNREGISTER_PBUF_RING, reg(ring, null, 0, bgid, 0), 1);
    }

    /** {@code IORING_REGISTER_PBUF_STATUS}: the head ({@code >= 0}) or -errno. */
    static int status(IoUring<?> ring, int bufGroup) {
        MemorySegment s = ring.allocate(BufRingLayout.STATUS_SIZE);
        s.set(JAVA_INT, BufRingLayout.STATUS_BUF_GROUP, bufGroup);
        int r = ring.register(IORING_REGISTER_PBUF_STATUS, s, 1);
        return r < 0 ? r : s.get(JAVA_INT, BufRingLayout.STATUS_HEAD);
    }

    /** Submits what was claimed, waits for one CQE, consumes it and returns a copy. */
    static CqeRecord submitOne(IoUring<?> ring) {
        ring.submitAndWait(1);
        CqeRecord c = ring.waitCqe().copy();
        ring.cqeSeen();
        return c;
    }

    /** {@code F_BUFFER | bid << 16 | more}: the flags of a CQE carrying buffer {@code bid}. */
    static int buffer(int bid, int more) {
        return IORING_CQE_F_BUFFER | bid << IORING_CQE_BUFFER_SHIFT | more;
    }

    static String ascii(MemorySegment bytes) {
        return new String(bytes.toArray(JAVA_BYTE), StandardCharsets.US_ASCII);
    }
}
