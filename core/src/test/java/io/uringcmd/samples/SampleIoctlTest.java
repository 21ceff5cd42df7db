package io.uringcmd.samples;

import io.uringcmd.ring.RingSetup;
import org.junit.jupiter.api.Test;

import static io.uringcmd.samples.RustMiscDeviceSample.*;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: the sample's ioctls as in the seed: HELLO (_IO('|', 0x80)) gives 0, SET_VALUE (_IOW('|', 0x82, 4))
 * and GET_VALUE (_IOR('|', 0x81, 4)) move the per-open value through user memory; a bad pointer is -EFAULT and an
 * unknown ioctl -ENOTTY.
 */
class SampleIoctlTest {
    @Test
    void helloSetGet() {
        try (var s = new SampleTests(RingSetup.entries(4))) {
            assertEquals(0x7c80, HELLO.value());
            assertEquals(0x80047c81, GET_VALUE.value());
            assertEquals(0x40047c82, SET_VALUE.value());
            assertEquals(0, s.host.ioctl(s.fd, HELLO.value(), 0));
            s.value.set(JAVA_INT, 0, 42);
            assertEquals(0, s.host.ioctl(s.fd, SET_VALUE.value(), s.value.address()));
            s.value.set(JAVA_INT, 0, 0);
            assertEquals(0, s.host.ioctl(s.fd, GET_VALUE.value(), s.value.address()));
            assertEquals(42, s.value.get(JAVA_INT, 0));
            assertEquals(-14, s.host.ioctl(s.fd, GET_VALUE.value(), 0x1000));
            assertEquals(-25, s.host.ioctl(s.fd, URING_GET_VALUE.value(), s.value.address()));
            int other = s.host.open("/dev/rust-misc-device");
            assertEquals(0, s.host.ioctl(other, GET_VALUE.value(), s.value.address()));
            assertEquals(0, s.value.get(JAVA_INT, 0), "each open has its own value");
        }
    }
}
