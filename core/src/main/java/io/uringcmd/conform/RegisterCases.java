package io.uringcmd.conform;

import io.uringcmd.abi.Opcode;

import java.util.ArrayList;
import java.util.List;

import static io.uringcmd.abi.Uapi.*;
import static io.uringcmd.conform.RegArg.Fd.*;
import static io.uringcmd.conform.SqeSpec.nop;
import static io.uringcmd.conform.SqeSpec.uringCmd;
import static io.uringcmd.conform.Step.What.*;

/**
 * Registered files and buffers, provided-buffer rings (kernel-uring-cmd.md §4.1, §4.5), and the enter and register
 * calls' own argument checks (§1.10, §1.12).
 */
final class RegisterCases {
    private RegisterCases() {}

    static List<ConformCase> cases() {
        List<ConformCase> l = new ArrayList<>();
        files(l);
        buffers(l);
        bufRings(l);
        legacyBuffers(l);
        enter(l);
        restrictions(l);
        registerOpcodes(l);
        return l;
    }

    private static ConformCase.Builder c(String name) { return ConformCase.named(name); }

    private static void files(List<ConformCase> l) {
        RegArg both = new RegArg.Fds(ACCEPTS_ALL, NO_URING_CMD);
        l.add(c("files/register/null-nr=0").register(IORING_REGISTER_FILES, new RegArg.Null(), 0).expectCqes(0));
        l.add(c("files/register/null-nr=2").register(IORING_REGISTER_FILES, new RegArg.Null(), 2).expectCqes(0));
        l.add(c("files/register/two").register(IORING_REGISTER_FILES, both, 2).expectCqes(0));
        l.add(c("files/register/twice").register(IORING_REGISTER_FILES, both, 2).register(IORING_REGISTER_FILES, both, 2).expectCqes(0));
        l.add(c("files/register/closed").register(IORING_REGISTER_FILES, new RegArg.Fds(ACCEPTS_ALL, CLOSED), 2).expectCqes(0));
        l.add(c("files/register/sparse").register(IORING_REGISTER_FILES, new RegArg.Fds(EMPTY, EMPTY, EMPTY), 3).expectCqes(0));
        l.add(c("files/register/minus-2").register(IORING_REGISTER_FILES, new RegArg.Fds(SKIP), 1).expectCqes(0));
        l.add(c("files/register/nr=0").register(IORING_REGISTER_FILES, both, 0).expectCqes(0));
        l.add(c("files/register/nr-too-big").register(IORING_REGISTER_FILES, both, (1 << 20) + 1).expectCqes(0));
        l.add(c("files/register/bad-pointer").register(IORING_REGISTER_FILES, new RegArg.BadPointer(8), 1).expectCqes(0));
        l.add(c("files/unregister/none").register(IORING_UNREGISTER_FILES, new RegArg.Null(), 0).expectCqes(0));
        l.add(c("files/unregister/nr=1").register(IORING_REGISTER_FILES, both, 2)
                .register(IORING_UNREGISTER_FILES, new RegArg.Null(), 1).expectCqes(0));
        l.add(c("files/unregister/then-use-slot").register(IORING_REGISTER_FILES, both, 2)
                .register(IORING_UNREGISTER_FILES, new RegArg.Null(), 0)
                .fill(uringCmd(null).fd(0).flags(IOSQE_FIXED_FILE).userData(1)).submit().expectCqes(1));
        // A raw table, then fixed-file uring_cmds against it.
        for (int slot = 0; slot < 4; slot++) {
            l.add(c("files/register-then-uring_cmd/slot=" + slot).cites("§2.1.8")
                    .register(IORING_REGISTER_FILES, new RegArg.Fds(NO_URING_CMD, ACCEPTS_ALL, EMPTY), 3)
                    .fill(uringCmd(null).fd(slot).flags(IOSQE_FIXED_FILE).userData(1)).submit().expectCqes(1));
        }
        // FILES_UPDATE: the table changes under the same slot numbers.
        l.add(c("files/update/no-table").register(IORING_REGISTER_FILES_UPDATE, new RegArg.FilesUpdate(0, 0, ACCEPTS_ALL), 1).expectCqes(0));
        l.add(c("files/update/swap-slots").files()
                .register(IORING_REGISTER_FILES_UPDATE, new RegArg.FilesUpdate(0, 0, NO_URING_CMD, ACCEPTS_ALL), 2)
                .fill(uringCmd(null).fd(0).flags(IOSQE_FIXED_FILE).userData(1), uringCmd(null).fd(1).flags(IOSQE_FIXED_FILE).userData(2))
                .submit().expectCqes(2));
        l.add(c("files/update/fill-empty-slot").files()
                .register(IORING_REGISTER_FILES_UPDATE, new RegArg.FilesUpdate(2, 0, ACCEPTS_ALL), 1)
                .fill(uringCmd(null).fd(2).flags(IOSQE_FIXED_FILE).userData(1)).submit().expectCqes(1));
        l.add(c("files/update/clear-slot").files()
                .register(IORING_REGISTER_FILES_UPDATE, new RegArg.FilesUpdate(0, 0, EMPTY), 1)
                .fill(uringCmd(null).fd(0).flags(IOSQE_FIXED_FILE).userData(1)).submit().expectCqes(1));
        l.add(c("files/update/skip").files()
                .register(IORING_REGISTER_FILES_UPDATE, new RegArg.FilesUpdate(0, 0, SKIP, SKIP), 2).expectCqes(0));
        l.add(c("files/update/closed").files()
                .register(IORING_REGISTER_FILES_UPDATE, new RegArg.FilesUpdate(1, 0, CLOSED), 1).expectCqes(0));
        l.add(c("files/update/past-end").files()
                .register(IORING_REGISTER_FILES_UPDATE, new RegArg.FilesUpdate(2, 0, ACCEPTS_ALL, ACCEPTS_ALL), 2).expectCqes(0));
        l.add(c("files/update/offset-far").files()
                .register(IORING_REGISTER_FILES_UPDATE, new RegArg.FilesUpdate(100, 0, ACCEPTS_ALL), 1).expectCqes(0));
        l.add(c("files/update/resv").files()
                .register(IORING_REGISTER_FILES_UPDATE, new RegArg.FilesUpdate(0, 1, ACCEPTS_ALL), 1).expectCqes(0));
        l.add(c("files/update/nr=0").files()
                .register(IORING_REGISTER_FILES_UPDATE, new RegArg.FilesUpdate(0, 0, ACCEPTS_ALL), 0).expectCqes(0));
    }

