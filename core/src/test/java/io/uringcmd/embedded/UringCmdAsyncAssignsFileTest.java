package io.uringcmd.embedded;

import io.uringcmd.driver.IssueFlags;
import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.uringcmd.abi.Uapi.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: an IOSQE_ASYNC uring_cmd gets its file assigned before the worker calls the device: same result as
 * inline, -EBADF for a bad fd (io_wq_submit_work assigns the file; kernel-uring-cmd.md §2.9.5, §2.10).
 */
class UringCmdAsyncAssignsFileTest {
    @Test
    void asyncFirstIssueRunsInAWorkerWithItsFile() {
        try (MshotFixture fx = new MshotFixture()) {
            fx.dev.onIssue = (cmd, f) -> cmd.complete((f.raw() & IssueFlags.IO_URING_F_IOWQ) != 0 ? 42 : -1);
            fx.ring.sqe().prepUringCmd(fx.fd, 1).addFlags(IOSQE_ASYNC).userData(1);
            fx.ring.sqe().prepUringCmd(999, 1).addFlags(IOSQE_ASYNC).userData(2);
            assertEquals(2, fx.ring.submit());
            CqeRecord a = fx.next(), b = fx.next();
            assertEquals(List.of(new CqeRecord(2, -9, 0), new CqeRecord(1, 42, 0)), List.of(a, b));
        }
    }
}
