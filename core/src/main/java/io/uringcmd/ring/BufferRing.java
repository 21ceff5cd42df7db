package io.uringcmd.ring;

import io.uringcmd.abi.BufRingLayout;
import io.uringcmd.abi.Errno;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

import static io.uringcmd.abi.Uapi.*;
import static java.lang.foreign.ValueLayout.*;

/**
 * A provided buffer ring ({@code IORING_REGISTER_PBUF_RING}, kernel-uring-cmd.md §1.13, §4) of one buffer group on
 * one {@link IoUring}: the shared array of {@code io_uring_buf} entries the kernel (or the embedded host) selects
 * buffers from, plus the buffers themselves and the client's bookkeeping of who holds each buffer.
 *
 * <pre>{@code
 * try (BufferRing bufs = BufferRing.register(ring, 7, 8, 4096)) {   // group 7: 8 buffers of 4 KiB, all published
 *     ring.sqe().prepReadSelect(pipeFd, 0, 7, -1).userData(1);
 *     Cqe c = ...;                                                   // res = bytes, flags = F_BUFFER | bid << 16
 *     long off = bufs.take(c.flags(), c.res());                      // the bytes are buffer(bid)[off, off + res)
 *     bufs.recycle(c.bufferId());                                    // give it back
 * }
 * }</pre>
 *
 * <h2>Memory layout</h2>
 * {@code entries} 16-byte {@code io_uring_buf} entries {addr u64, len u32, bid u16, resv u16}; the ring's
 * {@code tail} (u16) is at byte 14, where entry 0's {@code resv} would be, so entries are written field by field and
 * never as a whole. The client adds entries at {@code tail + offset} and publishes them by moving the tail with a
 * release store ({@link #advance}); the kernel's head is private and only readable through {@link #head()}
 * ({@code IORING_REGISTER_PBUF_STATUS}).
 *
 * <h2>Ownership</h2>
 * Each buffer id is either held by the application or in the ring (added and not yet reported back by a CQE).
 * {@link #take} moves a buffer from the ring to the application when a CQE reports it consumed; {@link #recycle}
 * moves it back. On an incremental ring ({@code IOU_PBUF_RING_INC}) a CQE with {@code IORING_CQE_F_BUF_MORE} reports
 * part of a buffer: the kernel advanced addr/len of the shared entry, the buffer stays in the ring, and the next
 * CQE's bytes start where this one's ended.
 *
 * <h2>Lifetime</h2>
 * The ring memory and the buffers this class allocates come from the ring's backend ({@link IoUring#allocatePages},
 * {@link IoUring#allocate}) and live until the ring closes; {@link #close()} unregisters the group. Buffers you pass
 * in yourself must stay alive until this buffer ring is closed.
 *
 * <p>Threading: like the ring, one thread. {@link #add}, {@link #advance}, {@link #recycle} and {@link #take}
 * allocate nothing.
 */
public final class BufferRing implements AutoCloseable {
    /** Aligned u16 access to the shared tail with release ordering. */
    private static final VarHandle SHORT = JAVA_SHORT.varHandle();
    private static final long PAGE_SIZE = 4096;
    private static final int MAX_BID = 0xffff;

    private static final byte NONE = 0, APP = 1, RING = 2;

    private final IoUring<?> ring;
    private final int bufferGroup, entries, mask, flags;
    private final MemorySegment br;
    private final MemorySegment reg, status;
    private MemorySegment[] buffers;
    /** Incremental rings: bytes of each buffer already reported by CQEs with F_BUF_MORE. */
    private long[] consumed;
    private byte[] state;
    /** Absolute ring index (u16) each buffer was last added at. */
    private int[] bidIndex;
    /** Absolute ring index (tail + offset) each slot was last written for, to catch advancing over an unfilled slot. */
    private final int[] slotIndex;
    private int tail;
    private int inRing;
    private boolean registered;

    private BufferRing(IoUring<?> ring, int bufferGroup, int entries, int flags, MemorySegment br) {
        this.ring = ring;
        this.bufferGroup = bufferGroup;
        this.entries = entries;
        this.mask = entries - 1;
        this.flags = flags;
        this.br = br;
        this.reg = ring.allocate(BufRingLayout.REG_SIZE);
        this.status = ring.allocate(BufRingLayout.STATUS_SIZE);
        this.buffers = new MemorySegment[0];
        this.consumed = new long[0];
        this.state = new byte[0];
        this.bidIndex = new int[0];
        this.slotIndex = new int[entries];
        Arrays.fill(slotIndex, -1);
        this.tail = 0; // the kernel starts the group's head at 0, and the ring memory was zeroed
        this.registered = true;
    }

