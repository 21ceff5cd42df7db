package io.uringcmd.conform;

import io.uringcmd.ring.RingSetup;

import java.util.ArrayList;
import java.util.List;

import static io.uringcmd.abi.Uapi.*;

/**
 * io_uring_setup validation (kernel-uring-cmd.md §1.7): the result is the errno, or the parameters written back
 * (entries, flags, features, every ring offset).
 */
final class SetupCases {
    private SetupCases() {}

    static List<ConformCase> cases() {
        List<ConformCase> l = new ArrayList<>();
        // Entries, with and without CLAMP (§1.7.9).
        int[] entries = {0, 1, 2, 3, 5, 8, 100, 4096, 32767, 32768, 32769, 65536, 1 << 20, -1};
        for (int clamp : new int[]{0, IORING_SETUP_CLAMP}) {
            for (int e : entries) {
                l.add(setup("setup/entries=" + Integer.toUnsignedString(e) + (clamp != 0 ? "/clamp" : ""), RingSetup.raw(e, clamp, 0), "§1.7.9"));
            }
        }
        // CQSIZE (§1.7.10): 0, < sq, rounding, > 65536 with and without CLAMP.
        int[] cqs = {0, 1, 4, 7, 8, 9, 16, 17, 1000, 65536, 65537, 1 << 20, -1};
        for (int clamp : new int[]{0, IORING_SETUP_CLAMP}) {
            for (int cq : cqs) {
                l.add(setup("setup/sq=8/cqsize=" + Integer.toUnsignedString(cq) + (clamp != 0 ? "/clamp" : ""),
                        RingSetup.raw(8, IORING_SETUP_CQSIZE | clamp, cq), "§1.7.10"));
            }
        }
        l.add(setup("setup/sq=40000/clamp/cqsize=40000", RingSetup.raw(40000, IORING_SETUP_CQSIZE | IORING_SETUP_CLAMP, 40000), "§1.7.9-10"));
        l.add(setup("setup/sq=1/cqsize=1", RingSetup.raw(1, IORING_SETUP_CQSIZE, 1), "§1.7.10"));
        l.add(setup("setup/cq-without-cqsize-is-ignored", RingSetup.raw(8, 0, 3), "§1.7.10"));
        // Every flag alone (§1.7.1-13).
        for (int bit = 0; bit < 32; bit++) {
            int f = 1 << bit;
            if (f == IORING_SETUP_CQSIZE) continue; // above
            l.add(setup("setup/flag-bit-" + bit + "/" + flagName(f), RingSetup.raw(8, f, 0), "§1.7.2"));
        }
        // Combinations with a rule each.
        int[][] combos = {
                {IORING_SETUP_SQE128 | IORING_SETUP_CQE32},
                {IORING_SETUP_SQE128 | IORING_SETUP_CQE_MIXED},
                {IORING_SETUP_CQE32 | IORING_SETUP_CQE_MIXED},
                {IORING_SETUP_SQE128 | IORING_SETUP_CQE32 | IORING_SETUP_CQE_MIXED},
                {IORING_SETUP_NO_SQARRAY | IORING_SETUP_SQE128},
                {IORING_SETUP_NO_SQARRAY | IORING_SETUP_CQE32},
                {IORING_SETUP_NO_SQARRAY | IORING_SETUP_CQE_MIXED},
                {IORING_SETUP_NO_SQARRAY | IORING_SETUP_SQE128 | IORING_SETUP_CQE32},
                {IORING_SETUP_DEFER_TASKRUN | IORING_SETUP_SINGLE_ISSUER},
                {IORING_SETUP_DEFER_TASKRUN | IORING_SETUP_COOP_TASKRUN},
                {IORING_SETUP_DEFER_TASKRUN | IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_TASKRUN_FLAG},
                {IORING_SETUP_TASKRUN_FLAG | IORING_SETUP_COOP_TASKRUN},
                {IORING_SETUP_TASKRUN_FLAG | IORING_SETUP_SINGLE_ISSUER},
                {IORING_SETUP_SQPOLL | IORING_SETUP_COOP_TASKRUN},
                {IORING_SETUP_SQPOLL | IORING_SETUP_TASKRUN_FLAG | IORING_SETUP_COOP_TASKRUN},
                {IORING_SETUP_SQPOLL | IORING_SETUP_DEFER_TASKRUN | IORING_SETUP_SINGLE_ISSUER},
                {IORING_SETUP_SQPOLL | IORING_SETUP_SQ_AFF},
                {IORING_SETUP_SQPOLL | IORING_SETUP_IOPOLL},
                {IORING_SETUP_IOPOLL | IORING_SETUP_HYBRID_IOPOLL},
                {IORING_SETUP_IOPOLL | IORING_SETUP_SQE128 | IORING_SETUP_CQE32},
                {IORING_SETUP_NO_MMAP | IORING_SETUP_REGISTERED_FD_ONLY},
                {IORING_SETUP_R_DISABLED | IORING_SETUP_SUBMIT_ALL},
                {IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_COOP_TASKRUN | IORING_SETUP_SUBMIT_ALL},
                {IORING_SETUP_CQE_MIXED | IORING_SETUP_CLAMP},
                {IORING_SETUP_SQE128 | (1 << 19)},
                {IORING_SETUP_CQE32 | (1 << 31)},
                {IORING_SETUP_VALID & ~(IORING_SETUP_SQPOLL | IORING_SETUP_SQ_AFF | IORING_SETUP_ATTACH_WQ | IORING_SETUP_NO_MMAP | IORING_SETUP_REGISTERED_FD_ONLY | IORING_SETUP_CQE_MIXED)},
        };
        for (int[] c : combos) l.add(setup("setup/flags=" + flagNames(c[0]), RingSetup.raw(8, c[0], 0), "§1.7"));
        // A CQE_MIXED ring needs cq >= 2 (§1.7.12); sq 1 gives cq 2.
        l.add(setup("setup/cqe_mixed/sq=1", RingSetup.raw(1, IORING_SETUP_CQE_MIXED, 0), "§1.7.12"));
        l.add(setup("setup/cqe_mixed/sq=1/cqsize=1", RingSetup.raw(1, IORING_SETUP_CQE_MIXED | IORING_SETUP_CQSIZE, 1), "§1.7.12"));
        l.add(setup("setup/cqe32/sq=4096", RingSetup.raw(4096, IORING_SETUP_CQE32, 0), "§1.8"));
        l.add(setup("setup/sqe128/no_sqarray/sq=3", RingSetup.raw(3, IORING_SETUP_SQE128 | IORING_SETUP_NO_SQARRAY, 0), "§1.8"));
        // params.resv (§1.7.1), sq_thread_idle without SQPOLL (§1.7.11).
        for (int i = 0; i < 3; i++) l.add(setup("setup/resv[" + i + "]=1", RingSetup.raw(8, 0, 0).resv(i, 1), "§1.7.1"));
        l.add(setup("setup/resv[0]=1/entries=0", RingSetup.raw(0, 0, 0).resv(0, 1), "§1.7.1"));
        l.add(setup("setup/resv[2]=1/unknown-bit-20", RingSetup.raw(8, 1 << 20, 0).resv(2, 1), "§1.7.1-2"));
        l.add(setup("setup/sq_thread_idle-without-sqpoll", RingSetup.raw(8, 0, 0).sqThreadIdle(1000), "§1.7.11"));
        l.add(setup("setup/sqpoll/sq_thread_idle=10", RingSetup.raw(8, IORING_SETUP_SQPOLL, 0).sqThreadIdle(10), "§1.7"));
        // Rule order: which error wins.
        l.add(setup("setup/order/unknown-bit-and-entries=0", RingSetup.raw(0, 1 << 19, 0), "§1.7.2"));
        l.add(setup("setup/order/defer-without-single-and-entries=0", RingSetup.raw(0, IORING_SETUP_DEFER_TASKRUN, 0), "§1.7.7"));
        l.add(setup("setup/order/cqe32+mixed-and-entries=0", RingSetup.raw(0, IORING_SETUP_CQE32 | IORING_SETUP_CQE_MIXED, 0), "§1.7.8"));
        l.add(setup("setup/order/taskrun-flag-and-cqsize=0", RingSetup.raw(8, IORING_SETUP_TASKRUN_FLAG | IORING_SETUP_CQSIZE, 0), "§1.7.5"));
        return l;
    }

