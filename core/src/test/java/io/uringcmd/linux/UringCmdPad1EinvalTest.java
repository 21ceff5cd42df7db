package io.uringcmd.linux;

import org.junit.jupiter.api.Test;

import static io.uringcmd.abi.Uapi.*;

/** Description: a uring_cmd with sqe->__pad1 != 0 gives -EINVAL at prep, before the fd lookup (-EBADF) and the driver (-EOPNOTSUPP) (shared/kernel-uring-cmd.md §2.2 rule 1, §9). */
class UringCmdPad1EinvalTest {
    @Test
    void pad1IsEinval() {
        KernelTests.assertPrepEinvalOnEveryTarget(s -> s.pad1(1));
    }
}
