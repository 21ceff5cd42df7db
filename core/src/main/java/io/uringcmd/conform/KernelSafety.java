package io.uringcmd.conform;

import static io.uringcmd.abi.Uapi.*;

/**
 * Keeps the kernel safe from the corpus. On 6.18 a MULTISHOT uring_cmd that reaches a driver ignoring the flag is
 * accepted and never completes; closing the ring then waits forever and leaves a kernel worker stuck
 * (shared/kernel-uring-cmd.md §3.6). So a MULTISHOT uring_cmd may only name a target that fails before any driver
 * runs: a file without a uring_cmd handler (-EOPNOTSUPP, §9 "MULTISHOT + BUFSEL on regular file: -95 (prep passes)"),
 * or no file (-EBADF) — whatever the other fields say, because a mistake in the prep rules must not become a hang.
 * Three independent checks enforce it: {@link #checkCase} when a case is built, {@link #checkFill} on the side's
 * real fd just before the SQE is written, and the ring's own refusal in {@code submit()}.
 */
public final class KernelSafety {
    private KernelSafety() {}

    /** Rejects a case (a bug in the corpus) that could send a MULTISHOT uring_cmd to a driver, or wait forever. */
    static void checkCase(ConformCase c) {
        boolean tableTouched = false;
        int fills = 0;
        for (Step s : c.steps()) {
            switch (s) {
                case Step.Register r when isFilesRegister(r.opcode()) -> tableTouched = true;
                case Step.Fill f -> {
                    fills++;
                    SqeSpec q = f.sqe();
                    if (!q.isMultishotUringCmd()) break;
                    Target t = q.target();
                    if (t == null) throw corpusBug(c, "a MULTISHOT uring_cmd must name a Target, not a raw fd: " + q);
                    if (t.reachesDriver()) throw corpusBug(c, "a MULTISHOT uring_cmd to " + t + " reaches a driver and would leak on the kernel: " + q);
                    if (t.fixed() && tableTouched) throw corpusBug(c, "a MULTISHOT uring_cmd to a fixed slot after the case changed the file table: " + q);
                }
                case Step.Enter e when (e.flags() & IORING_ENTER_GETEVENTS) != 0 && e.arg() != Step.EnterArg.TIMEOUT_ZERO
                        && e.minComplete() > c.expectedCqes() ->
                        throw corpusBug(c, e + " waits for more CQEs than the case produces (" + c.expectedCqes() + "): it would block forever");
                default -> { }
            }
        }
        if (c.expectedCqes() > 0 && fills == 0) throw corpusBug(c, "expects CQEs but submits no SQE");
    }

    static boolean isFilesRegister(int opcode) {
        return opcode == IORING_REGISTER_FILES || opcode == IORING_REGISTER_FILES_UPDATE
                || opcode == IORING_REGISTER_FILES2 || opcode == IORING_REGISTER_FILES_UPDATE2;
    }

    /**
     * Just before a MULTISHOT uring_cmd is written on {@code side}: the file it resolves to must fail before any
     * driver there. {@code fixedTableStandard} says the ring's file table is still the standard one.
     */
    static void checkFill(Side side, SqeSpec q, boolean fixedTableStandard) {
        if (!q.isMultishotUringCmd()) return;
        Target t = q.target();
        if (t == null) throw new IllegalStateException("refusing a MULTISHOT uring_cmd to a raw fd: " + q);
        boolean safe;
        if (!t.fixed()) {
            safe = !t.reachesDriver() && side.failsBeforeDriver(side.fd(t));
        } else {
            safe = fixedTableStandard && switch (t) {
                case FIXED_NO_URING_CMD -> side.failsBeforeDriver(side.fd(Target.NO_URING_CMD));
                case FIXED_EMPTY, FIXED_OUT_OF_RANGE -> true;
                default -> false;
            };
        }
        if (!safe) {
            throw new IllegalStateException("refusing to submit a MULTISHOT uring_cmd on the " + side.name() + " side: " + q
                    + " could reach a driver, which on Linux 6.18 leaks the request (kernel-uring-cmd.md §3.6)");
        }
    }

    private static IllegalArgumentException corpusBug(ConformCase c, String why) {
        return new IllegalArgumentException("corpus bug in case " + c.name() + ": " + why);
    }
}
