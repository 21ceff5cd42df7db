package io.uringcmd.bench;

import io.uringcmd.abi.Errno;
import io.uringcmd.ring.Cqe;

/** The failure messages of the benchmark loops (built only when a check fails, so the loops stay allocation-free). */
final class Checks {
    private Checks() {}

    static IllegalStateException submitted(BenchCase c, int n) {
        return new IllegalStateException(c.label() + ": submitAndWait(" + c.batch() + ") consumed " + n + " SQEs");
    }

    static IllegalStateException cqe(BenchCase c, int i, Cqe cqe, int wantRes) {
        if (cqe == null) return new IllegalStateException(c.label() + ": CQE " + i + " of the batch is missing");
        return new IllegalStateException(c.label() + ": CQE " + cqe.copy() + " (" + Errno.describe(cqe.res())
                + "), expected res " + wantRes);
    }
}
