package io.uringcmd.linux;

import org.junit.jupiter.api.Test;

import static io.uringcmd.abi.Uapi.*;

/** Description: sqe->flags bit 7 (outside IOSQE_*) gives -EINVAL in io_init_req, before -EBADF and -EOPNOTSUPP (shared/kernel-uring-cmd.md §1.4, §2.1 rule 2, §9). */
class SqeFlagsBit7EinvalTest {
    @Test
    void bit7IsEinval() {
        KernelTests.assertPrepEinvalOnEveryTarget(s -> s.addFlags(0x80));
    }
}
