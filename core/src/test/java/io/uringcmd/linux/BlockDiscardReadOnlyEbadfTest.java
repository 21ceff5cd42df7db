package io.uringcmd.linux;

import io.uringcmd.RingTests;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Description: a discard on a block device fd opened O_RDONLY gives -EBADF (shared/kernel-uring-cmd.md §5.2 rule 4, §9). */
class BlockDiscardReadOnlyEbadfTest {
    @Test
    void readOnlyFdIsEbadf() {
        try (LoopDevice dev = KernelTests.loopDeviceOrSkip(); IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(2))) {
            int fd = dev.open(Fds.O_RDONLY);
            try {
                ring.sqe().prepDiscard(fd, 0, 4096).userData(1);
                assertEquals(new CqeRecord(1, -9, 0), RingTests.submitOne(ring));
            } finally {
                Fds.close(fd);
            }
        }
    }
}
