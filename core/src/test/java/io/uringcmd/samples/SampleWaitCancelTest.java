package io.uringcmd.samples;

import io.uringcmd.embedded.Engine;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.RingSetup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.uringcmd.samples.RustMiscDeviceSample.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: the sample's WAIT_VALUE is cancelable: ASYNC_CANCEL (an embedded-host extension) and ring close call
 * the device with the CANCEL flag and it completes the wait with -ECANCELED itself, leaving nothing for the host.
 */
class SampleWaitCancelTest {
    @Test
    void asyncCancelAndCloseCancelTheWait() {
        try (var s = new SampleTests(RingSetup.entries(8))) {
            Engine engine = (Engine) s.ring.backend();
            s.ring.sqe().prepUringCmd(s.fd, URING_WAIT_VALUE.value()).userData(1);
            s.ring.sqe().prepUringCmd(s.fd, URING_WAIT_VALUE.value()).userData(2);
            s.ring.submit();
            s.ring.sqe().prepAsyncCancel(1).userData(3);
            assertEquals(List.of(new CqeRecord(3, 0, 0), new CqeRecord(1, -125, 0)), s.submitAndReap(2));
            assertTrue(s.host.fdinfo(s.fd).contains("waiters:\t1"), s.host.fdinfo(s.fd));
            s.ring.close();
            assertTrue(s.host.fdinfo(s.fd).contains("waiters:\t0"), s.host.fdinfo(s.fd));
            assertEquals(0, engine.stats().completedAtClose(), "the device, not the host, ended the wait");
            assertEquals(0, engine.stats().inFlight());
        }
    }
}
