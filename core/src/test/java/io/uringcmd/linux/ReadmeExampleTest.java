package io.uringcmd.linux;

import io.uringcmd.ring.Cqe;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Description: the README's example, verbatim in {@link #example()}: SIOCINQ over uring_cmd on a TCP pair prints user_data=42 res=5. */
class ReadmeExampleTest {
    static void example() {
        // --- README example begins ---
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(8));   // io_uring_setup over the real kernel
             FdPair tcp = Fds.tcpPair()) {                                // a connected TCP pair on 127.0.0.1
            Fds.write(tcp.first(), "hello".getBytes());                   // 5 bytes now wait in tcp.second()
            ring.sqe()                                                    // claim an SQE (allocation-free)
                .prepSiocinq(tcp.second())                                // IORING_OP_URING_CMD, SOCKET_URING_OP_SIOCINQ
                .userData(42);
            ring.submitAndWait(1);
            Cqe cqe = ring.peekCqe();
            System.out.println("user_data=" + cqe.userData() + " res=" + cqe.res());   // user_data=42 res=5
            ring.cqeSeen();
        }
        // --- README example ends ---
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
        assertEquals("user_data=42 res=5" + System.lineSeparator(), buf.toString());
    }
}
