package io.uringcmd.abi;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.*;

/** {@code struct io_uring_probe} (16 B) followed by {@code ops[]} of {@code io_uring_probe_op} (8 B each). */
public final class ProbeLayout {
    private ProbeLayout() {}

    public static final StructLayout PROBE = MemoryLayout.structLayout(
            JAVA_BYTE.withName("last_op"), JAVA_BYTE.withName("ops_len"), JAVA_SHORT.withName("resv"),
            MemoryLayout.sequenceLayout(3, JAVA_INT).withName("resv2")
    ).withName("io_uring_probe");
    public static final StructLayout OP = MemoryLayout.structLayout(
            JAVA_BYTE.withName("op"), JAVA_BYTE.withName("resv"), JAVA_SHORT.withName("flags"), JAVA_INT.withName("resv2")
    ).withName("io_uring_probe_op");

    public static final long SIZE = PROBE.byteSize();
    public static final long OP_SIZE = OP.byteSize();
    public static final long LAST_OP = PROBE.byteOffset(groupElement("last_op"));
    public static final long OPS_LEN = PROBE.byteOffset(groupElement("ops_len"));
    public static final long OP_OP = OP.byteOffset(groupElement("op"));
    public static final long OP_FLAGS = OP.byteOffset(groupElement("flags"));
    /** {@code IO_URING_OP_SUPPORTED}. */
    public static final int IO_URING_OP_SUPPORTED = 1;
    /** The largest {@code nr_args} PROBE accepts; more gives -EINVAL. */
    public static final int MAX_OPS = 256;
}
