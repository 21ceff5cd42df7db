package io.uringcmd.embedded;

import io.uringcmd.abi.Errno;
import io.uringcmd.abi.ParamsLayout;

import java.lang.foreign.MemorySegment;

import static io.uringcmd.abi.Uapi.*;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * {@code io_uring_setup} validation of 6.18, in the kernel's order (kernel-uring-cmd.md §1.7): io_uring_setup,
 * io_uring_sanitise_params, io_uring_fill_params, then the SQPOLL offload and ring allocation checks. Returns 0
 * or {@code -errno}.
 */
final class SetupRules {
    private SetupRules() {}

    static int validate(int entries, MemorySegment p) {
        final int EINVAL = -Errno.EINVAL.value();
        for (int i = 0; i < 3; i++) if (p.get(JAVA_INT, ParamsLayout.RESV + 4L * i) != 0) return EINVAL;          // 1
        int flags = p.get(JAVA_INT, ParamsLayout.FLAGS);
        if ((flags & ~IORING_SETUP_VALID) != 0) return EINVAL;                                                     // 2
        if ((flags & IORING_SETUP_REGISTERED_FD_ONLY) != 0 && (flags & IORING_SETUP_NO_MMAP) == 0) return EINVAL; // 3
        if ((flags & IORING_SETUP_SQPOLL) != 0
                && (flags & (IORING_SETUP_COOP_TASKRUN | IORING_SETUP_TASKRUN_FLAG | IORING_SETUP_DEFER_TASKRUN)) != 0) return EINVAL; // 4
        if ((flags & IORING_SETUP_TASKRUN_FLAG) != 0
                && (flags & (IORING_SETUP_COOP_TASKRUN | IORING_SETUP_DEFER_TASKRUN)) == 0) return EINVAL;        // 5
        if ((flags & IORING_SETUP_HYBRID_IOPOLL) != 0 && (flags & IORING_SETUP_IOPOLL) == 0) return EINVAL;       // 6
        if ((flags & IORING_SETUP_DEFER_TASKRUN) != 0 && (flags & IORING_SETUP_SINGLE_ISSUER) == 0) return EINVAL; // 7
        if ((flags & IORING_SETUP_CQE32) != 0 && (flags & IORING_SETUP_CQE_MIXED) != 0) return EINVAL;            // 8
        if (entries == 0) return EINVAL;                                                                           // 9
        long e = Integer.toUnsignedLong(entries);
        if (e > IORING_MAX_ENTRIES) {
            if ((flags & IORING_SETUP_CLAMP) == 0) return EINVAL;
            e = IORING_MAX_ENTRIES;
        }
        long sq = roundUpPow2(e);
        if ((flags & IORING_SETUP_CQSIZE) != 0) {                                                                  // 10
            long cq = Integer.toUnsignedLong(p.get(JAVA_INT, ParamsLayout.CQ_ENTRIES));
            if (cq == 0) return EINVAL;
            if (cq > IORING_MAX_CQ_ENTRIES) {
                if ((flags & IORING_SETUP_CLAMP) == 0) return EINVAL;
                cq = IORING_MAX_CQ_ENTRIES;
            }
            cq = roundUpPow2(cq);
            if (cq < sq) return EINVAL;
            // rings_size() returns SIZE_MAX, which io_allocate_scq_urings turns into -EOVERFLOW [E: conform case
            // setup/cqe_mixed/sq=1/cqsize=1].
            if ((flags & IORING_SETUP_CQE_MIXED) != 0 && cq < 2) return -Errno.EOVERFLOW.value();                 // 12
        }
        if ((flags & IORING_SETUP_NO_MMAP) != 0
                && p.get(JAVA_LONG, ParamsLayout.SQ_OFF + ParamsLayout.SQO_USER_ADDR) == 0) return -Errno.EFAULT.value(); // 11
        if ((flags & IORING_SETUP_NO_MMAP) != 0) return EINVAL; // user-provided ring memory: not on the embedded host
        if ((flags & IORING_SETUP_ATTACH_WQ) != 0) return EINVAL; // wq_fd of this host's rings is not modelled
        if ((flags & IORING_SETUP_SQ_AFF) != 0 && (flags & IORING_SETUP_SQPOLL) == 0) return EINVAL;              // 11
        return 0;
    }

    static long roundUpPow2(long v) {
        long h = Long.highestOneBit(v);
        return h == v ? v : h << 1;
    }
}
