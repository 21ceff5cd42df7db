package io.uringcmd.linux;

import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Description: NOPs come back with their user_data, res 0 and flags 0, in submission order; injected results come back as res. */
class NopUserDataRoundTripTest {
    @Test
    void nopsEchoUserDataAndInjectedResults() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(8))) {
            ring.sqe().prepNop().userData(0xdeadbeefcafeL);
            ring.sqe().prepNopInject(-22).userData(2);
            ring.sqe().prepNopInject(1234).userData(-1L);
            assertEquals(3, ring.submitAndWait(3));
            List<CqeRecord> got = new ArrayList<>();
            ring.forEachCqe(c -> got.add(c.copy()));
            assertEquals(List.of(new CqeRecord(0xdeadbeefcafeL, 0, 0), new CqeRecord(2, -22, 0), new CqeRecord(-1L, 1234, 0)), got);
        }
    }
}
