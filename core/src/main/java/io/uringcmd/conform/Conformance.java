package io.uringcmd.conform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Runs cases on the kernel and (when there is one) the embedded side, and compares. */
public final class Conformance {
    private final Runner runner;

    public Conformance(Runner runner) { this.runner = runner; }

    public Conformance() { this(new Runner()); }

    /**
     * Every case of {@code cases} that {@code filter} accepts, on {@code kernel} and then {@code embedded} (null:
     * kernel only). {@code progress} sees each outcome as it is decided.
     */
    public Report run(List<ConformCase> cases, Predicate<ConformCase> filter, Side kernel, Side embedded, Consumer<Outcome> progress) {
        long t0 = System.nanoTime();
        List<Outcome> out = new ArrayList<>();
        for (ConformCase c : cases) {
            if (!filter.test(c)) continue;
            CaseResult k = runner.run(c, kernel);
            CaseResult e = embedded == null ? null : runner.run(c, embedded);
            Outcome o = Outcome.compare(c, k, e);
            out.add(o);
            progress.accept(o);
        }
        return new Report(out, embedded != null, kernel.describe(), embedded == null ? null : embedded.describe(),
                (System.nanoTime() - t0) / 1_000_000);
    }
}
