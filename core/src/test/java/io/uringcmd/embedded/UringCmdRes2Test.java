package io.uringcmd.embedded;

import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.RingSetup;
import org.junit.jupiter.api.Test;

import static io.uringcmd.abi.Uapi.IORING_CQE_F_32;
import static io.uringcmd.RingTests.*;
import static io.uringcmd.embedded.EmbeddedTests.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: res2 (complete(res, res2), io_uring_cmd_done32) reaches 32-byte CQEs only (kernel-uring-cmd.md §2.6.5):
 * big_cqe = {res2, 0} on a CQE32 ring; F_32 and big_cqe on a CQE_MIXED ring (a plain complete(res) stays 16 bytes
 * there); silently dropped on a 16-byte ring. Queued done(res, res2) behaves the same.
 */
class UringCmdRes2Test {
    private static final EmbeddedTests.Handler DEVICE = (cmd, f) -> switch (cmd.sqe().cmdOp()) {
        case 1 -> cmd.complete(7, 0x1122334455667788L);
        case 2 -> cmd.complete(8);
        default -> {
            var q = cmd.queue();
            Thread.ofPlatform().start(() -> q.done(9, -2L));
            yield q.queued();
        }
    };

    private static java.util.List<CqeRecord> run(RingSetup<?> setup) {
        try (var fx = new Fixture<>(setup, DEVICE)) {
            fx.ring.sqe().prepUringCmd(fx.fd, 1).userData(1);
            fx.ring.sqe().prepUringCmd(fx.fd, 2).userData(2);
            fx.ring.submit();
            var got = new java.util.ArrayList<>(reap(fx.ring, 2));
            fx.ring.sqe().prepUringCmd(fx.fd, 3).userData(3);
            got.add(submitOne(fx.ring));
            return got;
        }
    }

    @Test
    void cqe32RingCarriesRes2() {
        assertEquals(java.util.List.of(new CqeRecord(1, 7, 0, 0x1122334455667788L, 0), new CqeRecord(2, 8, 0, 0, 0),
                new CqeRecord(3, 9, 0, -2L, 0)), run(RingSetup.entries(4).cqe32()));
    }

    @Test
    void mixedRingSetsF32ForRes2Only() {
        assertEquals(java.util.List.of(new CqeRecord(1, 7, IORING_CQE_F_32, 0x1122334455667788L, 0), new CqeRecord(2, 8, 0),
                new CqeRecord(3, 9, IORING_CQE_F_32, -2L, 0)), run(RingSetup.entries(4).cqeMixed()));
    }

    @Test
    void sixteenByteRingDropsRes2() {
        assertEquals(java.util.List.of(new CqeRecord(1, 7, 0), new CqeRecord(2, 8, 0), new CqeRecord(3, 9, 0)),
                run(RingSetup.entries(4)));
    }
}
