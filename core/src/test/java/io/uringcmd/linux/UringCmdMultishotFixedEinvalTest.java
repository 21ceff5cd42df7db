package io.uringcmd.linux;

import org.junit.jupiter.api.Test;

import static io.uringcmd.abi.Uapi.*;

/** Description: IORING_URING_CMD_MULTISHOT together with IORING_URING_CMD_FIXED gives -EINVAL at prep even with IOSQE_BUFFER_SELECT, so it never reaches a driver; the ring lets it through (shared/kernel-uring-cmd.md §2.2 rule 3, §9). */
class UringCmdMultishotFixedEinvalTest {
    @Test
    void multishotFixedWithBufferSelectIsEinval() {
        KernelTests.assertPrepEinvalOnEveryTarget(s -> s.uringCmdFlags(IORING_URING_CMD_MULTISHOT | IORING_URING_CMD_FIXED)
                .addFlags(IOSQE_BUFFER_SELECT).bufGroup(1));
    }
}
