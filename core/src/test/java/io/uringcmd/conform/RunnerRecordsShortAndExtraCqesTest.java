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
 * Description: the runner drains to a case's CQE count with a bounded wait and records, as data, a case that
 * produces fewer or more CQEs than it says, and a setup errno; the same case on the same side gives an equal result.
 */
class RunnerRecordsShortAndExtraCqesTest {
    private final Runner runner = new Runner(Duration.ofMillis(50));

    @Test
    void exactCountShortCountExtraCount() {
        assumeTrue(Linux.ioUringAvailable(), "io_uring is not available on this machine");
        try (KernelSide k = new KernelSide()) {
            ConformCase.Builder two = ConformCase.named("t").fill(SqeSpec.nop().userData(1), SqeSpec.nopInject(-5).userData(2)).submit();
            CaseResult exact = runner.run(two.expectCqes(2), k);
            assertNull(exact.error());
            assertEquals(List.of("enter(all, 0, 0x0) = 2"), exact.steps());
            assertEquals(List.of(new CqeRecord(1, 0, 0), new CqeRecord(2, -5, 0)), exact.cqes());
            assertEquals(exact, runner.run(two.expectCqes(2), k));

            ConformCase.Builder one = ConformCase.named("t").fill(SqeSpec.nop().userData(1)).submit();
            assertEquals("expected 3 CQEs, got 1 within 50 ms", runner.run(one.expectCqes(3), k).error());
            ConformCase.Builder three = ConformCase.named("t")
                    .fill(SqeSpec.nop().userData(1), SqeSpec.nop().userData(2), SqeSpec.nop().userData(3)).submit();
            assertEquals("expected 1 CQEs, got 3", runner.run(three.expectCqes(1), k).error());

            CaseResult bad = runner.run(ConformCase.named("t").ring(0, 0, 0).expectCqes(0), k);
            assertEquals("-22 (EINVAL)", bad.setup());
        }
    }
}
