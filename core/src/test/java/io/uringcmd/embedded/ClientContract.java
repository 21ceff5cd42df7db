package io.uringcmd.embedded;

import io.uringcmd.abi.Opcode;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.ErrnoException;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.List;

import static io.uringcmd.abi.Uapi.*;
import static io.uringcmd.RingTests.*;
import static io.uringcmd.embedded.EmbeddedTests.*;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The same client code, run against the Linux kernel ({@link KernelRingClientContractTest}) and against the embedded
 * host ({@link EmbeddedRingClientContractTest}), for every case where both have a counterpart: NOP, the generic and
 * uring_cmd prep checks, a file without uring_cmd (a regular file / a device without UringCmd), a target that answers
 * 0 to anything (/dev/null / a device answering 0), links, skip, drain, async, CQE32/CQE_MIXED, IOPOLL, ASYNC_CANCEL,
 * CQ overflow and enter's results. Each test pins one rule of shared/kernel-uring-cmd.md (section in its Javadoc)
 * and asserts exact CQEs; the kernel is the specification, so a failure only on the embedded side is an engine bug.
 */
abstract class ClientContract {
    /** An fd that no one has open: the file is looked up at issue (§2.1.8). */
    static final int BAD_FD = 999;

    /** A ring of this backend. */
    abstract <S extends Sqe> IoUring<S> setup(RingSetup<S> setup);

    /** An open file whose f_op has no uring_cmd: a regular file (kernel), a device without UringCmd (embedded). */
    abstract int noUringCmdFd();

    /** An open file whose uring_cmd answers 0 to any cmd_op and fields: /dev/null (§5.4), a device answering 0. */
    abstract int answersZeroFd();

    /** The ring's own fd. */
    abstract int ringFd(IoUring<?> ring);

    private IoUring<Sqe64> ring(int entries) { return setup(RingSetup.entries(entries)); }

    private static Sqe cmd(IoUring<?> ring, int fd, long userData) { return ring.sqe().prepUringCmd(fd, 0).userData(userData); }

    /** §1 (nop.c): NOPs come back in order with their user_data, res 0, and an injected result as res. */
    @Test
    void nopEchoesUserDataAndInjectedResult() {
        try (var ring = ring(8)) {
            ring.sqe().prepNop().userData(0xdeadbeefcafeL);
            ring.sqe().prepNopInject(-22).userData(2);
            ring.sqe().prepNopInject(1234).userData(-1L);
            assertEquals(List.of(new CqeRecord(0xdeadbeefcafeL, 0, 0), new CqeRecord(2, -22, 0), new CqeRecord(-1L, 1234, 0)),
                    submitAndReap(ring, 3));
        }
    }

    /** §2.3.2: a file without f_op->uring_cmd gives -EOPNOTSUPP; so does the ring's own fd. */
    @Test
    void fileWithoutUringCmdIsEopnotsupp() {
        try (var ring = ring(4)) {
            ring.sqe().prepUringCmd(noUringCmdFd(), 0x1234).userData(1);
            ring.sqe().prepUringCmd(ringFd(ring), 0).userData(2);
            assertEquals(List.of(new CqeRecord(1, -95, 0), new CqeRecord(2, -95, 0)), submitAndReap(ring, 2));
        }
    }

    /** §5.4, §2.2.3: a target answering 0 does so for any cmd_op and fields, FIXED with an unchecked buf_index too. */
    @Test
    void answersZeroWhateverTheFields() {
        try (var ring = ring(4)) {
            ring.sqe().prepUringCmd(answersZeroFd(), 0x1234).addr(0xdead).len(77).addr3(0xbeef).fileIndex(9).userData(1);
            ring.sqe().prepUringCmd(answersZeroFd(), 0).uringCmdFixed(1000).userData(2);
            ring.sqe().prepUringCmd(answersZeroFd(), -1, MemorySegment.ofArray(new long[]{-1, -1})).userData(3);
            assertEquals(List.of(new CqeRecord(1, 0, 0), new CqeRecord(2, 0, 0), new CqeRecord(3, 0, 0)), submitAndReap(ring, 3));
        }
    }

