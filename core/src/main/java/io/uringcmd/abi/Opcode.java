package io.uringcmd.abi;

/**
 * {@code enum io_uring_op} of Linux 6.18: every opcode 0..62, in order, so {@link #code()} is the ordinal.
 * 6.19's NOP128 (63) and URING_CMD128 (64) are not here: on 6.18 they give -EINVAL.
 */
public enum Opcode {
    NOP,
    READV,
    WRITEV,
    FSYNC,
    READ_FIXED,
    WRITE_FIXED,
    POLL_ADD,
    POLL_REMOVE,
    SYNC_FILE_RANGE,
    SENDMSG,
    RECVMSG,
    TIMEOUT,
    TIMEOUT_REMOVE,
    ACCEPT,
    ASYNC_CANCEL,
    LINK_TIMEOUT,
    CONNECT,
    FALLOCATE,
    OPENAT,
    CLOSE,
    FILES_UPDATE,
    STATX,
    READ,
    WRITE,
    FADVISE,
    MADVISE,
    SEND,
    RECV,
    OPENAT2,
    EPOLL_CTL,
    SPLICE,
    PROVIDE_BUFFERS,
    REMOVE_BUFFERS,
    TEE,
    SHUTDOWN,
    RENAMEAT,
    UNLINKAT,
    MKDIRAT,
    SYMLINKAT,
    LINKAT,
    MSG_RING,
    FSETXATTR,
    SETXATTR,
    FGETXATTR,
    GETXATTR,
    SOCKET,
    URING_CMD,
    SEND_ZC,
    SENDMSG_ZC,
    READ_MULTISHOT,
    WAITID,
    FUTEX_WAIT,
    FUTEX_WAKE,
    FUTEX_WAITV,
    FIXED_FD_INSTALL,
    FTRUNCATE,
    BIND,
    LISTEN,
    RECV_ZC,
    EPOLL_WAIT,
    READV_FIXED,
    WRITEV_FIXED,
    PIPE;

    /** {@code IORING_OP_LAST}: one past the last opcode 6.18 knows. */
    public static final int IORING_OP_LAST = 63;
    private static final Opcode[] BY_CODE = values();

    static {
        if (BY_CODE.length != IORING_OP_LAST) throw new AssertionError("Opcode table must cover 0.." + (IORING_OP_LAST - 1));
    }

    /** The opcode number written to {@code sqe->opcode}. */
    public int code() { return ordinal(); }

    /** The opcode with that number, or null for {@code code >= IORING_OP_LAST} or negative. */
    public static Opcode of(int code) { return code >= 0 && code < IORING_OP_LAST ? BY_CODE[code] : null; }

    /** The kernel's name, e.g. {@code IORING_OP_URING_CMD}. */
    public String kernelName() { return "IORING_OP_" + name(); }
}
