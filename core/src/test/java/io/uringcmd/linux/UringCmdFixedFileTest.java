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
 * Description: with IOSQE_FIXED_FILE, sqe->fd is an index into the registered file table: a socket SIOCINQ through a
 * fixed slot gives the same result as through its fd; an empty slot (-1) gives -EBADF (shared/kernel-uring-cmd.md
 * §1.2, §2.1 rule 8).
 */
class UringCmdFixedFileTest {
    @Test
    void fixedFileSlotsReachTheirFiles() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4)); FdPair tcp = Fds.tcpPair()) {
            ring.registerFiles(-1, tcp.second());
            Fds.write(tcp.first(), new byte[9]);
            ring.sqe().prepSiocinq(1).fixedFile().userData(1);
            ring.sqe().prepSiocinq(tcp.second()).userData(2);
            ring.sqe().prepSiocinq(0).fixedFile().userData(3);
            assertEquals(List.of(new CqeRecord(1, 9, 0), new CqeRecord(2, 9, 0), new CqeRecord(3, -9, 0)),
                    RingTests.submitAndReap(ring, 3));
            ring.unregisterFiles();
        }
    }
}
