package io.uringcmd.embedded;

import io.uringcmd.abi.Errno;
import io.uringcmd.driver.DeviceException;
import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: on a command without IORING_URING_CMD_MULTISHOT, buffer selection is -EINVAL and a post does nothing
 * but return true (io_uring_cmd_buffer_select and io_uring_mshot_cmd_post_cqe step 1, kernel-uring-cmd.md §3.3.1,
 * §3.4.1).
 */
class MultishotNotMultishotCommandTest {
    @Test
    void selectIsEinvalAndPostReturnsTrue() {
        try (MshotFixture fx = new MshotFixture()) {
            TestBufRing bufs = TestBufRing.full(fx.ring, 0, 4, 8);
            fx.dev.onIssue = (cmd, f) -> {
                assertTrue(f.postCqe(cmd, null, 3));
                DeviceException e = assertThrows(DeviceException.class, () -> f.bufferSelect(cmd, 0, 0));
                assertEquals(Errno.EINVAL, e.errno());
                throw e;
            };
            fx.ring.sqe().prepUringCmd(fx.fd, 1).userData(1);
            fx.ring.submit();
            assertEquals(List.of(new CqeRecord(1, -22, 0)), fx.reap());
            assertEquals(0, bufs.head());
        }
    }
}
