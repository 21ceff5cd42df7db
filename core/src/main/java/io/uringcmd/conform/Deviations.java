package io.uringcmd.conform;

import java.util.List;

/**
 * The deliberate differences between the embedded host and Linux 6.18, mirrored in docs/DEVIATIONS.md. The runner
 * counts a difference in a covered case as a deviation; any other difference fails the run.
 */
public final class Deviations {
    private Deviations() {}

    public static final List<Deviation> ALL = List.of(
            Deviation.of("zeroed-pdu", null,
                    "The embedded host hands every driver a zeroed 32-byte pdu. 6.18 does not zero it (the zero-init patch, "
                            + "RFC v3 2/5, was not merged; kernel-uring-cmd.md §2.2.8), so a driver there may see a recycled "
                            + "request's bytes. Not visible in a CQE, so no case covers it."),
            Deviation.of("multishot-sync-answer", null,
                    "A MULTISHOT uring_cmd whose driver answers synchronously (returns >= 0) completes with that answer on "
                            + "the embedded host. 6.18.44 posts nothing and leaks the request until ring teardown, which then "
                            + "hangs (kernel-uring-cmd.md §2.3.6, §3.6). The corpus never sends such a command to the kernel, "
                            + "so no case covers it."),
            Deviation.of("mixed-ring-wrap-pad", "overflow/cqe_mixed/.*16-32-interleaved",
                    "On a CQE_MIXED ring, when a 32-byte CQE meets one slot before the wrap, 6.18.44 writes the F_SKIP pad "
                            + "even when the ring is full and overflow is pending: the pad lands on an unread CQE and the ring "
                            + "then holds cq_entries + 1 (a reader sees one slot twice; confirmed with raw ring dumps). The "
                            + "embedded host writes the pad only into a free slot, so no CQE is overwritten or read twice."),
            Deviation.of("probe-implemented-ops", "register/probe/.*|restrictions/register-op-denied",
                    "IORING_REGISTER_PROBE on the embedded host reports only the opcodes it implements (NOP, ASYNC_CANCEL, "
                            + "URING_CMD, PROVIDE_BUFFERS, REMOVE_BUFFERS) as supported; the kernel reports all it was built "
                            + "with. last_op and ops_len are the kernel's, so a client's probe-then-skip logic works on both."),
            Deviation.of("unimplemented-opcodes", null,
                    "Opcodes the embedded host does not implement pass the generic io_init_req checks and then give "
                            + "-EOPNOTSUPP at prep, as on a kernel built without them."),
            Deviation.of("register-opcodes-not-modelled", null,
                    "Register opcodes with no meaning on the embedded host follow the kernel's argument checks where "
                            + "pinned, and give -EINVAL otherwise."),
            Deviation.of("no-registered-rings", null,
                    "No registered ring fds or wait regions: REGISTERED_RING and EXT_ARG_REG are answered as for a task "
                            + "that registered none; NO_MMAP with an address and ATTACH_WQ give -EINVAL."),
            Deviation.of("async-cancel-finds-cancelable-uring-cmd", null,
                    "ASYNC_CANCEL and SYNC_CANCEL find uring_cmds the device marked cancelable and call the device with "
                            + "IO_URING_F_CANCEL; the kernel never finds a uring_cmd there (§2.8.3)."),
            Deviation.of("sqe-copy-lives-with-the-command", null,
                    "The SQE is copied at prep, so IoUringCmd.sqe() stays valid until completion (the kernel only "
                            + "promises the shared SQE during the first issue, §2.5)."),
            Deviation.of("device-exception-errno", null,
                    "A device that throws DeviceException completes with its errno; any other exception with -EIO."),
            Deviation.of("pending-at-close-completes", null,
                    "Close cancels cancelable commands and completes what is left with -ECANCELED; the kernel waits forever."),
            Deviation.of("user-memory-is-checked", null,
                    "Only memory allocated through the host or the ring is user memory; other addresses are -EFAULT."),
            Deviation.of("import-fixed-needs-fixed-flag", null,
                    "importFixed without IORING_URING_CMD_FIXED is -EFAULT."),
            Deviation.of("done-inside-another-issue", null,
                    "A completion from inside another command's issue is posted after the current batch."),
            Deviation.of("cancel-of-worker-command", null,
                    "ASYNC_CANCEL of a cancelable command running in a worker gives -EALREADY (io-wq rule, not checked here)."),
            Deviation.of("selection-scoped-to-issue-context", null,
                    "A provided buffer a device selects (IssueFlags.bufferSelect) lives only in that issue context: if "
                            + "not posted there it goes back to its group when the context ends, and the BufferSelection "
                            + "throws on later use. In 6.18 it stays selected on the request across contexts (§3.4's "
                            + "'same context' rule is only a comment), so another request may pick the same buffer and the "
                            + "command's next select WARNs and gets -EINVAL. Not visible in a CQE of a correct driver."),
            Deviation.of("worker-post-under-ring-lock", null,
                    "A multishot post from a worker context (IO_URING_F_UNLOCKED) takes the ring lock and posts; in 6.18 "
                            + "io_req_post_cqe from io-wq is a lockdep violation that production kernels let through "
                            + "unlocked. The buffer selected there was committed at once, as in the kernel (§3.3.5)."),
            Deviation.of("select-unmapped-buffer-efault", null,
                    "Selecting a ring entry whose addr/len is not user memory of the host throws DeviceException "
                            + "(-EFAULT) from bufferSelect and gives the buffer back (a worker's stays consumed); the kernel "
                            + "returns the address and the driver's copy_to_user fails with -EFAULT."),
            Deviation.of("post-larger-than-selection", null,
                    "postCqe of more bytes than the selected buffer holds throws IllegalArgumentException; the kernel "
                            + "posts res as given and an INC ring would consume the following buffers too.")
    );

    /** The deviation that covers {@code c}, or null. */
    public static Deviation covering(ConformCase c) {
        for (Deviation d : ALL) if (d.covers(c)) return d;
        return null;
    }
}
