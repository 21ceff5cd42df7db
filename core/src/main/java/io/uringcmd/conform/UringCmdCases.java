package io.uringcmd.conform;

import java.util.ArrayList;
import java.util.List;

import static io.uringcmd.abi.Uapi.*;
import static io.uringcmd.conform.SqeSpec.nop;
import static io.uringcmd.conform.SqeSpec.uringCmd;

/**
 * The uring_cmd prep and issue matrix (kernel-uring-cmd.md §2.1-2.3, §9): uring_cmd_flags x IOSQE flags x targets x
 * ring formats, then the reserved fields, ioprio, personality and the fields uring_cmd leaves to the driver.
 *
 * <p>Each matrix case submits the command (user_data 1) and a NOP (user_data 2) in one enter, so the result also
 * shows whether submission stopped at a failed SQE and what a link did to the NOP. The CQE count comes from
 * {@link #cqes}, which follows the kernel's rules; a wrong count shows up as a corpus error on the kernel.
 *
 * <p>Never generated, because the kernel would leak the request (§3.6): MULTISHOT to a target that reaches a driver
 * ({@link Target#reachesDriver()}), whatever the other fields say.
 */
final class UringCmdCases {
    private UringCmdCases() {}

    static final int[] URING_CMD_FLAGS = {0, IORING_URING_CMD_FIXED, IORING_URING_CMD_MULTISHOT,
            IORING_URING_CMD_FIXED | IORING_URING_CMD_MULTISHOT, 4, 1 << 30, 1 << 31};

    static final int[] IOSQE_SETS = {0, IOSQE_IO_DRAIN, IOSQE_IO_LINK, IOSQE_IO_HARDLINK, IOSQE_ASYNC, IOSQE_BUFFER_SELECT,
            IOSQE_CQE_SKIP_SUCCESS, 0x80, IOSQE_IO_LINK | IOSQE_CQE_SKIP_SUCCESS, IOSQE_ASYNC | IOSQE_CQE_SKIP_SUCCESS,
            IOSQE_BUFFER_SELECT | IOSQE_ASYNC, IOSQE_BUFFER_SELECT | IOSQE_IO_LINK, IOSQE_IO_DRAIN | IOSQE_CQE_SKIP_SUCCESS,
            IOSQE_BUFFER_SELECT | IOSQE_CQE_SKIP_SUCCESS | IOSQE_IO_HARDLINK};

    /** Ring formats: 64/16, SQE128+CQE32, CQE_MIXED. */
    static final int[] FORMATS = {0, IORING_SETUP_SQE128 | IORING_SETUP_CQE32, IORING_SETUP_CQE_MIXED};

    static List<ConformCase> cases() {
        List<ConformCase> l = new ArrayList<>();
        matrix(l);
        reservedFields(l);
        driverFields(l);
        personality(l);
        iopoll(l);
        submitAll(l);
        return l;
    }

    /** Whether io_init_req or io_uring_cmd_prep refuses the command (§2.1, §2.2); only whether, not which errno. */
    static boolean initFails(SqeSpec q, boolean drainDisabled) {
        int f = q.flags();
        int u = q.opFlags();
        boolean multishot = (u & IORING_URING_CMD_MULTISHOT) != 0;
        boolean bufsel = (f & IOSQE_BUFFER_SELECT) != 0;
        return (f & ~IOSQE_VALID) != 0
                || ((f & IOSQE_IO_DRAIN) != 0 && (drainDisabled || (f & IOSQE_CQE_SKIP_SUCCESS) != 0))
                || q.ioprio() != 0 || q.personality() != 0 || q.pad1() != 0
                || (u & ~IORING_URING_CMD_MASK) != 0
                || (multishot && (u & IORING_URING_CMD_FIXED) != 0)
                || multishot != bufsel;
    }

    /** Whether the command, once prepared, completes with 0 (the accepts-all file on a non-IOPOLL ring, §5.4). */
    static boolean succeeds(Target t, int ringFlags) {
        return t != null && t.reachesDriver() && (ringFlags & IORING_SETUP_IOPOLL) == 0;
    }

