package io.uringcmd.embedded;

import io.uringcmd.abi.BufRingLayout;
import io.uringcmd.ring.ErrnoException;
import io.uringcmd.ring.IoUring;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;

import static io.uringcmd.abi.Uapi.*;
import static java.lang.foreign.ValueLayout.*;

/**
 * A minimal client-side provided buffer ring for the engine's tests: register, add and publish entries, read the
 * engine's head (PBUF_STATUS) and the shared entries. (The full client, {@code io.uringcmd.ring.BufferRing}, is built
 * on another branch.)
 */
final class TestBufRing {
    private static final VarHandle SHORT = JAVA_SHORT.varHandle();

    final IoUring<?> ring;
    final int bgid, entries, bufSize;
    final MemorySegment mem, bufs;
    int tail;

    private TestBufRing(IoUring<?> ring, int bgid, int entries, int bufSize, MemorySegment mem) {
        this.ring = ring;
        this.bgid = bgid;
        this.entries = entries;
        this.bufSize = bufSize;
        this.mem = mem;
        this.bufs = bufSize == 0 ? MemorySegment.NULL : ring.allocate((long) entries * bufSize);
    }

    /** Registers group {@code bgid} with {@code entries} empty slots and as many buffers of {@code bufSize} (not added). */
    static TestBufRing register(IoUring<?> ring, int bgid, int entries, int bufSize, int flags, int minLeft) {
        MemorySegment mem = ring.allocatePages(Math.max(4096, 16L * entries));
        int r = ring.register(IORING_REGISTER_PBUF_RING, reg(ring, mem.address(), entries, bgid, flags, minLeft), 1);
        if (r < 0) throw new ErrnoException("register PBUF_RING group " + bgid, r, null);
        return new TestBufRing(ring, bgid, entries, bufSize, mem);
    }

    /** Registers and publishes buffers {@code 0..entries-1}. */
    static TestBufRing full(IoUring<?> ring, int bgid, int entries, int bufSize) {
        TestBufRing b = register(ring, bgid, entries, bufSize, 0, 0);
        for (int bid = 0; bid < entries; bid++) b.add(bid);
        b.publish();
        return b;
    }

    static MemorySegment reg(IoUring<?> ring, long addr, int entries, int bgid, int flags, int minLeft) {
        MemorySegment r = ring.allocate(BufRingLayout.REG_SIZE);
        r.set(JAVA_LONG, BufRingLayout.REG_RING_ADDR, addr);
        r.set(JAVA_INT, BufRingLayout.REG_RING_ENTRIES, entries);
        r.set(JAVA_SHORT, BufRingLayout.REG_BGID, (short) bgid);
        r.set(JAVA_SHORT, BufRingLayout.REG_FLAGS, (short) flags);
        r.set(JAVA_INT, 16, minLeft); // min_left (6.18.44)
        return r;
    }

    MemorySegment buffer(int bid) { return bufs.asSlice((long) bid * bufSize, bufSize); }

    /** Writes buffer {@code bid} (whole) at the tail, not yet published. */
    void add(int bid) { add(buffer(bid), bid); }

    /** Writes {@code buf} as buffer {@code bid} at the tail, not yet published. */
    void add(MemorySegment buf, int bid) {
        long e = (long) (tail & (entries - 1)) * BufRingLayout.BUF_SIZE;
        mem.set(JAVA_LONG, e + BufRingLayout.BUF_ADDR, buf.address());
        mem.set(JAVA_INT, e + BufRingLayout.BUF_LEN, (int) buf.byteSize());
        mem.set(JAVA_SHORT, e + BufRingLayout.BUF_BID, (short) bid);
        tail = (tail + 1) & 0xffff;
    }

    /** Release-stores the tail: the engine now sees every entry added. */
    void publish() { SHORT.setRelease(mem, BufRingLayout.RING_TAIL, (short) tail); }

    void recycle(int bid) {
        add(bid);
        publish();
    }

    /** The engine's head through IORING_REGISTER_PBUF_STATUS. */
    int head() { return head(ring, bgid); }

    static int head(IoUring<?> ring, int bgid) {
        MemorySegment st = ring.allocate(BufRingLayout.STATUS_SIZE);
        st.set(JAVA_INT, BufRingLayout.STATUS_BUF_GROUP, bgid);
        int r = ring.register(IORING_REGISTER_PBUF_STATUS, st, 1);
        if (r < 0) throw new ErrnoException("PBUF_STATUS group " + bgid, r, null);
        return st.get(JAVA_INT, BufRingLayout.STATUS_HEAD);
    }

    long entryAddr(int index) { return mem.get(JAVA_LONG, (long) (index & (entries - 1)) * BufRingLayout.BUF_SIZE + BufRingLayout.BUF_ADDR); }

    int entryLen(int index) { return mem.get(JAVA_INT, (long) (index & (entries - 1)) * BufRingLayout.BUF_SIZE + BufRingLayout.BUF_LEN); }

    int unregister() {
        MemorySegment r = ring.allocate(BufRingLayout.REG_SIZE);
        r.set(JAVA_SHORT, BufRingLayout.REG_BGID, (short) bgid);
        return ring.register(IORING_UNREGISTER_PBUF_RING, r, 1);
    }
}
