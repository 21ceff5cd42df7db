package io.uringcmd.linux;

import io.uringcmd.RingTests;
import io.uringcmd.linux.KernelTests.RegularFile;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.MultishotRefusedException;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: the ring refuses to publish a MULTISHOT|BUFFER_SELECT uring_cmd (no FIXED) to a socket, /dev/null, a
 * regular file or a pipe, by fd or by fixed-file slot: submit(), submitAndWait() and publish() throw
 * MultishotRefusedException before anything of the batch reaches the kernel, and discardUnsubmitted() recovers
 * (shared/kernel-uring-cmd.md §2.3 rule 6, §3.6: on 6.18 such a command is accepted and never completes).
 *
 * <p>Safety net: every refused SQE also carries __pad1 = 1, so if the refusal ever regressed the kernel would fail it
 * at prep with -EINVAL (§2.2 rule 1) instead of leaking it. The ring's check ignores pad1 on purpose.
 */
class MultishotRefusedTest {
    @Test
    void socketIsRefused() {
        try (FdPair tcp = Fds.tcpPair()) {
            assertRefused(tcp.first(), "socket");
        }
    }

    @Test
    void devNullIsRefused() {
        int devNull = KernelTests.openDevNull();
        try {
            assertRefused(devNull, "/dev/null");
        } finally {
            Fds.close(devNull);
        }
    }

    @Test
    void regularFileIsRefused() {
        try (RegularFile f = new RegularFile()) {
            assertRefused(f.fd, "regular file");
        }
    }

    @Test
    void pipeIsRefused() {
        try (FdPair pipe = Fds.pipe()) {
            assertRefused(pipe.readEnd(), "pipe");
        }
    }

    @Test
    void fixedFileSlotIsRefused() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4)); FdPair tcp = Fds.tcpPair()) {
            ring.registerFiles(tcp.first());
            ring.sqe().prepUringCmd(0, 0).fixedFile().pad1(1).multishot(3).userData(1);
            MultishotRefusedException e = assertThrows(MultishotRefusedException.class, ring::submit);
            assertTrue(e.getMessage().contains("fixed file 0") && e.getMessage().contains("socket"), e.getMessage());
            ring.discardUnsubmitted();
            // A slot the ring does not know about (index past what was registered) is refused too.
            ring.sqe().prepUringCmd(5, 0).fixedFile().pad1(1).multishot(3).userData(2);
            assertThrows(MultishotRefusedException.class, ring::submit);
            ring.discardUnsubmitted();
            assertEquals(0, publishedTail(ring));
        }
    }

    private static void assertRefused(int fd, String kind) {
        for (Consumer<IoUring<Sqe64>> call : java.util.List.<Consumer<IoUring<Sqe64>>>of(IoUring::submit, r -> r.submitAndWait(1), IoUring::publish)) {
            try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4))) {
                ring.sqe().prepNop().userData(1);
                ring.sqe().prepUringCmd(fd, 0).pad1(1).multishot(7).userData(2);
                MultishotRefusedException e = assertThrows(MultishotRefusedException.class, () -> call.accept(ring));
                String m = e.getMessage();
                assertTrue(m.contains("MULTISHOT") && m.contains("user_data=2") && m.contains(kind)
                        && m.contains("Nothing was submitted") && m.contains("discardUnsubmitted()"), m);
                // Nothing of the batch reached the kernel, not even the NOP before it.
                assertEquals(0, publishedTail(ring));
                assertEquals(2, ring.sqReady());
                RingTests.assertNoCqe(ring);

                ring.discardUnsubmitted();
                assertEquals(0, ring.sqReady());
                ring.sqe().prepNop().userData(3);
                assertEquals(new CqeRecord(3, 0, 0), RingTests.submitOne(ring));
            }
        }
    }

    /** The SQ tail the kernel sees (what publish has stored), read from the shared ring. */
    static int publishedTail(IoUring<?> ring) {
        return ring.backend().memory().sqRing().get(JAVA_INT, ring.params().sqTail());
    }
}
