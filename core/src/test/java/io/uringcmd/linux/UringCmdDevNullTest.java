package io.uringcmd.linux;

import io.uringcmd.RingTests;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Description: /dev/null's uring_cmd returns 0 for any cmd_op and any addr/len/addr3/command bytes, and with
 * IORING_URING_CMD_FIXED and an unregistered buf_index (shared/kernel-uring-cmd.md §5.4, §9).
 */
class UringCmdDevNullTest {
    @Test
    void devNullAnswersZeroToAnything() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(8))) {
            int devNull = KernelTests.openDevNull();
            try {
                ring.sqe().prepUringCmd(devNull, 0).userData(1);
                ring.sqe().prepUringCmd(devNull, 0x1234).userData(2);
                ring.sqe().prepUringCmd(devNull, -1).addr(0xdeadL).len(77).addr3(0xbeefL).pad2(-1L).userData(3);
                ring.sqe().prepUringCmd(devNull, 0x1200).uringCmdFixed(1000).userData(4);
                List<CqeRecord> got = RingTests.submitAndReap(ring, 4);
                assertEquals(List.of(new CqeRecord(1, 0, 0), new CqeRecord(2, 0, 0), new CqeRecord(3, 0, 0),
                        new CqeRecord(4, 0, 0)), got);
            } finally {
                Fds.close(devNull);
            }
        }
    }
}
