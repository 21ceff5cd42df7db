package io.uringcmd.embedded;

import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Description: a ring set up while its host closes never outlives the host: either setup throws "closed", or the ring
 * it returned is closed with the host (any later call on it throws IllegalStateException).
 */
class HostCloseRacesSetupTest {
    @Test
    void noRingOutlivesItsHost() throws Exception {
        for (int round = 0; round < 200; round++) {
            Host host = new Host();
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<IoUring<Sqe64>> setup = CompletableFuture.supplyAsync(() -> {
                await(start);
                try {
                    return host.setup(RingSetup.entries(2));
                } catch (IllegalStateException closed) {
                    return null;
                }
            });
            await(start);
            host.close();
            IoUring<Sqe64> ring = setup.get(10, TimeUnit.SECONDS);
            if (ring == null) continue;
            assertThrows(IllegalStateException.class, () -> {
                ring.sqe().prepNop();
                ring.submit();
            }, "round " + round + ": a ring outlived its host");
        }
    }

    private static void await(CyclicBarrier b) {
        try {
            b.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
