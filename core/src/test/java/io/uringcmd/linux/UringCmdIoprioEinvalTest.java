package io.uringcmd.linux;

import org.junit.jupiter.api.Test;

import static io.uringcmd.abi.Uapi.*;

/** Description: sqe->ioprio != 0 on a uring_cmd (which has no .ioprio) gives -EINVAL in io_init_req, before -EBADF and -EOPNOTSUPP (shared/kernel-uring-cmd.md §2.1 rule 6, §9). */
class UringCmdIoprioEinvalTest {
    @Test
    void ioprioIsEinval() {
        KernelTests.assertPrepEinvalOnEveryTarget(s -> s.ioprio(5));
    }
}