    private static void buffers(List<ConformCase> l) {
        RegArg.Iov b4k = RegArg.Iov.buffer(4096);
        l.add(c("buffers/register/one").register(IORING_REGISTER_BUFFERS, new RegArg.Iovecs(b4k), 1).expectCqes(0));
        l.add(c("buffers/register/twice").register(IORING_REGISTER_BUFFERS, new RegArg.Iovecs(b4k), 1)
                .register(IORING_REGISTER_BUFFERS, new RegArg.Iovecs(b4k), 1).expectCqes(0));
        l.add(c("buffers/register/nr=0").register(IORING_REGISTER_BUFFERS, new RegArg.Iovecs(b4k), 0).expectCqes(0));
        l.add(c("buffers/register/nr=16385").register(IORING_REGISTER_BUFFERS, new RegArg.Iovecs(b4k), 16385).expectCqes(0));
        l.add(c("buffers/register/null").register(IORING_REGISTER_BUFFERS, new RegArg.Null(), 1).expectCqes(0));
        l.add(c("buffers/register/sparse").register(IORING_REGISTER_BUFFERS, new RegArg.Iovecs(RegArg.Iov.raw(0, 0), b4k), 2).expectCqes(0));
        l.add(c("buffers/register/null-base-with-len").register(IORING_REGISTER_BUFFERS, new RegArg.Iovecs(RegArg.Iov.raw(0, 4096)), 1).expectCqes(0));
        l.add(c("buffers/register/unmapped").register(IORING_REGISTER_BUFFERS, new RegArg.Iovecs(RegArg.Iov.raw(0x1000, 4096)), 1).expectCqes(0));
        l.add(c("buffers/register/over-1g").register(IORING_REGISTER_BUFFERS, new RegArg.Iovecs(RegArg.Iov.raw(0x1000, (1L << 30) + 1)), 1).expectCqes(0));
        l.add(c("buffers/unregister/none").register(IORING_UNREGISTER_BUFFERS, new RegArg.Null(), 0).expectCqes(0));
        l.add(c("buffers/unregister/nr=1").register(IORING_REGISTER_BUFFERS, new RegArg.Iovecs(b4k), 1)
                .register(IORING_UNREGISTER_BUFFERS, new RegArg.Null(), 1).expectCqes(0));
        l.add(c("buffers/unregister/ok").register(IORING_REGISTER_BUFFERS, new RegArg.Iovecs(b4k), 1)
                .register(IORING_UNREGISTER_BUFFERS, new RegArg.Null(), 0).expectCqes(0));
    }

