package io.uringcmd.samples;

import io.uringcmd.embedded.Host;
import io.uringcmd.ring.Cqe;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The sample on a host, opened, with a ring and an int of user memory. Not a test. */
final class SampleTests implements AutoCloseable {
    final Host host = new Host();
    final int fd;
    final IoUring<? extends Sqe> ring;
    /** The user memory the commands point at. */
    final MemorySegment value;

    SampleTests(RingSetup<? extends Sqe> setup) {
        host.register("rust-misc-device", new RustMiscDeviceSample());
        fd = host.open("/dev/rust-misc-device");
        ring = host.setup(setup);
        value = host.allocate(4);
    }

    /** A uring_cmd to the sample whose command data holds {@code target}'s address. */
    Sqe cmd(io.uringcmd.driver.CmdOp op, MemorySegment target, long userData) {
        return ring.sqe().prepUringCmd(fd, op.value(), MemorySegment.ofArray(new long[]{target.address(), 0})).userData(userData);
    }

    List<CqeRecord> reap(int n) {
        List<CqeRecord> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Cqe c = ring.waitCqe(Duration.ofSeconds(10));
            assertNotNull(c, () -> "expected " + n + " CQEs, got " + out);
            out.add(c.copy());
            ring.cqeSeen();
        }
        return out;
    }

    List<CqeRecord> submitAndReap(int n) {
        ring.submit();
        List<CqeRecord> out = reap(n);
        assertNoCqe();
        return out;
    }

    void assertNoCqe() {
        Cqe c = ring.peekCqe();
        assertNull(c, () -> "unexpected CQE " + c);
    }

    @Override
    public void close() { host.close(); }
}
