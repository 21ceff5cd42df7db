package io.uringcmd.linux;

import org.junit.jupiter.api.Test;

import static io.uringcmd.abi.Uapi.*;

/** Description: uring_cmd_flags bits outside IORING_URING_CMD_MASK (4, and the kernel-internal 1<<30 CANCELABLE and 1<<31 REISSUE) give -EINVAL at prep, before -EBADF and -EOPNOTSUPP (shared/kernel-uring-cmd.md §1.5, §2.2 rule 2, §9). */
class UringCmdUnknownFlagBitsEinvalTest {
    @Test
    void bit2IsEinval() {
        KernelTests.assertPrepEinvalOnEveryTarget(s -> s.uringCmdFlags(4));
    }

    @Test
    void cancelableIsEinval() {
        KernelTests.assertPrepEinvalOnEveryTarget(s -> s.uringCmdFlags(IORING_URING_CMD_CANCELABLE));
    }

    @Test
    void reissueIsEinval() {
        KernelTests.assertPrepEinvalOnEveryTarget(s -> s.uringCmdFlags(IORING_URING_CMD_REISSUE));
    }
}