    // ---------------------------------------------------------------- registration

    /**
     * Registers buffer group {@code bufferGroup} with {@code entries} buffers of {@code bufferSize} bytes (ids
     * {@code 0..entries-1}), all published. The common case; see {@link #builder} for the options.
     */
    public static BufferRing register(IoUring<?> ring, int bufferGroup, int entries, int bufferSize) {
        return builder(bufferGroup).entries(entries).bufferSize(bufferSize).register(ring);
    }

    /** Options for a buffer ring of group {@code bufferGroup} (0..65535). */
    public static Builder builder(int bufferGroup) { return new Builder(bufferGroup); }

    /** What to register. Not reusable across threads; {@link #register} may be called more than once. */
    public static final class Builder {
        private final int bufferGroup;
        private int entries;
        private boolean entriesSet;
        private int bufferSize, minLeft;
        private MemorySegment backing;
        private MemorySegment ringMemory;
        private boolean incremental, kernelAllocated, empty;

        private Builder(int bufferGroup) {
            if (bufferGroup < 0 || bufferGroup > MAX_BID) {
                throw new IllegalArgumentException("buffer group " + bufferGroup + " does not fit the u16 bgid field: use 0..65535");
            }
            this.bufferGroup = bufferGroup;
        }

        /**
         * Ring entries, passed to the kernel as given: a power of two from 1 to 32768, else registration fails with
         * -EINVAL (§4.1). With buffers, this is also how many buffers there are (ids {@code 0..entries-1}).
         */
        public Builder entries(int entries) { this.entries = entries; this.entriesSet = true; return this; }

        /** Allocate {@code entries} buffers of {@code bufferSize} bytes from the ring's backend. */
        public Builder bufferSize(int bufferSize) {
            if (bufferSize <= 0) throw new IllegalArgumentException("bufferSize must be > 0 bytes (got " + bufferSize + ")");
            this.bufferSize = bufferSize;
            this.backing = null;
            return this;
        }

        /**
         * Use {@code backing} as the buffers: buffer {@code i} is {@code backing[i * bufferSize, (i+1) * bufferSize)}.
         * It must hold {@code entries * bufferSize} bytes, be memory the ring's backend can dereference (any native
         * memory for the kernel; {@link IoUring#allocate} memory for the embedded host) and stay alive while the
         * buffer ring is registered.
         */
        public Builder buffers(MemorySegment backing, int bufferSize) {
            bufferSize(bufferSize);
            if (!backing.isNative()) throw new IllegalArgumentException("buffers must be native memory the backend can write: allocate them with IoUring.allocate or an Arena");
            this.backing = backing;
            return this;
        }

        /** {@code IOU_PBUF_RING_INC}: a buffer may be consumed in parts, each reported with F_BUF_MORE (§4.3). */
        public Builder incremental() { this.incremental = true; return this; }

        /**
         * {@code min_left} (6.18.44, with {@link #incremental()} only, else -EINVAL): a buffer with fewer than
         * {@code minLeft} bytes left after a completion is retired (head moves on, no F_BUF_MORE) instead of being
         * offered again with the rest. 0 (the default) means 1.
         */
        public Builder minLeft(int minLeft) { this.minLeft = minLeft; return this; }

        /**
         * {@code IOU_PBUF_RING_MMAP}: the kernel allocates the ring and the client maps it. Only backends that can map
         * it (Linux) support this; elsewhere {@link #register} unregisters again and throws
         * {@link UnsupportedOperationException}.
         */
        public Builder kernelAllocated() { this.kernelAllocated = true; return this; }

        /**
         * Use {@code memory} for the ring instead of allocating it: at least {@code 16 * entries} bytes, page-aligned
         * (else the kernel says -EINVAL), alive while registered.
         */
        public Builder ringMemory(MemorySegment memory) { this.ringMemory = memory; return this; }

        /** Register the ring without publishing the buffers: they start out held by the application. */
        public Builder empty() { this.empty = true; return this; }

