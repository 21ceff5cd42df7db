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
 * Description: the block driver's uring_cmd refuses non-zero sqe->len, sqe->file_index and rw_flags (which is
 * uring_cmd_flags, so IORING_URING_CMD_FIXED too) with -EINVAL before looking at the range (shared/kernel-uring-cmd.md
 * §5.2 rule 1, §9).
 */
class BlockCmdSqeFieldsEinvalTest {
    @Test
    void nonZeroFieldsAreEinval() {
        try (LoopDevice dev = KernelTests.loopDeviceOrSkip(); IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4))) {
            int fd = dev.open(Fds.O_RDWR);
            try {
                ring.sqe().prepDiscard(fd, 0, 4096).len(1).userData(1);
                ring.sqe().prepDiscard(fd, 0, 4096).fileIndex(1).userData(2);
                ring.sqe().prepDiscard(fd, 0, 4096).uringCmdFixed(0).userData(3);
                assertEquals(List.of(new CqeRecord(1, -22, 0), new CqeRecord(2, -22, 0), new CqeRecord(3, -22, 0)),
                        RingTests.submitAndReap(ring, 3));
            } finally {
                Fds.close(fd);
            }
        }
    }
}