    /** §2.1.8: the file is looked up at issue: a bad fd, or IOSQE_FIXED_FILE with no file table, gives -EBADF. */
    @Test
    void badFdIsEbadf() {
        try (var ring = ring(4)) {
            cmd(ring, BAD_FD, 1);
            cmd(ring, 0, 2).fixedFile();
            assertEquals(List.of(new CqeRecord(1, -9, 0), new CqeRecord(2, -9, 0)), submitAndReap(ring, 2));
        }
    }

    /** §2.1.8: a registered file answers through its slot; an empty or missing slot is -EBADF. */
    @Test
    void registeredFileSlots() {
        try (var ring = ring(4)) {
            ring.registerFiles(answersZeroFd(), -1);
            cmd(ring, 0, 1).fixedFile();
            cmd(ring, 1, 2).fixedFile();
            cmd(ring, 2, 3).fixedFile();
            assertEquals(List.of(new CqeRecord(1, 0, 0), new CqeRecord(2, -9, 0), new CqeRecord(3, -9, 0)), submitAndReap(ring, 3));
        }
    }

    /** §2.2.1: __pad1 != 0 is -EINVAL on every target, before the file is looked up. */
    @Test
    void pad1IsEinvalOnEveryTarget() {
        try (var ring = ring(4)) {
            for (int fd : new int[]{answersZeroFd(), noUringCmdFd(), BAD_FD}) {
                cmd(ring, fd, fd).pad1(1);
                assertEquals(new CqeRecord(fd, -22, 0), submitOne(ring));
            }
        }
    }

    /** §2.2.2: uring_cmd_flags outside IORING_URING_CMD_MASK, including the kernel-internal 1<<30 and 1<<31, is -EINVAL. */
    @Test
    void unknownUringCmdFlagsAreEinval() {
        try (var ring = ring(4)) {
            int ud = 0;
            for (int flags : new int[]{4, 1 << 30, 1 << 31}) {
                cmd(ring, answersZeroFd(), ++ud).uringCmdFlags(flags);
                assertEquals(new CqeRecord(ud, -22, 0), submitOne(ring));
            }
        }
    }

    /**
     * §2.2.3-4: MULTISHOT without BUFFER_SELECT, BUFFER_SELECT without MULTISHOT, MULTISHOT with FIXED: -EINVAL at prep.
     * (Sent to a bad fd only: prep refuses them before any driver sees them, and no MULTISHOT ever reaches a real file.)
     */
    @Test
    void multishotPairingRulesAreEinval() {
        try (var ring = ring(4)) {
            cmd(ring, BAD_FD, 1).uringCmdFlags(IORING_URING_CMD_MULTISHOT);
            assertEquals(new CqeRecord(1, -22, 0), submitOne(ring));
            cmd(ring, BAD_FD, 2).addFlags(IOSQE_BUFFER_SELECT).bufGroup(1);
            assertEquals(new CqeRecord(2, -22, 0), submitOne(ring));
            cmd(ring, BAD_FD, 3).uringCmdFlags(IORING_URING_CMD_MULTISHOT | IORING_URING_CMD_FIXED).addFlags(IOSQE_BUFFER_SELECT);
            assertEquals(new CqeRecord(3, -22, 0), submitOne(ring));
        }
    }

    /** §2.1.1, 2.1.2, 2.1.6, 2.1.9: opcode >= 63, sqe->flags bit 7, ioprio != 0, unregistered personality: -EINVAL. */
    @Test
    void genericChecksAreEinval() {
        try (var ring = ring(4)) {
            ring.sqe().reset().opcode(Opcode.IORING_OP_LAST).userData(1);
            assertEquals(new CqeRecord(1, -22, 0), submitOne(ring));
            cmd(ring, answersZeroFd(), 2).flags(0x80);
            assertEquals(new CqeRecord(2, -22, 0), submitOne(ring));
            cmd(ring, answersZeroFd(), 3).ioprio(5);
            assertEquals(new CqeRecord(3, -22, 0), submitOne(ring));
            cmd(ring, answersZeroFd(), 4).personality(77);
            assertEquals(new CqeRecord(4, -22, 0), submitOne(ring));
        }
    }

