package io.uringcmd.embedded;

import io.uringcmd.driver.DeviceException;
import io.uringcmd.driver.IoUringCmd;
import io.uringcmd.driver.IssueFlags;
import io.uringcmd.driver.MiscDevice;
import io.uringcmd.driver.OpenContext;
import io.uringcmd.driver.UringCmdAction;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Helpers shared by the embedded-host tests: a host with one device and a ring (CQE reaping: {@link io.uringcmd.RingTests}). Not a test. */
final class EmbeddedTests {
    private EmbeddedTests() {}

    /** What a test device does with a command: the body of its uringCmd. */
    @FunctionalInterface
    interface Handler {
        UringCmdAction handle(IoUringCmd cmd, IssueFlags flags) throws DeviceException;
    }

    /** A device whose uringCmd is a lambda; counts opens and releases. */
    static final class LambdaDevice implements MiscDevice<Object>, MiscDevice.UringCmd<Object> {
        final Handler handler;
        volatile int opens, releases;

        LambdaDevice(Handler handler) { this.handler = handler; }

        @Override public Object open(OpenContext c) { opens++; return new Object(); }
        @Override public void release(Object f) { releases++; }
        @Override public UringCmdAction uringCmd(Object f, IoUringCmd cmd, IssueFlags flags) throws DeviceException {
            return handler.handle(cmd, flags);
        }
    }

    /** A host with {@code /dev/dev} driven by a handler, its fd, and a ring. */
    static final class Fixture<S extends Sqe> implements AutoCloseable {
        final Host host = new Host();
        final LambdaDevice device;
        final int fd;
        final IoUring<S> ring;
        private final Engine engine;

        Fixture(RingSetup<S> setup, Handler handler) {
            device = new LambdaDevice(handler);
            host.register("dev", device);
            fd = host.open("/dev/dev");
            ring = host.setup(setup);
            engine = (Engine) ring.backend(); // kept: backend() throws once the ring is closed
        }

        Engine engine() { return engine; }

        Engine.Stats stats() { return engine().stats(); }

        @Override
        public void close() { host.close(); }
    }

    static Fixture<io.uringcmd.ring.Sqe64> fixture(Handler handler) { return new Fixture<>(RingSetup.entries(8), handler); }

    /** Every SQE the engine consumed has ended with exactly one CQE or a successful skip. */
    static void assertAllEnded(Engine.Stats stats) {
        assertEquals(0, stats.inFlight(), () -> "SQEs consumed and not ended: " + stats);
        assertEquals(0, stats.doneAfterClose(), () -> "device completions dropped after close: " + stats);
    }

    /** A user pointer as 16 bytes of command data: what the sample's commands expect. */
    static java.lang.foreign.MemorySegment pointerCmd(java.lang.foreign.MemorySegment target) {
        return java.lang.foreign.MemorySegment.ofArray(new long[]{target.address(), 0});
    }
}
