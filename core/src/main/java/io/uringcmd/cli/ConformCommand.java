package io.uringcmd.cli;

import io.uringcmd.conform.ConformCase;
import io.uringcmd.conform.Conformance;
import io.uringcmd.conform.Corpus;
import io.uringcmd.conform.KernelSide;
import io.uringcmd.conform.Report;
import io.uringcmd.conform.Runner;
import io.uringcmd.conform.Side;
import io.uringcmd.conform.Sides;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * {@code uringcmd conform}: plays the conformance corpus on the kernel and on the embedded host and compares every
 * result. Exit status 0 when every difference is a documented deviation and every case ran cleanly on the kernel.
 */
@Command(name = "conform", mixinStandardHelpOptions = true,
        description = {"Differential conformance: every case on the Linux kernel and on the embedded host, compared.",
                "Prints 'N cases, M identical, K deviations' and each difference side by side; exits 1 on any difference "
                        + "not listed in docs/DEVIATIONS.md, or on a case that did not run cleanly on the kernel."})
public final class ConformCommand implements Callable<Integer> {

    @Option(names = "--filter", paramLabel = "REGEX", description = "Only cases whose name contains a match of REGEX.")
    String filter;

    @Option(names = {"-v", "--verbose"}, description = "Print every case with both results, not only the differences.")
    boolean verbose;

    @Option(names = "--kernel-only", description = "Run only the kernel side and print what it answered (documents the kernel).")
    boolean kernelOnly;

    @Option(names = "--list", description = "List the case names and exit.")
    boolean list;

    @Option(names = "--drain-timeout-ms", paramLabel = "MS", defaultValue = "500",
            description = "How long to wait for a case's last CQEs before calling it short (default ${DEFAULT-VALUE}).")
    long drainTimeoutMs;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        List<ConformCase> cases = Corpus.all();
        Predicate<ConformCase> f = filter == null ? c -> true : matching(Pattern.compile(filter));
        if (list) {
            cases.stream().filter(f).forEach(c -> out.println(c.name()));
            return 0;
        }
        boolean showAll = verbose || kernelOnly;
        try (Side kernel = new KernelSide(); Side embedded = kernelOnly ? null : Sides.embedded()) {
            if (embedded == null && !kernelOnly) {
                out.println("note: no embedded host in this build; running the kernel side only");
            }
            Report r = new Conformance(new Runner(Duration.ofMillis(drainTimeoutMs))).run(cases, f, kernel, embedded, o -> {
                if (showAll || o.failed() || o.kind() == io.uringcmd.conform.Outcome.Kind.DEVIATION) out.println(Report.render(o));
            });
            out.println(r.summary());
            return r.ok() ? 0 : 1;
        }
    }

    private static Predicate<ConformCase> matching(Pattern p) { return c -> p.matcher(c.name()).find(); }
}
