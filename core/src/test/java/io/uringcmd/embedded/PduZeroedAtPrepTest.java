package io.uringcmd.embedded;

import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;

import static io.uringcmd.RingTests.*;
import static io.uringcmd.embedded.EmbeddedTests.*;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: the 32-byte pdu is zeroed when a command is prepared, so a command never sees what an earlier one
 * left in its recycled request (the seed patch's zero-init; 6.18 does not zero it, kernel-uring-cmd.md §2.2.8).
 */
class PduZeroedAtPrepTest {
    @Test
    void everyCommandStartsWithAZeroPdu() {
        try (var fx = fixture((cmd, f) -> {
            MemorySegment pdu = cmd.pdu();
            assertEquals(32, pdu.byteSize());
            long nonZero = 0;
            for (long i = 0; i < 32; i++) if (pdu.get(JAVA_BYTE, i) != 0) nonZero++;
            pdu.fill((byte) 0xa5); // what a careless device leaves behind
            cmd.pdu(JAVA_LONG).set(JAVA_LONG, 0, -1L);
            return cmd.complete((int) nonZero);
        })) {
            for (int i = 0; i < 3; i++) {
                fx.ring.sqe().prepUringCmd(fx.fd, 0).userData(i);
                assertEquals(new CqeRecord(i, 0, 0), submitOne(fx.ring), "non-zero pdu bytes seen by command " + i);
            }
        }
    }
}
