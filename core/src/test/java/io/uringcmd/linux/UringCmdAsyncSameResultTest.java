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
 * Description: IOSQE_ASYNC sends a uring_cmd through io-wq (the SQE is copied first); a socket SIOCINQ and a
 * /dev/null cmd give the same CQE as inline (shared/kernel-uring-cmd.md §2.5, §2.10).
 */
class UringCmdAsyncSameResultTest {
    @Test
    void asyncGivesTheInlineResult() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4)); FdPair tcp = Fds.tcpPair()) {
            int devNull = KernelTests.openDevNull();
            try {
                Fds.write(tcp.first(), new byte[11]);
                ring.sqe().prepSiocinq(tcp.second()).userData(1);
                ring.sqe().prepSiocinq(tcp.second()).async().userData(2);
                ring.sqe().prepUringCmd(devNull, 0).async().userData(3);
                List<CqeRecord> got = RingTests.submitAndReap(ring, 3);
                // io-wq may finish in any order relative to the inline one: compare as sets by user_data.
                got = got.stream().sorted(java.util.Comparator.comparingLong(CqeRecord::userData)).toList();
                assertEquals(List.of(new CqeRecord(1, 11, 0), new CqeRecord(2, 11, 0), new CqeRecord(3, 0, 0)), got);
            } finally {
                Fds.close(devNull);
            }
        }
    }
}