    private static void bufRings(List<ConformCase> l) {
        RegArg.BufReg ok = RegArg.BufReg.of(8, 1);
        int reg = IORING_REGISTER_PBUF_RING, unreg = IORING_UNREGISTER_PBUF_RING, status = IORING_REGISTER_PBUF_STATUS;
        l.add(c("bufring/register/ok").cites("§4.1").register(reg, ok, 1).expectCqes(0));
        l.add(c("bufring/register/nr=0").cites("§4.1.1").register(reg, ok, 0).expectCqes(0));
        l.add(c("bufring/register/nr=2").cites("§4.1.1").register(reg, ok, 2).expectCqes(0));
        l.add(c("bufring/register/null").cites("§4.1.2").register(reg, new RegArg.Null(), 1).expectCqes(0));
        l.add(c("bufring/register/resv").cites("§4.1.3").register(reg, new RegArg.BufReg(RegArg.RingAddr.PAGES, 8, 1, 0, 1), 1).expectCqes(0));
        for (int flags : new int[]{IOU_PBUF_RING_MMAP, IOU_PBUF_RING_INC, IOU_PBUF_RING_MMAP | IOU_PBUF_RING_INC, 4, 0x8000}) {
            RegArg.RingAddr addr = (flags & IOU_PBUF_RING_MMAP) != 0 ? RegArg.RingAddr.ZERO : RegArg.RingAddr.PAGES;
            l.add(c("bufring/register/flags=" + flags).cites("§4.1.4, §4.1.8").register(reg, new RegArg.BufReg(addr, 8, 1, flags, 0), 1).expectCqes(0));
        }
        for (int n : new int[]{0, 1, 2, 3, 100, 4096, 32768, 65536, 1 << 20}) {
            l.add(c("bufring/register/entries=" + n).cites("§4.1.5-6").register(reg, RegArg.BufReg.of(n, 1), 1).expectCqes(0));
        }
        for (int bgid : new int[]{0, 65535}) {
            l.add(c("bufring/register/bgid=" + bgid).cites("§4.1.7").register(reg, RegArg.BufReg.of(8, bgid), 1)
                    .register(status, new RegArg.BufStatus(bgid, 0), 1).expectCqes(0));
        }
        l.add(c("bufring/register/same-bgid-twice").cites("§4.1.7").register(reg, ok, 1).register(reg, ok, 1).expectCqes(0));
        l.add(c("bufring/register/two-groups").cites("§4.1.7").register(reg, ok, 1).register(reg, RegArg.BufReg.of(8, 2), 1).expectCqes(0));
        l.add(c("bufring/register/addr=0").cites("§4.1.8").register(reg, new RegArg.BufReg(RegArg.RingAddr.ZERO, 8, 1, 0, 0), 1).expectCqes(0));
        l.add(c("bufring/register/unaligned").cites("§4.1.8").register(reg, new RegArg.BufReg(RegArg.RingAddr.UNALIGNED, 8, 1, 0, 0), 1).expectCqes(0));
        l.add(c("bufring/register/mmap-ignores-addr").cites("§4.1.8")
                .register(reg, new RegArg.BufReg(RegArg.RingAddr.UNALIGNED, 8, 1, IOU_PBUF_RING_MMAP, 0), 1).expectCqes(0));
        // Unregister and status (§4.1 last paragraphs).
        l.add(c("bufring/unregister/none").cites("§4.1").register(unreg, RegArg.BufReg.of(0, 1), 1).expectCqes(0));
        l.add(c("bufring/unregister/ok").cites("§4.1").register(reg, ok, 1).register(unreg, RegArg.BufReg.of(0, 1), 1)
                .register(status, new RegArg.BufStatus(1, 0), 1).expectCqes(0));
        l.add(c("bufring/unregister/twice").cites("§4.1").register(reg, ok, 1).register(unreg, RegArg.BufReg.of(0, 1), 1)
                .register(unreg, RegArg.BufReg.of(0, 1), 1).expectCqes(0));
        l.add(c("bufring/unregister/resv").cites("§4.1").register(reg, ok, 1)
                .register(unreg, new RegArg.BufReg(RegArg.RingAddr.ZERO, 0, 1, 0, 1), 1).expectCqes(0));
        l.add(c("bufring/unregister/flags").cites("§4.1").register(reg, ok, 1)
                .register(unreg, new RegArg.BufReg(RegArg.RingAddr.ZERO, 0, 1, 1, 0), 1).expectCqes(0));
        l.add(c("bufring/unregister/nr=2").cites("§4.1").register(reg, ok, 1).register(unreg, RegArg.BufReg.of(0, 1), 2).expectCqes(0));
        l.add(c("bufring/unregister/then-register-again").cites("§4.1").register(reg, ok, 1).register(unreg, RegArg.BufReg.of(0, 1), 1)
                .register(reg, ok, 1).expectCqes(0));
        l.add(c("bufring/status/none").cites("§4.1").register(status, new RegArg.BufStatus(1, 0), 1).expectCqes(0));
        l.add(c("bufring/status/ok").cites("§4.1").register(reg, ok, 1).register(status, new RegArg.BufStatus(1, 0), 1).expectCqes(0));
        l.add(c("bufring/status/resv").cites("§4.1").register(reg, ok, 1).register(status, new RegArg.BufStatus(1, 1), 1).expectCqes(0));
        l.add(c("bufring/status/nr=0").cites("§4.1").register(reg, ok, 1).register(status, new RegArg.BufStatus(1, 0), 0).expectCqes(0));
        l.add(c("bufring/status/null").cites("§4.1").register(status, new RegArg.Null(), 1).expectCqes(0));
        // A group with buffers: a MULTISHOT + BUFFER_SELECT uring_cmd to a file without uring_cmd passes prep and fails
        // at issue, before any buffer is selected, so the ring head stays 0 (§9, §3.6). Safe: no driver runs.
        for (Target t : new Target[]{Target.NO_URING_CMD, Target.FIXED_NO_URING_CMD, Target.CLOSED, Target.FIXED_EMPTY}) {
            l.add(c("bufring/multishot-uring_cmd-fails-before-driver/" + t).bufRing(3, 8, 4).cites("§9, §3.6")
                    .fill(uringCmd(t).uringCmdFlags(IORING_URING_CMD_MULTISHOT).addFlags(IOSQE_BUFFER_SELECT).bufGroup(3).userData(1))
                    .submit().register(status, new RegArg.BufStatus(3, 0), 1).expectCqes(1));
        }
    }