    /** §2.1: a prep failure posts its CQE and stops submission: enter returns the count consumed, the rest stays queued. */
    @Test
    void prepFailureStopsSubmission() {
        try (var ring = ring(4)) {
            cmd(ring, answersZeroFd(), 1).pad1(1);
            ring.sqe().prepNop().userData(2);
            assertEquals(1, ring.submit());
            assertEquals(List.of(new CqeRecord(1, -22, 0)), reap(ring, 1));
            assertNoCqe(ring);
            assertEquals(1, ring.submit());
            assertEquals(List.of(new CqeRecord(2, 0, 0)), reap(ring, 1));
        }
    }

    /**
     * §2.1, §2.10: a failed uring_cmd with IO_LINK cancels the next request (-ECANCELED); IO_HARDLINK does not; a prep
     * failure inside a chain fails the whole chain but does not stop submission, so the chain is consumed whole.
     */
    @Test
    void linksAfterFailures() {
        try (var ring = ring(8)) {
            cmd(ring, noUringCmdFd(), 1).link();
            ring.sqe().prepNop().userData(2);
            cmd(ring, noUringCmdFd(), 3).hardlink();
            ring.sqe().prepNop().userData(4);
            // The canceled or continued member runs from task work after the batch: it comes after chain 2's head.
            assertEquals(List.of(new CqeRecord(1, -95, 0), new CqeRecord(3, -95, 0), new CqeRecord(2, -125, 0),
                    new CqeRecord(4, 0, 0)), submitAndReap(ring, 4));
            ring.sqe().prepNop().userData(5).link();
            cmd(ring, answersZeroFd(), 6).pad1(1).link();
            ring.sqe().prepNop().userData(7);
            ring.sqe().prepNop().userData(8);
            assertEquals(4, ring.submit());
            // The failed chain's head posts at once, its other members from task work (io_fail_links): after NOP 8.
            assertEquals(List.of(new CqeRecord(5, -125, 0), new CqeRecord(8, 0, 0), new CqeRecord(6, -22, 0),
                    new CqeRecord(7, -125, 0)), reap(ring, 4));
            assertNoCqe(ring);
        }
    }

    /** §2.10: IOSQE_CQE_SKIP_SUCCESS posts nothing for a success and still posts a failure. */
    @Test
    void cqeSkipSuccess() {
        try (var ring = ring(4)) {
            cmd(ring, answersZeroFd(), 1).skipSuccess();
            cmd(ring, noUringCmdFd(), 2).skipSuccess();
            ring.sqe().prepNop().userData(3);
            assertEquals(List.of(new CqeRecord(2, -95, 0), new CqeRecord(3, 0, 0)), submitAndReap(ring, 2));
        }
    }

    /**
     * §2.10 (io_uring.c req_set_fail, io_fail_links): a failed request with CQE_SKIP_SUCCESS posts its own CQE but
     * suppresses the CQEs of the link members it cancels — also a member's own prep error — while a failed member's
     * CQE_SKIP_SUCCESS does not hide its failure.
     */
    @Test
    void failedSkipSuccessRequestHidesItsLinksCqes() {
        try (var ring = ring(8)) {
            ring.sqe().prepNop().userData(1).link();
            cmd(ring, noUringCmdFd(), 2).skipSuccess().link();
            ring.sqe().prepNop().userData(3).link();
            ring.sqe().prepNop().userData(4);
            assertEquals(4, ring.submit());
            assertEquals(List.of(new CqeRecord(1, 0, 0), new CqeRecord(2, -95, 0)), reap(ring, 2));
            assertNoCqe(ring);
            ring.sqe().prepNop().userData(5).skipSuccess().link();
            cmd(ring, answersZeroFd(), 6).pad1(1).link();
            ring.sqe().prepNop().userData(7);
            assertEquals(3, ring.submit());
            assertEquals(List.of(new CqeRecord(5, -125, 0)), reap(ring, 1));
            assertNoCqe(ring);
            ring.sqe().prepNop().userData(8).link();
            cmd(ring, answersZeroFd(), 9).pad1(1).skipSuccess().link();
            ring.sqe().prepNop().userData(10);
            assertEquals(3, ring.submit());
            assertEquals(List.of(new CqeRecord(8, -125, 0), new CqeRecord(9, -22, 0), new CqeRecord(10, -125, 0)), reap(ring, 3));
            assertNoCqe(ring);
        }
    }

