package io.uringcmd.samples;

import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.RingSetup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.uringcmd.abi.Uapi.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: a client that stops recycling sees its fetch end with {res -ENOBUFS, flags 0}; the undelivered events
 * stay queued in the device, and after replenishing and re-arming they arrive in order, none lost or repeated.
 */
class EventDeviceEnobufsRearmTest {
    @Test
    void noBufferEndsTheStreamAndReArmingResumesIt() {
        try (EventFixture fx = new EventFixture(RingSetup.entries(8).cqSize(32))) {
            EventClient c = new EventClient(fx.ring, fx.fd, 1, 4, EventDevice.EVENT_SIZE);
            for (int i = 0; i < 6; i++) fx.events.raise(i % 2, 100 + i);
            c.arm(1, false);
            for (int i = 0; i < 4; i++) {
                EventClient.Delivery d = EventFixture.delivery(c);
                assertEquals(new CqeRecord(1, 16, IORING_CQE_F_MORE | IORING_CQE_F_BUFFER | i << IORING_CQE_BUFFER_SHIFT), d.cqe());
                assertEquals(new EventDevice.Event(i % 2, i, 100 + i), d.events().get(0));
            }
            EventClient.End end = EventFixture.end(c);
            assertEquals(new CqeRecord(1, -105, 0), end.cqe());
            assertEquals("no buffer left: the client stopped recycling", end.reason());
            assertEquals(List.of(), end.lostBuffers());
            assertEquals(2, fx.events.undelivered().size());

            for (int bid = 0; bid < 4; bid++) c.recycle(bid);
            c.arm(2, false);
            for (int i = 4; i < 6; i++) assertEquals(i, EventFixture.delivery(c).events().get(0).seq());
            assertTrue(c.isArmed(), "buffers left: the stream goes on");
            fx.events.raise(7, 7);
            assertEquals(new EventDevice.Event(7, 6, 7), EventFixture.delivery(c).events().get(0));
            assertEquals(7, fx.events.delivered());
            assertEquals(fx.events.raised(), fx.events.delivered());
        }
    }
}
