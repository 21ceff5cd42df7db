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
 * Description: a request linked after a queued uring_cmd is issued only when the command completes: after success it
 * runs; after a failure IO_LINK cancels it (-ECANCELED) and IO_HARDLINK still runs it (kernel-uring-cmd.md §2.10).
 */
class LinkAfterQueuedCmdTest {
    @Test
    void linkFollowsTheQueuedResult() {
        List<QueuedCmd> handles = Collections.synchronizedList(new ArrayList<>());
        try (var fx = fixture((cmd, f) -> {
            QueuedCmd q = cmd.queue();
            handles.add(q);
            return q.queued();
        })) {
            var ring = fx.ring;
            ring.sqe().prepUringCmd(fx.fd, 0).userData(1).link();
            ring.sqe().prepNop().userData(2);
            ring.sqe().prepUringCmd(fx.fd, 0).userData(3).link();
            ring.sqe().prepNop().userData(4);
            ring.sqe().prepUringCmd(fx.fd, 0).userData(5).hardlink();
            ring.sqe().prepNop().userData(6);
            assertEquals(6, ring.submit());
            assertNoCqe(ring);
            assertEquals(3, handles.size(), "only the chain heads were issued");
            handles.get(0).done(5);
            assertEquals(List.of(new CqeRecord(1, 5, 0), new CqeRecord(2, 0, 0)), reap(ring, 2));
            handles.get(1).done(-5);
            assertEquals(List.of(new CqeRecord(3, -5, 0), new CqeRecord(4, -125, 0)), reap(ring, 2));
            handles.get(2).done(-5);
            assertEquals(List.of(new CqeRecord(5, -5, 0), new CqeRecord(6, 0, 0)), reap(ring, 2));
            assertNoCqe(ring);
        }
    }
}
