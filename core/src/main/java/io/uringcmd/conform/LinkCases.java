package io.uringcmd.conform;

import java.util.ArrayList;
import java.util.List;

import static io.uringcmd.abi.Uapi.*;
import static io.uringcmd.conform.SqeSpec.nop;
import static io.uringcmd.conform.SqeSpec.nopInject;
import static io.uringcmd.conform.SqeSpec.uringCmd;

/** Links, hard links, drain and CQE_SKIP_SUCCESS (kernel-uring-cmd.md §2.1.4, §2.10). */
final class LinkCases {
    private LinkCases() {}

    static List<ConformCase> cases() {
        List<ConformCase> l = new ArrayList<>();
        int link = IOSQE_IO_LINK, hard = IOSQE_IO_HARDLINK, skip = IOSQE_CQE_SKIP_SUCCESS, drain = IOSQE_IO_DRAIN;

        // A chain of three where the middle one gives `res`: a link cancels the rest on failure, a hard link does not.
        for (int res : new int[]{0, 5, -5, -125}) {
            for (int kind : new int[]{link, hard}) {
                String k = kind == link ? "link" : "hardlink";
                l.add(ConformCase.named(k + "/nop-chain/middle=" + res).cites("§2.10")
                        .fill(nop().userData(1).flags(kind), nopInject(res).userData(2).flags(kind), nop().userData(3))
                        .submit().expectCqes(3));
            }
        }
        // uring_cmd in a chain: failure at issue (-EOPNOTSUPP, -EBADF) and at prep (-EINVAL).
        for (Target t : new Target[]{Target.ACCEPTS_ALL, Target.NO_URING_CMD, Target.CLOSED, Target.FIXED_EMPTY}) {
            for (int kind : new int[]{link, hard}) {
                String k = kind == link ? "link" : "hardlink";
                l.add(ConformCase.named(k + "/uring_cmd-head/" + t).cites("§2.10")
                        .fill(uringCmd(t).userData(1).flags(kind), nop().userData(2).flags(kind), nop().userData(3))
                        .submit().expectCqes(3));
                l.add(ConformCase.named(k + "/uring_cmd-tail/" + t).cites("§2.10")
                        .fill(nop().userData(1).flags(kind), uringCmd(t).userData(2))
                        .submit().expectCqes(2));
                l.add(ConformCase.named(k + "/uring_cmd-head/" + t + "/pad1").cites("§2.1, §2.10")
                        .fill(uringCmd(t).pad1(1).userData(1).flags(kind), nop().userData(2).flags(kind), nop().userData(3))
                        .submit().expectCqes(3));
            }
        }
        // A link that fails at prep in the middle of a chain.
        l.add(ConformCase.named("link/prep-fails-in-middle").cites("§2.1")
                .fill(nop().userData(1).flags(link), uringCmd(Target.ACCEPTS_ALL).ioprio(2).userData(2).flags(link), nop().userData(3))
                .submit().expectCqes(3));
        l.add(ConformCase.named("link/prep-fails-at-tail").cites("§2.1")
                .fill(nop().userData(1).flags(link), nop().userData(2).flags(link), SqeSpec.op(200).userData(3))
                .submit().expectCqes(3));
        // The last SQE of a submission still has IO_LINK: the chain ends with the submission, and 6.18 hands such a
        // chain to io-wq (io_queue_sqe_fallback), so it races the next submission's inline NOP: unordered.
        l.add(ConformCase.named("link/dangling-at-end-of-submit").cites("§2.10").unordered()
                .fill(nop().userData(1).flags(link), nopInject(-1).userData(2).flags(link))
                .submit().fill(nop().userData(3)).submit().expectCqes(3));
        l.add(ConformCase.named("link/split-by-to_submit").cites("§2.10").unordered()
                .fill(nop().userData(1).flags(link), nopInject(-1).userData(2).flags(link), nop().userData(3))
                .enter(2, 0, 0).enter(1, 0, 0).expectCqes(3));
        l.add(ConformCase.named("link/link+hardlink-both-set").cites("§2.10")
                .fill(nopInject(-1).userData(1).flags(link | hard), nop().userData(2))
                .submit().expectCqes(2));
        l.add(ConformCase.named("link/async-head").cites("§2.10")
                .fill(nop().userData(1).flags(link | IOSQE_ASYNC), nopInject(-4).userData(2).flags(link), nop().userData(3))
                .submit().expectCqes(3));
        l.add(ConformCase.named("link/async-uring_cmd-regular").cites("§2.10")
                .fill(uringCmd(Target.NO_URING_CMD).userData(1).flags(link | IOSQE_ASYNC), nop().userData(2))
                .submit().expectCqes(2));
        l.add(ConformCase.named("link/async-uring_cmd-accepts-all").cites("§2.10")
                .fill(uringCmd(Target.ACCEPTS_ALL).userData(1).flags(link | IOSQE_ASYNC), nop().userData(2))
                .submit().expectCqes(2));

        // CQE_SKIP_SUCCESS: no CQE on success, a CQE on failure; in links.
        l.add(ConformCase.named("skip/uring_cmd-accepts-all").cites("§2.10")
                .fill(uringCmd(Target.ACCEPTS_ALL).userData(1).flags(skip), nop().userData(2)).submit().expectCqes(1));
        l.add(ConformCase.named("skip/uring_cmd-regular").cites("§2.10")
                .fill(uringCmd(Target.NO_URING_CMD).userData(1).flags(skip), nop().userData(2)).submit().expectCqes(2));
        l.add(ConformCase.named("skip/all-succeed").cites("§2.10")
                .fill(nop().userData(1).flags(skip), nop().userData(2).flags(skip), nop().userData(3).flags(skip))
                .submit().observe(Step.What.CQ_READY).expectCqes(0));
        l.add(ConformCase.named("skip/link-chain/middle-fails").cites("§2.10")
                .fill(nop().userData(1).flags(skip | link), nopInject(-9).userData(2).flags(skip | link), nop().userData(3).flags(skip))
                .submit().expectCqes(1));
        l.add(ConformCase.named("skip/hardlink-chain/middle-fails").cites("§2.10")
                .fill(nop().userData(1).flags(skip | hard), nopInject(-9).userData(2).flags(skip | hard), nop().userData(3).flags(skip))
                .submit().expectCqes(1));
        l.add(ConformCase.named("skip/link-head-fails-tail-skips").cites("§2.10")
                .fill(nopInject(-1).userData(1).flags(link), nop().userData(2).flags(skip)).submit().expectCqes(2));

        // Drain, and drain after skip-success (-EOPNOTSUPP, §2.1.4), also across submissions.
        l.add(ConformCase.named("drain/nop-after-nops").cites("§2.1")
                .fill(nop().userData(1), nop().userData(2), nop().userData(3).flags(drain), nop().userData(4))
                .submit().expectCqes(4));
        l.add(ConformCase.named("drain/after-async").cites("§2.1")
                .fill(nop().userData(1).flags(IOSQE_ASYNC), nop().userData(2).flags(drain), nop().userData(3))
                .submit().expectCqes(3));
        l.add(ConformCase.named("drain/uring_cmd").cites("§2.1")
                .fill(uringCmd(Target.ACCEPTS_ALL).userData(1), uringCmd(Target.NO_URING_CMD).userData(2).flags(drain), nop().userData(3))
                .submit().expectCqes(3));
        l.add(ConformCase.named("drain/first-sqe").cites("§2.1")
                .fill(nop().userData(1).flags(drain), nop().userData(2)).submit().expectCqes(2));
        l.add(ConformCase.named("drain/after-skip-same-batch").cites("§2.1.4")
                .fill(nop().userData(1).flags(skip), nop().userData(2).flags(drain), nop().userData(3))
                .submit().expectCqes(1));
        l.add(ConformCase.named("drain/after-skip-next-batch").cites("§2.1.4")
                .fill(nop().userData(1).flags(skip)).submit()
                .fill(nop().userData(2).flags(drain)).submit().expectCqes(1));
        l.add(ConformCase.named("drain/after-failed-skip").cites("§2.1.4")
                .fill(nopInject(-1).userData(1).flags(skip)).submit()
                .fill(uringCmd(Target.ACCEPTS_ALL).userData(2).flags(drain)).submit().expectCqes(2));
        l.add(ConformCase.named("drain/after-skip/submit_all").ring(8, IORING_SETUP_SUBMIT_ALL, 0).cites("§2.1.4")
                .fill(nop().userData(1).flags(skip), nop().userData(2).flags(drain), nop().userData(3))
                .submit().expectCqes(2));
        l.add(ConformCase.named("drain/after-skip/linked").cites("§2.1.4")
                .fill(nop().userData(1).flags(skip), nop().userData(2).flags(drain | link), nop().userData(3))
                .submit().expectCqes(2));
        l.add(ConformCase.named("drain/drain+link-chain").cites("§2.1")
                .fill(nop().userData(1), nop().userData(2).flags(drain | link), nopInject(-3).userData(3).flags(link), nop().userData(4))
                .submit().expectCqes(4));
        return l;
    }
}