        /**
         * Registers the ring with the ring's backend. Errors the kernel reports (§4.1: -EINVAL for entries that are
         * not a power of two up to 32768 or unaligned ring memory, -EEXIST for a group in use, -EFAULT for bad ring
         * memory) come back as {@link ErrnoException} with the kernel's errno.
         */
        public BufferRing register(IoUring<?> ring) {
            if (!entriesSet) throw new IllegalStateException("call entries(n) first: the ring size, a power of two from 1 to 32768");
            if (kernelAllocated && ringMemory != null) {
                throw new IllegalStateException("kernelAllocated() and ringMemory(...) exclude each other: the kernel allocates an MMAP ring itself");
            }
            boolean sane = entries > 0 && Integer.bitCount(entries) == 1 && entries <= IOU_PBUF_RING_MAX_ENTRIES;
            if (ringMemory != null && sane && ringMemory.byteSize() < BufRingLayout.BUF_SIZE * entries) {
                throw new IllegalArgumentException("ring memory of " + ringMemory.byteSize() + " bytes is too small for "
                        + entries + " entries: it needs " + BufRingLayout.BUF_SIZE * entries + " bytes");
            }
            if (backing != null && sane && backing.byteSize() < (long) entries * bufferSize) {
                throw new IllegalArgumentException("buffers segment of " + backing.byteSize() + " bytes is too small for "
                        + entries + " buffers of " + bufferSize + " bytes: it needs " + (long) entries * bufferSize);
            }
            int regFlags = (incremental ? IOU_PBUF_RING_INC : 0) | (kernelAllocated ? IOU_PBUF_RING_MMAP : 0);
            MemorySegment mem = null;
            if (!kernelAllocated) {
                // Invalid entries never reach the memory check (§4.1 order), so one page stands in for them.
                mem = ringMemory != null ? ringMemory
                        : ring.allocatePages(sane ? pageAlign(BufRingLayout.BUF_SIZE * entries) : PAGE_SIZE);
                // An empty ring: tail (byte 14) = head = 0. Reused memory may hold an old tail.
                if (sane) mem.asSlice(0, BufRingLayout.BUF_SIZE * entries).fill((byte) 0);
            }
            MemorySegment r = ring.allocate(BufRingLayout.REG_SIZE);
            r.set(JAVA_LONG, BufRingLayout.REG_RING_ADDR, mem == null ? 0L : mem.address());
            r.set(JAVA_INT, BufRingLayout.REG_RING_ENTRIES, entries);
            r.set(JAVA_SHORT, BufRingLayout.REG_BGID, (short) bufferGroup);
            r.set(JAVA_SHORT, BufRingLayout.REG_FLAGS, (short) regFlags);
            r.set(JAVA_INT, BufRingLayout.REG_MIN_LEFT, minLeft);
            int res = ring.register(IORING_REGISTER_PBUF_RING, r, 1);
            if (res < 0) {
                throw new ErrnoException("io_uring_register(PBUF_RING, group " + bufferGroup + ", " + Integer.toUnsignedString(entries)
                        + " entries" + (regFlags != 0 ? ", flags " + flagNames(regFlags) : "") + ")", res, registerHint(res, mem));
            }
            BufferRing b = null;
            try {
                if (kernelAllocated) mem = ring.backend().mapBufferRing(bufferGroup, BufRingLayout.BUF_SIZE * entries);
                b = new BufferRing(ring, bufferGroup, entries, regFlags, mem);
                if (bufferSize > 0) {
                    MemorySegment all = backing != null ? backing : ring.allocate((long) entries * bufferSize);
                    b.ensureBid(entries - 1);
                    for (int bid = 0; bid < entries; bid++) {
                        b.buffers[bid] = all.asSlice((long) bid * bufferSize, bufferSize);
                        b.state[bid] = APP;
                    }
                    if (!empty) {
                        for (int bid = 0; bid < entries; bid++) b.add(bid, bid);
                        b.advance(entries);
                    }
                }
                return b;
            } catch (RuntimeException | Error e) {
                // Leave the group free again whatever failed after the kernel accepted it.
                int u = unregisterRaw(ring, bufferGroup);
                if (u < 0) e.addSuppressed(new ErrnoException("io_uring_register(UNREGISTER_PBUF_RING, group " + bufferGroup + ")", u, null));
                if (b != null) b.registered = false;
                if (e instanceof UnsupportedOperationException) {
                    throw new UnsupportedOperationException("IOU_PBUF_RING_MMAP (kernelAllocated()) needs a backend that maps "
                            + "kernel-allocated buffer rings, and " + ring.backend().name() + " does not: drop kernelAllocated() "
                            + "so the client allocates the ring. Group " + bufferGroup + " was unregistered again.", e);
                }
                throw e;
            }
        }

