package io.uringcmd.conform;

import io.uringcmd.abi.Opcode;

import java.util.ArrayList;
import java.util.List;

import static io.uringcmd.abi.Uapi.*;
import static io.uringcmd.conform.SqeSpec.nop;
import static io.uringcmd.conform.SqeSpec.nopInject;

/**
 * Generic SQE checks on opcodes (kernel-uring-cmd.md §1.6, §2.1) and IORING_OP_NOP with its 6.18 flags: injected
 * results, a file or fixed file, a fixed buffer, task-work completion and 32-byte CQEs.
 */
final class NopCases {
    private NopCases() {}

    static final int[] FORMATS = {0, IORING_SETUP_CQE32, IORING_SETUP_CQE_MIXED, IORING_SETUP_SQE128};

    static List<ConformCase> cases() {
        List<ConformCase> l = new ArrayList<>();
        opcodes(l);
        inject(l);
        nopFlags(l);
        return l;
    }

    private static ConformCase one(String name, int ringFlags, SqeSpec q, String cites) {
        return ConformCase.named(name).ring(4, ringFlags, 0).cites(cites).fill(q.userData(7)).submit().expectCqes(1);
    }

    /** Opcodes past the last (62): -EINVAL; sqe->flags bit 7: -EINVAL; BUFFER_SELECT on an op without it. */
    private static void opcodes(List<ConformCase> l) {
        for (int format : new int[]{0, IORING_SETUP_SQE128}) {
            String f = UringCmdCases.format(format);
            for (int op : new int[]{Opcode.values().length, 64, 100, 255}) {
                l.add(one("sqe/opcode=" + op + "/" + f, format, SqeSpec.op(op), "§1.6, §2.1.1"));
                l.add(one("sqe/opcode=" + op + "/flags=0x80/" + f, format, SqeSpec.op(op).flags(0x80), "§2.1.1-2"));
            }
            for (int flags : new int[]{0x80, 0xff, 0x80 | IOSQE_IO_LINK}) {
                l.add(one("sqe/nop/flags=0x" + Integer.toHexString(flags) + "/" + f, format, nop().flags(flags), "§2.1.2"));
            }
            l.add(one("sqe/nop/buffer_select/" + f, format, nop().flags(IOSQE_BUFFER_SELECT), "§2.1.3"));
            l.add(one("sqe/nop/buffer_select+ioprio/" + f, format, nop().flags(IOSQE_BUFFER_SELECT).ioprio(1), "§2.1.3, §2.1.6"));
            l.add(one("sqe/nop/ioprio=1/" + f, format, nop().ioprio(1), "§2.1.6"));
            l.add(one("sqe/nop/personality=9/" + f, format, nop().personality(9), "§2.1.9"));
            l.add(one("sqe/nop/fixed_file-without-table/" + f, format, nop().flags(IOSQE_FIXED_FILE).fd(3), "§2.1.8"));
            l.add(one("sqe/nop/fd=-1/" + f, format, nop().fd(-1), "§2.1.8"));
            l.add(one("sqe/nop/junk-fields/" + f, format, nop().addr(1).len(2).off(3).addr3(4).bufIndex(5).fileIndex(6), "§2.1"));
            l.add(one("sqe/nop/async/" + f, format, nop().flags(IOSQE_ASYNC), "§2.1"));
        }
    }

    /** IORING_NOP_INJECT_RESULT: res = sqe->len, any int. */
    private static void inject(List<ConformCase> l) {
        int[] values = {0, 1, -1, -22, -4095, -4096, 4096, Integer.MIN_VALUE, Integer.MAX_VALUE};
        for (int format : FORMATS) {
            for (int v : values) {
                l.add(one("nop/inject=" + v + "/" + UringCmdCases.format(format), format, nopInject(v), "§9"));
            }
        }
        l.add(one("nop/len-without-inject", 0, nop().len(-5), "§9"));
        l.add(one("nop/inject/async", 0, nopInject(-11).addFlags(IOSQE_ASYNC), "§9"));
        l.add(one("nop/inject/skip_success/negative", 0, nopInject(-2).addFlags(IOSQE_CQE_SKIP_SUCCESS), "§2.10"));
        l.add(ConformCase.named("nop/inject/skip_success/positive").cites("§2.10")
                .fill(nopInject(5).addFlags(IOSQE_CQE_SKIP_SUCCESS).userData(7)).submit().expectCqes(0));
        l.add(ConformCase.named("nop/skip_success/zero").fill(nop().userData(1).addFlags(IOSQE_CQE_SKIP_SUCCESS), nop().userData(2))
                .submit().expectCqes(1));
    }

