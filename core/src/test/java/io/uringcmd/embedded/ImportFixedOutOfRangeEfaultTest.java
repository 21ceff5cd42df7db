package io.uringcmd.embedded;

import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;

import static io.uringcmd.RingTests.*;
import static io.uringcmd.embedded.EmbeddedTests.*;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: importFixed (io_uring_cmd_import_fixed) gives the slice [addr, addr+len) of registered buffer
 * sqe->buf_index for a command sent with IORING_URING_CMD_FIXED; a range outside the buffer, an index with no buffer,
 * or a command without FIXED is -EFAULT (kernel-uring-cmd.md §10.5: rsrc.c's checks are all -EFAULT).
 */
class ImportFixedOutOfRangeEfaultTest {
    @Test
    void outOfRangeIsEfault() {
        try (var fx = fixture((cmd, f) -> {
            MemorySegment s = cmd.importFixed(cmd.sqe().addr(), cmd.sqe().len());
            return cmd.complete(s.get(JAVA_BYTE, 0) + (int) s.byteSize() * 1000);
        })) {
            MemorySegment a = fx.host.allocate(64), b = fx.host.allocate(16);
            a.set(JAVA_BYTE, 10, (byte) 7);
            b.set(JAVA_BYTE, 0, (byte) 9);
            fx.ring.registerBuffers(a, b);
            fx.ring.sqe().prepUringCmd(fx.fd, 0).addr(a.address() + 10).len(54).uringCmdFixed(0).userData(1);
            fx.ring.sqe().prepUringCmd(fx.fd, 0).addr(b.address()).len(16).uringCmdFixed(1).userData(2);
            fx.ring.sqe().prepUringCmd(fx.fd, 0).addr(a.address() + 10).len(55).uringCmdFixed(0).userData(3);
            fx.ring.sqe().prepUringCmd(fx.fd, 0).addr(a.address() - 1).len(4).uringCmdFixed(0).userData(4);
            fx.ring.sqe().prepUringCmd(fx.fd, 0).addr(b.address()).len(4).uringCmdFixed(0).userData(5);
            fx.ring.sqe().prepUringCmd(fx.fd, 0).addr(b.address()).len(4).uringCmdFixed(2).userData(6);
            fx.ring.sqe().prepUringCmd(fx.fd, 0).addr(b.address()).len(4).userData(7); // no IORING_URING_CMD_FIXED
            assertEquals(java.util.List.of(new CqeRecord(1, 54007, 0), new CqeRecord(2, 16009, 0), new CqeRecord(3, -14, 0),
                    new CqeRecord(4, -14, 0), new CqeRecord(5, -14, 0), new CqeRecord(6, -14, 0), new CqeRecord(7, -14, 0)),
                    submitAndReap(fx.ring, 7));
        }
    }
}
