package io.uringcmd.samples;

import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.RingSetup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.uringcmd.abi.Uapi.IORING_CQE_F_32;
import static io.uringcmd.samples.RustMiscDeviceSample.*;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: the sample's GET_QUEUED queues the command and completes it from another thread through task work,
 * writing the value to user memory there; on a CQE_MIXED ring its CQE is 32 bytes (F_32) with the value in res2.
 */
class SampleQueuedGetTest {
    @Test
    void queuedGetCompletesLater() {
        try (var s = new SampleTests(RingSetup.entries(8).cqeMixed())) {
            s.value.set(JAVA_INT, 0, 99);
            s.cmd(URING_SET_VALUE, s.value, 1);
            var out = s.host.allocate(4);
            s.cmd(URING_GET_QUEUED, out, 2);
            s.ring.submit();
            var got = s.reap(2);
            assertEquals(List.of(new CqeRecord(1, 0, 0), new CqeRecord(2, 0, IORING_CQE_F_32, 99, 0)), got);
            assertEquals(99, out.get(JAVA_INT, 0));
            s.assertNoCqe();
        }
    }
}
