package io.uringcmd.linux;

import io.uringcmd.abi.Ioc;
import io.uringcmd.abi.Opcode;
import io.uringcmd.abi.SqeLayout;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe128;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: struct nvme_uring_cmd is 72 bytes with the uapi offsets, NVME_URING_CMD_IO/_IO_VEC are
 * _IOWR('N', 0x80/0x81, 72), and the prep helpers write it into the 80-byte command area of an SQE128 (byte 48 on).
 * Encoding only: this machine has no NVMe device, so nothing is submitted (shared/kernel-uring-cmd.md §5.5).
 */
class NvmeUringCmdLayoutTest {
    @Test
    void layoutAndIoctlNumbers() {
        assertEquals(72, Nvme.SIZE);
        long[] offs = {Nvme.OPCODE, Nvme.FLAGS, Nvme.RSVD1, Nvme.NSID, Nvme.CDW2, Nvme.CDW3, Nvme.METADATA, Nvme.ADDR,
                Nvme.METADATA_LEN, Nvme.DATA_LEN, Nvme.CDW10, Nvme.CDW11, Nvme.CDW12, Nvme.CDW13, Nvme.CDW14, Nvme.CDW15,
                Nvme.TIMEOUT_MS, Nvme.RSVD2};
        assertArrayEquals(new long[]{0, 1, 2, 4, 8, 12, 16, 24, 32, 36, 40, 44, 48, 52, 56, 60, 64, 68}, offs);
        assertEquals(0xc0484e80, Nvme.NVME_URING_CMD_IO);
        assertEquals(0xc0484e81, Nvme.NVME_URING_CMD_IO_VEC);
        assertEquals(0xc0484e82, Nvme.NVME_URING_CMD_ADMIN);
        assertEquals(0xc0484e83, Nvme.NVME_URING_CMD_ADMIN_VEC);
        assertEquals(Nvme.SIZE, Ioc.size(Nvme.NVME_URING_CMD_IO));
        assertTrue(Nvme.SIZE <= SqeLayout.CMD_SIZE_128);
    }

    @Test
    void prepWritesTheCommandIntoTheSqe() {
        try (IoUring<Sqe128> ring = Linux.setup(RingSetup.entries(2).sqe128()); Arena a = Arena.ofConfined()) {
            MemorySegment sqes = ring.backend().memory().sqes();
            MemorySegment data = a.allocate(4096, 4096);
            MemorySegment meta = a.allocate(64);
            Sqe128 sqe = ring.sqe();
            Nvme.prepRead(sqe, 5, 1, 0x1_0000_0002L, 8, data).userData(77);
            Nvme.metadata(sqe, meta);
            Nvme.cdw(sqe, 13, 0xabc);
            Nvme.timeoutMs(sqe, 1500);
            long b = (long) sqe.index() * 128;
            assertEquals(Opcode.URING_CMD.code(), sqes.get(JAVA_BYTE, b + SqeLayout.OPCODE));
            assertEquals(5, sqes.get(JAVA_INT, b + SqeLayout.FD));
            assertEquals(Nvme.NVME_URING_CMD_IO, sqes.get(JAVA_INT, b + SqeLayout.CMD_OP));
            assertEquals(77L, sqes.get(JAVA_LONG, b + SqeLayout.USER_DATA));
            long c = b + SqeLayout.CMD;
            assertEquals(Nvme.NVME_CMD_READ, sqes.get(JAVA_BYTE, c + Nvme.OPCODE));
            assertEquals(1, sqes.get(JAVA_INT, c + Nvme.NSID));
            assertEquals(data.address(), sqes.get(JAVA_LONG, c + Nvme.ADDR));
            assertEquals(4096, sqes.get(JAVA_INT, c + Nvme.DATA_LEN));
            assertEquals(meta.address(), sqes.get(JAVA_LONG, c + Nvme.METADATA));
            assertEquals(64, sqes.get(JAVA_INT, c + Nvme.METADATA_LEN));
            assertEquals(2, sqes.get(JAVA_INT, c + Nvme.CDW10), "slba low");
            assertEquals(1, sqes.get(JAVA_INT, c + Nvme.CDW11), "slba high");
            assertEquals(7, sqes.get(JAVA_INT, c + Nvme.CDW12), "nlb is 0-based");
            assertEquals(0xabc, sqes.get(JAVA_INT, c + Nvme.CDW13));
            assertEquals(1500, sqes.get(JAVA_INT, c + Nvme.TIMEOUT_MS));
            assertEquals(0L, sqes.get(JAVA_LONG, c + 72), "the last 8 bytes of the 80-byte area stay zero");

            Nvme.prepIoVec(sqe, 6, Nvme.NVME_CMD_WRITE, 2, a.allocate(48));
            assertEquals(Nvme.NVME_URING_CMD_IO_VEC, sqes.get(JAVA_INT, b + SqeLayout.CMD_OP));
            assertEquals(3, sqes.get(JAVA_INT, c + Nvme.DATA_LEN), "iovec count");
            assertEquals(0, sqes.get(JAVA_INT, c + Nvme.CDW12), "prep zeroed the previous command");
            assertThrows(IllegalArgumentException.class, () -> Nvme.cdw(sqe, 4, 1));
            assertThrows(IllegalArgumentException.class, () -> Nvme.prepRead(sqe, 5, 1, 0, 0, data));
            // Never submitted: there is no NVMe device here.
            ring.discardUnsubmitted();
            assertEquals(0, ring.sqReady());
        }
    }
}
