package io.uringcmd.abi;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.*;

/** {@code struct io_uring_params} (120 B) with {@code io_sqring_offsets} and {@code io_cqring_offsets} (40 B each). */
public final class ParamsLayout {
    private ParamsLayout() {}

    public static final StructLayout SQ_OFFSETS = MemoryLayout.structLayout(
            JAVA_INT.withName("head"), JAVA_INT.withName("tail"), JAVA_INT.withName("ring_mask"),
            JAVA_INT.withName("ring_entries"), JAVA_INT.withName("flags"), JAVA_INT.withName("dropped"),
            JAVA_INT.withName("array"), JAVA_INT.withName("resv1"), JAVA_LONG.withName("user_addr")
    ).withName("io_sqring_offsets");

    public static final StructLayout CQ_OFFSETS = MemoryLayout.structLayout(
            JAVA_INT.withName("head"), JAVA_INT.withName("tail"), JAVA_INT.withName("ring_mask"),
            JAVA_INT.withName("ring_entries"), JAVA_INT.withName("overflow"), JAVA_INT.withName("cqes"),
            JAVA_INT.withName("flags"), JAVA_INT.withName("resv1"), JAVA_LONG.withName("user_addr")
    ).withName("io_cqring_offsets");

    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            JAVA_INT.withName("sq_entries"), JAVA_INT.withName("cq_entries"), JAVA_INT.withName("flags"),
            JAVA_INT.withName("sq_thread_cpu"), JAVA_INT.withName("sq_thread_idle"), JAVA_INT.withName("features"),
            JAVA_INT.withName("wq_fd"), MemoryLayout.sequenceLayout(3, JAVA_INT).withName("resv"),
            SQ_OFFSETS.withName("sq_off"), CQ_OFFSETS.withName("cq_off")
    ).withName("io_uring_params");

    public static final long SIZE = LAYOUT.byteSize();
    public static final long SQ_ENTRIES = LAYOUT.byteOffset(groupElement("sq_entries"));
    public static final long CQ_ENTRIES = LAYOUT.byteOffset(groupElement("cq_entries"));
    public static final long FLAGS = LAYOUT.byteOffset(groupElement("flags"));
    public static final long SQ_THREAD_CPU = LAYOUT.byteOffset(groupElement("sq_thread_cpu"));
    public static final long SQ_THREAD_IDLE = LAYOUT.byteOffset(groupElement("sq_thread_idle"));
    public static final long FEATURES = LAYOUT.byteOffset(groupElement("features"));
    public static final long WQ_FD = LAYOUT.byteOffset(groupElement("wq_fd"));
    public static final long RESV = LAYOUT.byteOffset(groupElement("resv"));
    public static final long SQ_OFF = LAYOUT.byteOffset(groupElement("sq_off"));
    public static final long CQ_OFF = LAYOUT.byteOffset(groupElement("cq_off"));

    // Offsets within io_sqring_offsets / io_cqring_offsets.
    public static final long SQO_HEAD = SQ_OFFSETS.byteOffset(groupElement("head"));
    public static final long SQO_TAIL = SQ_OFFSETS.byteOffset(groupElement("tail"));
    public static final long SQO_RING_MASK = SQ_OFFSETS.byteOffset(groupElement("ring_mask"));
    public static final long SQO_RING_ENTRIES = SQ_OFFSETS.byteOffset(groupElement("ring_entries"));
    public static final long SQO_FLAGS = SQ_OFFSETS.byteOffset(groupElement("flags"));
    public static final long SQO_DROPPED = SQ_OFFSETS.byteOffset(groupElement("dropped"));
    public static final long SQO_ARRAY = SQ_OFFSETS.byteOffset(groupElement("array"));
    public static final long SQO_USER_ADDR = SQ_OFFSETS.byteOffset(groupElement("user_addr"));
    public static final long CQO_HEAD = CQ_OFFSETS.byteOffset(groupElement("head"));
    public static final long CQO_TAIL = CQ_OFFSETS.byteOffset(groupElement("tail"));
    public static final long CQO_RING_MASK = CQ_OFFSETS.byteOffset(groupElement("ring_mask"));
    public static final long CQO_RING_ENTRIES = CQ_OFFSETS.byteOffset(groupElement("ring_entries"));
    public static final long CQO_OVERFLOW = CQ_OFFSETS.byteOffset(groupElement("overflow"));
    public static final long CQO_CQES = CQ_OFFSETS.byteOffset(groupElement("cqes"));
    public static final long CQO_FLAGS = CQ_OFFSETS.byteOffset(groupElement("flags"));
    public static final long CQO_USER_ADDR = CQ_OFFSETS.byteOffset(groupElement("user_addr"));

    /**
     * Offsets of the indices inside the kernel's {@code struct io_rings}, which it reports in sq_off/cq_off on every
     * 6.18 setup (shared/kernel-uring-cmd.md §1.8). The embedded host lays its ring region out the same way.
     */
    public static final int RINGS_SQ_HEAD = 0, RINGS_SQ_TAIL = 4, RINGS_CQ_HEAD = 8, RINGS_CQ_TAIL = 12,
            RINGS_SQ_RING_MASK = 16, RINGS_CQ_RING_MASK = 20, RINGS_SQ_RING_ENTRIES = 24, RINGS_CQ_RING_ENTRIES = 28,
            RINGS_SQ_DROPPED = 32, RINGS_SQ_FLAGS = 36, RINGS_CQ_FLAGS = 40, RINGS_CQ_OVERFLOW = 44, RINGS_CQES = 64;

    /** {@code sq_off.array} as 6.18 computes it: {@code ALIGN((64 + 16*cq_entries) << cqe32, 64)}. */
    public static long sqArrayOffset(int cqEntries, boolean cqe32) {
        long end = (RINGS_CQES + CqeLayout.SIZE * (long) cqEntries) << (cqe32 ? 1 : 0);
        return (end + 63) & ~63L;
    }
}
