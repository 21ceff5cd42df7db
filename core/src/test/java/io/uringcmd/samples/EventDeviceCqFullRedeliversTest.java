package io.uringcmd.samples;

import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.RingSetup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.uringcmd.abi.Uapi.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: when the CQ is full the event's post fails: its buffer is consumed without a CQE (the client gets it
 * back by comparing PBUF_STATUS's head with the CQEs it saw), the device puts the event back at the front of its
 * FIFO and ends with -ENOBUFS, and the next fetch delivers it (as ublk V6 does; kernel-uring-cmd.md §3.5).
 */
class EventDeviceCqFullRedeliversTest {
    @Test
    void theEventComesBackTheBufferToo() {
        try (EventFixture fx = new EventFixture(RingSetup.entries(1))) { // a CQ of 2
            EventClient c = new EventClient(fx.ring, fx.fd, 1, 8, EventDevice.EVENT_SIZE);
            for (int i = 0; i < 4; i++) fx.events.raise(3, i);
            c.arm(1, false); // 2 events fill the CQ; the 3rd post fails
            assertEquals(0, EventFixture.delivery(c).events().get(0).seq());
            assertEquals(1, EventFixture.delivery(c).events().get(0).seq());
            EventClient.End end = EventFixture.end(c);
            assertEquals(new CqeRecord(1, -105, 0), end.cqe());
            assertEquals("the CQ was full: a post failed, its event stays queued in the device", end.reason());
            assertEquals(List.of(2), end.lostBuffers(), "buffer 2 was consumed by the failed post");
            assertEquals(1, fx.events.putBack());
            assertEquals(List.of(2, 3), fx.events.undelivered().stream().map(EventDevice.Event::seq).toList());

            for (int bid : List.of(0, 1, 2)) c.recycle(bid);
            c.arm(2, false);
            assertEquals(new CqeRecord(2, 16, IORING_CQE_F_MORE | IORING_CQE_F_BUFFER | 3 << IORING_CQE_BUFFER_SHIFT),
                    EventFixture.delivery(c).cqe());
            assertEquals(3, EventFixture.delivery(c).events().get(0).seq());
            assertEquals(4, fx.events.delivered());
        }
    }
}