    /** Legacy provided buffers against rings (§4.5). */
    private static void legacyBuffers(List<ConformCase> l) {
        SqeSpec provide = SqeSpec.op(Opcode.PROVIDE_BUFFERS.code()).fd(4).addrBuffer(4 * 64).len(64).bufGroup(1);
        SqeSpec remove = SqeSpec.op(Opcode.REMOVE_BUFFERS.code()).fd(10).bufGroup(1);
        l.add(c("legacy/provide").cites("§4.5").fill(provide.copy().userData(1)).submit().expectCqes(1));
        l.add(c("legacy/provide-then-remove").cites("§4.5").fill(provide.copy().userData(1), remove.copy().userData(2)).submit().expectCqes(2));
        l.add(c("legacy/remove-nothing").cites("§4.5").fill(remove.copy().userData(1)).submit().expectCqes(1));
        l.add(c("legacy/provide-to-ring-group").cites("§4.5").register(IORING_REGISTER_PBUF_RING, RegArg.BufReg.of(8, 1), 1)
                .fill(provide.copy().userData(1)).submit().expectCqes(1));
        l.add(c("legacy/remove-from-ring-group").cites("§4.5").register(IORING_REGISTER_PBUF_RING, RegArg.BufReg.of(8, 1), 1)
                .fill(remove.copy().userData(1)).submit().expectCqes(1));
        l.add(c("legacy/ring-over-legacy-group").cites("§4.1.7").fill(provide.copy().userData(1)).submit()
                .register(IORING_REGISTER_PBUF_RING, RegArg.BufReg.of(8, 1), 1).expectCqes(1));
        l.add(c("legacy/ring-over-emptied-legacy-group").cites("§4.1.7").fill(provide.copy().userData(1), remove.copy().userData(2)).submit()
                .register(IORING_REGISTER_PBUF_RING, RegArg.BufReg.of(8, 1), 1).expectCqes(2));
        l.add(c("legacy/status-of-legacy-group").cites("§4.1").fill(provide.copy().userData(1)).submit()
                .register(IORING_REGISTER_PBUF_STATUS, new RegArg.BufStatus(1, 0), 1).expectCqes(1));
        l.add(c("legacy/unregister-legacy-group").cites("§4.1").fill(provide.copy().userData(1)).submit()
                .register(IORING_UNREGISTER_PBUF_RING, RegArg.BufReg.of(0, 1), 1).expectCqes(1));
        l.add(c("legacy/provide/nbufs=0").cites("§4.5").fill(provide.copy().fd(0).userData(1)).submit().expectCqes(1));
        l.add(c("legacy/provide/len=0").cites("§4.5").fill(provide.copy().len(0).userData(1)).submit().expectCqes(1));
        l.add(c("legacy/provide/bid=65535+4").cites("§4.5").fill(provide.copy().off(65535).userData(1)).submit().expectCqes(1));
        l.add(c("legacy/provide/bid=65536").cites("§4.5").fill(provide.copy().off(65536).userData(1)).submit().expectCqes(1));
        l.add(c("legacy/remove/nbufs=0").cites("§4.5").fill(remove.copy().fd(0).userData(1)).submit().expectCqes(1));
    }

