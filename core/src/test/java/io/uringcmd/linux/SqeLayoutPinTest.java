package io.uringcmd.linux;

import io.uringcmd.abi.SqeLayout;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Description: struct io_uring_sqe sizes and every field offset match the 6.18 uapi (shared/kernel-uring-cmd.md §1.2). */
class SqeLayoutPinTest {
    @Test
    void sizesAndOffsets() {
        assertEquals(64, SqeLayout.SIZE);
        assertEquals(128, SqeLayout.SIZE_128);
        assertEquals(0, SqeLayout.OPCODE);
        assertEquals(1, SqeLayout.FLAGS);
        assertEquals(2, SqeLayout.IOPRIO);
        assertEquals(4, SqeLayout.FD);
        assertEquals(8, SqeLayout.OFF);
        assertEquals(8, SqeLayout.ADDR2);
        assertEquals(8, SqeLayout.CMD_OP);
        assertEquals(12, SqeLayout.PAD1);
        assertEquals(16, SqeLayout.ADDR);
        assertEquals(16, SqeLayout.LEVEL);
        assertEquals(20, SqeLayout.OPTNAME);
        assertEquals(24, SqeLayout.LEN);
        assertEquals(28, SqeLayout.RW_FLAGS);
        assertEquals(28, SqeLayout.URING_CMD_FLAGS);
        assertEquals(28, SqeLayout.NOP_FLAGS);
        assertEquals(28, SqeLayout.CANCEL_FLAGS);
        assertEquals(32, SqeLayout.USER_DATA);
        assertEquals(40, SqeLayout.BUF_INDEX);
        assertEquals(40, SqeLayout.BUF_GROUP);
        assertEquals(42, SqeLayout.PERSONALITY);
        assertEquals(44, SqeLayout.SPLICE_FD_IN);
        assertEquals(44, SqeLayout.FILE_INDEX);
        assertEquals(44, SqeLayout.OPTLEN);
        assertEquals(48, SqeLayout.ADDR3);
        assertEquals(48, SqeLayout.OPTVAL);
        assertEquals(56, SqeLayout.PAD2);
        assertEquals(48, SqeLayout.CMD);
        assertEquals(16, SqeLayout.CMD_SIZE);
        assertEquals(80, SqeLayout.CMD_SIZE_128);
    }
}