    /**
     * CQEs from [command, NOP] submitted together (§2.1 last paragraph, §2.10). A failed link head cancels the NOP,
     * and when the head has CQE_SKIP_SUCCESS the kernel posts no CQE for the canceled NOP either.
     */
    static int cqes(SqeSpec cmd, int ringFlags) {
        int f = cmd.flags();
        boolean skip = (f & IOSQE_CQE_SKIP_SUCCESS) != 0;
        if (initFails(cmd, false)) {
            // A failed SQE that links on keeps the link together (the NOP is canceled); without a link flag,
            // submission stops at the failed SQE unless SUBMIT_ALL.
            if ((f & (IOSQE_IO_LINK | IOSQE_IO_HARDLINK)) != 0) return 1 + (skip ? 0 : 1);
            return (ringFlags & IORING_SETUP_SUBMIT_ALL) != 0 ? 2 : 1;
        }
        boolean ok = succeeds(cmd.target(), ringFlags);
        if (ok) return (skip ? 0 : 1) + 1;
        // Failed at issue: a (soft) link cancels the NOP; a hard link lets it run.
        boolean canceled = (f & IOSQE_IO_LINK) != 0 && (f & IOSQE_IO_HARDLINK) == 0;
        return 1 + (canceled && skip ? 0 : 1);
    }

    private static ConformCase pair(String name, int ringFlags, SqeSpec cmd, String cites) {
        ConformCase.Builder b = ConformCase.named(name).ring(4, ringFlags, 0).cites(cites)
                .fill(cmd.userData(1), nop().userData(2))
                .submit();
        if ((cmd.flags() & IOSQE_ASYNC) != 0) b.unordered();
        return b.expectCqes(cqes(cmd, ringFlags));
    }

    private static void matrix(List<ConformCase> l) {
        for (int format : FORMATS) {
            for (Target t : Target.values()) {
                for (int u : URING_CMD_FLAGS) {
                    if ((u & IORING_URING_CMD_MULTISHOT) != 0 && t.reachesDriver()) continue; // §3.6: would leak
                    for (int f : IOSQE_SETS) {
                        SqeSpec cmd = uringCmd(t).uringCmdFlags(u).addFlags(f);
                        String name = "uring_cmd/matrix/" + format(format) + "/" + t + "/flags=" + SqeSpec.describeUringCmdFlags(u)
                                + "/iosqe=" + SqeSpec.iosqe(f);
                        l.add(pair(name, format, cmd, "§2.1-2.3"));
                    }
                }
            }
        }
    }

    static String format(int ringFlags) {
        return ringFlags == 0 ? "plain" : SetupCases.flagNames(ringFlags);
    }

