package io.uringcmd.samples;

import io.uringcmd.embedded.Host;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Description: the README's embedded-host example, verbatim in {@link #example()}: SET_VALUE through uring_cmd completes with res 0. */
class ReadmeEmbeddedExampleTest {
    static void example() {
        // --- README embedded example begins ---
        try (Host host = new Host()) {                                       // an in-process kernel model
            host.register("rust-misc-device", new RustMiscDeviceSample());    // a Java driver as /dev/rust-misc-device
            int fd = host.open("/dev/rust-misc-device");
            MemorySegment value = host.allocate(4);                           // user memory the driver may dereference
            value.set(ValueLayout.JAVA_INT, 0, 7);
            MemorySegment cmdData = host.allocate(16);                        // the command data: the value's address
            cmdData.set(ValueLayout.JAVA_LONG, 0, value.address());
            try (IoUring<Sqe64> ring = host.setup(RingSetup.entries(8))) {    // the same ring client as for the kernel
                ring.sqe().prepUringCmd(fd, RustMiscDeviceSample.URING_SET_VALUE.value(), cmdData).userData(1);
                ring.submitAndWait(1);
                System.out.println(ring.waitCqe().copy());                    // CQE{user_data=1, res=0, flags=0}
                ring.cqeSeen();
            }
        }
        // --- README embedded example ends ---
    }

    @Test
    void exampleWorksAsPrinted() {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true));
        try {
            example();
        } finally {
            System.setOut(old);
        }
        assertEquals("CQE{user_data=1, res=0, flags=0}" + System.lineSeparator(), buf.toString());
    }
}
