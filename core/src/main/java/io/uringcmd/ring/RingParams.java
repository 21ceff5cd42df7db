package io.uringcmd.ring;

import io.uringcmd.abi.ParamsLayout;

import java.lang.foreign.MemorySegment;

import static io.uringcmd.abi.Uapi.*;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/** What {@code io_uring_setup} wrote back into {@code struct io_uring_params}: sizes, flags, features, ring offsets. */
public record RingParams(int sqEntries, int cqEntries, int flags, int features,
                         int sqHead, int sqTail, int sqRingMask, int sqRingEntries, int sqFlags, int sqDropped, int sqArray,
                         int cqHead, int cqTail, int cqRingMask, int cqRingEntries, int cqOverflow, int cqes, int cqFlags) {

    /** Reads a filled-in {@code io_uring_params}. */
    public static RingParams read(MemorySegment p) {
        long s = ParamsLayout.SQ_OFF, c = ParamsLayout.CQ_OFF;
        return new RingParams(
                p.get(JAVA_INT, ParamsLayout.SQ_ENTRIES), p.get(JAVA_INT, ParamsLayout.CQ_ENTRIES),
                p.get(JAVA_INT, ParamsLayout.FLAGS), p.get(JAVA_INT, ParamsLayout.FEATURES),
                p.get(JAVA_INT, s + ParamsLayout.SQO_HEAD), p.get(JAVA_INT, s + ParamsLayout.SQO_TAIL),
                p.get(JAVA_INT, s + ParamsLayout.SQO_RING_MASK), p.get(JAVA_INT, s + ParamsLayout.SQO_RING_ENTRIES),
                p.get(JAVA_INT, s + ParamsLayout.SQO_FLAGS), p.get(JAVA_INT, s + ParamsLayout.SQO_DROPPED),
                p.get(JAVA_INT, s + ParamsLayout.SQO_ARRAY),
                p.get(JAVA_INT, c + ParamsLayout.CQO_HEAD), p.get(JAVA_INT, c + ParamsLayout.CQO_TAIL),
                p.get(JAVA_INT, c + ParamsLayout.CQO_RING_MASK), p.get(JAVA_INT, c + ParamsLayout.CQO_RING_ENTRIES),
                p.get(JAVA_INT, c + ParamsLayout.CQO_OVERFLOW), p.get(JAVA_INT, c + ParamsLayout.CQO_CQES),
                p.get(JAVA_INT, c + ParamsLayout.CQO_FLAGS));
    }

    /** Writes these values back as {@code io_uring_setup} would (used by the embedded host). */
    public void writeTo(MemorySegment p) {
        long s = ParamsLayout.SQ_OFF, c = ParamsLayout.CQ_OFF;
        p.set(JAVA_INT, ParamsLayout.SQ_ENTRIES, sqEntries);
        p.set(JAVA_INT, ParamsLayout.CQ_ENTRIES, cqEntries);
        p.set(JAVA_INT, ParamsLayout.FLAGS, flags);
        p.set(JAVA_INT, ParamsLayout.FEATURES, features);
        p.set(JAVA_INT, s + ParamsLayout.SQO_HEAD, sqHead);
        p.set(JAVA_INT, s + ParamsLayout.SQO_TAIL, sqTail);
        p.set(JAVA_INT, s + ParamsLayout.SQO_RING_MASK, sqRingMask);
        p.set(JAVA_INT, s + ParamsLayout.SQO_RING_ENTRIES, sqRingEntries);
        p.set(JAVA_INT, s + ParamsLayout.SQO_FLAGS, sqFlags);
        p.set(JAVA_INT, s + ParamsLayout.SQO_DROPPED, sqDropped);
        p.set(JAVA_INT, s + ParamsLayout.SQO_ARRAY, sqArray);
        p.set(JAVA_INT, s + ParamsLayout.SQO_ARRAY + 4, 0);
        p.set(JAVA_LONG, s + ParamsLayout.SQO_USER_ADDR, 0L);
        p.set(JAVA_INT, c + ParamsLayout.CQO_HEAD, cqHead);
        p.set(JAVA_INT, c + ParamsLayout.CQO_TAIL, cqTail);
        p.set(JAVA_INT, c + ParamsLayout.CQO_RING_MASK, cqRingMask);
        p.set(JAVA_INT, c + ParamsLayout.CQO_RING_ENTRIES, cqRingEntries);
        p.set(JAVA_INT, c + ParamsLayout.CQO_OVERFLOW, cqOverflow);
        p.set(JAVA_INT, c + ParamsLayout.CQO_CQES, cqes);
        p.set(JAVA_INT, c + ParamsLayout.CQO_FLAGS, cqFlags);
        p.set(JAVA_INT, c + ParamsLayout.CQO_FLAGS + 4, 0);
        p.set(JAVA_LONG, c + ParamsLayout.CQO_USER_ADDR, 0L);
    }

    public boolean sqe128() { return (flags & IORING_SETUP_SQE128) != 0; }
    public boolean cqe32() { return (flags & IORING_SETUP_CQE32) != 0; }
    public boolean cqeMixed() { return (flags & IORING_SETUP_CQE_MIXED) != 0; }
    public boolean noSqArray() { return (flags & IORING_SETUP_NO_SQARRAY) != 0; }
    public boolean hasFeature(int feature) { return (features & feature) == feature; }
}
