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
 * Description: a discard whose range fails blk_validate_byte_range (start or length not a multiple of the 512-byte
 * logical block, length 0, starting at or running past the end, wrapping u64) gives -EINVAL
 * (shared/kernel-uring-cmd.md §5.2 rule 4, §8 cmd-discard, §9).
 */
class BlockDiscardRangeEinvalTest {
    @Test
    void badRangesAreEinval() {
        try (LoopDevice dev = KernelTests.loopDeviceOrSkip(); IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(8))) {
            int fd = dev.open(Fds.O_RDWR);
            try {
                long size = dev.size();
                ring.sqe().prepDiscard(fd, 100, 512).userData(1);        // unaligned start
                ring.sqe().prepDiscard(fd, 512, 100).userData(2);        // unaligned length
                ring.sqe().prepDiscard(fd, 512, 0).userData(3);          // empty
                ring.sqe().prepDiscard(fd, size, 512).userData(4);       // at the end
                ring.sqe().prepDiscard(fd, size - 512, 1024).userData(5); // past the end
                ring.sqe().prepDiscard(fd, -512, 1024).userData(6);      // start + len wraps
                List<CqeRecord> got = RingTests.submitAndReap(ring, 6);
                for (int i = 0; i < 6; i++) assertEquals(new CqeRecord(i + 1, -22, 0), got.get(i));
                ring.sqe().prepDiscard(fd, size - 512, 512).userData(7); // the last block is fine
                assertEquals(new CqeRecord(7, 0, 0), RingTests.submitOne(ring));
            } finally {
                Fds.close(fd);
            }
        }
    }
}
