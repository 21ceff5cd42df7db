package io.uringcmd.embedded;

import io.uringcmd.driver.*;
import io.uringcmd.ring.*;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.uringcmd.abi.Uapi.*;
import static org.junit.jupiter.api.Assertions.*;

/** Description: the engine runs NOPs, a synchronous uring_cmd, a queued one completed from another thread, and errors. */
class EngineSmokeTest {
    static final class Dev implements MiscDevice<Object>, MiscDevice.UringCmd<Object> {
        @Override public Object open(OpenContext c) { return new Object(); }
        @Override public UringCmdAction uringCmd(Object f, IoUringCmd cmd, IssueFlags flags) {
            if (cmd.sqe().cmdOp() == 1) return cmd.complete(42);
            QueuedCmd q = cmd.queue();
            Thread.ofPlatform().start(() -> q.done(7, 99));
            return q.queued();
        }
    }

    @Test
    void roundTrips() {
        try (Host host = new Host()) {
            host.register("dev", new Dev());
            int fd = host.open("/dev/dev");
            try (IoUring<Sqe64> ring = host.setup(RingSetup.entries(8).cqe32())) {
                ring.sqe().prepNop().userData(1);
                ring.sqe().prepUringCmd(fd, 1).userData(2);
                ring.sqe().prepUringCmd(fd, 2).userData(3);
                ring.sqe().prepUringCmd(999, 1).userData(4);
                ring.sqe().prepUringCmd(fd, 1).pad1(1).userData(5);
                assertEquals(5, ring.submit());
                List<CqeRecord> got = new ArrayList<>();
                while (got.size() < 5) { Cqe c = ring.waitCqe(); got.add(c.copy()); ring.cqeSeen(); }
                assertEquals(List.of(new CqeRecord(1, 0, 0), new CqeRecord(2, 42, 0), new CqeRecord(4, -9, 0),
                        new CqeRecord(5, -22, 0), new CqeRecord(3, 7, 0, 99, 0)), got);
            }
        }
    }
}
