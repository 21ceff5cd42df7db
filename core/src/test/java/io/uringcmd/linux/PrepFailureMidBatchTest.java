package io.uringcmd.linux;

import io.uringcmd.RingTests;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.uringcmd.abi.Uapi.IORING_SETUP_SUBMIT_ALL;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Description: when an SQE fails prep, io_uring_enter stops there and returns the count consumed including the failed
 * one (1), posts its -EINVAL CQE, and leaves the rest in the SQ for the next enter; with SUBMIT_ALL it goes on
 * (shared/kernel-uring-cmd.md §2.1, §9).
 */
class PrepFailureMidBatchTest {
    @Test
    void enterStopsAfterThePrepFailure() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4))) {
            ring.sqe().prepUringCmd(KernelTests.BAD_FD, 0).pad1(1).userData(1);
            ring.sqe().prepNop().userData(2);
            ring.sqe().prepNop().userData(3);
            assertEquals(1, ring.submit(), "enter returns the SQEs consumed, the failed one included");
            assertEquals(List.of(new CqeRecord(1, -22, 0)), RingTests.reap(ring, 1));
            RingTests.assertNoCqe(ring);
            assertEquals(2, ring.sqEntries() - ring.sqSpaceLeft() - ring.sqReady(), "two SQEs published and not consumed");
            assertEquals(2, ring.submit(), "the next enter submits what stayed in the SQ");
            assertEquals(List.of(new CqeRecord(2, 0, 0), new CqeRecord(3, 0, 0)), RingTests.reap(ring, 2));
            RingTests.assertNoCqe(ring);
        }
    }

    @Test
    void submitAllGoesOn() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4).submitAll())) {
            assertEquals(IORING_SETUP_SUBMIT_ALL, ring.params().flags() & IORING_SETUP_SUBMIT_ALL);
            ring.sqe().prepUringCmd(KernelTests.BAD_FD, 0).pad1(1).userData(1);
            ring.sqe().prepNop().userData(2);
            assertEquals(2, ring.submit());
            assertEquals(List.of(new CqeRecord(1, -22, 0), new CqeRecord(2, 0, 0)), RingTests.reap(ring, 2));
        }
    }
}
