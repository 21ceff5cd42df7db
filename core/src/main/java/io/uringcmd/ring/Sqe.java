package io.uringcmd.ring;

import io.uringcmd.abi.Opcode;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static io.uringcmd.abi.SqeLayout.*;
import static io.uringcmd.abi.Uapi.*;
import static java.lang.foreign.ValueLayout.*;

/**
 * One claimed submission queue entry: a view over its slot in the shared SQE array. The ring keeps one view per
 * slot, so claiming allocates nothing and two claimed SQEs never alias. A view is valid from
 * {@link IoUring#nextSqe()} until the next {@link IoUring#submit()}; after that the slot belongs to the backend.
 *
 * <p>Field writers are named after the kernel's fields and write them as given. Pointer fields have two writers:
 * {@code addr(long)} writes a value (block discard's byte offset), {@code addr(MemorySegment)} writes the segment's
 * address <em>and keeps the segment reachable</em> until this SQE's final CQE arrives. Prep helpers
 * ({@code prepX}) zero the whole SQE first, as liburing does.
 */
public abstract sealed class Sqe permits Sqe64, Sqe128 {
    final IoUring<?> ring;
    final MemorySegment sqes;
    final long base;
    final int index;

    Sqe(IoUring<?> ring, MemorySegment sqes, int index, long size) {
        this.ring = ring;
        this.sqes = sqes;
        this.index = index;
        this.base = index * size;
    }

    /** The command area size on this ring: 16, or 80 with SQE128. */
    public abstract int cmdSize();

    /** The SQE size: 64, or 128 with SQE128. */
    public abstract int size();

    /** Index of this SQE in the SQE array. */
    public int index() { return index; }

    /** Zeroes the whole SQE. */
    public Sqe reset() {
        sqes.set(JAVA_LONG, base, 0L);
        zeroAfterFirstLong();
        return this;
    }

    /**
     * Zeroes bytes 8 to the end. Unrolled long stores: C2 then checks the segment once per store with constant
     * offsets; a loop (or asSlice().fill()) cost about twice as much per SQE (docs/BENCHMARKS.md), and this runs on
     * every prep.
     */
    private void zeroAfterFirstLong() {
        MemorySegment s = sqes;
        long b = base;
        s.set(ZERO, b + 8, 0L);
        s.set(ZERO, b + 16, 0L);
        s.set(ZERO, b + 24, 0L);
        s.set(ZERO, b + 32, 0L);
        s.set(ZERO, b + 40, 0L);
        s.set(ZERO, b + 48, 0L);
        s.set(ZERO, b + 56, 0L);
        if (this instanceof Sqe128) {
            s.set(ZERO, b + 64, 0L);
            s.set(ZERO, b + 72, 0L);
            s.set(ZERO, b + 80, 0L);
            s.set(ZERO, b + 88, 0L);
            s.set(ZERO, b + 96, 0L);
            s.set(ZERO, b + 104, 0L);
            s.set(ZERO, b + 112, 0L);
            s.set(ZERO, b + 120, 0L);
        }
    }

