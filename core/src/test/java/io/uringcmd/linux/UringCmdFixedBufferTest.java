package io.uringcmd.linux;

import io.uringcmd.RingTests;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.List;

import static io.uringcmd.abi.Uapi.IORING_URING_CMD_FIXED;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Description: IORING_URING_CMD_FIXED with registered buffers: prep does not validate buf_index (6.18), so a socket
 * SIOCINQ with FIXED and a bogus buf_index works, as does /dev/null with a registered index; the flag and index sit
 * in uring_cmd_flags and buf_index (shared/kernel-uring-cmd.md §2.2 rule 3, §5.1, §9).
 */
class UringCmdFixedBufferTest {
    @Test
    void fixedWithRegisteredBuffers() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4)); FdPair tcp = Fds.tcpPair()) {
            MemorySegment a = ring.allocatePages(4096), b = ring.allocatePages(8192);
            ring.registerBuffers(a, b);
            int devNull = KernelTests.openDevNull();
            try {
                Fds.write(tcp.first(), new byte[]{1, 2, 3, 4, 5, 6});
                Sqe64 s = ring.sqe();
                s.prepSiocinq(tcp.second()).uringCmdFixed(1000).userData(1);
                assertEquals(IORING_URING_CMD_FIXED, s.uringCmdFlags());
                ring.sqe().prepSiocinq(tcp.second()).uringCmdFixed(1).userData(2);
                ring.sqe().prepUringCmd(devNull, 0).uringCmdFixed(0).userData(3);
                assertEquals(List.of(new CqeRecord(1, 6, 0), new CqeRecord(2, 6, 0), new CqeRecord(3, 0, 0)),
                        RingTests.submitAndReap(ring, 3));
                ring.unregisterBuffers();
                // Without a table at all the socket still never imports a buffer.
                ring.sqe().prepSiocinq(tcp.second()).uringCmdFixed(0).userData(4);
                assertEquals(new CqeRecord(4, 6, 0), RingTests.submitOne(ring));
            } finally {
                Fds.close(devNull);
            }
        }
    }
}
