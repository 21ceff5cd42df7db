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
                            + "so no case covers it.")
    );

    /** The deviation that covers {@code c}, or null. */
    public static Deviation covering(ConformCase c) {
        for (Deviation d : ALL) if (d.covers(c)) return d;
        return null;
    }
}
