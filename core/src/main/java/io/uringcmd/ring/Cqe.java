package io.uringcmd.ring;

import java.lang.foreign.MemorySegment;

import static io.uringcmd.abi.CqeLayout.*;
import static io.uringcmd.abi.Uapi.*;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

/**
 * The CQE at the head of the completion queue: a reusable view (one per ring), valid until
 * {@link IoUring#cqeSeen()}. Copy out what you need before marking it seen.
 */
public final class Cqe {
    private final MemorySegment cq;
    private final boolean ringIs32;
    long off;

    Cqe(MemorySegment cq, boolean ringIs32) {
        this.cq = cq;
        this.ringIs32 = ringIs32;
    }

    // Unaligned layouts: CQEs are 16-byte aligned anyway, and C2 then skips an alignment test per read.
    public long userData() { return cq.get(JAVA_LONG_UNALIGNED, off + USER_DATA); }
    public int res() { return cq.get(JAVA_INT_UNALIGNED, off + RES); }
    public int flags() { return cq.get(JAVA_INT_UNALIGNED, off + FLAGS); }
    /** {@code IORING_CQE_F_MORE}: more CQEs will follow for this SQE. */
    public boolean hasMore() { return (flags() & IORING_CQE_F_MORE) != 0; }
    /** {@code IORING_CQE_F_BUFFER}: {@link #bufferId()} holds a provided buffer id. */
    public boolean hasBuffer() { return (flags() & IORING_CQE_F_BUFFER) != 0; }
    /** The provided buffer id ({@code flags >> 16}); meaningful when {@link #hasBuffer()}. */
    public int bufferId() { return flags() >>> IORING_CQE_BUFFER_SHIFT; }
    /** Whether this CQE is 32 bytes: always on a CQE32 ring, with {@code IORING_CQE_F_32} on a CQE_MIXED ring. */
    public boolean is32() { return ringIs32 || (flags() & IORING_CQE_F_32) != 0; }
    /** {@code big_cqe[0]}: uring_cmd's res2, NOP's extra1. 0 on a 16-byte CQE. */
    public long res2() { return is32() ? cq.get(JAVA_LONG, off + BIG_CQE_0) : 0L; }
    /** {@code big_cqe[1]}. 0 on a 16-byte CQE. */
    public long extra2() { return is32() ? cq.get(JAVA_LONG, off + BIG_CQE_1) : 0L; }

    /** An immutable copy, for collecting CQEs in tests and traces. */
    public CqeRecord copy() { return new CqeRecord(userData(), res(), flags(), res2(), extra2()); }

    @Override
    public String toString() { return copy().toString(); }
}