    private static void enter(List<ConformCase> l) {
        for (int bit : new int[]{8, 9, 15, 31}) {
            l.add(c("enter/flags=bit" + bit).cites("§1.10").fill(nop().userData(1))
                    .enter(Step.ALL, 0, 1 << bit).observe(SQ_SPACE_LEFT).submit().expectCqes(1));
        }
        int ge = IORING_ENTER_GETEVENTS, ext = IORING_ENTER_EXT_ARG;
        l.add(c("enter/ext_arg/argsz=0").cites("§1.10").fill(nop().userData(1)).enter(Step.ALL, 0, ge | ext).submit().expectCqes(1));
        l.add(c("enter/ext_arg/null-arg").cites("§1.10").fill(nop().userData(1)).enter(Step.ALL, 0, ge | ext, Step.EnterArg.NULL_24).submit().expectCqes(1));
        l.add(c("enter/ext_arg/argsz=16").cites("§1.10").fill(nop().userData(1)).enter(Step.ALL, 0, ge | ext, Step.EnterArg.ZEROED_16).submit().expectCqes(1));
        // The same with min_complete 1 (the NOP's CQE is there, so nothing waits): is the arg checked before waiting?
        l.add(c("enter/ext_arg/argsz=0/min=1").cites("§1.10").fill(nop().userData(1)).enter(Step.ALL, 1, ge | ext).submit().expectCqes(1));
        l.add(c("enter/ext_arg/null-arg/min=1").cites("§1.10").fill(nop().userData(1)).enter(Step.ALL, 1, ge | ext, Step.EnterArg.NULL_24).submit().expectCqes(1));
        l.add(c("enter/ext_arg/argsz=16/min=1").cites("§1.10").fill(nop().userData(1)).enter(Step.ALL, 1, ge | ext, Step.EnterArg.ZEROED_16).submit().expectCqes(1));
        // A GETEVENTS error shows only when the call submitted nothing; otherwise enter returns the submitted count.
        l.add(c("enter/ext_arg/argsz=0/nothing-to-submit").cites("§1.10").enter(0, 0, ge | ext).expectCqes(0));
        l.add(c("enter/ext_arg/null-arg/nothing-to-submit").cites("§1.10").enter(0, 0, ge | ext, Step.EnterArg.NULL_24).expectCqes(0));
        l.add(c("enter/ext_arg/argsz=16/nothing-to-submit").cites("§1.10").enter(0, 0, ge | ext, Step.EnterArg.ZEROED_16).expectCqes(0));
        l.add(c("enter/abs_timer-without-ext_arg/nothing-to-submit").cites("§1.10").enter(0, 0, ge | IORING_ENTER_ABS_TIMER).expectCqes(0));
        l.add(c("enter/ext_arg_reg-without-region/nothing-to-submit").cites("§1.10").enter(0, 0, ge | ext | IORING_ENTER_EXT_ARG_REG).expectCqes(0));
        l.add(c("enter/ext_arg/timeout-zero/nothing-to-submit").cites("§1.10")
                .enter(0, 1, ge | ext, Step.EnterArg.TIMEOUT_ZERO).expectCqes(0));
        l.add(c("enter/ext_arg/timeout-zero/wait-error-hidden-by-submit").cites("§1.10")
                .fill(nop().flags(IOSQE_CQE_SKIP_SUCCESS).userData(1))
                .enter(Step.ALL, 1, ge | ext, Step.EnterArg.TIMEOUT_ZERO).expectCqes(0));
        l.add(c("enter/ext_arg/zeroed").cites("§1.10").fill(nop().userData(1)).enter(Step.ALL, 1, ge | ext, Step.EnterArg.ZEROED_24).expectCqes(1));
        l.add(c("enter/ext_arg/without-getevents").cites("§1.10").fill(nop().userData(1)).enter(Step.ALL, 0, ext, Step.EnterArg.ZEROED_24).expectCqes(1));
        l.add(c("enter/ext_arg/timeout-zero/nothing").cites("§1.10").fill(nop().flags(IOSQE_CQE_SKIP_SUCCESS).userData(1))
                .enter(Step.ALL, 1, ge | ext, Step.EnterArg.TIMEOUT_ZERO).expectCqes(0));
        l.add(c("enter/ext_arg/timeout-zero/one-ready").cites("§1.10").fill(nop().userData(1))
                .enter(Step.ALL, 1, ge | ext, Step.EnterArg.TIMEOUT_ZERO).expectCqes(1));
        l.add(c("enter/abs_timer-without-ext_arg").cites("§1.10").fill(nop().userData(1)).enter(Step.ALL, 0, ge | IORING_ENTER_ABS_TIMER).submit().expectCqes(1));
        l.add(c("enter/abs_timer+timeout-zero").cites("§1.10").fill(nop().flags(IOSQE_CQE_SKIP_SUCCESS).userData(1))
                .enter(Step.ALL, 1, ge | ext | IORING_ENTER_ABS_TIMER, Step.EnterArg.TIMEOUT_ZERO).expectCqes(0));
        l.add(c("enter/ext_arg_reg-without-region").cites("§1.10").fill(nop().userData(1))
                .enter(Step.ALL, 0, ge | ext | IORING_ENTER_EXT_ARG_REG, Step.EnterArg.NONE).submit().expectCqes(1));
        l.add(c("enter/sq_wakeup-without-sqpoll").cites("§1.10").fill(nop().userData(1)).enter(Step.ALL, 0, IORING_ENTER_SQ_WAKEUP).expectCqes(1));
        l.add(c("enter/sq_wait-without-sqpoll").cites("§1.10").fill(nop().userData(1)).enter(Step.ALL, 0, IORING_ENTER_SQ_WAIT).expectCqes(1));
        l.add(c("enter/no_iowait").cites("§1.10").fill(nop().userData(1)).enter(Step.ALL, 1, ge | IORING_ENTER_NO_IOWAIT).expectCqes(1));
        l.add(c("enter/to_submit-more-than-ready").fill(nop().userData(1), nop().userData(2)).enter(10, 0, 0).expectCqes(2));
        l.add(c("enter/to_submit-less-than-ready").fill(nop().userData(1), nop().userData(2), nop().userData(3))
                .enter(1, 0, 0).observe(SQ_SPACE_LEFT).enter(Step.ALL, 0, 0).expectCqes(3));
        l.add(c("enter/to_submit-nothing-published").enter(5, 0, 0).expectCqes(0));
        l.add(c("enter/to_submit=0/getevents").getEvents().expectCqes(0));
        l.add(c("enter/min_complete-without-getevents").fill(nop().userData(1)).enter(Step.ALL, 1, 0).observe(CQ_READY).expectCqes(1));
        l.add(c("enter/getevents-min=2").fill(nop().userData(1), nop().userData(2)).submitAndWait(2).observe(CQ_READY).expectCqes(2));
        l.add(c("enter/getevents-all-flags-valid").fill(nop().userData(1))
                .enter(Step.ALL, 1, ge | IORING_ENTER_SQ_WAKEUP | IORING_ENTER_NO_IOWAIT).expectCqes(1));
        // R_DISABLED: enter and submissions wait for ENABLE_RINGS.
        l.add(c("enter/r_disabled").ring(4, IORING_SETUP_R_DISABLED, 0).cites("§1.10").fill(nop().userData(1))
                .enter(Step.ALL, 0, 0).observe(SQ_SPACE_LEFT)
                .register(IORING_REGISTER_ENABLE_RINGS, new RegArg.Null(), 0).enter(Step.ALL, 0, 0)
                .register(IORING_REGISTER_ENABLE_RINGS, new RegArg.Null(), 0).expectCqes(1));
        l.add(c("enter/r_disabled/getevents").ring(4, IORING_SETUP_R_DISABLED, 0).cites("§1.10").getEvents().expectCqes(0));
        // SQ array entries naming an index >= sq_entries are dropped (§1.8).
        l.add(c("sq/dropped/first").ring(4, 0, 0).cites("§1.8").sqArrayEntry(100).fill(nop().userData(1), nop().userData(2))
                .enter(Step.ALL, 0, 0).observe(SQ_DROPPED, SQ_SPACE_LEFT).enter(Step.ALL, 0, 0).observe(SQ_DROPPED).expectCqes(1));
        l.add(c("sq/dropped/second").ring(4, 0, 0).cites("§1.8").fill(nop().userData(1)).sqArrayEntry(4).fill(nop().userData(2), nop().userData(3))
                .enter(Step.ALL, 0, 0).observe(SQ_DROPPED, SQ_SPACE_LEFT).enter(Step.ALL, 0, 0).observe(SQ_DROPPED).expectCqes(2));
        l.add(c("sq/array-points-elsewhere").ring(4, 0, 0).cites("§1.8").fill(nop().userData(1)).sqArrayEntry(0).fill(nop().userData(2))
                .enter(Step.ALL, 0, 0).expectCqes(2));
        l.add(c("sq/no_sqarray/nops").ring(4, IORING_SETUP_NO_SQARRAY, 0).cites("§1.8")
                .fill(nop().userData(1), nop().userData(2), nop().userData(3), nop().userData(4)).submit()
                .fill(nop().userData(5)).submit().expectCqes(5));
        // SQPOLL: the SQ thread submits; enter only wakes it (SQ_WAKEUP, as liburing passes when NEED_WAKEUP is set) and
        // returns to_submit.
        l.add(c("sq/sqpoll/nop").ring(4, IORING_SETUP_SQPOLL, 0).cites("§1.7")
                .fill(nop().userData(1), uringCmd(Target.NO_URING_CMD).userData(2)).enter(Step.ALL, 0, IORING_ENTER_SQ_WAKEUP)
                .expectCqes(2));
    }