    private static ConformCase setup(String name, RingSetup<io.uringcmd.ring.Sqe> s, String cites) {
        return ConformCase.named(name).ring(s).cites(cites).expectCqes(0);
    }

    static String flagName(int f) {
        return switch (f) {
            case IORING_SETUP_IOPOLL -> "IOPOLL";
            case IORING_SETUP_SQPOLL -> "SQPOLL";
            case IORING_SETUP_SQ_AFF -> "SQ_AFF";
            case IORING_SETUP_CQSIZE -> "CQSIZE";
            case IORING_SETUP_CLAMP -> "CLAMP";
            case IORING_SETUP_ATTACH_WQ -> "ATTACH_WQ";
            case IORING_SETUP_R_DISABLED -> "R_DISABLED";
            case IORING_SETUP_SUBMIT_ALL -> "SUBMIT_ALL";
            case IORING_SETUP_COOP_TASKRUN -> "COOP_TASKRUN";
            case IORING_SETUP_TASKRUN_FLAG -> "TASKRUN_FLAG";
            case IORING_SETUP_SQE128 -> "SQE128";
            case IORING_SETUP_CQE32 -> "CQE32";
            case IORING_SETUP_SINGLE_ISSUER -> "SINGLE_ISSUER";
            case IORING_SETUP_DEFER_TASKRUN -> "DEFER_TASKRUN";
            case IORING_SETUP_NO_MMAP -> "NO_MMAP";
            case IORING_SETUP_REGISTERED_FD_ONLY -> "REGISTERED_FD_ONLY";
            case IORING_SETUP_NO_SQARRAY -> "NO_SQARRAY";
            case IORING_SETUP_HYBRID_IOPOLL -> "HYBRID_IOPOLL";
            case IORING_SETUP_CQE_MIXED -> "CQE_MIXED";
            default -> "unknown";
        };
    }

    static String flagNames(int flags) {
        StringBuilder b = new StringBuilder();
        for (int bit = 0; bit < 32; bit++) {
            int f = 1 << bit;
            if ((flags & f) == 0) continue;
            String n = flagName(f);
            b.append(b.isEmpty() ? "" : "|").append(n.equals("unknown") ? "bit" + bit : n);
        }
        return b.isEmpty() ? "0" : b.toString();
    }
}
