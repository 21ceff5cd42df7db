package io.uringcmd.conform;

import io.uringcmd.abi.Opcode;

import java.util.ArrayList;
import java.util.List;

import static io.uringcmd.abi.Uapi.*;
import static io.uringcmd.conform.SqeSpec.cancel;
import static io.uringcmd.conform.SqeSpec.nop;
import static io.uringcmd.conform.SqeSpec.uringCmd;

/**
 * IORING_OP_ASYNC_CANCEL and IORING_REGISTER_SYNC_CANCEL outcomes when nothing matches (kernel-uring-cmd.md §2.8.3:
 * a uring_cmd is never found by them, and nothing in this corpus stays in flight to be found).
 */
final class CancelCases {
    private CancelCases() {}

    static List<ConformCase> cases() {
        List<ConformCase> l = new ArrayList<>();
        record Variant(String name, SqeSpec sqe, boolean files) {}
        List<Variant> vs = List.of(
                new Variant("user_data", cancel(42), false),
                new Variant("user_data=0", cancel(0), false),
                new Variant("all", cancel(42).opFlags(IORING_ASYNC_CANCEL_ALL), false),
                new Variant("any", cancel(0).opFlags(IORING_ASYNC_CANCEL_ANY), false),
                new Variant("any+all", cancel(0).opFlags(IORING_ASYNC_CANCEL_ANY | IORING_ASYNC_CANCEL_ALL), false),
                new Variant("fd/accepts-all", cancel(0).opFlags(IORING_ASYNC_CANCEL_FD).target(Target.ACCEPTS_ALL), false),
                new Variant("fd/regular", cancel(0).opFlags(IORING_ASYNC_CANCEL_FD).target(Target.NO_URING_CMD), false),
                new Variant("fd/closed", cancel(0).opFlags(IORING_ASYNC_CANCEL_FD).target(Target.CLOSED), false),
                new Variant("fd+all/accepts-all", cancel(0).opFlags(IORING_ASYNC_CANCEL_FD | IORING_ASYNC_CANCEL_ALL).target(Target.ACCEPTS_ALL), false),
                new Variant("fd+any", cancel(0).opFlags(IORING_ASYNC_CANCEL_FD | IORING_ASYNC_CANCEL_ANY).target(Target.ACCEPTS_ALL), false),
                new Variant("fd_fixed/slot=0", cancel(0).opFlags(IORING_ASYNC_CANCEL_FD | IORING_ASYNC_CANCEL_FD_FIXED).fd(0), true),
                new Variant("fd_fixed/slot=2-empty", cancel(0).opFlags(IORING_ASYNC_CANCEL_FD | IORING_ASYNC_CANCEL_FD_FIXED).fd(2), true),
                new Variant("fd_fixed/slot=9", cancel(0).opFlags(IORING_ASYNC_CANCEL_FD | IORING_ASYNC_CANCEL_FD_FIXED).fd(9), true),
                new Variant("fd_fixed/no-table", cancel(0).opFlags(IORING_ASYNC_CANCEL_FD | IORING_ASYNC_CANCEL_FD_FIXED).fd(0), false),
                new Variant("fd_fixed-without-fd", cancel(42).opFlags(IORING_ASYNC_CANCEL_FD_FIXED), false),
                new Variant("userdata-flag", cancel(42).opFlags(IORING_ASYNC_CANCEL_USERDATA), false),
                new Variant("op=uring_cmd", cancel(0).opFlags(IORING_ASYNC_CANCEL_OP).len(Opcode.URING_CMD.code()), false),
                new Variant("op=nop+userdata", cancel(42).opFlags(IORING_ASYNC_CANCEL_OP | IORING_ASYNC_CANCEL_USERDATA).len(0), false),
                new Variant("op+any", cancel(0).opFlags(IORING_ASYNC_CANCEL_OP | IORING_ASYNC_CANCEL_ANY), false),
                new Variant("flags=bit6", cancel(42).opFlags(1 << 6), false),
                new Variant("flags=bit31", cancel(42).opFlags(1 << 31), false),
                new Variant("off=1", cancel(42).off(1), false),
                new Variant("file_index=1", cancel(42).fileIndex(1), false),
                new Variant("buffer_select", cancel(42).flags(IOSQE_BUFFER_SELECT), false),
                new Variant("ioprio=1", cancel(42).ioprio(1), false),
                new Variant("async", cancel(42).flags(IOSQE_ASYNC), false),
                new Variant("skip_success", cancel(42).flags(IOSQE_CQE_SKIP_SUCCESS), false));
        for (Variant v : vs) {
            ConformCase.Builder b = ConformCase.named("cancel/nothing/" + v.name()).cites("§2.8.3");
            if (v.files()) b.files();
            l.add(b.fill(v.sqe().userData(100)).submit().expectCqes(1));
        }
        // A uring_cmd that already completed (inline, same batch) is not found.
        for (Target t : new Target[]{Target.ACCEPTS_ALL, Target.NO_URING_CMD}) {
            l.add(ConformCase.named("cancel/completed-uring_cmd/" + t).cites("§2.8.3")
                    .fill(uringCmd(t).userData(5), cancel(5).userData(100)).submit().expectCqes(2));
            l.add(ConformCase.named("cancel/completed-uring_cmd/" + t + "/all").cites("§2.8.3")
                    .fill(uringCmd(t).userData(5), cancel(5).opFlags(IORING_ASYNC_CANCEL_ALL).userData(100)).submit().expectCqes(2));
        }
        // A cancel that links to its own target: the target is not issued yet, so -ENOENT, and the link fails.
        l.add(ConformCase.named("cancel/linked-to-target").cites("§2.8.3")
                .fill(cancel(9).userData(100).flags(IOSQE_IO_LINK), nop().userData(9)).submit().expectCqes(2));
        l.add(ConformCase.named("cancel/hardlinked-to-target").cites("§2.8.3")
                .fill(cancel(9).userData(100).flags(IOSQE_IO_HARDLINK), nop().userData(9)).submit().expectCqes(2));

        // IORING_REGISTER_SYNC_CANCEL: arg must be set and nr_args 0.
        l.add(syncCancel("nothing", new RegArg.SyncCancel(42, -1, 0, 0, 0), 0));
        l.add(syncCancel("any", new RegArg.SyncCancel(0, -1, IORING_ASYNC_CANCEL_ANY, 0, 0), 0));
        l.add(syncCancel("all", new RegArg.SyncCancel(42, -1, IORING_ASYNC_CANCEL_ALL, 0, 0), 0));
        l.add(syncCancel("bad-flags", new RegArg.SyncCancel(42, -1, 1 << 6, 0, 0), 0));
        l.add(syncCancel("pad2", new RegArg.SyncCancel(42, -1, 0, 0, 1), 0));
        l.add(syncCancel("nr_args=1", new RegArg.SyncCancel(42, -1, 0, 0, 0), 1));
        l.add(syncCancel("null", new RegArg.Null(), 0));
        l.add(syncCancel("fd=-1+fd-flag", new RegArg.SyncCancel(0, -1, IORING_ASYNC_CANCEL_FD, 0, 0), 0));
        return l;
    }

    private static ConformCase syncCancel(String name, RegArg arg, int nr) {
        return ConformCase.named("cancel/sync/" + name).cites("§2.8.3")
                .register(IORING_REGISTER_SYNC_CANCEL, arg, nr).expectCqes(0);
    }
}
