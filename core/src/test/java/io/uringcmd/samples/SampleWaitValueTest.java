package io.uringcmd.samples;

import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.RingSetup;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.List;

import static io.uringcmd.samples.RustMiscDeviceSample.*;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: the sample's WAIT_VALUE stays queued (the value it saw in its pdu) until the value changes — by a
 * uring_cmd SET or an ioctl SET from another thread — and then completes with the new value; setting the same value
 * does not wake it.
 */
class SampleWaitValueTest {
    @Test
    void waitCompletesOnChange() throws Exception {
        try (var s = new SampleTests(RingSetup.entries(8))) {
            s.ring.sqe().prepUringCmd(s.fd, URING_WAIT_VALUE.value()).userData(1);
            s.ring.sqe().prepUringCmd(s.fd, URING_WAIT_VALUE.value()).userData(2);
            assertEquals(2, s.ring.submit());
            s.assertNoCqe();
            s.value.set(JAVA_INT, 0, 0);
            s.cmd(URING_SET_VALUE, s.value, 3); // the same value: no wake-up
            assertEquals(List.of(new CqeRecord(3, 0, 0)), s.submitAndReap(1));
            s.value.set(JAVA_INT, 0, 5);
            s.cmd(URING_SET_VALUE, s.value, 4);
            s.ring.submit();
            assertEquals(List.of(new CqeRecord(4, 0, 0), new CqeRecord(1, 5, 0), new CqeRecord(2, 5, 0)), s.reap(3));

            s.ring.sqe().prepUringCmd(s.fd, URING_WAIT_VALUE.value()).userData(5);
            s.ring.submit();
            MemorySegment v = s.host.allocate(4);
            v.set(JAVA_INT, 0, 6);
            Thread t = Thread.ofPlatform().start(() -> assertEquals(0, s.host.ioctl(s.fd, SET_VALUE.value(), v.address())));
            t.join();
            assertEquals(List.of(new CqeRecord(5, 6, 0)), s.reap(1));
            s.assertNoCqe();
        }
    }
}