    /**
     * io_uring.c io_drain_req/io_queue_deferred: a drained request waits for everything before it and what follows
     * it waits too; once the drain has gone, requests no longer wait for each other (so 7 may pass 6, both queued
     * behind the still-active drain state).
     */
    @Test
    void drainOrdersTheQueue() {
        try (var ring = ring(8)) {
            ring.sqe().prepNop().userData(1);
            ring.sqe().prepNop().userData(2).drain();
            ring.sqe().prepNop().userData(3);
            ring.sqe().prepNop().userData(4).drain();
            ring.sqe().prepNop().userData(5);
            assertEquals(List.of(new CqeRecord(1, 0, 0), new CqeRecord(2, 0, 0), new CqeRecord(3, 0, 0), new CqeRecord(4, 0, 0),
                    new CqeRecord(5, 0, 0)), submitAndReap(ring, 5));
            ring.sqe().prepNop().userData(6);
            ring.sqe().prepNop().userData(7);
            assertEquals(List.of(new CqeRecord(7, 0, 0), new CqeRecord(6, 0, 0)), submitAndReap(ring, 2));
            ring.sqe().prepNop().userData(8);
            ring.sqe().prepNop().userData(9);
            assertEquals(List.of(new CqeRecord(8, 0, 0), new CqeRecord(9, 0, 0)), submitAndReap(ring, 2));
        }
    }

    /**
     * io_uring.c io_init_drain: IOSQE_IO_DRAIN on a link member drains the link's head and the request after the link,
     * so the link's members complete before it.
     */
    @Test
    void drainInsideALink() {
        try (var ring = ring(8)) {
            ring.sqe().prepNop().userData(1).link();
            ring.sqe().prepNop().userData(2).drain().link();
            ring.sqe().prepNop().userData(3);
            ring.sqe().prepNop().userData(4);
            ring.sqe().prepNop().userData(5);
            assertEquals(List.of(new CqeRecord(1, 0, 0), new CqeRecord(2, 0, 0), new CqeRecord(3, 0, 0), new CqeRecord(4, 0, 0),
                    new CqeRecord(5, 0, 0)), submitAndReap(ring, 5));
        }
    }

    /** §2.1.4: once a request used CQE_SKIP_SUCCESS, IOSQE_IO_DRAIN on the ring is -EOPNOTSUPP. */
    @Test
    void drainAfterSkipIsEopnotsupp() {
        try (var ring = ring(4)) {
            ring.sqe().prepNop().userData(1).drain();
            assertEquals(new CqeRecord(1, 0, 0), submitOne(ring));
            ring.sqe().prepNop().userData(2).skipSuccess();
            ring.submit();
            ring.sqe().prepNop().userData(3).drain();
            assertEquals(new CqeRecord(3, -95, 0), submitOne(ring));
        }
    }

    /** §2.10, §2.9.5: IOSQE_ASYNC gives the same results as inline (answers 0, no uring_cmd, bad fd). */
    @Test
    void asyncGivesTheInlineResult() {
        try (var ring = ring(4)) {
            cmd(ring, answersZeroFd(), 1).async();
            assertEquals(new CqeRecord(1, 0, 0), submitOne(ring));
            cmd(ring, noUringCmdFd(), 2).async();
            assertEquals(new CqeRecord(2, -95, 0), submitOne(ring));
            cmd(ring, BAD_FD, 3).async();
            assertEquals(new CqeRecord(3, -9, 0), submitOne(ring));
        }
    }

