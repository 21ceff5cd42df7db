package io.uringcmd.linux;

import io.uringcmd.ring.RingSetup;
import org.junit.jupiter.api.Test;

import static io.uringcmd.abi.Uapi.*;
import static io.uringcmd.linux.SetupEntriesValidationTest.assertEinval;

/**
 * Description: setup flags that need or exclude another give EINVAL: CQE32 with CQE_MIXED, DEFER_TASKRUN without
 * SINGLE_ISSUER, TASKRUN_FLAG without COOP/DEFER_TASKRUN, HYBRID_IOPOLL without IOPOLL, REGISTERED_FD_ONLY without
 * NO_MMAP, SQ_AFF without SQPOLL, SQPOLL with COOP_TASKRUN (shared/kernel-uring-cmd.md §1.7 rules 3-8, 11).
 */
class SetupFlagCombinationEinvalTest {
    @Test
    void cqe32WithCqeMixedIsEinval() {
        assertEinval(RingSetup.raw(4, IORING_SETUP_CQE32 | IORING_SETUP_CQE_MIXED, 0));
    }

    @Test
    void deferTaskrunWithoutSingleIssuerIsEinval() {
        assertEinval(RingSetup.raw(4, IORING_SETUP_DEFER_TASKRUN, 0));
    }

    @Test
    void taskrunFlagWithoutCoopTaskrunIsEinval() {
        assertEinval(RingSetup.raw(4, IORING_SETUP_TASKRUN_FLAG, 0));
    }

    @Test
    void hybridIopollWithoutIopollIsEinval() {
        assertEinval(RingSetup.raw(4, IORING_SETUP_HYBRID_IOPOLL, 0));
    }

    @Test
    void registeredFdOnlyWithoutNoMmapIsEinval() {
        assertEinval(RingSetup.raw(4, IORING_SETUP_REGISTERED_FD_ONLY, 0));
    }

    @Test
    void sqAffWithoutSqpollIsEinval() {
        assertEinval(RingSetup.raw(4, IORING_SETUP_SQ_AFF, 0));
    }

    @Test
    void sqpollWithCoopTaskrunIsEinval() {
        assertEinval(RingSetup.raw(4, IORING_SETUP_SQPOLL | IORING_SETUP_COOP_TASKRUN, 0));
    }
}
