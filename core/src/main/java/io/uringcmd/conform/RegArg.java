package io.uringcmd.conform;

import io.uringcmd.abi.BufRingLayout;
import io.uringcmd.abi.ProbeLayout;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.stream.Collectors;

import static java.lang.foreign.ValueLayout.*;

/**
 * The argument of an {@code io_uring_register} step, built per side in memory the side can dereference (fds become
 * that side's numbers). {@link #output} reads back what the call wrote, where that is part of the result.
 */
public sealed interface RegArg {

    /** Builds the argument; {@link MemorySegment#NULL} for none. */
    MemorySegment build(Env env);

    /** What the call wrote back that the result should include, or null. */
    default String output(MemorySegment arg) { return null; }

    /** What a step needs from the side and ring while it builds an argument. */
    interface Env {
        MemorySegment allocate(long size);
        MemorySegment allocatePages(long size);
        int fd(Target target);
    }

    /** A NULL pointer. */
    record Null() implements RegArg {
        @Override public MemorySegment build(Env env) { return MemorySegment.NULL; }
        @Override public String toString() { return "NULL"; }
    }

    /** A raw pointer value (e.g. 1, an unmapped page) the side must reject without dereferencing usefully. */
    record BadPointer(long address) implements RegArg {
        @Override public MemorySegment build(Env env) { return MemorySegment.ofAddress(address); }
        @Override public String toString() { return "ptr 0x" + Long.toHexString(address); }
    }

    /** {@code size} zeroed bytes. */
    record Zeroed(long size) implements RegArg {
        @Override public MemorySegment build(Env env) { return env.allocate(Math.max(size, 1)); }
        @Override public String toString() { return size + " zero bytes"; }
    }

    /** A {@code struct io_uring_probe} with room for {@code ops} ops; reads back last_op and ops_len. */
    record Probe(int ops) implements RegArg {
        @Override public MemorySegment build(Env env) { return env.allocate(ProbeLayout.SIZE + (long) ops * ProbeLayout.OP_SIZE); }
        @Override public String output(MemorySegment p) {
            int supported = 0;
            int len = p.get(JAVA_BYTE, 1) & 0xff;
            for (int i = 0; i < Math.min(len, ops); i++) {
                if ((p.get(JAVA_SHORT, ProbeLayout.SIZE + (long) i * ProbeLayout.OP_SIZE + 2) & 1) != 0) supported++;
            }
            return "last_op=" + (p.get(JAVA_BYTE, 0) & 0xff) + " ops_len=" + len + " supported=" + supported;
        }
        @Override public String toString() { return "probe[" + ops + "]"; }
    }

    /** An fd in a files array: a target's file, or the table values -1 (empty) and -2 (skip). */
    enum Fd { ACCEPTS_ALL, NO_URING_CMD, CLOSED, EMPTY, SKIP;
        int resolve(Env env) {
            return switch (this) {
                case ACCEPTS_ALL -> env.fd(Target.ACCEPTS_ALL);
                case NO_URING_CMD -> env.fd(Target.NO_URING_CMD);
                case CLOSED -> env.fd(Target.CLOSED);
                case EMPTY -> -1;
                case SKIP -> -2;
            };
        }
    }

    /** An {@code int fds[]} array (REGISTER_FILES). */
    record Fds(Fd... fds) implements RegArg {
        @Override public MemorySegment build(Env env) {
            MemorySegment a = env.allocate(4L * Math.max(1, fds.length));
            for (int i = 0; i < fds.length; i++) a.set(JAVA_INT, 4L * i, fds[i].resolve(env));
            return a;
        }
        @Override public String toString() { return "fds" + Arrays.toString(fds); }
    }

    /** {@code struct io_uring_files_update {u32 offset; u32 resv; u64 fds}} (REGISTER_FILES_UPDATE). */
    record FilesUpdate(int offset, int resv, Fd... fds) implements RegArg {
        @Override public MemorySegment build(Env env) {
            MemorySegment arr = new Fds(fds).build(env);
            MemorySegment u = env.allocate(16);
            u.set(JAVA_INT, 0, offset);
            u.set(JAVA_INT, 4, resv);
            u.set(JAVA_LONG, 8, arr.address());
            return u;
        }
        @Override public String toString() { return "files_update{offset=" + offset + (resv != 0 ? ", resv=" + resv : "") + ", " + Arrays.toString(fds) + "}"; }
    }

    /** One iovec: a buffer of {@code size} bytes the side allocates, or raw {@code addr}/{@code len} values. */
    record Iov(boolean allocate, long size, long addr, long len) {
        public static Iov buffer(long size) { return new Iov(true, size, 0, 0); }
        public static Iov raw(long addr, long len) { return new Iov(false, 0, addr, len); }
        @Override public String toString() { return allocate ? "buf(" + size + ")" : "{0x" + Long.toHexString(addr) + ", " + len + "}"; }
    }

    /** A {@code struct iovec[]} (REGISTER_BUFFERS). */
    record Iovecs(Iov... iovs) implements RegArg {
        @Override public MemorySegment build(Env env) {
            MemorySegment a = env.allocate(16L * Math.max(1, iovs.length));
            for (int i = 0; i < iovs.length; i++) {
                Iov v = iovs[i];
                if (v.allocate()) {
                    MemorySegment b = env.allocatePages(Math.max(v.size(), 1));
                    a.set(JAVA_LONG, 16L * i, b.address());
                    a.set(JAVA_LONG, 16L * i + 8, v.size());
                } else {
                    a.set(JAVA_LONG, 16L * i, v.addr());
                    a.set(JAVA_LONG, 16L * i + 8, v.len());
                }
            }
            return a;
        }
        @Override public String toString() { return "iovecs" + Arrays.toString(iovs); }
    }

