package io.uringcmd.embedded;

import io.uringcmd.abi.Opcode;
import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import static io.uringcmd.RingTests.*;
import static io.uringcmd.embedded.EmbeddedTests.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: an opcode the embedded host does not implement (e.g. READ, POLL_ADD) passes the generic checks and
 * then fails prep with -EOPNOTSUPP, like the kernel's io_eopnotsupp_prep (so submission stops there; a deliberate
 * deviation for opcodes 6.18 does implement: docs/DEVIATIONS.md); a generic check still comes first (ioprio on an
 * op without ioprio: -EINVAL), and PROBE does not list it as supported.
 */
class UnmodelledOpcodeEopnotsuppTest {
    @Test
    void unimplementedOpIsEopnotsupp() {
        try (var fx = fixture((cmd, f) -> cmd.complete(0))) {
            fx.ring.sqe().reset().opcode(Opcode.READ).fd(fx.fd).userData(1);
            fx.ring.sqe().reset().opcode(Opcode.POLL_ADD).fd(fx.fd).userData(2);
            fx.ring.sqe().reset().opcode(Opcode.POLL_ADD).fd(fx.fd).ioprio(1).userData(3);
            assertEquals(1, fx.ring.submit(), "a prep failure stops submission after the failed SQE");
            assertEquals(new CqeRecord(1, -95, 0), reap(fx.ring, 1).getFirst());
            assertEquals(1, fx.ring.submit());
            assertEquals(new CqeRecord(2, -95, 0), reap(fx.ring, 1).getFirst());
            assertEquals(1, fx.ring.submit());
            assertEquals(new CqeRecord(3, -22, 0), reap(fx.ring, 1).getFirst());
            assertNoCqe(fx.ring);
            var probe = fx.ring.probe();
            assertFalse(probe.isSupported(Opcode.READ));
            assertTrue(probe.isSupported(Opcode.URING_CMD));
        }
    }
}
