package io.uringcmd.embedded;

import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import org.junit.jupiter.api.Test;

import static io.uringcmd.abi.Uapi.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: the embedded host has no registered ring fds: io_uring_enter with IORING_ENTER_REGISTERED_RING and
 * IORING_REGISTER_RING_FDS give -EINVAL (a deliberate deviation: the kernel looks the index up).
 */
class EnterRegisteredRingEinvalTest {
    @Test
    void registeredRingIsEinval() {
        try (Host host = new Host(); IoUring<?> ring = host.setup(RingSetup.entries(4))) {
            assertEquals(-22, ring.enter(0, 0, IORING_ENTER_REGISTERED_RING, null, 0));
            assertEquals(-22, ring.register(IORING_REGISTER_RING_FDS, ring.allocate(16), 1));
        }
    }
}
