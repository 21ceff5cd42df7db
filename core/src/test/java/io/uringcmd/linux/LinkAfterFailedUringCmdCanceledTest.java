package io.uringcmd.linux;

import io.uringcmd.RingTests;
import io.uringcmd.linux.KernelTests.RegularFile;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Description: a uring_cmd with IOSQE_IO_LINK that fails (at issue, -EOPNOTSUPP; or at prep, -EINVAL) breaks the
 * link: the linked SQE completes with -ECANCELED; a successful one lets the link run (shared/kernel-uring-cmd.md
 * §2.1, §2.10).
 */
class LinkAfterFailedUringCmdCanceledTest {
    @Test
    void issueFailureCancelsTheLink() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4)); RegularFile file = new RegularFile()) {
            ring.sqe().prepUringCmd(file.fd, 0).link().userData(1);
            ring.sqe().prepNop().userData(2);
            assertEquals(List.of(new CqeRecord(1, -95, 0), new CqeRecord(2, -125, 0)), RingTests.submitAndReap(ring, 2));
        }
    }

    @Test
    void prepFailureCancelsTheLink() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4))) {
            int devNull = KernelTests.openDevNull();
            try {
                ring.sqe().prepUringCmd(devNull, 0).pad1(1).link().userData(1);
                ring.sqe().prepNop().userData(2);
                assertEquals(List.of(new CqeRecord(1, -22, 0), new CqeRecord(2, -125, 0)), RingTests.submitAndReap(ring, 2));
            } finally {
                Fds.close(devNull);
            }
        }
    }

    @Test
    void successRunsTheLink() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4))) {
            int devNull = KernelTests.openDevNull();
            try {
                ring.sqe().prepUringCmd(devNull, 0).link().userData(1);
                ring.sqe().prepNop().userData(2);
                assertEquals(List.of(new CqeRecord(1, 0, 0), new CqeRecord(2, 0, 0)), RingTests.submitAndReap(ring, 2));
            } finally {
                Fds.close(devNull);
            }
        }
    }
}
