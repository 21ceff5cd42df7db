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
 * Description: a uring_cmd to an fd nobody has open, or with IOSQE_FIXED_FILE and no file table (or an index past
 * it), completes with -EBADF at issue (shared/kernel-uring-cmd.md §2.1 rule 8, §2.3 rule 1, §9).
 */
class UringCmdEbadfTest {
    @Test
    void badFdIsEbadf() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4))) {
            ring.sqe().prepUringCmd(KernelTests.BAD_FD, 0).userData(1);
            ring.sqe().prepUringCmd(-1, 0).userData(2);
            assertEquals(List.of(new CqeRecord(1, -9, 0), new CqeRecord(2, -9, 0)), RingTests.submitAndReap(ring, 2));
        }
    }

    @Test
    void fixedFileWithoutTableIsEbadf() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4))) {
            ring.sqe().prepUringCmd(0, 0).fixedFile().userData(1);
            assertEquals(new CqeRecord(1, -9, 0), RingTests.submitOne(ring));
        }
    }

    @Test
    void fixedFileIndexPastTableIsEbadf() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4))) {
            int devNull = KernelTests.openDevNull();
            try {
                ring.registerFiles(devNull);
                ring.sqe().prepUringCmd(0, 0).fixedFile().userData(1);
                ring.sqe().prepUringCmd(1, 0).fixedFile().userData(2);
                assertEquals(List.of(new CqeRecord(1, 0, 0), new CqeRecord(2, -9, 0)), RingTests.submitAndReap(ring, 2));
            } finally {
                Fds.close(devNull);
            }
        }
    }
}