    /** pad1, ioprio, personality: -EINVAL before any file is looked up (§2.1.6, §2.1.9, §2.2.1). */
    private static void reservedFields(List<ConformCase> l) {
        record Field(String name, java.util.function.UnaryOperator<SqeSpec> set) {}
        List<Field> fields = List.of(
                new Field("pad1=1", q -> q.pad1(1)),
                new Field("pad1=0x80000000", q -> q.pad1(0x80000000)),
                new Field("ioprio=1", q -> q.ioprio(1)),
                new Field("ioprio=0xffff", q -> q.ioprio(0xffff)),
                new Field("personality=77", q -> q.personality(77)),
                new Field("personality=0xffff", q -> q.personality(0xffff)));
        for (int format : new int[]{0, IORING_SETUP_SQE128}) {
            for (Target t : Target.values()) {
                for (Field fl : fields) {
                    l.add(pair("uring_cmd/reserved/" + format(format) + "/" + t + "/" + fl.name(), format, fl.set().apply(uringCmd(t)), "§2.1-2.2"));
                    l.add(pair("uring_cmd/reserved/" + format(format) + "/" + t + "/" + fl.name() + "/fixed", format,
                            fl.set().apply(uringCmd(t).uringCmdFlags(IORING_URING_CMD_FIXED).bufIndex(3)), "§2.1-2.2"));
                    if (!t.reachesDriver()) {
                        // MULTISHOT + BUFFER_SELECT with one bad field: refused in prep; only to targets that fail before a driver.
                        l.add(pair("uring_cmd/reserved/" + format(format) + "/" + t + "/" + fl.name() + "/multishot+bufsel", format,
                                fl.set().apply(uringCmd(t).uringCmdFlags(IORING_URING_CMD_MULTISHOT).addFlags(IOSQE_BUFFER_SELECT)), "§2.1-2.2"));
                    }
                }
            }
        }
        // Which check wins: the generic ones (io_init_req) come before uring_cmd prep, prep before the file.
        l.add(pair("uring_cmd/order/drain-after-skip+pad1", 0, uringCmd(Target.ACCEPTS_ALL).pad1(1)
                .addFlags(IOSQE_IO_DRAIN | IOSQE_CQE_SKIP_SUCCESS), "§2.1.4"));
        l.add(pair("uring_cmd/order/0x80+ioprio", 0, uringCmd(Target.CLOSED).addFlags(0x80).ioprio(1), "§2.1.2"));
        l.add(pair("uring_cmd/order/ioprio+closed", 0, uringCmd(Target.CLOSED).ioprio(1), "§2.1.6"));
        l.add(pair("uring_cmd/order/pad1+closed", 0, uringCmd(Target.CLOSED).pad1(1), "§2.2.1"));
        l.add(pair("uring_cmd/order/bad-flags+fixed-empty", 0, uringCmd(Target.FIXED_EMPTY).uringCmdFlags(4), "§2.2.2"));
        l.add(pair("uring_cmd/order/bufsel-without-multishot+regular", 0, uringCmd(Target.NO_URING_CMD).addFlags(IOSQE_BUFFER_SELECT), "§2.2.4"));
        l.add(pair("uring_cmd/order/fixed-file-without-table", 0, uringCmd(null).fd(0).addFlags(IOSQE_FIXED_FILE), "§2.1.8"));
        l.add(pair("uring_cmd/order/fixed-file-without-table/slot-1000", 0, uringCmd(null).fd(1000).addFlags(IOSQE_FIXED_FILE), "§2.1.8"));
        l.add(pair("uring_cmd/order/fd=-1", 0, uringCmd(null).fd(-1), "§2.1.8"));
        l.add(pair("uring_cmd/order/fixed-file+fd=-1", 0, uringCmd(null).fd(-1).addFlags(IOSQE_FIXED_FILE), "§2.1.8"));
    }

    /** Fields the uring_cmd core passes to the driver untouched: any value is fine to it (§5.4: /dev/null answers 0). */
    private static void driverFields(List<ConformCase> l) {
        record Field(String name, java.util.function.UnaryOperator<SqeSpec> set) {}
        List<Field> fields = List.of(
                new Field("cmd_op=1", q -> q.cmdOp(1)),
                new Field("cmd_op=0x1234", q -> q.cmdOp(0x1234)),
                new Field("cmd_op=0xffffffff", q -> q.cmdOp(0xffffffff)),
                new Field("addr=0xdead0000", q -> q.addr(0xdead0000L)),
                new Field("len=4096", q -> q.len(4096)),
                new Field("len=-1", q -> q.len(-1)),
                new Field("buf_index=1000", q -> q.bufIndex(1000)),
                new Field("file_index=7", q -> q.fileIndex(7)),
                new Field("addr3=-1", q -> q.addr3(-1L)),
                new Field("pad2=1", q -> q.pad2(1)),
                new Field("fixed+buf_index=1000", q -> q.uringCmdFlags(IORING_URING_CMD_FIXED).bufIndex(1000)));
        for (int format : new int[]{0, IORING_SETUP_SQE128 | IORING_SETUP_CQE32}) {
            for (Target t : new Target[]{Target.ACCEPTS_ALL, Target.NO_URING_CMD, Target.FIXED_ACCEPTS_ALL}) {
                for (Field fl : fields) {
                    l.add(pair("uring_cmd/driver-fields/" + format(format) + "/" + t + "/" + fl.name(), format, fl.set().apply(uringCmd(t)), "§2.2, §5.4"));
                }
            }
        }
        // FIXED with registered buffers: the index is not checked before the driver (§2.2.3).
        for (int idx : new int[]{0, 1, 2, 100}) {
            SqeSpec cmd = uringCmd(Target.ACCEPTS_ALL).uringCmdFlags(IORING_URING_CMD_FIXED).bufIndex(idx).userData(1);
            l.add(ConformCase.named("uring_cmd/fixed-buffer/registered=2/buf_index=" + idx).buffers(2).cites("§2.2.3")
                    .fill(cmd, nop().userData(2)).submit().expectCqes(2));
        }
    }

