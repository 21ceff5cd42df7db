package io.uringcmd.linux;

import io.uringcmd.RingTests;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe128;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Description: /dev/fuse's uring_cmd on an fd that no mount uses: a 64-byte-SQE ring gives -EINVAL (FUSE needs SQE128),
 * an SQE128 ring gives -EPERM (no fuse connection) for FUSE_IO_URING_CMD_REGISTER (shared/kernel-uring-cmd.md §5.3, §9).
 */
class FuseUringCmdTest {
    private static final int FUSE_IO_URING_CMD_REGISTER = 1;

    @Test
    void unmountedFuseFd() {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/fuse")), "skipped: this machine has no /dev/fuse");
        int fd = Fds.open("/dev/fuse", Fds.O_RDWR);
        try (IoUring<Sqe64> small = Linux.setup(RingSetup.entries(2));
             IoUring<Sqe128> big = Linux.setup(RingSetup.entries(2).sqe128());
             Arena a = Arena.ofConfined()) {
            small.sqe().prepUringCmd(fd, FUSE_IO_URING_CMD_REGISTER).userData(1);
            assertEquals(new CqeRecord(1, -22, 0), RingTests.submitOne(small));
            // struct fuse_uring_cmd_req {u64 flags; u64 commit_id; u16 qid; u8 padding[6]} in the 80-byte area.
            MemorySegment req = a.allocate(24);
            big.sqe().prepUringCmd80(fd, FUSE_IO_URING_CMD_REGISTER, req).userData(2);
            assertEquals(new CqeRecord(2, -1, 0), RingTests.submitOne(big));
        } finally {
            Fds.close(fd);
        }
    }
}
