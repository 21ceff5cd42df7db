package io.uringcmd.linux;

import org.junit.jupiter.api.Test;

import static io.uringcmd.abi.Uapi.*;

/** Description: IORING_URING_CMD_MULTISHOT without IOSQE_BUFFER_SELECT gives -EINVAL at prep on every target, so it never reaches a driver; the ring lets it through (shared/kernel-uring-cmd.md §2.2 rule 4, §9). */
class UringCmdMultishotWithoutBufferSelectEinvalTest {
    @Test
    void multishotWithoutBufferSelectIsEinval() {
        KernelTests.assertPrepEinvalOnEveryTarget(s -> s.uringCmdFlags(IORING_URING_CMD_MULTISHOT));
    }
}