        private String registerHint(int res, MemorySegment mem) {
            if (res == -Errno.EINVAL.value()) {
                if (entries <= 0 || Integer.bitCount(entries) != 1 || entries > IOU_PBUF_RING_MAX_ENTRIES) {
                    return "entries must be a power of two from 1 to 32768 (got " + Integer.toUnsignedString(entries) + ")";
                }
                if (mem != null && mem.address() % PAGE_SIZE != 0) {
                    return "the ring memory must be page-aligned (address 0x" + Long.toHexString(mem.address())
                            + "): allocate it with IoUring.allocatePages";
                }
                if (minLeft != 0 && !incremental) return "minLeft(" + Integer.toUnsignedString(minLeft) + ") needs incremental()";
                return "the backend refused the io_uring_buf_reg (flags, reserved fields)";
            }
            if (res == -Errno.EEXIST.value()) {
                return "buffer group " + bufferGroup + " already has a buffer ring or legacy buffers: unregister the ring "
                        + "(or REMOVE_BUFFERS the legacy ones), or use another group";
            }
            if (res == -Errno.EFAULT.value()) return "the ring memory address is not valid user memory";
            if (res == -Errno.ENOMEM.value()) return "the ring memory could not be pinned or allocated";
            return null;
        }
    }

    private static long pageAlign(long n) { return (n + PAGE_SIZE - 1) & -PAGE_SIZE; }

    private static String flagNames(int f) {
        StringBuilder b = new StringBuilder();
        if ((f & IOU_PBUF_RING_MMAP) != 0) b.append("MMAP");
        if ((f & IOU_PBUF_RING_INC) != 0) b.append(b.isEmpty() ? "" : "|").append("INC");
        return b.toString();
    }

    private static int unregisterRaw(IoUring<?> ring, int bufferGroup) {
        MemorySegment r = ring.allocate(BufRingLayout.REG_SIZE);
        r.set(JAVA_SHORT, BufRingLayout.REG_BGID, (short) bufferGroup);
        return ring.register(IORING_UNREGISTER_PBUF_RING, r, 1);
    }

    // ---------------------------------------------------------------- state

    public int bufferGroup() { return bufferGroup; }
    public int entries() { return entries; }
    /** {@code IOU_PBUF_RING_INC}. */
    public boolean incremental() { return (flags & IOU_PBUF_RING_INC) != 0; }
    /** {@code IOU_PBUF_RING_MMAP}: the kernel allocated the ring memory. */
    public boolean kernelAllocated() { return (flags & IOU_PBUF_RING_MMAP) != 0; }
    /** The shared ring memory: {@code entries} {@code io_uring_buf}s, the tail at byte 14. */
    public MemorySegment ringMemory() { return br; }
    public IoUring<?> ring() { return ring; }
    public boolean isRegistered() { return registered && !ring.isClosed(); }

    /** The client's tail (u16): entries published so far, mod 65536. */
    public int tail() { return tail; }

    /** Buffers added and not yet reported back by {@link #take}. */
    public int inRing() { return inRing; }

    /** Whether buffer {@code bid} is in the ring (added, not yet taken back). */
    public boolean isInRing(int bid) { return bid >= 0 && bid < state.length && state[bid] == RING; }

    /** The whole buffer with id {@code bid}. */
    public MemorySegment buffer(int bid) {
        if (bid < 0 || bid >= buffers.length || buffers[bid] == null) {
            throw new IllegalArgumentException("buffer group " + bufferGroup + " has no buffer with id " + bid
                    + (bid < 0 || bid > MAX_BID ? " (ids are 0..65535)" : ": add one with add(segment, bid, offset)"));
        }
        return buffers[bid];
    }

    /**
     * On an incremental ring, how many bytes of buffer {@code bid} earlier CQEs with F_BUF_MORE reported: where the
     * next CQE's bytes for it start. Always 0 on a plain ring.
     */
    public long consumed(int bid) {
        buffer(bid);
        return consumed[bid];
    }

    /** {@code IORING_REGISTER_PBUF_STATUS}: the kernel's head (how many entries it has consumed, mod 65536). */
    public int head() {
        ensureRegistered();
        status.fill((byte) 0);
        status.set(JAVA_INT, BufRingLayout.STATUS_BUF_GROUP, bufferGroup);
        int r = ring.register(IORING_REGISTER_PBUF_STATUS, status, 1);
        if (r < 0) throw new ErrnoException("io_uring_register(PBUF_STATUS, group " + bufferGroup + ")", r, null);
        return status.get(JAVA_INT, BufRingLayout.STATUS_HEAD);
    }

    // ---------------------------------------------------------------- hot path

