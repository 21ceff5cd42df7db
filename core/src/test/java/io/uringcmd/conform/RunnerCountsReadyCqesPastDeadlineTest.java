package io.uringcmd.conform;

import io.uringcmd.linux.Linux;
import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Description: the runner's drain takes CQEs that are already posted even when its deadline has passed (a thread
 * descheduled on a loaded machine must not turn a complete case into "got 0 within N ms"): with a zero drain timeout,
 * two inline NOPs are both recorded and the case has no error.
 */
class RunnerCountsReadyCqesPastDeadlineTest {
    @Test
    void readyCqesCountWithZeroDrainTimeout() {
        assumeTrue(Linux.ioUringAvailable(), "io_uring is not available on this machine");
        try (KernelSide k = new KernelSide()) {
            ConformCase two = ConformCase.named("t").fill(SqeSpec.nop().userData(1), SqeSpec.nopInject(-5).userData(2))
                    .submit().expectCqes(2);
            CaseResult r = new Runner(Duration.ZERO).run(two, k);
            assertNull(r.error());
            assertEquals(List.of(new CqeRecord(1, 0, 0), new CqeRecord(2, -5, 0)), r.cqes());
        }
    }
}
