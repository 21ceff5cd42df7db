package io.uringcmd.embedded;

import io.uringcmd.abi.Opcode;

/**
 * The per-opcode table ({@code io_issue_defs[]} of io_uring/opdef.c, 6.18): which generic SQE checks apply to each
 * opcode, and which opcodes the embedded host implements. Exhaustive: one entry per opcode, checked at class init
 * (the Java form of {@code BUILD_BUG_ON(ARRAY_SIZE(io_op_defs) != IORING_OP_LAST)}).
 */
final class OpDefs {
    private OpDefs() {}

    record Def(Opcode op, boolean needsFile, boolean ioprio, boolean iopoll, boolean bufferSelect, boolean implemented) {}

    static final Def[] DEFS = new Def[Opcode.IORING_OP_LAST];

    private static void def(Opcode op, String traits, boolean implemented) {
        DEFS[op.code()] = new Def(op, traits.contains("F"), traits.contains("P"), traits.contains("I"), traits.contains("B"), implemented);
    }

    static {
        // F = needs_file, P = ioprio, I = iopoll, B = buffer_select (values of 6.18's opdef.c)
        def(Opcode.NOP, "I", true);
        def(Opcode.READV, "FPIB", false);
        def(Opcode.WRITEV, "FPI", false);
        def(Opcode.FSYNC, "F", false);
        def(Opcode.READ_FIXED, "FPI", false);
        def(Opcode.WRITE_FIXED, "FPI", false);
        def(Opcode.POLL_ADD, "F", false);
        def(Opcode.POLL_REMOVE, "", false);
        def(Opcode.SYNC_FILE_RANGE, "F", false);
        def(Opcode.SENDMSG, "FP", false);
        def(Opcode.RECVMSG, "FPB", false);
        def(Opcode.TIMEOUT, "", false);
        def(Opcode.TIMEOUT_REMOVE, "", false);
        def(Opcode.ACCEPT, "FP", false);
        def(Opcode.ASYNC_CANCEL, "", true);
        def(Opcode.LINK_TIMEOUT, "", false);
        def(Opcode.CONNECT, "F", false);
        def(Opcode.FALLOCATE, "F", false);
        def(Opcode.OPENAT, "", false);
        def(Opcode.CLOSE, "", false);
        def(Opcode.FILES_UPDATE, "I", false);
        def(Opcode.STATX, "", false);
        def(Opcode.READ, "FPIB", false);
        def(Opcode.WRITE, "FPI", false);
        def(Opcode.FADVISE, "F", false);
        def(Opcode.MADVISE, "", false);
        def(Opcode.SEND, "FPB", false);
        def(Opcode.RECV, "FPB", false);
        def(Opcode.OPENAT2, "", false);
        def(Opcode.EPOLL_CTL, "", false);
        def(Opcode.SPLICE, "F", false);
        def(Opcode.PROVIDE_BUFFERS, "I", true);
        def(Opcode.REMOVE_BUFFERS, "I", true);
        def(Opcode.TEE, "F", false);
        def(Opcode.SHUTDOWN, "F", false);
        def(Opcode.RENAMEAT, "", false);
        def(Opcode.UNLINKAT, "", false);
        def(Opcode.MKDIRAT, "", false);
        def(Opcode.SYMLINKAT, "", false);
        def(Opcode.LINKAT, "", false);
        def(Opcode.MSG_RING, "FI", false);
        def(Opcode.FSETXATTR, "F", false);
        def(Opcode.SETXATTR, "", false);
        def(Opcode.FGETXATTR, "F", false);
        def(Opcode.GETXATTR, "", false);
        def(Opcode.SOCKET, "", false);
        def(Opcode.URING_CMD, "FIB", true);
        def(Opcode.SEND_ZC, "FP", false);
        def(Opcode.SENDMSG_ZC, "FP", false);
        def(Opcode.READ_MULTISHOT, "FB", false);
        def(Opcode.WAITID, "", false);
        def(Opcode.FUTEX_WAIT, "", false);
        def(Opcode.FUTEX_WAKE, "", false);
        def(Opcode.FUTEX_WAITV, "", false);
        def(Opcode.FIXED_FD_INSTALL, "F", false);
        def(Opcode.FTRUNCATE, "F", false);
        def(Opcode.BIND, "F", false);
        def(Opcode.LISTEN, "F", false);
        def(Opcode.RECV_ZC, "FP", false);
        def(Opcode.EPOLL_WAIT, "F", false);
        def(Opcode.READV_FIXED, "FPI", false);
        def(Opcode.WRITEV_FIXED, "FPI", false);
        def(Opcode.PIPE, "", false);
        for (int i = 0; i < DEFS.length; i++) {
            if (DEFS[i] == null) throw new AssertionError("no OpDefs entry for opcode " + i);
        }
    }

    static Def of(int opcode) { return DEFS[opcode]; }
}