    /**
     * Writes buffer {@code bid} (one of this ring's, held by the application) at {@code tail + offset} with its full
     * length. Not visible to the kernel until {@link #advance}.
     */
    public void add(int bid, int offset) {
        MemorySegment b = buffer(bid);
        if (state[bid] == RING) {
            throw new IllegalStateException("buffer " + bid + " of group " + bufferGroup + " is already in the ring: "
                    + "add a buffer once, and again only after a CQE reported it and take() gave it back");
        }
        write(b, bid, offset);
    }

    /**
     * Makes {@code buffer} buffer {@code bid} of this ring and writes it at {@code tail + offset}. {@code buffer} must be
     * memory the backend can write and stay alive while registered. Not visible until {@link #advance}.
     */
    public void add(MemorySegment buffer, int bid, int offset) {
        if (bid < 0 || bid > MAX_BID) throw new IllegalArgumentException("buffer id " + bid + " does not fit the u16 bid field: use 0..65535");
        if (!buffer.isNative()) throw new IllegalArgumentException("a provided buffer must be native memory the backend can write");
        if (buffer.byteSize() > 0xffff_ffffL) throw new IllegalArgumentException("a provided buffer's len is a u32: " + buffer.byteSize() + " bytes is too long");
        ensureBid(bid);
        if (state[bid] == RING) {
            throw new IllegalStateException("buffer " + bid + " of group " + bufferGroup + " is in the ring: wait for the CQE that "
                    + "reports it and take() it before replacing it");
        }
        buffers[bid] = buffer;
        state[bid] = APP;
        write(buffer, bid, offset);
    }

    private void write(MemorySegment b, int bid, int offset) {
        ensureRegistered();
        if (offset < 0 || offset >= entries) {
            throw new IllegalArgumentException("offset " + offset + " is outside the ring: use 0.." + (entries - 1) + " past the tail");
        }
        if (inRing == entries) {
            throw new IllegalStateException("the ring of group " + bufferGroup + " is full (" + entries + " buffers added and not "
                    + "reported back): take() the buffers CQEs report before adding more");
        }
        int index = (tail + offset) & 0xffff;
        long e = (long) (index & mask) * BufRingLayout.BUF_SIZE;
        // Field by field: entry 0's resv is the shared tail and must not be written.
        br.set(JAVA_LONG, e + BufRingLayout.BUF_ADDR, b.address());
        br.set(JAVA_INT, e + BufRingLayout.BUF_LEN, (int) b.byteSize());
        br.set(JAVA_SHORT, e + BufRingLayout.BUF_BID, (short) bid);
        slotIndex[index & mask] = index;
        bidIndex[bid] = index;
        state[bid] = RING;
        consumed[bid] = 0;
        inRing++;
    }

    /** Publishes the next {@code count} entries: {@code tail += count} with a release store. */
    public void advance(int count) {
        ensureRegistered();
        if (count < 0 || count > entries) throw new IllegalArgumentException("advance by 0.." + entries + " entries (got " + count + ")");
        for (int i = 0; i < count; i++) {
            int index = (tail + i) & 0xffff;
            if (slotIndex[index & mask] != index) {
                throw new IllegalStateException("advance(" + count + ") would publish offset " + i + ", which no add() filled "
                        + "since the last advance: add a buffer there first");
            }
        }
        tail = (tail + count) & 0xffff;
        // Release: the entry stores above are visible before the kernel can see the new tail (it load-acquires it).
        SHORT.setRelease(br, BufRingLayout.RING_TAIL, (short) tail);
    }

    /** Gives buffer {@code bid} back to the ring: {@code add(bid, 0)} and {@code advance(1)}. */
    public void recycle(int bid) {
        add(bid, 0);
        advance(1);
    }

