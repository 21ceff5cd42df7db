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
 * Description: a block device uring_cmd with a cmd_op other than BLOCK_URING_CMD_DISCARD (0x1200), e.g. 0 or 0x1201,
 * gives -EINVAL (shared/kernel-uring-cmd.md §5.2 rule 3, §9).
 */
class BlockCmdUnknownOpEinvalTest {
    @Test
    void otherCmdOpsAreEinval() {
        try (LoopDevice dev = KernelTests.loopDeviceOrSkip(); IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4))) {
            int fd = dev.open(Fds.O_RDWR);
            try {
                ring.sqe().prepUringCmd(fd, 0).addr(0).addr3(4096).userData(1);
                ring.sqe().prepUringCmd(fd, 0x1201).addr(0).addr3(4096).userData(2);
                assertEquals(List.of(new CqeRecord(1, -22, 0), new CqeRecord(2, -22, 0)), RingTests.submitAndReap(ring, 2));
            } finally {
                Fds.close(fd);
            }
        }
    }
}
