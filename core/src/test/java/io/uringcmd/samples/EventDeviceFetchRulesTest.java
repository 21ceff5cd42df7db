package io.uringcmd.samples;

import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.RingSetup;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: EVENTS_FETCH without IORING_URING_CMD_MULTISHOT is -EINVAL, a second fetch on the same file while one
 * is armed is -EBUSY, and a cancel ends the armed one with -ECANCELED.
 */
class EventDeviceFetchRulesTest {
    @Test
    void multishotOnlyOneAtATimeCancelable() {
        try (EventFixture fx = new EventFixture(RingSetup.entries(8))) {
            EventClient c = new EventClient(fx.ring, fx.fd, 1, 4, EventDevice.EVENT_SIZE);
            fx.ring.sqe().prepUringCmd(fx.fd, EventDevice.FETCH.value()).userData(7);
            fx.ring.submit();
            assertEquals(new CqeRecord(7, -22, 0), ((EventClient.Other) EventFixture.next(c)).cqe());
            c.arm(1, false);
            fx.ring.sqe().prepUringCmd(fx.fd, EventDevice.FETCH.value()).multishot(1).userData(8);
            fx.ring.submit();
            assertEquals(new CqeRecord(8, -16, 0), ((EventClient.Other) EventFixture.next(c)).cqe());
            c.cancel(9);
            assertEquals(new CqeRecord(9, 0, 0), ((EventClient.Other) EventFixture.next(c)).cqe());
            assertEquals(new CqeRecord(1, -125, 0), EventFixture.end(c).cqe());
            assertFalse(fx.events.armed());
        }
    }
}