    /** A restricted ring (R_DISABLED, REGISTER_RESTRICTIONS, ENABLE_RINGS): an SQE it does not allow is -EACCES (§2.1.5). */
    private static void restrictions(List<ConformCase> l) {
        int restrict = IORING_REGISTER_RESTRICTIONS, enable = IORING_REGISTER_ENABLE_RINGS;
        RegArg.Restriction nopOnly = new RegArg.Restriction(RegArg.Restriction.SQE_OP, Opcode.NOP.code(), 0);
        RegArg.Restriction cmdOnly = new RegArg.Restriction(RegArg.Restriction.SQE_OP, Opcode.URING_CMD.code(), 0);
        // cqes: a refused first SQE stops the submission (1); an allowed one lets the NOP run or be refused (2).
        record R(String name, RegArg.Restriction[] rs, SqeSpec sqe, int cqes) {}
        List<R> rs = List.of(
                new R("nop-only/uring_cmd", new RegArg.Restriction[]{nopOnly}, uringCmd(Target.ACCEPTS_ALL), 1),
                new R("nop-only/nop", new RegArg.Restriction[]{nopOnly}, nop(), 2),
                new R("nop-only/bad-opcode", new RegArg.Restriction[]{nopOnly}, SqeSpec.op(99), 1),
                new R("uring_cmd-only/uring_cmd", new RegArg.Restriction[]{cmdOnly}, uringCmd(Target.ACCEPTS_ALL), 2),
                new R("uring_cmd-only/uring_cmd-pad1", new RegArg.Restriction[]{cmdOnly}, uringCmd(Target.ACCEPTS_ALL).pad1(1), 1),
                new R("uring_cmd-only/nop", new RegArg.Restriction[]{cmdOnly}, nop(), 1),
                new R("flags-allowed=0/async", new RegArg.Restriction[]{nopOnly, new RegArg.Restriction(RegArg.Restriction.SQE_FLAGS_ALLOWED, 0, 0)},
                        nop().flags(IOSQE_ASYNC), 1),
                new R("flags-allowed=async/async", new RegArg.Restriction[]{nopOnly, new RegArg.Restriction(RegArg.Restriction.SQE_FLAGS_ALLOWED, IOSQE_ASYNC, 0)},
                        nop().flags(IOSQE_ASYNC), 2),
                new R("flags-required=drain/nop", new RegArg.Restriction[]{nopOnly, new RegArg.Restriction(RegArg.Restriction.SQE_FLAGS_REQUIRED, IOSQE_IO_DRAIN, 0)},
                        nop(), 1),
                new R("none-allowed/nop", new RegArg.Restriction[]{new RegArg.Restriction(RegArg.Restriction.REGISTER_OP, IORING_REGISTER_PROBE, 0)}, nop(), 1));
        for (R r : rs) {
            ConformCase.Builder b = c("restrictions/" + r.name()).ring(4, IORING_SETUP_R_DISABLED, 0).cites("§2.1.5")
                    .register(restrict, new RegArg.Restrictions(r.rs()), r.rs().length).register(enable, new RegArg.Null(), 0)
                    .fill(r.sqe().userData(1), nop().userData(2)).submit();
            if ((r.sqe().flags() & IOSQE_ASYNC) != 0) b.unordered(); // io-wq against inline
            l.add(b.expectCqes(r.cqes()));
        }
        l.add(c("restrictions/not-disabled").cites("§2.1.5").register(restrict, new RegArg.Restrictions(nopOnly), 1).expectCqes(0));
        l.add(c("restrictions/twice").ring(4, IORING_SETUP_R_DISABLED, 0).cites("§2.1.5")
                .register(restrict, new RegArg.Restrictions(nopOnly), 1).register(restrict, new RegArg.Restrictions(nopOnly), 1).expectCqes(0));
        l.add(c("restrictions/bad-opcode").ring(4, IORING_SETUP_R_DISABLED, 0).cites("§2.1.5")
                .register(restrict, new RegArg.Restrictions(new RegArg.Restriction(9, 0, 0)), 1).expectCqes(0));
        l.add(c("restrictions/sqe-op-out-of-range").ring(4, IORING_SETUP_R_DISABLED, 0).cites("§2.1.5")
                .register(restrict, new RegArg.Restrictions(new RegArg.Restriction(RegArg.Restriction.SQE_OP, 200, 0)), 1).expectCqes(0));
        l.add(c("restrictions/nr=0").ring(4, IORING_SETUP_R_DISABLED, 0).cites("§2.1.5")
                .register(restrict, new RegArg.Restrictions(nopOnly), 0).expectCqes(0));
        l.add(c("restrictions/register-op-denied").ring(4, IORING_SETUP_R_DISABLED, 0).cites("§2.1.5")
                .register(restrict, new RegArg.Restrictions(new RegArg.Restriction(RegArg.Restriction.REGISTER_OP, IORING_REGISTER_PROBE, 0)), 1)
                .register(enable, new RegArg.Null(), 0)
                .register(IORING_REGISTER_PERSONALITY, new RegArg.Null(), 0)
                .register(IORING_REGISTER_PROBE, new RegArg.Probe(4), 4).expectCqes(0));
    }

