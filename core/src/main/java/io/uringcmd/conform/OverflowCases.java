package io.uringcmd.conform;

import java.util.ArrayList;
import java.util.List;

import static io.uringcmd.abi.Uapi.*;
import static io.uringcmd.conform.SqeSpec.nop;
import static io.uringcmd.conform.SqeSpec.nopInject;
import static io.uringcmd.conform.SqeSpec.uringCmd;
import static io.uringcmd.conform.Step.What.*;

/**
 * CQ overflow (kernel-uring-cmd.md §6): completions beyond the CQ go to an overflow list in order, the SQ flag
 * IORING_SQ_CQ_OVERFLOW says so, a GETEVENTS enter moves them into free slots, and cq.overflow stays 0.
 */
final class OverflowCases {
    private OverflowCases() {}

    static List<ConformCase> cases() {
        List<ConformCase> l = new ArrayList<>();
        // Sizes: a CQ of cq entries (sq == cq), n NOPs in batches of sq, looking at the state after each batch.
        for (int cq : new int[]{1, 2, 4, 8}) {
            for (int n : java.util.stream.IntStream.of(cq + 1, 2 * cq, 3 * cq).distinct().toArray()) {
                for (int format : new int[]{0, IORING_SETUP_CQE32, IORING_SETUP_DEFER_TASKRUN | IORING_SETUP_SINGLE_ISSUER}) {
                    ConformCase.Builder b = ConformCase.named("overflow/cq=" + cq + "/nops=" + n + "/" + UringCmdCases.format(format))
                            .ring(cq, IORING_SETUP_CQSIZE | format, cq).cites("§6.1-6.4");
                    int ud = 100;
                    for (int left = n; left > 0; ) {
                        int batch = Math.min(cq, left);
                        for (int i = 0; i < batch; i++) b.fill(nop().userData(ud++));
                        b.submit().observe(SQ_FLAGS, CQ_READY, CQ_OVERFLOW);
                        left -= batch;
                    }
                    // First GETEVENTS with the CQ full: nothing moves; then reap one at a time with flushes between.
                    b.getEvents().observe(SQ_FLAGS, CQ_READY);
                    b.reap(cq).observe(SQ_FLAGS, CQ_READY).getEvents().observe(SQ_FLAGS, CQ_READY, CQ_OVERFLOW);
                    l.add(b.expectCqes(n));
                }
            }
        }
        // The documented example (§6.4): CQ of 2, 4 NOPs.
        l.add(ConformCase.named("overflow/cq=2/example").ring(2, IORING_SETUP_CQSIZE, 2).cites("§6.4")
                .fill(nop().userData(100), nop().userData(101)).submit()
                .fill(nop().userData(102), nop().userData(103)).submit()
                .observe(SQ_FLAGS, CQ_READY).reap(2).observe(SQ_FLAGS).getEvents().observe(SQ_FLAGS, CQ_READY)
                .reap(2).observe(SQ_FLAGS).expectCqes(4));
        // While overflow is pending, new completions queue behind it even when the ring has room (§6.2).
        l.add(ConformCase.named("overflow/order/new-cqe-behind-overflow").ring(2, IORING_SETUP_CQSIZE, 2).cites("§6.2")
                .fill(nop().userData(1), nop().userData(2)).submit()
                .fill(nop().userData(3)).submit()
                .reap(2).observe(SQ_FLAGS, CQ_READY)
                .fill(nop().userData(4)).submit().observe(SQ_FLAGS, CQ_READY)
                .expectCqes(4));
        // What enter returns while overflowed: submit, GETEVENTS with min_complete, a zero-timeout wait.
        l.add(ConformCase.named("overflow/enter/submit-while-overflowed").ring(2, IORING_SETUP_CQSIZE, 2).cites("§6")
                .fill(nop().userData(1), nop().userData(2)).submit()
                .fill(nop().userData(3), nop().userData(4)).submit()
                .fill(nop().userData(5), nop().userData(6)).submit()
                .observe(SQ_FLAGS, CQ_READY, CQ_OVERFLOW).expectCqes(6));
        l.add(ConformCase.named("overflow/enter/getevents-min=2-while-full").ring(2, IORING_SETUP_CQSIZE, 2).cites("§6")
                .fill(nop().userData(1), nop().userData(2)).submit()
                .fill(nop().userData(3)).submit()
                .enter(0, 2, IORING_ENTER_GETEVENTS).observe(SQ_FLAGS, CQ_READY).expectCqes(3));
        l.add(ConformCase.named("overflow/enter/submit-and-wait-into-overflow").ring(2, IORING_SETUP_CQSIZE, 2).cites("§6")
                .fill(nop().userData(1), nop().userData(2)).submit()
                .fill(nop().userData(3), nop().userData(4)).submitAndWait(2).observe(SQ_FLAGS, CQ_READY).expectCqes(4));
        l.add(ConformCase.named("overflow/enter/timeout-zero-wait-after-reap").ring(2, IORING_SETUP_CQSIZE, 2).cites("§6")
                .fill(nop().userData(1), nop().userData(2)).submit()
                .fill(nop().userData(3)).submit().reap(2)
                .enter(0, 1, IORING_ENTER_GETEVENTS | IORING_ENTER_EXT_ARG, Step.EnterArg.TIMEOUT_ZERO).observe(SQ_FLAGS, CQ_READY)
                .expectCqes(3));
        // uring_cmd completions and failures overflow in order with NOPs.
        l.add(ConformCase.named("overflow/uring_cmd-mix").ring(4, IORING_SETUP_CQSIZE, 4).cites("§6")
                .fill(uringCmd(Target.ACCEPTS_ALL).userData(1), uringCmd(Target.NO_URING_CMD).userData(2),
                        uringCmd(Target.CLOSED).userData(3), nopInject(-4).userData(4)).submit()
                .fill(uringCmd(Target.NO_URING_CMD).userData(5), uringCmd(Target.ACCEPTS_ALL).userData(6),
                        uringCmd(Target.ACCEPTS_ALL).pad1(1).userData(7)).submit()
                .observe(SQ_FLAGS, CQ_READY).expectCqes(7));
        // 32-byte CQEs overflow with their big-CQE words; a mixed ring pads before the wrap (§6.7).
        l.add(ConformCase.named("overflow/cqe32/nop-extra-words").ring(2, IORING_SETUP_CQSIZE | IORING_SETUP_CQE32, 2).cites("§6.7")
                .fill(cqe32Nop(1), cqe32Nop(2)).submit().fill(cqe32Nop(3), cqe32Nop(4)).submit()
                .observe(SQ_FLAGS, CQ_READY).expectCqes(4));
        // On cq=2 and cq=4 the 32-byte CQE that does not fit before the wrap leaves a SKIP pad and overflows; 6.18.44
        // then writes the next 16-byte CQE over the pad, past the ring's capacity (tail - head = cq + 1) and ahead of
        // the overflowed CQEs, so a reader sees 6 CQEs, one of them a stale slot read twice. A kernel bug, measured
        // here as the kernel does it; on cq=8 nothing wraps and all is in order.
        for (int cq : new int[]{2, 4, 8}) {
            l.add(ConformCase.named("overflow/cqe_mixed/cq=" + cq + "/16-32-interleaved").ring(cq, IORING_SETUP_CQSIZE | IORING_SETUP_CQE_MIXED, cq)
                    .cites("§6.7")
                    .fill(nop().userData(1)).submit().observe(CQ_READY).fill(cqe32Nop(2)).submit().observe(SQ_FLAGS, CQ_READY)
                    .fill(cqe32Nop(3)).submit().observe(SQ_FLAGS, CQ_READY).fill(nop().userData(4)).submit().observe(SQ_FLAGS, CQ_READY)
                    .fill(cqe32Nop(5)).submit()
                    .observe(SQ_FLAGS, CQ_READY).expectCqes(cq == 8 ? 5 : 6));
        }
        l.add(ConformCase.named("overflow/cqe_mixed/wrap-padding").ring(4, IORING_SETUP_CQSIZE | IORING_SETUP_CQE_MIXED, 4).cites("§6.7")
                .fill(nop().userData(1), nop().userData(2), nop().userData(3)).submit().reap(3).observe(CQ_READY)
                .fill(cqe32Nop(4)).submit().observe(CQ_READY)
                .fill(cqe32Nop(5)).submit().observe(CQ_READY).expectCqes(5));
        // Overflow with skip-success: skipped CQEs take no slot.
        l.add(ConformCase.named("overflow/skip-success-takes-no-slot").ring(2, IORING_SETUP_CQSIZE, 2).cites("§6, §2.10")
                .fill(nop().userData(1).flags(IOSQE_CQE_SKIP_SUCCESS), nop().userData(2)).submit()
                .fill(nop().userData(3).flags(IOSQE_CQE_SKIP_SUCCESS), nop().userData(4)).submit()
                .observe(SQ_FLAGS, CQ_READY).expectCqes(2));
        return l;
    }

    private static SqeSpec cqe32Nop(long ud) {
        return nop().opFlags(IORING_NOP_CQE32).off(ud * 1000).addr(ud * 1_000_000).userData(ud);
    }
}
