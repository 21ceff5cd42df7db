package io.uringcmd.linux;

import io.uringcmd.RingTests;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;

import static io.uringcmd.abi.Uapi.IORING_REGISTER_PERSONALITY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Description: sqe->personality naming no registered personality gives -EINVAL in io_init_req, before -EBADF and
 * -EOPNOTSUPP; a registered one is accepted (shared/kernel-uring-cmd.md §2.1 rule 9, §9).
 */
class UringCmdUnregisteredPersonalityEinvalTest {
    @Test
    void unregisteredPersonalityIsEinval() {
        KernelTests.assertPrepEinvalOnEveryTarget(s -> s.personality(77));
    }

    @Test
    void registeredPersonalityIsAccepted() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(2))) {
            int id = ring.register(IORING_REGISTER_PERSONALITY, MemorySegment.NULL, 0);
            assertTrue(id > 0, "REGISTER_PERSONALITY returned " + id);
            int devNull = KernelTests.openDevNull();
            try {
                KernelTests.cmd(ring, devNull, 1).personality(id);
                assertEquals(new CqeRecord(1, 0, 0), RingTests.submitOne(ring));
            } finally {
                Fds.close(devNull);
            }
        }
    }
}