    /** A registered personality is accepted; an id that was never handed out is -EINVAL (§2.1.9). */
    private static void personality(List<ConformCase> l) {
        for (int id : new int[]{1, 2}) {
            for (Target t : new Target[]{Target.ACCEPTS_ALL, Target.NO_URING_CMD, Target.CLOSED}) {
                l.add(ConformCase.named("uring_cmd/personality/registered-then-" + id + "/" + t).cites("§2.1.9")
                        .register(IORING_REGISTER_PERSONALITY, new RegArg.Null(), 0)
                        .fill(uringCmd(t).personality(id).userData(1))
                        .submit().expectCqes(1));
            }
        }
        l.add(ConformCase.named("uring_cmd/personality/unregistered-again").cites("§2.1.9")
                .register(IORING_REGISTER_PERSONALITY, new RegArg.Null(), 0)
                .register(IORING_UNREGISTER_PERSONALITY, new RegArg.Null(), 1)
                .fill(uringCmd(Target.ACCEPTS_ALL).personality(1).userData(1))
                .submit().expectCqes(1));
    }

    /** An IOPOLL ring: neither /dev/null nor a regular file has uring_cmd_iopoll (§2.3.4). */
    private static void iopoll(List<ConformCase> l) {
        for (int flags : new int[]{IORING_SETUP_IOPOLL, IORING_SETUP_IOPOLL | IORING_SETUP_HYBRID_IOPOLL,
                IORING_SETUP_IOPOLL | IORING_SETUP_SQE128 | IORING_SETUP_CQE32}) {
            for (Target t : Target.values()) {
                SqeSpec cmd = uringCmd(t);
                l.add(ConformCase.named("uring_cmd/iopoll/" + format(flags) + "/" + t).ring(4, flags, 0).cites("§2.1.7, §2.3.4")
                        .fill(cmd.userData(1)).submit().expectCqes(1));
            }
            l.add(ConformCase.named("uring_cmd/iopoll/" + format(flags) + "/nop").ring(4, flags, 0).cites("§2.1.7")
                    .fill(nop().userData(1)).submit().expectCqes(1));
        }
    }

    /** SUBMIT_ALL: a failed SQE does not stop the batch (§2.1). */
    private static void submitAll(List<ConformCase> l) {
        int sa = IORING_SETUP_SUBMIT_ALL;
        l.add(pair("uring_cmd/submit_all/pad1", sa, uringCmd(Target.ACCEPTS_ALL).pad1(1), "§2.1"));
        l.add(pair("uring_cmd/submit_all/ioprio", sa, uringCmd(Target.NO_URING_CMD).ioprio(3), "§2.1"));
        l.add(pair("uring_cmd/submit_all/bad-flags/link", sa, uringCmd(Target.CLOSED).uringCmdFlags(1 << 31).addFlags(IOSQE_IO_LINK), "§2.1"));
        l.add(pair("uring_cmd/submit_all/regular", sa, uringCmd(Target.NO_URING_CMD), "§2.1"));
        l.add(pair("uring_cmd/submit_all/accepts-all/skip", sa, uringCmd(Target.ACCEPTS_ALL).addFlags(IOSQE_CQE_SKIP_SUCCESS), "§2.10"));
        l.add(ConformCase.named("uring_cmd/batch/fail-first-of-three").cites("§2.1")
                .fill(uringCmd(Target.ACCEPTS_ALL).pad1(1).userData(1), nop().userData(2), nop().userData(3))
                .submit().observe(Step.What.SQ_SPACE_LEFT).submit().expectCqes(3));
        l.add(ConformCase.named("uring_cmd/batch/fail-second-of-three").cites("§2.1")
                .fill(nop().userData(1), uringCmd(Target.ACCEPTS_ALL).ioprio(1).userData(2), nop().userData(3))
                .submit().observe(Step.What.SQ_SPACE_LEFT).submit().expectCqes(3));
        l.add(ConformCase.named("uring_cmd/batch/submit_all/fail-second-of-three").ring(8, sa, 0).cites("§2.1")
                .fill(nop().userData(1), uringCmd(Target.ACCEPTS_ALL).ioprio(1).userData(2), nop().userData(3))
                .submit().observe(Step.What.SQ_SPACE_LEFT).expectCqes(3));
    }
}
