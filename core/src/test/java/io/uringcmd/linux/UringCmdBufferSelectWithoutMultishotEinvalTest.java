package io.uringcmd.linux;

import org.junit.jupiter.api.Test;

import static io.uringcmd.abi.Uapi.*;

/** Description: IOSQE_BUFFER_SELECT on a uring_cmd without IORING_URING_CMD_MULTISHOT gives -EINVAL at prep, before -EBADF and -EOPNOTSUPP (shared/kernel-uring-cmd.md §2.2 rule 4, §9). */
class UringCmdBufferSelectWithoutMultishotEinvalTest {
    @Test
    void bufferSelectWithoutMultishotIsEinval() {
        KernelTests.assertPrepEinvalOnEveryTarget(s -> s.addFlags(IOSQE_BUFFER_SELECT).bufGroup(1));
    }
}
