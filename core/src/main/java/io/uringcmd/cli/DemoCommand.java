package io.uringcmd.cli;

import io.uringcmd.embedded.Engine;
import io.uringcmd.embedded.Host;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import io.uringcmd.samples.RustMiscDeviceSample;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.Callable;

import static io.uringcmd.samples.RustMiscDeviceSample.*;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * {@code uringcmd demo}: the Rust misc-device sample on an embedded host, driven by the same ring client as the
 * kernel: ioctl, uring_cmd SET/GET completed immediately and queued, a cancelable WAIT, then error cases, each SQE
 * and CQE traced. Every CQE is checked; the exit status is 0 only if all were as expected.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the Rust misc-device sample (ported to Java) on the embedded host and traces every SQE and CQE.")
public final class DemoCommand implements Callable<Integer> {

    @Override
    public Integer call() { return run(System.out); }

    /** Runs the demo, printing to {@code out}; 0 when every CQE was as expected. */
    public static int run(PrintStream out) {
        Trace trace = new Trace(out, RustMiscDeviceSample.COMMANDS);
        out.println("uringcmd demo: the seed's Rust misc-device sample, ported to Java, on the embedded host");
        try (Host host = new Host()) {
            host.register("rust-misc-device", new RustMiscDeviceSample());
            int fd = host.open("/dev/rust-misc-device");
            trace.note("open(\"/dev/rust-misc-device\") = " + fd);
            long hello = host.ioctl(fd, HELLO.value(), 0);
            trace.note("ioctl(" + fd + ", " + trace.cmdOpName(HELLO.value()) + ") = " + hello);
            trace.check(hello == 0, "HELLO gave " + hello);
            MemorySegment value = host.allocate(4), out2 = host.allocate(4);
            Engine engine;
            try (IoUring<Sqe64> ring = host.setup(RingSetup.entries(8).cqe32())) {
                engine = (Engine) ring.backend();
                trace.note("io_uring_setup(8, IORING_SETUP_CQE32) on the embedded host: 32-byte CQEs carry res2");
                immediate(trace, ring, fd, value, out2);
                queued(trace, ring, fd, out2);
                cancelable(trace, ring, fd, value);
                errors(trace, ring, fd, value);
                multishot(trace, host);
            }
            trace.section("accounting");
            Engine.Stats s = engine.stats();
            trace.note("SQEs consumed " + s.consumed() + ", CQEs posted " + s.terminalCqes() + ", still in flight "
                    + s.inFlight() + ": every SQE got exactly one CQE");
            trace.check(s.inFlight() == 0 && s.consumed() == s.terminalCqes(), "accounting: " + s);
        }
        out.println();
        out.println(trace.ok() ? "demo OK" : "demo FAILED: see UNEXPECTED above");
        return trace.ok() ? 0 : 1;
    }

    /** Command data for the sample: the user address of the int it reads or writes. */
    private static MemorySegment pointerTo(MemorySegment target) {
        return MemorySegment.ofArray(new long[]{target.address(), 0});
    }

    private static void immediate(Trace trace, IoUring<Sqe64> ring, int fd, MemorySegment value, MemorySegment out) {
        trace.section("uring_cmd SET_VALUE and GET_VALUE, completed immediately by the device");
        value.set(JAVA_INT, 0, 42);
        trace.sqe(ring.sqe().prepUringCmd(fd, URING_SET_VALUE.value(), pointerTo(value)).userData(1), "command data -> int 42");
        trace.sqe(ring.sqe().prepUringCmd(fd, URING_GET_VALUE.value(), pointerTo(out)).userData(2), "command data -> an int to fill");
        trace.submit(ring);
        trace.expect(ring, new CqeRecord(1, 0, 0), new CqeRecord(2, 0, 0, 42, 0));
        trace.note("user memory after GET: " + out.get(JAVA_INT, 0) + " (and res2 = the value, io_uring_cmd_done32)");
        trace.check(out.get(JAVA_INT, 0) == 42, "GET wrote " + out.get(JAVA_INT, 0));
    }

    private static void queued(Trace trace, IoUring<Sqe64> ring, int fd, MemorySegment out) {
        trace.section("uring_cmd GET_QUEUED: queued, completed by another thread through task work");
        out.set(JAVA_INT, 0, 0);
        trace.sqe(ring.sqe().prepUringCmd(fd, URING_GET_QUEUED.value(), pointerTo(out)).userData(3));
        trace.submit(ring);
        trace.expect(ring, new CqeRecord(3, 0, 0, 42, 0));
        trace.check(out.get(JAVA_INT, 0) == 42, "GET_QUEUED wrote " + out.get(JAVA_INT, 0));
    }

    private static void cancelable(Trace trace, IoUring<Sqe64> ring, int fd, MemorySegment value) {
        trace.section("uring_cmd WAIT_VALUE: queued and cancelable; SET wakes it, ASYNC_CANCEL cancels it");
        trace.sqe(ring.sqe().prepUringCmd(fd, URING_WAIT_VALUE.value()).userData(4), "waits for the value to change");
        trace.submit(ring);
        value.set(JAVA_INT, 0, 43);
        trace.sqe(ring.sqe().prepUringCmd(fd, URING_SET_VALUE.value(), pointerTo(value)).userData(5), "command data -> int 43");
        trace.submit(ring);
        trace.expect(ring, new CqeRecord(5, 0, 0), new CqeRecord(4, 43, 0));
        trace.sqe(ring.sqe().prepUringCmd(fd, URING_WAIT_VALUE.value()).userData(6));
        trace.sqe(ring.sqe().prepAsyncCancel(6).userData(7), "the device gets a call with IO_URING_F_CANCEL");
        trace.submit(ring);
        trace.expect(ring, new CqeRecord(7, 0, 0), new CqeRecord(6, -125, 0));
    }

    private static void errors(Trace trace, IoUring<Sqe64> ring, int fd, MemorySegment value) {
        trace.section("errors: unknown cmd_op, a pointer outside user memory, a bad fd, a bad SQE");
        trace.sqe(ring.sqe().prepUringCmd(fd, 0x1234, pointerTo(value)).userData(8), "the sample knows no such command");
        trace.sqe(ring.sqe().prepUringCmd(fd, URING_GET_VALUE.value(), MemorySegment.ofArray(new long[]{0xdead0000L, 0}))
                .userData(9), "command data -> 0xdead0000, not user memory");
        trace.sqe(ring.sqe().prepUringCmd(999, URING_GET_VALUE.value()).userData(10), "no such fd");
        trace.sqe(ring.sqe().prepUringCmd(fd, URING_GET_VALUE.value()).uringCmdFlags(1 << 30).userData(11),
                "a kernel-internal uring_cmd flag");
        trace.submit(ring);
        trace.expect(ring, new CqeRecord(8, -25, 0), new CqeRecord(9, -14, 0), new CqeRecord(10, -9, 0),
                new CqeRecord(11, -22, 0));
    }

    /**
     * The multishot stream: an event device delivers events from several sources into provided buffers through one
     * MULTISHOT uring_cmd; the stream ends with -ENOBUFS when the client stops recycling, and is re-armed.
     */
    static void multishot(Trace trace, Host host) {
        MultishotDemoSection.run(trace, host);
    }
}
