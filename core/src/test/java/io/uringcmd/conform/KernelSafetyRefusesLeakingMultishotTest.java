package io.uringcmd.conform;

import org.junit.jupiter.api.Test;

import static io.uringcmd.abi.Uapi.*;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Description: a case that would send a MULTISHOT uring_cmd to a file with a uring_cmd handler (kernel-uring-cmd.md
 * §3.6: it leaks on 6.18) cannot be built, nor filled on a side, whatever its other fields; to a file without a
 * handler or to no file it can. Nothing here reaches the kernel.
 */
class KernelSafetyRefusesLeakingMultishotTest {
    private static SqeSpec multishot(Target t) {
        return SqeSpec.uringCmd(t).uringCmdFlags(IORING_URING_CMD_MULTISHOT).addFlags(IOSQE_BUFFER_SELECT).userData(1);
    }

    @Test
    void buildingRefusesTargetsThatReachADriver() {
        for (Target t : new Target[]{Target.ACCEPTS_ALL, Target.FIXED_ACCEPTS_ALL}) {
            // Even with a field the prep rules would refuse first: a mistake in those rules must not become a hang.
            assertThrows(IllegalArgumentException.class,
                    () -> ConformCase.named("x").fill(multishot(t).pad1(1)).submit().expectCqes(1));
            assertThrows(IllegalArgumentException.class,
                    () -> ConformCase.named("x").fill(multishot(t)).submit().expectCqes(1));
        }
        assertThrows(IllegalArgumentException.class,
                () -> ConformCase.named("x").fill(multishot(null).fd(3)).submit().expectCqes(1));
        assertThrows(IllegalArgumentException.class, () -> ConformCase.named("x")
                .register(IORING_REGISTER_FILES, new RegArg.Fds(RegArg.Fd.ACCEPTS_ALL), 1)
                .fill(multishot(Target.FIXED_NO_URING_CMD)).submit().expectCqes(1));
    }

    @Test
    void buildingAllowsTargetsThatFailBeforeADriver() {
        for (Target t : new Target[]{Target.NO_URING_CMD, Target.CLOSED, Target.FIXED_NO_URING_CMD, Target.FIXED_EMPTY, Target.FIXED_OUT_OF_RANGE}) {
            assertDoesNotThrow(() -> ConformCase.named("x").fill(multishot(t)).submit().expectCqes(1));
        }
    }

    @Test
    void fillingChecksTheSidesRealFile() {
        try (KernelSide k = new KernelSide()) {
            assertThrows(IllegalStateException.class, () -> KernelSafety.checkFill(k, multishot(Target.ACCEPTS_ALL), true));
            assertThrows(IllegalStateException.class, () -> KernelSafety.checkFill(k, multishot(Target.FIXED_ACCEPTS_ALL), true));
            // A table the case changed is not trusted, even for the slot that held the regular file.
            assertThrows(IllegalStateException.class, () -> KernelSafety.checkFill(k, multishot(Target.FIXED_NO_URING_CMD), false));
            assertDoesNotThrow(() -> KernelSafety.checkFill(k, multishot(Target.NO_URING_CMD), true));
            assertDoesNotThrow(() -> KernelSafety.checkFill(k, multishot(Target.CLOSED), true));
            assertDoesNotThrow(() -> KernelSafety.checkFill(k, multishot(Target.FIXED_NO_URING_CMD), true));
        }
    }

    @Test
    void aWaitForMoreCqesThanTheCaseProducesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ConformCase.named("x")
                .fill(SqeSpec.nop().userData(1)).submitAndWait(2).expectCqes(1));
    }
}
