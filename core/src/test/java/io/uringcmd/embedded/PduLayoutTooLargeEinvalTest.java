package io.uringcmd.embedded;

import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemoryLayout;

import static io.uringcmd.RingTests.*;
import static io.uringcmd.embedded.EmbeddedTests.*;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.*;

/** Description: a pdu layout larger than 32 bytes is -EINVAL (the Rust read_pdu/write_pdu rule); 32 bytes fits. */
class PduLayoutTooLargeEinvalTest {
    @Test
    void over32BytesIsEinval() {
        try (var fx = fixture((cmd, f) ->
                cmd.complete((int) cmd.pdu(MemoryLayout.sequenceLayout(cmd.sqe().cmdOp(), JAVA_LONG)).byteSize()))) {
            fx.ring.sqe().prepUringCmd(fx.fd, 4).userData(1);
            fx.ring.sqe().prepUringCmd(fx.fd, 5).userData(2);
            assertEquals(java.util.List.of(new CqeRecord(1, 32, 0), new CqeRecord(2, -22, 0)), submitAndReap(fx.ring, 2));
        }
    }
}
