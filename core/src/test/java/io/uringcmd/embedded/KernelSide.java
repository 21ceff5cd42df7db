package io.uringcmd.embedded;

import io.uringcmd.linux.Linux;
import io.uringcmd.ring.ErrnoException;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Assumptions;

/** Opens a ring on the real kernel for differential tests, or skips the test when this machine has no io_uring. */
final class KernelSide {
    private KernelSide() {}

    static IoUring<Sqe64> ring(RingSetup<Sqe64> setup) {
        try {
            return Linux.setup(setup);
        } catch (ErrnoException | UnsupportedOperationException | UnsatisfiedLinkError e) {
            Assumptions.abort("this machine has no usable io_uring (" + e + "): the kernel half of the comparison cannot run");
            throw new AssertionError(e);
        }
    }
}