    /**
     * §2.3.9, §1.3: on a CQE32 ring every CQE is 32 bytes and a plain result has big_cqe {0, 0}; NOP's IORING_NOP_CQE32
     * extras fill big_cqe there, and set F_32 on a CQE_MIXED ring (where a plain CQE stays 16 bytes).
     */
    @Test
    void bigCqes() {
        try (var ring = setup(RingSetup.entries(4).cqe32())) {
            cmd(ring, answersZeroFd(), 1);
            ring.sqe().prepNop().nopFlags(IORING_NOP_CQE32).off(11).addr(12).userData(2);
            assertEquals(List.of(new CqeRecord(1, 0, 0, 0, 0), new CqeRecord(2, 0, 0, 11, 12)), submitAndReap(ring, 2));
        }
        try (var ring = setup(RingSetup.entries(4).cqeMixed())) {
            cmd(ring, answersZeroFd(), 1);
            ring.sqe().prepNop().nopFlags(IORING_NOP_CQE32).off(11).addr(12).userData(2);
            cmd(ring, answersZeroFd(), 3);
            assertEquals(List.of(new CqeRecord(1, 0, 0), new CqeRecord(2, 0, IORING_CQE_F_32, 11, 12), new CqeRecord(3, 0, 0)),
                    submitAndReap(ring, 3));
        }
        try (var ring = ring(4)) {
            ring.sqe().prepNop().nopFlags(IORING_NOP_CQE32).userData(1);
            assertEquals(new CqeRecord(1, -22, 0), submitOne(ring));
        }
    }

    /** §1.2, §5.4: the 80-byte command area of an SQE128 ring reaches the target. */
    @Test
    void sqe128Command() {
        try (var ring = setup(RingSetup.entries(4).sqe128())) {
            MemorySegment payload = MemorySegment.ofArray(new byte[80]);
            payload.fill((byte) 0x5a);
            ring.sqe().prepUringCmd(answersZeroFd(), 7, payload).userData(1);
            assertEquals(new CqeRecord(1, 0, 0), submitOne(ring));
        }
    }

    /** §2.3.4: on an IOPOLL ring a target without uring_cmd_iopoll gives -EOPNOTSUPP; NOP works there. */
    @Test
    void iopollRingUringCmdIsEopnotsupp() {
        try (var ring = setup(RingSetup.entries(4).iopoll())) {
            cmd(ring, answersZeroFd(), 1);
            assertEquals(new CqeRecord(1, -95, 0), submitOne(ring));
        }
    }

    /** §2.8.3: ASYNC_CANCEL of a user_data nothing has is -ENOENT; with ALL or ANY it counts 0. */
    @Test
    void asyncCancelOfNothing() {
        try (var ring = ring(4)) {
            ring.sqe().prepAsyncCancel(12345).userData(1);
            ring.sqe().prepAsyncCancelAll(12345).userData(2);
            ring.sqe().prepAsyncCancelAny().userData(3);
            assertEquals(List.of(new CqeRecord(1, -2, 0), new CqeRecord(2, 0, 0), new CqeRecord(3, 0, 0)), submitAndReap(ring, 3));
        }
    }