    private static void registerOpcodes(List<ConformCase> l) {
        for (int op = 0; op < IORING_REGISTER_LAST; op++) {
            l.add(c("register/opcode=" + op + "/null,0").cites("§1.12").register(op, new RegArg.Null(), 0).expectCqes(0));
            l.add(c("register/opcode=" + op + "/null,1").cites("§1.12").register(op, new RegArg.Null(), 1).expectCqes(0));
        }
        for (int op : new int[]{IORING_REGISTER_LAST, 37, 64, 255, 0x7fffffff}) {
            l.add(c("register/opcode=" + op).cites("§1.12").register(op, new RegArg.Zeroed(64), 1).expectCqes(0));
        }
        for (int nr : new int[]{0, 1, 62, 63, 64, 256, 257}) {
            l.add(c("register/probe/nr=" + nr).cites("§1.12").register(IORING_REGISTER_PROBE, new RegArg.Probe(Math.max(nr, 1)), nr).expectCqes(0));
        }
        l.add(c("register/probe/null-nr=256").cites("§1.12").register(IORING_REGISTER_PROBE, new RegArg.Null(), 256).expectCqes(0));
        l.add(c("register/personality/twice").register(IORING_REGISTER_PERSONALITY, new RegArg.Null(), 0)
                .register(IORING_REGISTER_PERSONALITY, new RegArg.Null(), 0).expectCqes(0));
        l.add(c("register/personality/with-arg").register(IORING_REGISTER_PERSONALITY, new RegArg.Zeroed(8), 0).expectCqes(0));
        l.add(c("register/unregister-personality/unknown").register(IORING_UNREGISTER_PERSONALITY, new RegArg.Null(), 5).expectCqes(0));
        l.add(c("register/unregister-personality/ok").register(IORING_REGISTER_PERSONALITY, new RegArg.Null(), 0)
                .register(IORING_UNREGISTER_PERSONALITY, new RegArg.Null(), 1)
                .register(IORING_UNREGISTER_PERSONALITY, new RegArg.Null(), 1).expectCqes(0));
        l.add(c("register/enable_rings/not-disabled").register(IORING_REGISTER_ENABLE_RINGS, new RegArg.Null(), 0).expectCqes(0));
        l.add(c("register/enable_rings/with-arg").ring(4, IORING_SETUP_R_DISABLED, 0)
                .register(IORING_REGISTER_ENABLE_RINGS, new RegArg.Zeroed(8), 0).expectCqes(0));
    }
}
