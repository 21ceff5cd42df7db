package io.uringcmd.samples;

import io.uringcmd.RingTests;
import io.uringcmd.embedded.Host;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe;

import java.lang.foreign.MemorySegment;
import java.util.List;

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

    List<CqeRecord> reap(int n) { return RingTests.reap(ring, n); }

    List<CqeRecord> submitAndReap(int n) { return RingTests.submitAndReap(ring, n); }

    void assertNoCqe() { RingTests.assertNoCqe(ring); }

    @Override
    public void close() { host.close(); }
}
