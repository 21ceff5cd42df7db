package io.uringcmd.embedded;

import io.uringcmd.abi.Errno;
import io.uringcmd.driver.DeviceException;
import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import static io.uringcmd.RingTests.*;
import static io.uringcmd.embedded.EmbeddedTests.*;
import static org.junit.jupiter.api.Assertions.*;

/** Description: a device's uringCmd that throws DeviceException(errno) completes the command with -errno (not a device error). */
class DeviceExceptionGivesItsErrnoTest {
    @Test
    void errnoReachesTheCqe() {
        try (var fx = fixture((cmd, f) -> { throw new DeviceException(Errno.EPERM, "not allowed"); })) {
            fx.ring.sqe().prepUringCmd(fx.fd, 0).userData(3);
            assertEquals(new CqeRecord(3, -1, 0), submitOne(fx.ring));
            assertEquals(0, fx.stats().deviceErrors());
        }
    }
}
