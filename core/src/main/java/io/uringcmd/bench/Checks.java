package io.uringcmd.bench;

import io.uringcmd.abi.Errno;
import io.uringcmd.ring.Cqe;
import io.uringcmd.ring.IoUring;

/** The failure messages of the benchmark loops (built only when a check fails, so the loops stay allocation-free). */
final class Checks {
    private Checks() {}

    /**
     * The second half of every case's loop, shared so that all cases (and the JMH benchmarks, which call them) run the
     * same shape as the C baseline: submitAndWait(batch), then reap the batch, checking each res.
     */
    static void submitAndReap(BenchCase c, IoUring<?> r, int batch, int wantRes) {
        int n = r.submitAndWait(batch);
        if (n != batch) throw submitted(c, n);
        for (int i = 0; i < batch; i++) {
            Cqe cqe = r.peekCqe();
            if (cqe == null || cqe.res() != wantRes) throw cqe(c, i, cqe, wantRes);
            r.cqeSeen();
        }
    }

    static IllegalStateException submitted(BenchCase c, int n) {
        return new IllegalStateException(c.label() + ": submitAndWait(" + c.batch() + ") consumed " + n + " SQEs");
    }

    static IllegalStateException cqe(BenchCase c, int i, Cqe cqe, int wantRes) {
        if (cqe == null) return new IllegalStateException(c.label() + ": CQE " + i + " of the batch is missing");
        return new IllegalStateException(c.label() + ": CQE " + cqe.copy() + " (" + Errno.describe(cqe.res())
                + "), expected res " + wantRes);
    }
}
