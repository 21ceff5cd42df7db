package io.uringcmd.conform;

import io.uringcmd.linux.Linux;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Description: every case of the conformance corpus gives the same result on the Linux kernel and on the embedded
 * host, or a difference that {@link Deviations} documents; and every case runs cleanly on the kernel.
 */
class ConformCorpusTest {
    @Test
    void embeddedHostMatchesTheKernelCaseByCase() {
        assumeTrue(Linux.ioUringAvailable(), "io_uring is not available on this machine (io_uring_setup failed)");
        Report r;
        try (Side kernel = new KernelSide(); Side embedded = Sides.embedded()) {
            r = new Conformance().run(Corpus.all(), c -> true, kernel, embedded, o -> { });
        }
        List<Outcome> failures = r.failures();
        String names = failures.stream().map(o -> "  " + o.c().name() + (o.corpusError() ? " (corpus error)" : ""))
                .collect(Collectors.joining("\n"));
        String detail = failures.stream().limit(20).map(Report::render).collect(Collectors.joining("\n"));
        assertTrue(failures.isEmpty(), () -> r.summary() + "\nundocumented differences and corpus errors:\n" + names
                + "\n\nthe first " + Math.min(20, failures.size()) + " side by side:\n" + detail
                + "\nrerun: bin/uringcmd conform --filter <name>");
    }
}
