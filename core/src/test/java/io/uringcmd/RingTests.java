package io.uringcmd;

import io.uringcmd.ring.Cqe;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Exact CQE reaping for the tests of every backend (kernel, embedded host, samples). Not a test. */
public final class RingTests {
    private RingTests() {}

    /** Waits for and copies exactly {@code n} CQEs, in order. A lost CQE fails after 10 s instead of hanging. */
    public static List<CqeRecord> reap(IoUring<?> ring, int n) {
        List<CqeRecord> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Cqe c = ring.waitCqe(Duration.ofSeconds(10));
            assertNotNull(c, () -> "expected " + n + " CQEs, got " + out);
            out.add(c.copy());
            ring.cqeSeen();
        }
        return out;
    }

    /** Submits what is queued, waits for {@code n} CQEs, copies them, and checks no further CQE is ready. */
    public static List<CqeRecord> submitAndReap(IoUring<?> ring, int n) {
        ring.submit();
        List<CqeRecord> out = reap(ring, n);
        assertNoCqe(ring);
        return out;
    }

    /** Submits the one SQE queued and returns its CQE (and checks it is the only one). */
    public static CqeRecord submitOne(IoUring<?> ring) {
        assertEquals(1, ring.sqReady(), "exactly one SQE should be queued");
        return submitAndReap(ring, 1).getFirst();
    }

    public static void assertNoCqe(IoUring<?> ring) {
        Cqe c = ring.peekCqe();
        assertNull(c, () -> "unexpected CQE " + c);
    }
}
