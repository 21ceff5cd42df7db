package io.uringcmd.samples;

import io.uringcmd.ring.RingSetup;
import org.junit.jupiter.api.Test;

import static io.uringcmd.samples.RustMiscDeviceSample.*;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.*;

/** Description: the sample's show_fdinfo reports its per-open value and the number of pending WAITs. */
class SampleFdinfoTest {
    @Test
    void fdinfoShowsValueAndWaiters() {
        try (var s = new SampleTests(RingSetup.entries(8))) {
            s.value.set(JAVA_INT, 0, 12);
            assertEquals(0, s.host.ioctl(s.fd, SET_VALUE.value(), s.value.address()));
            assertEquals("path:\t/dev/rust-misc-device\nflags:\t02\nvalue:\t12\nwaiters:\t0\n", s.host.fdinfo(s.fd));
        }
    }
}
