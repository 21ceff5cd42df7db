package io.uringcmd.samples;

import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.RingSetup;
import org.junit.jupiter.api.Test;

import static io.uringcmd.abi.Uapi.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: EVENTS_FETCH_BATCH, in the style of ublk's UBLK_U_IO_FETCH_IO_CMDS: each CQE's buffer holds as many
 * u16 tags as fit, res = 2 x count, flags F_MORE | F_BUFFER | bid << 16 (kernel-uring-cmd.md §3.7).
 */
class EventDeviceBatchTagsTest {
    @Test
    void tagsFillBuffersInOrder() {
        try (EventFixture fx = new EventFixture(RingSetup.entries(8))) {
            EventClient c = new EventClient(fx.ring, fx.fd, 2, 4, 8); // 4 tags per buffer
            for (int i = 0; i < 10; i++) fx.events.raise(0, i);
            c.arm(5, true);
            int[][] expect = {{0, 1, 2, 3}, {4, 5, 6, 7}, {8, 9}};
            for (int i = 0; i < 3; i++) {
                EventClient.Delivery d = EventFixture.delivery(c);
                assertEquals(new CqeRecord(5, 2 * expect[i].length, IORING_CQE_F_MORE | IORING_CQE_F_BUFFER | i << IORING_CQE_BUFFER_SHIFT), d.cqe());
                assertArrayEquals(expect[i], d.tags());
            }
            fx.events.raise(1, 10);
            EventClient.Delivery d = EventFixture.delivery(c);
            assertEquals(new CqeRecord(5, 2, IORING_CQE_F_MORE | IORING_CQE_F_BUFFER | 3 << IORING_CQE_BUFFER_SHIFT), d.cqe());
            assertArrayEquals(new int[] {10}, d.tags());
            assertEquals(11, fx.events.delivered());
            assertEquals(4, fx.events.posts());
        }
    }
}
