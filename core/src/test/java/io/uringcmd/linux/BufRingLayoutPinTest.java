package io.uringcmd.linux;

import io.uringcmd.abi.BufRingLayout;
import io.uringcmd.abi.ProbeLayout;
import org.junit.jupiter.api.Test;

import static io.uringcmd.abi.Uapi.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Description: provided-buffer structs (io_uring_buf 16 B with the ring tail aliasing bufs[0].resv at 14,
 * io_uring_buf_reg 40 B with min_left u32 at 16 and resv[5] u32 at 20 on 6.18.44, io_uring_buf_status 40 B) and io_uring_probe (16 B + 8 B ops) match 6.18
 * (shared/kernel-uring-cmd.md §1.12, §1.13).
 */
class BufRingLayoutPinTest {
    @Test
    void bufferRingStructs() {
        assertEquals(16, BufRingLayout.BUF_SIZE);
        assertEquals(0, BufRingLayout.BUF_ADDR);
        assertEquals(8, BufRingLayout.BUF_LEN);
        assertEquals(12, BufRingLayout.BUF_BID);
        assertEquals(14, BufRingLayout.RING_TAIL);
        assertEquals(40, BufRingLayout.REG_SIZE);
        assertEquals(0, BufRingLayout.REG_RING_ADDR);
        assertEquals(8, BufRingLayout.REG_RING_ENTRIES);
        assertEquals(12, BufRingLayout.REG_BGID);
        assertEquals(14, BufRingLayout.REG_FLAGS);
        assertEquals(16, BufRingLayout.REG_MIN_LEFT); // 6.18.44: stable backport of upstream 7deba791ad49
        assertEquals(20, BufRingLayout.REG_RESV);     // resv[5] u32 (was resv[3] u64 at 16)
        assertEquals(40, BufRingLayout.STATUS_SIZE);
        assertEquals(0, BufRingLayout.STATUS_BUF_GROUP);
        assertEquals(4, BufRingLayout.STATUS_HEAD);
        assertEquals(8, BufRingLayout.STATUS_RESV);
        assertEquals(1, IOU_PBUF_RING_MMAP);
        assertEquals(2, IOU_PBUF_RING_INC);
    }

    @Test
    void probeStruct() {
        assertEquals(16, ProbeLayout.SIZE);
        assertEquals(8, ProbeLayout.OP_SIZE);
        assertEquals(0, ProbeLayout.LAST_OP);
        assertEquals(1, ProbeLayout.OPS_LEN);
        assertEquals(0, ProbeLayout.OP_OP);
        assertEquals(2, ProbeLayout.OP_FLAGS);
        assertEquals(1, ProbeLayout.IO_URING_OP_SUPPORTED);
    }
}