    // ---- raw field writers (kernel names) ----
    public Sqe opcode(int opcode) { sqes.set(JAVA_BYTE, base + OPCODE, (byte) opcode); return this; }
    public Sqe opcode(Opcode opcode) { return opcode(opcode.code()); }
    /** {@code sqe->opcode} as written (for traces and checks before submit). */
    public int opcode() { return sqes.get(JAVA_BYTE, base + OPCODE) & 0xff; }
    /** {@code sqe->fd} as written. */
    public int fd() { return sqes.get(JAVA_INT, base + FD); }
    /** {@code sqe->cmd_op} as written. */
    public int cmdOp() { return sqes.get(JAVA_INT, base + CMD_OP); }
    /** {@code sqe->addr} as written. */
    public long addr() { return sqes.get(JAVA_LONG, base + ADDR); }
    /** Sets {@code sqe->flags} (IOSQE_*) to exactly {@code flags}. */
    public Sqe flags(int flags) { sqes.set(JAVA_BYTE, base + FLAGS, (byte) flags); return this; }
    /** Adds IOSQE_* bits to {@code sqe->flags}. */
    public Sqe addFlags(int flags) { return flags(flags() | flags); }
    public int flags() { return sqes.get(JAVA_BYTE, base + FLAGS) & 0xff; }
    public Sqe ioprio(int ioprio) { sqes.set(JAVA_SHORT, base + IOPRIO, (short) ioprio); return this; }
    public Sqe fd(int fd) { sqes.set(JAVA_INT, base + FD, fd); return this; }
    public Sqe off(long off) { sqes.set(JAVA_LONG, base + OFF, off); return this; }
    /** {@code sqe->addr} as a value. To pass memory, use {@link #addr(MemorySegment)}. */
    public Sqe addr(long value) { sqes.set(JAVA_LONG, base + ADDR, value); return this; }
    /** {@code sqe->addr = segment.address()}; the segment stays reachable until the final CQE. */
    public Sqe addr(MemorySegment segment) { ring.pin(index, segment); return addr(segment.address()); }
    public Sqe len(int len) { sqes.set(JAVA_INT, base + LEN, len); return this; }
    /** The op-flags union at byte 28: rw_flags, uring_cmd_flags, nop_flags, cancel_flags... */
    public Sqe opFlags(int value) { sqes.set(JAVA_INT, base + RW_FLAGS, value); return this; }
    public Sqe uringCmdFlags(int flags) { sqes.set(JAVA_INT, base + URING_CMD_FLAGS, flags); return this; }
    public int uringCmdFlags() { return sqes.get(JAVA_INT, base + URING_CMD_FLAGS); }
    public Sqe nopFlags(int flags) { sqes.set(JAVA_INT, base + NOP_FLAGS, flags); return this; }
    public Sqe cancelFlags(int flags) { sqes.set(JAVA_INT, base + CANCEL_FLAGS, flags); return this; }
    public Sqe userData(long userData) { sqes.set(JAVA_LONG_UNALIGNED, base + USER_DATA, userData); return this; }
    public long userData() { return sqes.get(JAVA_LONG, base + USER_DATA); }
    public Sqe bufIndex(int bufIndex) { sqes.set(JAVA_SHORT, base + BUF_INDEX, (short) bufIndex); return this; }
    public Sqe bufGroup(int bufGroup) { sqes.set(JAVA_SHORT, base + BUF_GROUP, (short) bufGroup); return this; }
    public Sqe personality(int personality) { sqes.set(JAVA_SHORT, base + PERSONALITY, (short) personality); return this; }
    public Sqe fileIndex(int fileIndex) { sqes.set(JAVA_INT, base + FILE_INDEX, fileIndex); return this; }
    public Sqe spliceFdIn(int fd) { sqes.set(JAVA_INT, base + SPLICE_FD_IN, fd); return this; }
    public Sqe optlen(int optlen) { sqes.set(JAVA_INT, base + OPTLEN, optlen); return this; }
    /** {@code sqe->addr3} as a value. To pass memory, use {@link #addr3(MemorySegment)}. */
    public Sqe addr3(long value) { sqes.set(JAVA_LONG, base + ADDR3, value); return this; }
    /** {@code sqe->addr3 = segment.address()}; the segment stays reachable until the final CQE. */
    public Sqe addr3(MemorySegment segment) { ring.pin(index, segment); return addr3(segment.address()); }
    public Sqe pad2(long value) { sqes.set(JAVA_LONG, base + PAD2, value); return this; }
    public Sqe cmdOp(int cmdOp) { sqes.set(JAVA_INT, base + CMD_OP, cmdOp); return this; }
    public Sqe pad1(int value) { sqes.set(JAVA_INT, base + PAD1, value); return this; }
    public Sqe level(int level) { sqes.set(JAVA_INT, base + LEVEL, level); return this; }
    public Sqe optname(int optname) { sqes.set(JAVA_INT, base + OPTNAME, optname); return this; }

    /**
     * Keeps {@code segment} reachable until this SQE's final CQE arrives, for memory the SQE points at through a field
     * without a segment writer (e.g. a pointer inside the command area, such as NVMe's {@code addr}).
     */
    public Sqe keepReachable(MemorySegment segment) { ring.pin(index, segment); return this; }

    /** Copies {@code payload} into the command area (it must fit: 16 bytes, or 80 on an SQE128 ring). */
    public Sqe cmd(MemorySegment payload) {
        long n = payload.byteSize();
        if (n > cmdSize()) {
            throw new IllegalArgumentException("command payload of " + n + " bytes does not fit the " + cmdSize()
                    + "-byte command area of this ring" + (cmdSize() == CMD_SIZE ? "; set the ring up with RingSetup.sqe128() for 80 bytes" : ""));
        }
        MemorySegment.copy(payload, 0, sqes, base + CMD, n);
        return this;
    }

    /** The command area of this SQE as a segment (16 or 80 bytes), for writing a payload in place. */
    public MemorySegment cmdArea() { return sqes.asSlice(base + CMD, cmdSize()); }

