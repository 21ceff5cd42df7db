package io.uringcmd.embedded;

import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;

import static io.uringcmd.RingTests.*;
import static io.uringcmd.embedded.EmbeddedTests.*;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: IoUringCmd.userPtr(offset, len) reads a user pointer from the command data and checks it: the int it
 * points at is readable; an address that is not user memory is -EFAULT; an offset outside the 16-byte command area
 * is -EINVAL.
 */
class CmdDataUserPointerTest {
    @Test
    void pointerInCommandData() {
        try (var fx = fixture((cmd, f) -> cmd.complete(cmd.userPtr(cmd.sqe().cmdOp(), 4).readInt()))) {
            MemorySegment v = fx.host.allocate(4);
            v.set(JAVA_INT, 0, 31);
            fx.ring.sqe().prepUringCmd(fx.fd, 0, MemorySegment.ofArray(new long[]{v.address(), 0})).userData(1);
            fx.ring.sqe().prepUringCmd(fx.fd, 8, MemorySegment.ofArray(new long[]{0, v.address()})).userData(2);
            fx.ring.sqe().prepUringCmd(fx.fd, 0, MemorySegment.ofArray(new long[]{0x10, 0})).userData(3);
            fx.ring.sqe().prepUringCmd(fx.fd, 12, MemorySegment.ofArray(new long[]{v.address(), v.address()})).userData(4);
            assertEquals(java.util.List.of(new CqeRecord(1, 31, 0), new CqeRecord(2, 31, 0), new CqeRecord(3, -14, 0),
                    new CqeRecord(4, -22, 0)), submitAndReap(fx.ring, 4));
        }
    }
}
