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
 * Description: IOSQE_CQE_SKIP_SUCCESS on a uring_cmd that succeeds posts no CQE; one that fails still posts its error
 * (shared/kernel-uring-cmd.md §2.10).
 */
class UringCmdCqeSkipSuccessTest {
    @Test
    void successfulCmdPostsNoCqe() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4)); RegularFile file = new RegularFile()) {
            int devNull = KernelTests.openDevNull();
            try {
                ring.sqe().prepUringCmd(devNull, 0).skipSuccess().userData(1);
                ring.sqe().prepUringCmd(file.fd, 0).skipSuccess().userData(2);
                ring.sqe().prepNop().userData(3);
                // Two CQEs: the failure and the NOP; the successful cmd's is skipped.
                assertEquals(List.of(new CqeRecord(2, -95, 0), new CqeRecord(3, 0, 0)), RingTests.submitAndReap(ring, 2));
            } finally {
                Fds.close(devNull);
            }
        }
    }
}
