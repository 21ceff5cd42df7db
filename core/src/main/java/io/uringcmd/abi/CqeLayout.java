package io.uringcmd.abi;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.*;

/** {@code struct io_uring_cqe} (6.18): 16 bytes, 32 on a CQE32 ring or for an {@code F_32} CQE on a CQE_MIXED ring. */
public final class CqeLayout {
    private CqeLayout() {}

    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            JAVA_LONG.withName("user_data"),
            JAVA_INT.withName("res"),
            JAVA_INT.withName("flags")
    ).withName("io_uring_cqe");

    /** The 32-byte form, with {@code big_cqe[2]}. */
    public static final StructLayout LAYOUT_32 = MemoryLayout.structLayout(
            JAVA_LONG.withName("user_data"),
            JAVA_INT.withName("res"),
            JAVA_INT.withName("flags"),
            MemoryLayout.sequenceLayout(2, JAVA_LONG).withName("big_cqe")
    ).withName("io_uring_cqe32");

    public static final long SIZE = LAYOUT.byteSize();
    public static final long SIZE_32 = LAYOUT_32.byteSize();
    public static final long USER_DATA = LAYOUT.byteOffset(groupElement("user_data"));
    public static final long RES = LAYOUT.byteOffset(groupElement("res"));
    public static final long FLAGS = LAYOUT.byteOffset(groupElement("flags"));
    /** {@code big_cqe[0]}, the {@code res2} / {@code extra1} word. */
    public static final long BIG_CQE_0 = LAYOUT_32.byteOffset(groupElement("big_cqe"));
    /** {@code big_cqe[1]}, the {@code extra2} word. */
    public static final long BIG_CQE_1 = BIG_CQE_0 + 8;
}
