package io.uringcmd.embedded;

import io.uringcmd.abi.Errno;
import io.uringcmd.driver.CmdOp;
import io.uringcmd.driver.DeviceException;
import io.uringcmd.driver.MiscDevice;
import io.uringcmd.driver.OpenContext;
import io.uringcmd.driver.UserAccess;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: Host.ioctl calls the device's Ioctl with a typed cmd and checked user memory: its result, -errno for a
 * DeviceException, -EIO for any other exception, -EFAULT for a bad pointer, -ENOTTY for a device without Ioctl
 * (not called), -EBADF for an fd that is not open.
 */
class IoctlTest {
    static final class Dev implements MiscDevice<Object>, MiscDevice.Ioctl<Object> {
        @Override public Object open(OpenContext c) { return new Object(); }
        @Override public long ioctl(Object f, CmdOp cmd, long arg, UserAccess user) throws DeviceException {
            return switch (cmd.nr()) {
                case 1 -> { user.slice(arg, cmd.size()).writeInt(1234); yield 0; }
                case 2 -> throw new DeviceException(Errno.EPERM);
                case 3 -> throw new IllegalStateException("device bug");
                default -> 5L << 40;
            };
        }
    }

    @Test
    void ioctlResults() {
        try (Host host = new Host()) {
            host.register("io", new Dev());
            host.register("plain", (MiscDevice<Object>) c -> new Object());
            int io = host.open("/dev/io"), plain = host.open("/dev/plain");
            MemorySegment v = host.allocate(4);
            assertEquals(0, host.ioctl(io, CmdOp._IOR('x', 1, 4).value(), v.address()));
            assertEquals(1234, v.get(JAVA_INT, 0));
            assertEquals(-14, host.ioctl(io, CmdOp._IOR('x', 1, 4).value(), 0x10));
            assertEquals(-14, host.ioctl(io, CmdOp._IOR('x', 1, 8).value(), v.address()), "8 bytes do not fit a 4-byte allocation");
            assertEquals(-1, host.ioctl(io, CmdOp._IO('x', 2).value(), 0));
            assertEquals(-5, host.ioctl(io, CmdOp._IO('x', 3).value(), 0));
            assertEquals(5L << 40, host.ioctl(io, CmdOp._IO('x', 4).value(), 0));
            assertEquals(-25, host.ioctl(plain, CmdOp._IO('x', 4).value(), 0));
            assertEquals(-9, host.ioctl(999, CmdOp._IO('x', 4).value(), 0));
        }
    }
}
