package io.uringcmd.embedded;

import io.uringcmd.abi.Errno;
import io.uringcmd.driver.DeviceException;
import io.uringcmd.driver.MiscDevice;
import io.uringcmd.ring.ErrnoException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: Host.open of a name nobody registered throws ErrnoException(ENOENT); a device whose open throws
 * DeviceException gives its errno, any other exception EIO; a second registration under one name is refused.
 */
class OpenErrorsTest {
    @Test
    void openErrors() {
        try (Host host = new Host()) {
            host.register("busy", (MiscDevice<Object>) c -> { throw new DeviceException(Errno.EBUSY); });
            host.register("buggy", (MiscDevice<Object>) c -> { throw new IllegalStateException("bug"); });
            assertEquals(Errno.ENOENT, assertThrows(ErrnoException.class, () -> host.open("/dev/none")).errnoName());
            assertEquals(Errno.EBUSY, assertThrows(ErrnoException.class, () -> host.open("/dev/busy")).errnoName());
            assertEquals(Errno.EIO, assertThrows(ErrnoException.class, () -> host.open("/dev/buggy")).errnoName());
            assertThrows(IllegalStateException.class, () -> host.register("busy", (MiscDevice<Object>) c -> null));
        }
    }
}
