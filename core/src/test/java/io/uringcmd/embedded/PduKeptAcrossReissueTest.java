package io.uringcmd.embedded;

import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import static io.uringcmd.RingTests.*;
import static io.uringcmd.embedded.EmbeddedTests.*;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: the pdu is zeroed at prep only, not at a reissue (the Rust review asked for "!REISSUE"): what the
 * inline issue wrote there is what the worker's issue reads.
 */
class PduKeptAcrossReissueTest {
    @Test
    void workerSeesTheInlineIssuesPdu() {
        try (var fx = fixture((cmd, f) -> {
            var pdu = cmd.pdu(JAVA_INT);
            if (f.nonblock()) {
                pdu.set(JAVA_INT, 0, 4242);
                return cmd.reissue();
            }
            return cmd.complete(pdu.get(JAVA_INT, 0));
        })) {
            fx.ring.sqe().prepUringCmd(fx.fd, 0).userData(1);
            assertEquals(new CqeRecord(1, 4242, 0), submitOne(fx.ring));
        }
    }
}
