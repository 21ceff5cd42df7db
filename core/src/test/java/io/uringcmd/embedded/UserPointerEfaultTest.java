package io.uringcmd.embedded;

import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static io.uringcmd.RingTests.*;
import static io.uringcmd.embedded.EmbeddedTests.*;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: every user pointer a device dereferences is checked against the host's user memory: a pointer outside
 * it (NULL, a wild address, memory the host did not allocate) or a range running past a segment's end is -EFAULT in
 * the CQE, never a crash; host.allocate and ring.allocate memory is readable.
 */
class UserPointerEfaultTest {
    @Test
    void outsideUserMemoryIsEfault() {
        try (var fx = fixture((cmd, f) -> cmd.complete(cmd.user(cmd.sqe().addr(), cmd.sqe().len()).readInt()));
             Arena foreign = Arena.ofConfined()) {
            MemorySegment hostMem = fx.host.allocate(8);
            hostMem.set(JAVA_INT, 4, 77);
            MemorySegment ringMem = fx.ring.allocate(4);
            ringMem.set(JAVA_INT, 0, 88);
            MemorySegment notUser = foreign.allocate(4);
            fx.ring.sqe().prepUringCmd(fx.fd, 0).addr(hostMem.address() + 4).len(4).userData(1);
            fx.ring.sqe().prepUringCmd(fx.fd, 0).addr(ringMem.address()).len(4).userData(2);
            fx.ring.sqe().prepUringCmd(fx.fd, 0).addr(0).len(4).userData(3);
            fx.ring.sqe().prepUringCmd(fx.fd, 0).addr(0xdead0000L).len(4).userData(4);
            fx.ring.sqe().prepUringCmd(fx.fd, 0).addr(notUser.address()).len(4).userData(5);
            fx.ring.sqe().prepUringCmd(fx.fd, 0).addr(hostMem.address() + 6).len(4).userData(6);
            fx.ring.sqe().prepUringCmd(fx.fd, 0).addr(-4L).len(8).userData(7);
            fx.ring.sqe().prepUringCmd(fx.fd, 0).addr(hostMem.address()).len(2).userData(8); // slice too short for an int
            assertEquals(java.util.List.of(new CqeRecord(1, 77, 0), new CqeRecord(2, 88, 0), new CqeRecord(3, -14, 0),
                    new CqeRecord(4, -14, 0), new CqeRecord(5, -14, 0), new CqeRecord(6, -14, 0), new CqeRecord(7, -14, 0),
                    new CqeRecord(8, -14, 0)), submitAndReap(fx.ring, 8));
        }
    }
}
