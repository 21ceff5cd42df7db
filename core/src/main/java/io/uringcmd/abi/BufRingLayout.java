package io.uringcmd.abi;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.*;

/**
 * Provided-buffer structures (6.18, shared/kernel-uring-cmd.md §1.13): {@code io_uring_buf} (16 B), the
 * {@code io_uring_buf_ring} whose {@code tail} aliases {@code bufs[0].resv} at byte 14, {@code io_uring_buf_reg}
 * (40 B) and {@code io_uring_buf_status} (40 B).
 *
 * <p>{@code io_uring_buf_reg} is the layout of 6.18.44, which carries the stable backport of upstream 7deba791ad49
 * "io_uring/kbuf: support min length left for incremental buffers": a u32 {@code min_left} at byte 16 (only with
 * {@code IOU_PBUF_RING_INC}, else -EINVAL) followed by {@code resv[5]} u32. Older 6.18.y had {@code resv[3]} u64 there;
 * the size and the other offsets are the same.
 */
public final class BufRingLayout {
    private BufRingLayout() {}

    public static final StructLayout BUF = MemoryLayout.structLayout(
            JAVA_LONG.withName("addr"), JAVA_INT.withName("len"), JAVA_SHORT.withName("bid"), JAVA_SHORT.withName("resv")
    ).withName("io_uring_buf");
    public static final long BUF_SIZE = BUF.byteSize();
    public static final long BUF_ADDR = BUF.byteOffset(groupElement("addr"));
    public static final long BUF_LEN = BUF.byteOffset(groupElement("len"));
    public static final long BUF_BID = BUF.byteOffset(groupElement("bid"));
    /** {@code io_uring_buf_ring.tail}: it sits where entry 0's {@code resv} is. */
    public static final long RING_TAIL = BUF.byteOffset(groupElement("resv"));

    public static final StructLayout BUF_REG = MemoryLayout.structLayout(
            JAVA_LONG.withName("ring_addr"), JAVA_INT.withName("ring_entries"), JAVA_SHORT.withName("bgid"),
            JAVA_SHORT.withName("flags"), JAVA_INT.withName("min_left"), MemoryLayout.sequenceLayout(5, JAVA_INT).withName("resv")
    ).withName("io_uring_buf_reg");
    public static final long REG_SIZE = BUF_REG.byteSize();
    public static final long REG_RING_ADDR = BUF_REG.byteOffset(groupElement("ring_addr"));
    public static final long REG_RING_ENTRIES = BUF_REG.byteOffset(groupElement("ring_entries"));
    public static final long REG_BGID = BUF_REG.byteOffset(groupElement("bgid"));
    public static final long REG_FLAGS = BUF_REG.byteOffset(groupElement("flags"));
    /** {@code min_left} (6.18.44): an incremental buffer with fewer bytes left than this after a commit is retired. */
    public static final long REG_MIN_LEFT = BUF_REG.byteOffset(groupElement("min_left"));
    public static final long REG_RESV = BUF_REG.byteOffset(groupElement("resv"));

    public static final StructLayout BUF_STATUS = MemoryLayout.structLayout(
            JAVA_INT.withName("buf_group"), JAVA_INT.withName("head"), MemoryLayout.sequenceLayout(8, JAVA_INT).withName("resv")
    ).withName("io_uring_buf_status");
    public static final long STATUS_SIZE = BUF_STATUS.byteSize();
    public static final long STATUS_BUF_GROUP = BUF_STATUS.byteOffset(groupElement("buf_group"));
    public static final long STATUS_HEAD = BUF_STATUS.byteOffset(groupElement("head"));
    public static final long STATUS_RESV = BUF_STATUS.byteOffset(groupElement("resv"));
}
