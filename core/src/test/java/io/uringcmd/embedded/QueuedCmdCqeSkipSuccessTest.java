package io.uringcmd.embedded;

import io.uringcmd.driver.QueuedCmd;
import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.uringcmd.RingTests.*;
import static io.uringcmd.embedded.EmbeddedTests.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: IOSQE_CQE_SKIP_SUCCESS on a queued command: completed with res >= 0 it posts no CQE (counted as a
 * skip), completed with an error it posts its CQE (kernel-uring-cmd.md §2.10).
 */
class QueuedCmdCqeSkipSuccessTest {
    @Test
    void successIsSkippedFailurePosts() {
        List<QueuedCmd> handles = Collections.synchronizedList(new ArrayList<>());
        try (var fx = fixture((cmd, f) -> {
            QueuedCmd q = cmd.queue();
            handles.add(q);
            return q.queued();
        })) {
            fx.ring.sqe().prepUringCmd(fx.fd, 0).userData(1).skipSuccess();
            fx.ring.sqe().prepUringCmd(fx.fd, 0).userData(2).skipSuccess();
            fx.ring.submit();
            handles.get(0).done(3);
            handles.get(1).done(-22);
            assertEquals(List.of(new CqeRecord(2, -22, 0)), reap(fx.ring, 1));
            assertNoCqe(fx.ring);
            assertEquals(1, fx.stats().skippedCqes());
            assertEquals(0, fx.stats().inFlight());
        }
    }
}