    /** nop_flags: FILE, FIXED_FILE, FIXED_BUFFER, TW, CQE32, and unknown bits. */
    private static void nopFlags(List<ConformCase> l) {
        for (int bit : new int[]{6, 7, 16, 31}) {
            l.add(one("nop/nop_flags=bit" + bit, 0, nop().opFlags(1 << bit), "§2.1"));
            l.add(one("nop/nop_flags=inject|bit" + bit, 0, nopInject(3).opFlags(IORING_NOP_INJECT_RESULT | (1 << bit)), "§2.1"));
        }
        for (Target t : new Target[]{Target.ACCEPTS_ALL, Target.NO_URING_CMD, Target.CLOSED}) {
            l.add(one("nop/file/" + t, 0, nop().opFlags(IORING_NOP_FILE).target(t), "§2.1"));
            l.add(one("nop/file+inject=9/" + t, 0, nopInject(9).opFlags(IORING_NOP_FILE | IORING_NOP_INJECT_RESULT).target(t), "§2.1"));
        }
        for (int slot : new int[]{0, 1, 2, 7}) {
            l.add(ConformCase.named("nop/fixed_file/slot=" + slot).files().cites("§2.1")
                    .fill(nop().opFlags(IORING_NOP_FILE | IORING_NOP_FIXED_FILE).fd(slot).userData(7)).submit().expectCqes(1));
            l.add(ConformCase.named("nop/fixed_file/no-table/slot=" + slot).cites("§2.1")
                    .fill(nop().opFlags(IORING_NOP_FILE | IORING_NOP_FIXED_FILE).fd(slot).userData(7)).submit().expectCqes(1));
        }
        l.add(one("nop/fixed_file-without-file-flag", 0, nop().opFlags(IORING_NOP_FIXED_FILE).fd(0), "§2.1"));
        l.add(ConformCase.named("nop/iosqe_fixed_file/slot=1").files().cites("§2.1.8")
                .fill(nop().flags(IOSQE_FIXED_FILE).fd(1).userData(7)).submit().expectCqes(1));
        for (int idx : new int[]{0, 1, 2}) {
            l.add(ConformCase.named("nop/fixed_buffer/registered=2/buf_index=" + idx).buffers(2).cites("§2.1")
                    .fill(nop().opFlags(IORING_NOP_FIXED_BUFFER).bufIndex(idx).userData(7)).submit().expectCqes(1));
        }
        l.add(one("nop/fixed_buffer/none-registered", 0, nop().opFlags(IORING_NOP_FIXED_BUFFER), "§2.1"));
        l.add(one("nop/tw", 0, nop().opFlags(IORING_NOP_TW), "§2.1"));
        l.add(one("nop/tw+inject=-3", 0, nopInject(-3).opFlags(IORING_NOP_TW | IORING_NOP_INJECT_RESULT), "§2.1"));
        for (int format : FORMATS) {
            String f = UringCmdCases.format(format);
            l.add(one("nop/cqe32/" + f, format, nop().opFlags(IORING_NOP_CQE32).off(0x1122334455667788L).addr(-2L), "§2.6"));
            l.add(one("nop/cqe32+inject=-7/" + f, format,
                    nopInject(-7).opFlags(IORING_NOP_CQE32 | IORING_NOP_INJECT_RESULT).off(1).addr(2), "§2.6"));
            l.add(one("nop/all-flags/" + f, format,
                    nopInject(4).opFlags(IORING_NOP_VALID & ~IORING_NOP_FIXED_FILE).target(Target.ACCEPTS_ALL).off(5).addr(6), "§2.1"));
        }
    }
}
