package io.uringcmd.abi;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.StructLayout;

import static java.lang.foreign.ValueLayout.*;

/**
 * {@code struct io_uring_sqe} (6.18): 64 bytes, 128 with {@code IORING_SETUP_SQE128}. The command area of a
 * uring_cmd starts at {@link #CMD} (48) and is 16 bytes on a 64-byte ring, 80 on a 128-byte one.
 */
public final class SqeLayout {
    private SqeLayout() {}

    /** The 64-byte SQE, unions named as in the uapi header ({@code u1} for the first anonymous union, and so on). */
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            JAVA_BYTE.withName("opcode"),
            JAVA_BYTE.withName("flags"),
            JAVA_SHORT.withName("ioprio"),
            JAVA_INT.withName("fd"),
            MemoryLayout.unionLayout(
                    JAVA_LONG.withName("off"),
                    JAVA_LONG.withName("addr2"),
                    MemoryLayout.structLayout(JAVA_INT.withName("cmd_op"), JAVA_INT.withName("__pad1")).withName("cmd")
            ).withName("u1"),
            MemoryLayout.unionLayout(
                    JAVA_LONG.withName("addr"),
                    JAVA_LONG.withName("splice_off_in"),
                    MemoryLayout.structLayout(JAVA_INT.withName("level"), JAVA_INT.withName("optname")).withName("sock")
            ).withName("u2"),
            JAVA_INT.withName("len"),
            MemoryLayout.unionLayout(
                    JAVA_INT.withName("rw_flags"),
                    JAVA_INT.withName("uring_cmd_flags"),
                    JAVA_INT.withName("nop_flags"),
                    JAVA_INT.withName("cancel_flags"),
                    JAVA_INT.withName("msg_ring_flags")
            ).withName("u3"),
            JAVA_LONG.withName("user_data"),
            MemoryLayout.unionLayout(
                    JAVA_SHORT.withName("buf_index"),
                    JAVA_SHORT.withName("buf_group")
            ).withName("u4"),
            JAVA_SHORT.withName("personality"),
            MemoryLayout.unionLayout(
                    JAVA_INT.withName("splice_fd_in"),
                    JAVA_INT.withName("file_index"),
                    JAVA_INT.withName("optlen"),
                    MemoryLayout.structLayout(JAVA_SHORT.withName("addr_len"), JAVA_SHORT.withName("__pad3")).withName("al")
            ).withName("u5"),
            MemoryLayout.unionLayout(
                    MemoryLayout.structLayout(JAVA_LONG.withName("addr3"), MemoryLayout.sequenceLayout(1, JAVA_LONG).withName("__pad2")).withName("a3"),
                    MemoryLayout.structLayout(JAVA_LONG.withName("optval"), JAVA_LONG.withName("__pad2b")).withName("ov"),
                    MemoryLayout.sequenceLayout(16, JAVA_BYTE).withName("cmd")
            ).withName("u6")
    ).withName("io_uring_sqe");

    private static long off(String... path) {
        PathElement[] p = new PathElement[path.length];
        for (int i = 0; i < path.length; i++) p[i] = PathElement.groupElement(path[i]);
        return LAYOUT.byteOffset(p);
    }

    public static final long SIZE = LAYOUT.byteSize();
    /** The SQE size on an {@code IORING_SETUP_SQE128} ring. */
    public static final long SIZE_128 = 2 * SIZE;

    public static final long OPCODE = off("opcode");
    public static final long FLAGS = off("flags");
    public static final long IOPRIO = off("ioprio");
    public static final long FD = off("fd");
    public static final long OFF = off("u1", "off");
    public static final long ADDR2 = off("u1", "addr2");
    public static final long CMD_OP = off("u1", "cmd", "cmd_op");
    public static final long PAD1 = off("u1", "cmd", "__pad1");
    public static final long ADDR = off("u2", "addr");
    public static final long LEVEL = off("u2", "sock", "level");
    public static final long OPTNAME = off("u2", "sock", "optname");
    public static final long LEN = off("len");
    public static final long RW_FLAGS = off("u3", "rw_flags");
    public static final long URING_CMD_FLAGS = off("u3", "uring_cmd_flags");
    public static final long NOP_FLAGS = off("u3", "nop_flags");
    public static final long CANCEL_FLAGS = off("u3", "cancel_flags");
    public static final long USER_DATA = off("user_data");
    public static final long BUF_INDEX = off("u4", "buf_index");
    public static final long BUF_GROUP = off("u4", "buf_group");
    public static final long PERSONALITY = off("personality");
    public static final long SPLICE_FD_IN = off("u5", "splice_fd_in");
    public static final long FILE_INDEX = off("u5", "file_index");
    public static final long OPTLEN = off("u5", "optlen");
    public static final long ADDR3 = off("u6", "a3", "addr3");
    public static final long PAD2 = off("u6", "a3", "__pad2");
    public static final long OPTVAL = off("u6", "ov", "optval");
    /** Start of the uring_cmd command area ({@code sqe->cmd}). */
    public static final long CMD = off("u6", "cmd");
    /** Command area size on a 64-byte-SQE ring. */
    public static final int CMD_SIZE = 16;
    /** Command area size on an SQE128 ring. */
    public static final int CMD_SIZE_128 = (int) (SIZE_128 - CMD);
}