    /** Where a buffer ring's {@code ring_addr} points. */
    enum RingAddr { PAGES, ZERO, UNALIGNED }

    /** {@code struct io_uring_buf_reg} (REGISTER_PBUF_RING / UNREGISTER_PBUF_RING). */
    record BufReg(RingAddr addr, int ringEntries, int bgid, int flags, long resv0) implements RegArg {
        public static BufReg of(int ringEntries, int bgid) { return new BufReg(RingAddr.PAGES, ringEntries, bgid, 0, 0); }
        @Override public MemorySegment build(Env env) {
            MemorySegment r = env.allocate(BufRingLayout.REG_SIZE);
            long ringBytes = Math.max(4096, ((16L * Math.max(ringEntries, 1)) + 4095) & ~4095L);
            long ringAddr = switch (addr) {
                case ZERO -> 0;
                case PAGES -> env.allocatePages(Math.min(ringBytes, 1L << 20)).address();
                case UNALIGNED -> env.allocatePages(Math.min(ringBytes, 1L << 20) + 4096).address() + 64;
            };
            r.set(JAVA_LONG, BufRingLayout.REG_RING_ADDR, ringAddr);
            r.set(JAVA_INT, BufRingLayout.REG_RING_ENTRIES, ringEntries);
            r.set(JAVA_SHORT, BufRingLayout.REG_BGID, (short) bgid);
            r.set(JAVA_SHORT, BufRingLayout.REG_FLAGS, (short) flags);
            // resv0 is the u64 at byte 16: on 6.18.44 that is min_left (u32, bytes 16..19) and resv[0] (u32).
            r.set(JAVA_LONG, BufRingLayout.REG_MIN_LEFT, resv0);
            return r;
        }
        @Override public String toString() {
            return "buf_reg{addr=" + addr + ", entries=" + ringEntries + ", bgid=" + bgid + ", flags=" + flags + (resv0 != 0 ? ", resv0=" + resv0 : "") + "}";
        }
    }

    /** {@code struct io_uring_buf_status} (REGISTER_PBUF_STATUS); reads back head. */
    record BufStatus(int bgid, int resv0) implements RegArg {
        @Override public MemorySegment build(Env env) {
            MemorySegment s = env.allocate(BufRingLayout.STATUS_SIZE);
            s.set(JAVA_INT, BufRingLayout.STATUS_BUF_GROUP, bgid);
            s.set(JAVA_INT, BufRingLayout.STATUS_RESV, resv0);
            return s;
        }
        @Override public String output(MemorySegment s) { return "head=" + s.get(JAVA_INT, BufRingLayout.STATUS_HEAD); }
        @Override public String toString() { return "buf_status{bgid=" + bgid + (resv0 != 0 ? ", resv0=" + resv0 : "") + "}"; }
    }

    /**
     * {@code struct io_uring_sync_cancel_reg} (64 B: addr, fd, flags, timeout{-1,-1}, opcode, pad) for
     * REGISTER_SYNC_CANCEL.
     */
    record SyncCancel(long userData, int fd, int flags, int opcode, long pad2) implements RegArg {
        @Override public MemorySegment build(Env env) {
            MemorySegment s = env.allocate(64);
            s.set(JAVA_LONG, 0, userData);
            s.set(JAVA_INT, 8, fd);
            s.set(JAVA_INT, 12, flags);
            s.set(JAVA_LONG, 16, -1L);
            s.set(JAVA_LONG, 24, -1L);
            s.set(JAVA_BYTE, 32, (byte) opcode);
            s.set(JAVA_LONG, 40, pad2);
            return s;
        }
        @Override public String toString() {
            return "sync_cancel{ud=" + userData + ", fd=" + fd + ", flags=0x" + Integer.toHexString(flags)
                    + (opcode != 0 ? ", opcode=" + opcode : "") + (pad2 != 0 ? ", pad2=" + pad2 : "") + "}";
        }
    }

    /** One {@code struct io_uring_restriction} (16 B: u16 opcode; u8 register_op/sqe_op/sqe_flags; u8 resv; u32 resv2[3]). */
    record Restriction(int opcode, int value, int resv) {
        public static final int REGISTER_OP = 0, SQE_OP = 1, SQE_FLAGS_ALLOWED = 2, SQE_FLAGS_REQUIRED = 3;
        @Override public String toString() {
            String[] names = {"REGISTER_OP", "SQE_OP", "SQE_FLAGS_ALLOWED", "SQE_FLAGS_REQUIRED"};
            return (opcode >= 0 && opcode < 4 ? names[opcode] : "op" + opcode) + "=" + value + (resv != 0 ? " resv=" + resv : "");
        }
    }

    /** A {@code struct io_uring_restriction[]} (REGISTER_RESTRICTIONS). */
    record Restrictions(Restriction... rs) implements RegArg {
        @Override public MemorySegment build(Env env) {
            MemorySegment a = env.allocate(16L * Math.max(1, rs.length));
            for (int i = 0; i < rs.length; i++) {
                a.set(JAVA_SHORT, 16L * i, (short) rs[i].opcode());
                a.set(JAVA_BYTE, 16L * i + 2, (byte) rs[i].value());
                a.set(JAVA_BYTE, 16L * i + 3, (byte) rs[i].resv());
            }
            return a;
        }
        @Override public String toString() { return "restrictions" + Arrays.toString(rs); }
    }

    static String describe(RegArg[] args) { return Arrays.stream(args).map(Object::toString).collect(Collectors.joining(", ")); }
}
