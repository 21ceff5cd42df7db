package io.uringcmd.linux;

import org.junit.jupiter.api.Test;

import static io.uringcmd.abi.Uapi.*;

/** Description: an opcode >= IORING_OP_LAST (63; 6.19 NOP128/URING_CMD128 included) gives -EINVAL whatever the fd (shared/kernel-uring-cmd.md §1.6, §2.1 rule 1, §9). */
class OpcodeBeyondLastEinvalTest {
    @Test
    void opcode63IsEinval() {
        KernelTests.assertPrepEinvalOnEveryTarget(s -> s.opcode(63));
    }

    @Test
    void opcode64IsEinval() {
        KernelTests.assertPrepEinvalOnEveryTarget(s -> s.opcode(64));
    }

    @Test
    void opcode255IsEinval() {
        KernelTests.assertPrepEinvalOnEveryTarget(s -> s.opcode(255));
    }
}
