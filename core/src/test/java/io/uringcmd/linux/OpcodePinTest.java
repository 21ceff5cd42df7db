package io.uringcmd.linux;

import io.uringcmd.abi.Opcode;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.Probe;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: enum io_uring_op 0..62 in kernel order with IORING_OP_LAST = 63, and PROBE on this kernel reports
 * last_op 62 with URING_CMD (46) supported (shared/kernel-uring-cmd.md §1.6, §1.12).
 */
class OpcodePinTest {
    private static final List<String> KERNEL_ORDER = List.of(
            "NOP", "READV", "WRITEV", "FSYNC", "READ_FIXED", "WRITE_FIXED", "POLL_ADD", "POLL_REMOVE", "SYNC_FILE_RANGE",
            "SENDMSG", "RECVMSG", "TIMEOUT", "TIMEOUT_REMOVE", "ACCEPT", "ASYNC_CANCEL", "LINK_TIMEOUT", "CONNECT",
            "FALLOCATE", "OPENAT", "CLOSE", "FILES_UPDATE", "STATX", "READ", "WRITE", "FADVISE", "MADVISE", "SEND", "RECV",
            "OPENAT2", "EPOLL_CTL", "SPLICE", "PROVIDE_BUFFERS", "REMOVE_BUFFERS", "TEE", "SHUTDOWN", "RENAMEAT", "UNLINKAT",
            "MKDIRAT", "SYMLINKAT", "LINKAT", "MSG_RING", "FSETXATTR", "SETXATTR", "FGETXATTR", "GETXATTR", "SOCKET",
            "URING_CMD", "SEND_ZC", "SENDMSG_ZC", "READ_MULTISHOT", "WAITID", "FUTEX_WAIT", "FUTEX_WAKE", "FUTEX_WAITV",
            "FIXED_FD_INSTALL", "FTRUNCATE", "BIND", "LISTEN", "RECV_ZC", "EPOLL_WAIT", "READV_FIXED", "WRITEV_FIXED", "PIPE");

    @Test
    void enumMatchesKernelOrder() {
        assertEquals(KERNEL_ORDER, Arrays.stream(Opcode.values()).map(Enum::name).toList());
        assertEquals(63, Opcode.IORING_OP_LAST);
        assertEquals(46, Opcode.URING_CMD.code());
        assertEquals(14, Opcode.ASYNC_CANCEL.code());
        assertEquals(15, Opcode.LINK_TIMEOUT.code());
        assertEquals(31, Opcode.PROVIDE_BUFFERS.code());
        assertEquals(32, Opcode.REMOVE_BUFFERS.code());
        assertEquals(40, Opcode.MSG_RING.code());
        assertEquals(62, Opcode.PIPE.code());
        assertNull(Opcode.of(63));
        assertEquals("IORING_OP_URING_CMD", Opcode.URING_CMD.kernelName());
    }

    @Test
    void probeReportsUringCmd() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(2))) {
            Probe p = ring.probe();
            assertEquals(62, p.lastOp());
            assertEquals(63, p.supported().length, "ops_len = min(nr, 63)");
            assertTrue(p.isSupported(Opcode.URING_CMD));
            assertTrue(p.isSupported(Opcode.NOP));
            assertFalse(p.isSupported(63));
        }
    }
}
