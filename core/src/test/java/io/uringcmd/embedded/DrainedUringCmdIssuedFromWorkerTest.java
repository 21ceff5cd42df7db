package io.uringcmd.embedded;

import io.uringcmd.driver.IssueFlags;
import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.uringcmd.RingTests.*;
import static io.uringcmd.embedded.EmbeddedTests.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: a uring_cmd submitted with IOSQE_IO_DRAIN, or while a drain is active, is issued like the kernel's
 * REQ_F_FORCE_ASYNC requests (io_init_req: "knock it to the slow queue path"): from a worker, with
 * IO_URING_F_UNLOCKED|IO_URING_F_IOWQ and without NONBLOCK; a command before the drain is issued inline.
 */
class DrainedUringCmdIssuedFromWorkerTest {
    @Test
    void drainedCommandsRunInAWorker() {
        List<Integer> bits = Collections.synchronizedList(new ArrayList<>());
        try (var fx = fixture((cmd, f) -> {
            bits.add(f.raw());
            return cmd.complete(cmd.sqe().cmdOp());
        })) {
            fx.ring.sqe().prepUringCmd(fx.fd, 1).userData(1);
            fx.ring.sqe().prepUringCmd(fx.fd, 2).userData(2).drain();
            fx.ring.sqe().prepUringCmd(fx.fd, 3).userData(3);
            assertEquals(List.of(new CqeRecord(1, 1, 0), new CqeRecord(2, 2, 0), new CqeRecord(3, 3, 0)), submitAndReap(fx.ring, 3));
            int inline = IssueFlags.IO_URING_F_NONBLOCK | IssueFlags.IO_URING_F_COMPLETE_DEFER | IssueFlags.IO_URING_F_INLINE;
            int iowq = IssueFlags.IO_URING_F_UNLOCKED | IssueFlags.IO_URING_F_IOWQ;
            assertEquals(List.of(inline, iowq, iowq), bits);
        }
    }
}
