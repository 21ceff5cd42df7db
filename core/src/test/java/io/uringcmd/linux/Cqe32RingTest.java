package io.uringcmd.linux;

import io.uringcmd.RingTests;
import io.uringcmd.ring.Cqe;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.uringcmd.abi.Uapi.IORING_NOP_CQE32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Description: on a CQE32 ring every CQE is 32 bytes: a uring_cmd completed by the issue path (socket SIOCINQ,
 * /dev/null, an error) has big_cqe {0, 0}; a NOP with IORING_NOP_CQE32 carries sqe->off and sqe->addr as big_cqe[0]
 * and [1] (res2/extra2); on a 16-byte ring NOP_CQE32 is -EINVAL (shared/kernel-uring-cmd.md §1.3, §2.3 rule 9,
 * §2.6 rule 5; nop.c io_nop_prep, pinned on 6.18.44).
 */
class Cqe32RingTest {
    @Test
    void uringCmdCqesHaveZeroBigWords() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4).cqe32()); FdPair tcp = Fds.tcpPair()) {
            int devNull = KernelTests.openDevNull();
            try {
                Fds.write(tcp.first(), new byte[3]);
                ring.sqe().prepSiocinq(tcp.second()).userData(1);
                ring.sqe().prepUringCmd(devNull, 0).userData(2);
                ring.sqe().prepUringCmd(KernelTests.BAD_FD, 0).userData(3);
                ring.submit();
                List<CqeRecord> got = RingTests.reap(ring, 3);
                assertEquals(List.of(new CqeRecord(1, 3, 0, 0, 0), new CqeRecord(2, 0, 0, 0, 0), new CqeRecord(3, -9, 0, 0, 0)), got);
            } finally {
                Fds.close(devNull);
            }
        }
    }

    @Test
    void nopCqe32CarriesOffAndAddr() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4).cqe32())) {
            ring.sqe().prepNop().nopFlags(IORING_NOP_CQE32).off(0x1122334455667788L).addr(-2L).userData(7);
            ring.sqe().prepNopInject(-5).nopFlags(IORING_NOP_CQE32 | 1).off(1).addr(2).userData(8);
            ring.sqe().prepNop().userData(9).off(33).addr(44);
            ring.submit();
            Cqe c = ring.waitCqe();
            assertTrue(c.is32());
            assertEquals(0x1122334455667788L, c.res2());
            assertEquals(-2L, c.extra2());
            assertEquals(List.of(new CqeRecord(7, 0, 0, 0x1122334455667788L, -2L), new CqeRecord(8, -5, 0, 1, 2),
                    new CqeRecord(9, 0, 0, 0, 0)), RingTests.reap(ring, 3));
            RingTests.assertNoCqe(ring);
        }
    }

    @Test
    void nopCqe32OnA16ByteRingIsEinval() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(2))) {
            ring.sqe().prepNop().nopFlags(IORING_NOP_CQE32).off(1).addr(2).userData(1);
            assertEquals(new CqeRecord(1, -22, 0), RingTests.submitOne(ring));
        }
    }
}
