package io.uringcmd.embedded;

import io.uringcmd.driver.IoUringCmd;
import io.uringcmd.driver.IssueFlags;
import io.uringcmd.driver.MiscDevice;
import io.uringcmd.driver.OpenContext;
import io.uringcmd.driver.UringCmdAction;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.RingSetup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.uringcmd.RingTests.*;
import static io.uringcmd.embedded.EmbeddedTests.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: a device whose release throws an Error (an AssertionError) is ignored like any release failure
 * (docs/DRIVER.md): close(fd) returns 0, and when a request held the last reference the CQE batch that frees it is
 * posted exactly once and the ring keeps serving.
 */
class ReleaseErrorIgnoredTest {
    static class Dev implements MiscDevice<Object>, MiscDevice.UringCmd<Object> {
        @Override public Object open(OpenContext c) { return new Object(); }
        @Override public void release(Object f) { throw new AssertionError("device assertion in release"); }
        @Override public UringCmdAction uringCmd(Object f, IoUringCmd cmd, IssueFlags flags) { return cmd.complete(1); }
    }

    @Test
    void releaseInTheCqeFlushPostsTheBatchOnce() {
        try (Host host = new Host()) {
            int[] fd = new int[1];
            host.register("dev", new Dev() {
                @Override public UringCmdAction uringCmd(Object f, IoUringCmd cmd, IssueFlags flags) {
                    host.close(fd[0]); // the request now holds the last reference: release runs when the batch frees it
                    return cmd.complete(1);
                }
            });
            fd[0] = host.open("/dev/dev");
            var ring = host.setup(RingSetup.entries(8));
            Engine engine = (Engine) ring.backend();
            ring.sqe().prepUringCmd(fd[0], 0).userData(1);
            ring.sqe().prepNop().userData(2);
            ring.sqe().prepNop().userData(3);
            assertEquals(List.of(new CqeRecord(1, 1, 0), new CqeRecord(2, 0, 0), new CqeRecord(3, 0, 0)), submitAndReap(ring, 3));
            ring.sqe().prepNop().userData(4);
            assertEquals(List.of(new CqeRecord(4, 0, 0)), submitAndReap(ring, 1));
            ring.close();
            assertEquals(4, engine.stats().cqesPosted());
            assertAllEnded(engine.stats());
        }
    }

    @Test
    void batchPostedOnce() {
        try (Host host = new Host()) {
            host.register("dev", new Dev());
            int fd = host.open("/dev/dev");
            var ring = host.setup(RingSetup.entries(8));
            Engine engine = (Engine) ring.backend();
            ring.sqe().prepUringCmd(fd, 0).userData(1);
            ring.sqe().prepNop().userData(2);
            ring.sqe().prepNop().userData(3);
            assertEquals(0, host.close(fd));
            assertEquals(List.of(new CqeRecord(1, -9, 0), new CqeRecord(2, 0, 0), new CqeRecord(3, 0, 0)), submitAndReap(ring, 3));
            ring.sqe().prepNop().userData(4);
            assertEquals(List.of(new CqeRecord(4, 0, 0)), submitAndReap(ring, 1));
            ring.close();
            assertEquals(4, engine.stats().cqesPosted());
            assertAllEnded(engine.stats());
        }
    }
}
