package io.uringcmd.embedded;

import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import static io.uringcmd.RingTests.*;
import static io.uringcmd.embedded.EmbeddedTests.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: a device whose uringCmd throws a RuntimeException (or an Error other than a VM error) completes the
 * command with -EIO, is counted in Stats.deviceErrors, and the ring keeps serving the next command.
 */
class DeviceRuntimeExceptionGivesEioTest {
    @Test
    void eioAndTheRingKeepsServing() {
        try (var fx = fixture((cmd, f) -> switch (cmd.sqe().cmdOp()) {
            case 1 -> throw new IllegalArgumentException("device bug");
            case 2 -> throw new AssertionError("device assertion");
            default -> cmd.complete(42);
        })) {
            fx.ring.sqe().prepUringCmd(fx.fd, 1).userData(1);
            fx.ring.sqe().prepUringCmd(fx.fd, 2).userData(2);
            fx.ring.sqe().prepUringCmd(fx.fd, 3).userData(3);
            assertEquals(java.util.List.of(new CqeRecord(1, -5, 0), new CqeRecord(2, -5, 0), new CqeRecord(3, 42, 0)),
                    submitAndReap(fx.ring, 3));
            assertEquals(2, fx.stats().deviceErrors());
        }
    }
}
