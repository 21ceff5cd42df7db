package io.uringcmd.embedded;

import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.RingSetup;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;

import static io.uringcmd.RingTests.*;
import static io.uringcmd.embedded.EmbeddedTests.*;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: the command data reads as a layout of the command area — 16 bytes with 64-byte SQEs, 80 with SQE128
 * (kernel-uring-cmd.md §1.2) — and a larger layout is -EINVAL (the Rust review's choice over -EFAULT).
 */
class CmdDataLayoutTest {
    /** The device reads cmd_op bytes of command data and answers their sum, or the sqe's cmdSize when asked for 0. */
    private static final EmbeddedTests.Handler SUM = (cmd, f) -> {
        int n = cmd.sqe().cmdOp();
        if (n == 0) return cmd.complete(cmd.sqe().cmdSize());
        MemorySegment data = cmd.sqe().cmdData(MemoryLayout.sequenceLayout(n, JAVA_BYTE));
        int sum = 0;
        for (int i = 0; i < n; i++) sum += data.get(JAVA_BYTE, i);
        return cmd.complete(sum);
    };

    private static MemorySegment ones(int n) {
        MemorySegment m = MemorySegment.ofArray(new byte[n]);
        m.fill((byte) 1);
        return m;
    }

    @Test
    void sixteenByteArea() {
        try (var fx = new Fixture<>(RingSetup.entries(4), SUM)) {
            fx.ring.sqe().prepUringCmd(fx.fd, 0).userData(1);
            fx.ring.sqe().prepUringCmd(fx.fd, 16, ones(16)).userData(2);
            fx.ring.sqe().prepUringCmd(fx.fd, 17, ones(16)).userData(3);
            assertEquals(java.util.List.of(new CqeRecord(1, 16, 0), new CqeRecord(2, 16, 0), new CqeRecord(3, -22, 0)),
                    submitAndReap(fx.ring, 3));
        }
    }

    @Test
    void eightyByteAreaOnSqe128() {
        try (var fx = new Fixture<>(RingSetup.entries(4).sqe128(), SUM)) {
            fx.ring.sqe().prepUringCmd(fx.fd, 0).userData(1);
            fx.ring.sqe().prepUringCmd(fx.fd, 80, ones(80)).userData(2);
            fx.ring.sqe().prepUringCmd(fx.fd, 81, ones(80)).userData(3);
            assertEquals(java.util.List.of(new CqeRecord(1, 80, 0), new CqeRecord(2, 80, 0), new CqeRecord(3, -22, 0)),
                    submitAndReap(fx.ring, 3));
        }
    }

    @Test
    void dataIsReadOnlyAndIntsReadInPlace() {
        try (var fx = new Fixture<>(RingSetup.entries(4), (cmd, f) -> {
            MemorySegment d = cmd.sqe().cmdData(JAVA_INT);
            assertThrows(IllegalArgumentException.class, () -> d.set(JAVA_INT, 0, 1));
            return cmd.complete(d.get(JAVA_INT, 0) + cmd.sqe().cmdInt(12));
        })) {
            fx.ring.sqe().prepUringCmd(fx.fd, 0, MemorySegment.ofArray(new int[]{40, 0, 0, 2})).userData(1);
            assertEquals(new CqeRecord(1, 42, 0), submitOne(fx.ring));
        }
    }
}
