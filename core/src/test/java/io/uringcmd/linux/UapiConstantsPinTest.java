package io.uringcmd.linux;

import org.junit.jupiter.api.Test;

import static io.uringcmd.abi.Uapi.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Description: the flag and constant values of the 6.18 uapi: IOSQE_*, uring_cmd flags, IORING_SETUP_*,
 * IORING_ENTER_*, IORING_FEAT_*, SQ/CQ ring flags, mmap offsets, socket and block cmd ops, syscall numbers
 * (shared/kernel-uring-cmd.md §1.1, §1.4, §1.5, §1.7, §1.8, §1.9, §1.10, §1.11, §5.1, §5.2).
 */
class UapiConstantsPinTest {
    @Test
    void syscalls() {
        assertEquals(425, NR_IO_URING_SETUP);
        assertEquals(426, NR_IO_URING_ENTER);
        assertEquals(427, NR_IO_URING_REGISTER);
    }

    @Test
    void sqeFlags() {
        assertEquals(1, IOSQE_FIXED_FILE);
        assertEquals(2, IOSQE_IO_DRAIN);
        assertEquals(4, IOSQE_IO_LINK);
        assertEquals(8, IOSQE_IO_HARDLINK);
        assertEquals(16, IOSQE_ASYNC);
        assertEquals(32, IOSQE_BUFFER_SELECT);
        assertEquals(64, IOSQE_CQE_SKIP_SUCCESS);
        assertEquals(0x7f, IOSQE_VALID);
    }

    @Test
    void uringCmdFlags() {
        assertEquals(1, IORING_URING_CMD_FIXED);
        assertEquals(2, IORING_URING_CMD_MULTISHOT);
        assertEquals(3, IORING_URING_CMD_MASK);
        assertEquals(1 << 30, IORING_URING_CMD_CANCELABLE);
        assertEquals(1 << 31, IORING_URING_CMD_REISSUE);
    }

    @Test
    void setupFlags() {
        int[] flags = {IORING_SETUP_IOPOLL, IORING_SETUP_SQPOLL, IORING_SETUP_SQ_AFF, IORING_SETUP_CQSIZE, IORING_SETUP_CLAMP,
                IORING_SETUP_ATTACH_WQ, IORING_SETUP_R_DISABLED, IORING_SETUP_SUBMIT_ALL, IORING_SETUP_COOP_TASKRUN,
                IORING_SETUP_TASKRUN_FLAG, IORING_SETUP_SQE128, IORING_SETUP_CQE32, IORING_SETUP_SINGLE_ISSUER,
                IORING_SETUP_DEFER_TASKRUN, IORING_SETUP_NO_MMAP, IORING_SETUP_REGISTERED_FD_ONLY, IORING_SETUP_NO_SQARRAY,
                IORING_SETUP_HYBRID_IOPOLL, IORING_SETUP_CQE_MIXED};
        for (int i = 0; i < flags.length; i++) assertEquals(1 << i, flags[i], "setup bit " + i);
        assertEquals((1 << 19) - 1, IORING_SETUP_VALID);
        assertEquals(32768, IORING_MAX_ENTRIES);
        assertEquals(65536, IORING_MAX_CQ_ENTRIES);
    }

    @Test
    void enterFlags() {
        int[] flags = {IORING_ENTER_GETEVENTS, IORING_ENTER_SQ_WAKEUP, IORING_ENTER_SQ_WAIT, IORING_ENTER_EXT_ARG,
                IORING_ENTER_REGISTERED_RING, IORING_ENTER_ABS_TIMER, IORING_ENTER_EXT_ARG_REG, IORING_ENTER_NO_IOWAIT};
        for (int i = 0; i < flags.length; i++) assertEquals(1 << i, flags[i], "enter bit " + i);
        assertEquals(24, GETEVENTS_ARG_SIZE);
    }

    @Test
    void features() {
        int[] feats = {IORING_FEAT_SINGLE_MMAP, IORING_FEAT_NODROP, IORING_FEAT_SUBMIT_STABLE, IORING_FEAT_RW_CUR_POS,
                IORING_FEAT_CUR_PERSONALITY, IORING_FEAT_FAST_POLL, IORING_FEAT_POLL_32BITS, IORING_FEAT_SQPOLL_NONFIXED,
                IORING_FEAT_EXT_ARG, IORING_FEAT_NATIVE_WORKERS, IORING_FEAT_RSRC_TAGS, IORING_FEAT_CQE_SKIP,
                IORING_FEAT_LINKED_FILE, IORING_FEAT_REG_REG_RING, IORING_FEAT_RECVSEND_BUNDLE, IORING_FEAT_MIN_TIMEOUT,
                IORING_FEAT_RW_ATTR, IORING_FEAT_NO_IOWAIT};
        for (int i = 0; i < feats.length; i++) assertEquals(1 << i, feats[i], "feature bit " + i);
        assertEquals(0x3ffff, IORING_FEAT_ALL_6_18);
    }

    @Test
    void ringFlagsAndMmapOffsets() {
        assertEquals(1, IORING_SQ_NEED_WAKEUP);
        assertEquals(2, IORING_SQ_CQ_OVERFLOW);
        assertEquals(4, IORING_SQ_TASKRUN);
        assertEquals(1, IORING_CQ_EVENTFD_DISABLED);
        assertEquals(0L, IORING_OFF_SQ_RING);
        assertEquals(0x8000000L, IORING_OFF_CQ_RING);
        assertEquals(0x10000000L, IORING_OFF_SQES);
        assertEquals(0x80000000L, IORING_OFF_PBUF_RING);
        assertEquals(16, IORING_OFF_PBUF_SHIFT);
        assertEquals(0xf8000000L, IORING_OFF_MMAP_MASK);
    }

    @Test
    void nopAndCancelFlags() {
        assertEquals(1, IORING_NOP_INJECT_RESULT);
        assertEquals(1 << 5, IORING_NOP_CQE32);
        assertEquals(1, IORING_ASYNC_CANCEL_ALL);
        assertEquals(2, IORING_ASYNC_CANCEL_FD);
        assertEquals(4, IORING_ASYNC_CANCEL_ANY);
    }

    @Test
    void commandOps() {
        assertEquals(0, SOCKET_URING_OP_SIOCINQ);
        assertEquals(1, SOCKET_URING_OP_SIOCOUTQ);
        assertEquals(2, SOCKET_URING_OP_GETSOCKOPT);
        assertEquals(3, SOCKET_URING_OP_SETSOCKOPT);
        assertEquals(4, SOCKET_URING_OP_TX_TIMESTAMP);
        assertEquals(0x1200, BLOCK_URING_CMD_DISCARD);
    }
}
