package io.uringcmd.linux;

import io.uringcmd.RingTests;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import io.uringcmd.linux.KernelTests.RegularFile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Description: a uring_cmd to a file whose f_op has no uring_cmd (regular file, directory, both pipe ends, /dev/zero,
 * an io_uring fd) completes with -EOPNOTSUPP, flags 0 (shared/kernel-uring-cmd.md §2.3 rule 2, §9).
 */
class UringCmdEopnotsuppTest {
    @Test
    void filesWithoutUringCmdGiveEopnotsupp() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(8));
             IoUring<Sqe64> other = Linux.setup(RingSetup.entries(1));
             RegularFile file = new RegularFile();
             FdPair pipe = Fds.pipe()) {
            int dir = Fds.open("/tmp", Fds.O_RDONLY | Fds.O_DIRECTORY);
            int zero = Fds.open("/dev/zero", Fds.O_RDWR);
            int ringFd = ((LinuxBackend) other.backend()).ringFd();
            try {
                int[] fds = {file.fd, dir, pipe.readEnd(), pipe.writeEnd(), zero, ringFd};
                for (int i = 0; i < fds.length; i++) ring.sqe().prepUringCmd(fds[i], 0).userData(i);
                List<CqeRecord> got = RingTests.submitAndReap(ring, fds.length);
                for (int i = 0; i < fds.length; i++) assertEquals(new CqeRecord(i, -95, 0), got.get(i), "target " + i);
            } finally {
                Fds.close(dir);
                Fds.close(zero);
            }
        }
    }
}
