package io.uringcmd.embedded;

import io.uringcmd.abi.BufRingLayout;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;

import static java.lang.foreign.ValueLayout.*;

/**
 * One buffer group ({@code struct io_buffer_list}, io_uring/kbuf.c of 6.18.44): either a provided buffer ring whose
 * entries live in the client's memory, or a legacy list filled by {@code IORING_OP_PROVIDE_BUFFERS}. Only the
 * engine's lock holder touches it.
 *
 * <p>A ring's {@code head} is private to the engine, as the kernel's is: the client learns it only through
 * {@code IORING_REGISTER_PBUF_STATUS}. The client publishes entries by a release store of the u16 {@code tail} at
 * byte 14 of the ring; the engine reads it with acquire and the entries after it.
 */
final class BufferList {
    /** u16 access to the shared tail with acquire ordering. */
    private static final VarHandle SHORT = JAVA_SHORT.varHandle();
    /** {@code MAX_RW_COUNT} (INT_MAX & PAGE_MASK): the cap on a legacy buffer's length. */
    static final int MAX_RW_COUNT = 0x7ffff000;

    /** A legacy provided buffer ({@code struct io_buffer}). */
    record Legacy(long addr, int len, int bid, int bgid) {}

    final int bgid;
    final boolean isRing;

    // ring (IOBL_BUF_RING)
    final MemorySegment ring;
    final int mask;
    /** {@code IOBL_INC}: buffers are consumed in parts ({@code IOU_PBUF_RING_INC}). */
    final boolean inc;
    /** {@code min_left - 1} (6.18.44): an INC buffer left with no more than this many bytes is retired. */
    final int minLeftSubOne;
    /** {@code IOU_PBUF_RING_MMAP}: the engine allocated {@link #ring}; the client maps it. */
    final boolean mmap;
    /** The private head (u16 semantics: compared and stored modulo 65536). */
    int head;

    // legacy
    final ArrayDeque<Legacy> buffers;

    private BufferList(int bgid, MemorySegment ring, int entries, boolean inc, int minLeft, boolean mmap) {
        this.bgid = bgid;
        this.isRing = true;
        this.ring = ring;
        this.mask = entries - 1;
        this.inc = inc;
        this.minLeftSubOne = minLeft == 0 ? 0 : minLeft - 1;
        this.mmap = mmap;
        this.buffers = null;
    }

    private BufferList(int bgid) {
        this.bgid = bgid;
        this.isRing = false;
        this.ring = null;
        this.mask = 0;
        this.inc = false;
        this.minLeftSubOne = 0;
        this.mmap = false;
        this.buffers = new ArrayDeque<>();
    }

    static BufferList ring(int bgid, MemorySegment ring, int entries, boolean inc, int minLeft, boolean mmap) {
        return new BufferList(bgid, ring, entries, inc, minLeft, mmap);
    }

    static BufferList legacy(int bgid) { return new BufferList(bgid); }

    // ---------------------------------------------------------------- ring entries (client memory)

    /** {@code smp_load_acquire(&br->tail)}: the client's stores to the entries before it are visible. */
    int tail() { return Short.toUnsignedInt((short) SHORT.getAcquire(ring, BufRingLayout.RING_TAIL)); }

    private long entry(int index) { return (long) (index & mask) * BufRingLayout.BUF_SIZE; }

    long entryAddr(int index) { return ring.get(JAVA_LONG, entry(index) + BufRingLayout.BUF_ADDR); }

    /** The entry's {@code len}, a u32 widened to long. */
    long entryLen(int index) { return Integer.toUnsignedLong(ring.get(JAVA_INT, entry(index) + BufRingLayout.BUF_LEN)); }

    int entryBid(int index) { return Short.toUnsignedInt(ring.get(JAVA_SHORT, entry(index) + BufRingLayout.BUF_BID)); }

    /** True when the ring holds no published entry past the head. */
    boolean ringEmpty() { return tail() == (head & 0xffff); }

    /**
     * {@code io_kbuf_commit} for one buffer of {@code len} bytes: a plain ring moves the head by one; an INC ring
     * consumes {@code len} bytes ({@link #incCommit}). Returns false when an INC buffer is only partly consumed
     * (the CQE then carries {@code IORING_CQE_F_BUF_MORE}).
     */
    boolean commit(long len) {
        if (len < 0) return true;
        if (inc) return incCommit(len);
        head = (head + 1) & 0xffff;
        return true;
    }

    /**
     * {@code io_kbuf_inc_commit} (6.18.44, with {@code min_left}): consumes {@code len} bytes from the head buffer,
     * writing the new {@code addr}/{@code len} back into the shared entry while the buffer keeps more than
     * {@code min_left - 1} bytes; a buffer used up (or left with too little) gets {@code len = 0} and the head moves on.
     */
    private boolean incCommit(long len) {
        if (len == 0) return false; // no data consumed: keep the buffer
        while (len > 0) {
            long e = entry(head);
            long bufLen = Integer.toUnsignedLong(ring.get(JAVA_INT, e + BufRingLayout.BUF_LEN));
            long thisLen = Math.min(len, bufLen);
            bufLen -= thisLen;
            if (bufLen > Integer.toUnsignedLong(minLeftSubOne) || thisLen == 0) {
                ring.set(JAVA_LONG, e + BufRingLayout.BUF_ADDR, ring.get(JAVA_LONG, e + BufRingLayout.BUF_ADDR) + thisLen);
                ring.set(JAVA_INT, e + BufRingLayout.BUF_LEN, (int) bufLen);
                return false;
            }
            ring.set(JAVA_INT, e + BufRingLayout.BUF_LEN, 0);
            head = (head + 1) & 0xffff;
            len -= thisLen;
        }
        return true;
    }

    @Override
    public String toString() {
        return isRing ? "ring group " + bgid + " (" + (mask + 1) + " entries, head " + head + (inc ? ", INC" : "") + ")"
                : "legacy group " + bgid + " (" + buffers.size() + " buffers)";
    }
}
