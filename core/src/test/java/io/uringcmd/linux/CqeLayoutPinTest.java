package io.uringcmd.linux;

import io.uringcmd.abi.CqeLayout;
import org.junit.jupiter.api.Test;

import static io.uringcmd.abi.Uapi.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Description: struct io_uring_cqe (16 and 32 bytes) offsets and the CQE flag values match 6.18 (shared/kernel-uring-cmd.md §1.3). */
class CqeLayoutPinTest {
    @Test
    void sizesOffsetsAndFlags() {
        assertEquals(16, CqeLayout.SIZE);
        assertEquals(32, CqeLayout.SIZE_32);
        assertEquals(0, CqeLayout.USER_DATA);
        assertEquals(8, CqeLayout.RES);
        assertEquals(12, CqeLayout.FLAGS);
        assertEquals(16, CqeLayout.BIG_CQE_0);
        assertEquals(24, CqeLayout.BIG_CQE_1);

        assertEquals(1, IORING_CQE_F_BUFFER);
        assertEquals(2, IORING_CQE_F_MORE);
        assertEquals(4, IORING_CQE_F_SOCK_NONEMPTY);
        assertEquals(8, IORING_CQE_F_NOTIF);
        assertEquals(16, IORING_CQE_F_BUF_MORE);
        assertEquals(32, IORING_CQE_F_SKIP);
        assertEquals(1 << 15, IORING_CQE_F_32);
        assertEquals(16, IORING_CQE_BUFFER_SHIFT);
        assertEquals(1 << 16, IORING_CQE_F_TSTAMP_HW);
        assertEquals(16, IORING_TIMESTAMP_HW_SHIFT);
        assertEquals(17, IORING_TIMESTAMP_TYPE_SHIFT);
    }
}