    /**
     * Accounts for a CQE that carries one of this ring's buffers ({@code IORING_CQE_F_BUFFER}, bid in the upper 16
     * bits) and returns where its {@code res} bytes start in {@link #buffer buffer(bid)}. Call it once for every such
     * CQE. The buffer then belongs to the application (recycle it when done), except on an incremental ring when the
     * kernel kept the rest of it (F_BUF_MORE, which a 0-byte result also carries).
     */
    public long take(int cqeFlags, int res) {
        ensureRegistered();
        if ((cqeFlags & IORING_CQE_F_BUFFER) == 0) {
            throw new IllegalArgumentException("this CQE carries no buffer (flags " + CqeRecord.describeFlags(cqeFlags) + ", res "
                    + Errno.describe(res) + "): only CQEs with IORING_CQE_F_BUFFER report a buffer to take");
        }
        if (res < 0) throw new IllegalArgumentException("a CQE with a buffer has res >= 0 (bytes), got " + Errno.describe(res));
        int bid = cqeFlags >>> IORING_CQE_BUFFER_SHIFT;
        MemorySegment b = buffer(bid);
        if (state[bid] != RING) {
            throw new IllegalStateException("buffer " + bid + " of group " + bufferGroup + " is not in the ring: take() each CQE once "
                    + "(or the CQE is from another buffer group)");
        }
        long off = consumed[bid];
        if (off + res > b.byteSize()) {
            throw new IllegalStateException("the CQE reports " + res + " bytes at offset " + off + " of buffer " + bid + ", which has "
                    + b.byteSize() + " bytes: the CQE is from another buffer group, or a CQE of this buffer was not taken");
        }
        if (incremental() && (cqeFlags & IORING_CQE_F_BUF_MORE) != 0) {
            // The kernel advanced the shared entry's addr/len by res (0 bytes leave it as it was): still in the ring.
            consumed[bid] = off + res;
        } else {
            consumed[bid] = 0;
            state[bid] = APP;
            inRing--;
        }
        return off;
    }

    /** {@link #take} and the bytes the CQE reports, as a slice of the buffer (this allocates the slice). */
    public MemorySegment takeBytes(int cqeFlags, int res) {
        long off = take(cqeFlags, res);
        return buffers[cqeFlags >>> IORING_CQE_BUFFER_SHIFT].asSlice(off, res);
    }

    /**
     * Gives back to the application the buffers the kernel consumed without any CQE reporting them, and returns how
     * many. That happens when a multishot post fails because the CQ is full: the buffer was committed, and the final
     * CQE carries no buffer (kernel-uring-cmd.md §3.4, §3.5). A buffer counts as consumed when the kernel's head
     * ({@link #head()}) has passed the ring index it was added at; a partly consumed incremental buffer has not been
     * passed. Call it only when no request selecting from this group is in flight and every CQE that carries one of
     * its buffers has been {@link #take taken}, e.g. after a stream's final CQE; otherwise a buffer whose CQE is still
     * on its way would be counted. Buffers stay recognisable for 32768 selections after they were consumed.
     */
    public int reclaimUnreported() {
        int head = head();
        int n = 0;
        for (int bid = 0; bid < state.length; bid++) {
            // Signed u16 distance: > 0 means the head has moved past the index the buffer was published at.
            if (state[bid] == RING && (short) (head - bidIndex[bid]) > 0) {
                state[bid] = APP;
                consumed[bid] = 0;
                inRing--;
                n++;
            }
        }
        return n;
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * {@code IORING_UNREGISTER_PBUF_RING}. Requests still selecting from this group then get -ENOBUFS. The ring
     * memory stays allocated until the ring closes.
     */
    public void unregister() {
        ensureRegistered();
        registered = false;
        int r = unregisterRaw(ring, bufferGroup);
        if (r < 0) {
            throw new ErrnoException("io_uring_register(UNREGISTER_PBUF_RING, group " + bufferGroup + ")", r,
                    r == -Errno.ENOENT.value() ? "the group was already unregistered (by a raw register call?)" : null);
        }
    }

    /** Unregisters the group unless that already happened or the ring is closed (which freed it). Idempotent. */
    @Override
    public void close() {
        if (registered && !ring.isClosed()) unregister();
        registered = false;
    }

    private void ensureRegistered() {
        if (!registered) throw new IllegalStateException("the buffer ring of group " + bufferGroup + " is unregistered: register a new one");
        if (ring.isClosed()) throw new IllegalStateException("the io_uring of buffer group " + bufferGroup + " is closed: open a new ring");
    }

    private void ensureBid(int bid) {
        if (bid < buffers.length) return;
        int n = Math.min(MAX_BID + 1, Math.max(bid + 1, buffers.length * 2));
        buffers = Arrays.copyOf(buffers, n);
        consumed = Arrays.copyOf(consumed, n);
        state = Arrays.copyOf(state, n);
        bidIndex = Arrays.copyOf(bidIndex, n);
    }

    @Override
    public String toString() {
        return "BufferRing[group " + bufferGroup + ", " + entries + " entries" + (flags != 0 ? ", " + flagNames(flags) : "")
                + ", tail " + tail + ", " + inRing + " in ring" + (registered ? "" : ", unregistered") + "]";
    }
}