    // ---- IOSQE_* shorthands ----
    public Sqe link() { return addFlags(IOSQE_IO_LINK); }
    public Sqe hardlink() { return addFlags(IOSQE_IO_HARDLINK); }
    public Sqe drain() { return addFlags(IOSQE_IO_DRAIN); }
    public Sqe async() { return addFlags(IOSQE_ASYNC); }
    public Sqe skipSuccess() { return addFlags(IOSQE_CQE_SKIP_SUCCESS); }
    /** {@code fd} is an index into the registered file table. */
    public Sqe fixedFile() { return addFlags(IOSQE_FIXED_FILE); }

    // ---- prep helpers ----
    /** Zeroes the SQE and sets opcode and fd (as liburing's io_uring_prep_rw starts). */
    private Sqe prep(int opcode, int fd) {
        // A clear message instead of the memory API's "Already closed" when the ring was closed under this view
        // (the plain hint: a volatile read per SQE costs, see IoUring.closedHint).
        ring.ensureOpenHint();
        if (LITTLE_ENDIAN) {
            // opcode, flags 0, ioprio 0 and fd are the first eight bytes: one store instead of three.
            sqes.set(ZERO, base, (opcode & 0xffL) | ((long) fd << 32));
        } else {
            sqes.set(JAVA_LONG, base, 0L);
            sqes.set(JAVA_BYTE, base + OPCODE, (byte) opcode);
            sqes.set(JAVA_INT, base + FD, fd);
        }
        zeroAfterFirstLong();
        return this;
    }

    /**
     * Zeroing and the first word use the unaligned layout: every SQE is 64-byte aligned anyway, and it saves the
     * alignment test C2 emits per aligned access (measured, docs/BENCHMARKS.md).
     */
    private static final ValueLayout.OfLong ZERO = JAVA_LONG_UNALIGNED;

    private static final boolean LITTLE_ENDIAN = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN;

    /** {@code IORING_OP_NOP}: completes with res 0. */
    public Sqe prepNop() { return prep(0, 0); }

    /** NOP with {@code IORING_NOP_INJECT_RESULT}: completes with {@code res}. */
    public Sqe prepNopInject(int res) { return prepNop().nopFlags(IORING_NOP_INJECT_RESULT).len(res); }

    /** {@code IORING_OP_URING_CMD} to {@code fd} with {@code cmdOp}; command area zeroed. */
    public Sqe prepUringCmd(int fd, int cmdOp) { return prep(Opcode.URING_CMD.code(), fd).cmdOp(cmdOp); }

    /** URING_CMD with a command payload copied into the command area. */
    public Sqe prepUringCmd(int fd, int cmdOp, MemorySegment payload) { return prepUringCmd(fd, cmdOp).cmd(payload); }

    /**
     * {@code IORING_URING_CMD_FIXED}: the command uses registered buffer {@code bufIndex}
     * (see {@link IoUring#registerBuffers}).
     */
    public Sqe uringCmdFixed(int bufIndex) { uringCmdFlags(uringCmdFlags() | IORING_URING_CMD_FIXED); return bufIndex(bufIndex); }

    /**
     * {@code IORING_URING_CMD_MULTISHOT} with {@code IOSQE_BUFFER_SELECT} from {@code bufGroup} (6.18). The ring refuses
     * to submit it to a target known to ignore the flag, where the kernel would leak it (see {@link IoUring#submit()}).
     */
    public Sqe multishot(int bufGroup) {
        uringCmdFlags(uringCmdFlags() | IORING_URING_CMD_MULTISHOT);
        addFlags(IOSQE_BUFFER_SELECT);
        return bufGroup(bufGroup);
    }

    /**
     * Submit this SQE's MULTISHOT command even to a target the ring believes ignores the flag. On Linux 6.18 such a
     * command never completes and ring close then waits forever: only for a driver you know implements multishot.
     */
    public Sqe trustMultishotTarget() { ring.trustMultishot(index); return this; }

    /** {@code IORING_OP_ASYNC_CANCEL} of the first request with {@code targetUserData}. */
    public Sqe prepAsyncCancel(long targetUserData) { return prep(Opcode.ASYNC_CANCEL.code(), -1).addr(targetUserData); }

    /** ASYNC_CANCEL with {@code IORING_ASYNC_CANCEL_ALL}: every request with {@code targetUserData}. */
    public Sqe prepAsyncCancelAll(long targetUserData) { return prepAsyncCancel(targetUserData).cancelFlags(IORING_ASYNC_CANCEL_ALL); }