    /**
     * §6.1-4: with a CQ of 2, four NOPs post two CQEs and overflow two (IORING_SQ_CQ_OVERFLOW set); the first GETEVENTS
     * flush finds the ring full, the next moves the rest in order and clears the flag. Nothing is dropped.
     */
    @Test
    void cqOverflowFlushesInOrder() {
        try (var ring = setup(RingSetup.entries(2).cqSize(2))) {
            for (int i = 0; i < 4; i += 2) {
                ring.sqe().prepNop().userData(100 + i);
                ring.sqe().prepNop().userData(101 + i);
                assertEquals(2, ring.publish());
                assertEquals(2, ring.enter(2, 0, 0, null, 0));
            }
            assertEquals(2, ring.cqReady());
            assertEquals(IORING_SQ_CQ_OVERFLOW, ring.sqFlags() & IORING_SQ_CQ_OVERFLOW);
            assertEquals(List.of(new CqeRecord(100, 0, 0), new CqeRecord(101, 0, 0)), reap(ring, 2));
            assertEquals(0, ring.enter(0, 0, 0, null, 0));
            assertEquals(0, ring.cqReady(), "submit without GETEVENTS does not flush");
            assertEquals(List.of(new CqeRecord(102, 0, 0), new CqeRecord(103, 0, 0)), reap(ring, 2));
            assertEquals(0, ring.sqFlags() & IORING_SQ_CQ_OVERFLOW);
            assertEquals(0, ring.cqOverflow());
        }
    }

    /**
     * §1.10, §2.1: enter returns how many SQEs it consumed (no more than are queued); an unknown flag or an EXT_ARG of
     * the wrong size is -EINVAL; GETEVENTS with a timeout and nothing to wait for is -ETIME.
     */
    @Test
    void enterResults() {
        try (var ring = ring(4)) {
            ring.sqe().prepNop().userData(1);
            ring.sqe().prepNop().userData(2);
            assertEquals(0, ring.publish() - 2);
            assertEquals(2, ring.enter(10, 0, 0, null, 0));
            assertEquals(0, ring.enter(1, 0, 0, null, 0));
            assertEquals(List.of(new CqeRecord(1, 0, 0), new CqeRecord(2, 0, 0)), reap(ring, 2));
            assertEquals(-22, ring.enter(0, 0, 1 << 8, null, 0));
            MemorySegment arg = ring.allocate(GETEVENTS_ARG_SIZE), ts = ring.allocate(16);
            ts.set(JAVA_LONG, 8, 1_000_000); // 1 ms
            arg.set(JAVA_INT, 8, 8);
            arg.set(JAVA_LONG, 16, ts.address());
            assertEquals(-22, ring.enter(0, 1, IORING_ENTER_GETEVENTS | IORING_ENTER_EXT_ARG, arg, 16));
            assertEquals(-62, ring.enter(0, 1, IORING_ENTER_GETEVENTS | IORING_ENTER_EXT_ARG, arg, GETEVENTS_ARG_SIZE));
            assertEquals(0, ring.enter(0, 0, IORING_ENTER_GETEVENTS, null, 0));
            // IORING_ENTER_ABS_TIMER: ignored without EXT_ARG; with it, a CLOCK_MONOTONIC deadline (here long past).
            assertEquals(0, ring.enter(0, 0, IORING_ENTER_GETEVENTS | IORING_ENTER_ABS_TIMER, null, 0));
            ts.set(JAVA_LONG, 0, 1);
            assertEquals(-62, ring.enter(0, 1, IORING_ENTER_GETEVENTS | IORING_ENTER_EXT_ARG | IORING_ENTER_ABS_TIMER, arg, GETEVENTS_ARG_SIZE));
        }
    }

    /** §1.7 rules 8-9: setup refuses entries 0 and CQE32 with CQE_MIXED with EINVAL. */
    @Test
    void setupValidation() {
        assertEquals(22, assertThrows(ErrnoException.class, () -> setup(RingSetup.entries(0))).errno());
        assertEquals(22, assertThrows(ErrnoException.class, () -> setup(RingSetup.entries(4).cqe32().cqeMixed())).errno());
    }

    /** §1.6, §1.12: PROBE reports last_op 62 and NOP, ASYNC_CANCEL and URING_CMD as supported. */
    @Test
    void probeListsTheCoreOps() {
        try (var ring = ring(4)) {
            var probe = ring.probe();
            assertEquals(62, probe.lastOp());
            assertTrue(probe.isSupported(Opcode.NOP));
            assertTrue(probe.isSupported(Opcode.ASYNC_CANCEL));
            assertTrue(probe.isSupported(Opcode.URING_CMD));
            assertFalse(probe.isSupported(63));
        }
    }
}
