package io.uringcmd.embedded;

import io.uringcmd.driver.IoUringCmd;
import io.uringcmd.driver.IssueFlags;
import io.uringcmd.driver.MiscDevice;
import io.uringcmd.driver.OpenContext;
import io.uringcmd.driver.QueuedCmd;
import io.uringcmd.driver.UringCmdAction;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Description: a device may complete a queued command before its uringCmd returns the Queued action (in the kernel, an
 * IRQ may call io_uring_cmd_done before ->uring_cmd returns -EIOCBQUEUED; here a completer thread can win the race):
 * the CQE carries the device's res, not -EIO.
 */
class QueuedDoneBeforeReturnTest {
    static final class DoneFirst implements MiscDevice<Object>, MiscDevice.UringCmd<Object> {
        @Override public Object open(OpenContext c) { return this; }

        @Override
        public UringCmdAction uringCmd(Object f, IoUringCmd cmd, IssueFlags flags) {
            QueuedCmd q = cmd.queue();
            q.done(5);
            return q.queued();
        }
    }

    @Test
    void doneBeforeQueuedIsReturnedCompletesWithTheDevicesRes() {
        try (Host host = new Host()) {
            host.register("donefirst", new DoneFirst());
            int fd = host.open("/dev/donefirst");
            try (IoUring<Sqe64> ring = host.setup(RingSetup.entries(4))) {
                ring.sqe().prepUringCmd(fd, 1).userData(77);
                assertEquals(1, ring.submitAndWait(1));
                assertEquals(new CqeRecord(77, 5, 0), ring.waitCqe().copy());
                ring.cqeSeen();
            }
        }
    }
}