    /** ASYNC_CANCEL with {@code IORING_ASYNC_CANCEL_ANY}: every cancelable request. */
    public Sqe prepAsyncCancelAny() { return prep(Opcode.ASYNC_CANCEL.code(), -1).cancelFlags(IORING_ASYNC_CANCEL_ANY); }

    /** {@code SOCKET_URING_OP_SIOCINQ}: res = bytes readable (TCP), size of the first datagram (UDP). */
    public Sqe prepSiocinq(int socketFd) { return prepUringCmd(socketFd, SOCKET_URING_OP_SIOCINQ); }

    /** {@code SOCKET_URING_OP_SIOCOUTQ}: res = bytes not yet acknowledged. */
    public Sqe prepSiocoutq(int socketFd) { return prepUringCmd(socketFd, SOCKET_URING_OP_SIOCOUTQ); }

    /**
     * {@code SOCKET_URING_OP_GETSOCKOPT} (level must be SOL_SOCKET on 6.18): the value is written to {@code optval};
     * optlen is {@code optval.byteSize()}; res = the resulting optlen.
     */
    public Sqe prepGetsockopt(int socketFd, int level, int optname, MemorySegment optval) {
        return prepUringCmd(socketFd, SOCKET_URING_OP_GETSOCKOPT).level(level).optname(optname)
                .optlen((int) optval.byteSize()).addr3(optval);
    }

    /** {@code SOCKET_URING_OP_SETSOCKOPT}: sets the option to the bytes of {@code optval}; res 0. */
    public Sqe prepSetsockopt(int socketFd, int level, int optname, MemorySegment optval) {
        return prepUringCmd(socketFd, SOCKET_URING_OP_SETSOCKOPT).level(level).optname(optname)
                .optlen((int) optval.byteSize()).addr3(optval);
    }

    /** {@code SOCKET_URING_OP_TX_TIMESTAMP} (6.17+, CQE32 or CQE_MIXED ring): a stream of timestamp CQEs. */
    public Sqe prepTxTimestamp(int socketFd) { return prepUringCmd(socketFd, SOCKET_URING_OP_TX_TIMESTAMP); }

    /** {@code BLOCK_URING_CMD_DISCARD}: discards {@code nbytes} at byte {@code offset} of a block device opened for write. */
    public Sqe prepDiscard(int blockFd, long offset, long nbytes) {
        return prepUringCmd(blockFd, BLOCK_URING_CMD_DISCARD).addr(offset).addr3(nbytes);
    }

    /** {@code IORING_OP_READ} into {@code buf} at file offset {@code offset} (-1: current position). */
    public Sqe prepRead(int fd, MemorySegment buf, long offset) {
        return prep(Opcode.READ.code(), fd).addr(buf).len((int) buf.byteSize()).off(offset);
    }

    /** {@code IORING_OP_READ} with {@code IOSQE_BUFFER_SELECT}: the kernel picks a buffer of {@code bufGroup}. */
    public Sqe prepReadSelect(int fd, int len, int bufGroup, long offset) {
        return prep(Opcode.READ.code(), fd).len(len).off(offset).addFlags(IOSQE_BUFFER_SELECT).bufGroup(bufGroup);
    }

    /**
     * {@code IORING_OP_READ_MULTISHOT} (6.7+): reads into a buffer of {@code bufGroup} whenever {@code fd} (pollable:
     * pipe, socket, eventfd) has data, one CQE with F_MORE per read, until the group runs dry (-ENOBUFS), an error, or
     * a cancel (-ECANCELED). Each read fills at most one whole buffer ({@code len} must stay 0 on 6.18: -EINVAL).
     */
    public Sqe prepReadMultishot(int fd, long offset, int bufGroup) {
        return prep(Opcode.READ_MULTISHOT.code(), fd).off(offset).addFlags(IOSQE_BUFFER_SELECT).bufGroup(bufGroup);
    }

    /** Legacy {@code IORING_OP_PROVIDE_BUFFERS}: {@code nbufs} buffers of {@code len} bytes from {@code mem}, ids from {@code startBid}. */
    public Sqe prepProvideBuffers(MemorySegment mem, int len, int nbufs, int bufGroup, int startBid) {
        return prep(Opcode.PROVIDE_BUFFERS.code(), nbufs).addr(mem).len(len).off(startBid).bufGroup(bufGroup);
    }

    /** Legacy {@code IORING_OP_REMOVE_BUFFERS}: res = how many were removed. */
    public Sqe prepRemoveBuffers(int nbufs, int bufGroup) {
        return prep(Opcode.REMOVE_BUFFERS.code(), nbufs).bufGroup(bufGroup);
    }
}
