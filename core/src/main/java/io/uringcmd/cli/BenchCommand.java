package io.uringcmd.cli;

import io.uringcmd.bench.Bench;
import io.uringcmd.bench.CBaseline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code uringcmd bench}: Java against liburing, and the embedded host against the kernel, in one run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {
                "Runs each benchmark case as rounds of Java and C (liburing, built by bench/c/build.sh) alternating in "
                        + "one run, and prints median ops/s, bytes allocated per op, and per-round ratios (median, min-max).",
                "Every case repeats: claim BATCH SQEs, submitAndWait(BATCH), reap BATCH CQEs. See docs/BENCHMARKS.md."})
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--quick", description = "About one minute instead of about five (fewer, shorter rounds).")
    boolean quick;

    @Option(names = "--rounds", description = "Rounds per case (default: 7, or 3 with --quick).")
    Integer rounds;

    @Option(names = "--measure-ms", description = "Timed milliseconds per side per round (default: 1500, or 500 with --quick).")
    Long measureMs;

    @Option(names = "--warmup-ms", description = "Warm-up milliseconds before each timed round (default: 300, or 100 with --quick).")
    Long warmupMs;

    @Option(names = "--cases", paramLabel = "REGEX", description = "Only the cases whose label matches, e.g. 'nop' or 'b32'.")
    String cases;

    @Option(names = "--no-c", description = "Skip the C baseline.")
    boolean noC;

    @Option(names = "--c-binary", paramLabel = "PATH", description = "A prebuilt uringbench instead of building bench/c.")
    Path cBinary;

    @Option(names = "--smoke", hidden = true, description = "Seconds-long run whose numbers mean nothing (the test suite's).")
    boolean smoke;

    @Override
    public Integer call() {
        Bench.Config base = smoke ? Bench.Config.smoke() : quick ? Bench.Config.quick() : Bench.Config.full();
        Bench.Config cfg = new Bench.Config(rounds != null ? rounds : base.rounds(), base.initialWarmupMs(),
                warmupMs != null ? warmupMs : base.warmupMs(), measureMs != null ? measureMs : base.measureMs());
        List<Bench.Spec> specs = Bench.select(Bench.allSpecs(), cases);
        if (specs.isEmpty()) {
            System.err.println("uringcmd bench: no case matches '" + cases + "'; cases are: "
                    + Bench.allSpecs().stream().map(Bench.Spec::label).toList());
            return 2;
        }
        CBaseline c = null;
        String note = null;
        if (noC) note = "--no-c";
        else {
            try {
                c = CBaseline.start(cBinary);
            } catch (CBaseline.Unavailable e) {
                note = e.getMessage();
                System.err.println("uringcmd bench: running without the C baseline: " + note);
            }
        }
        try {
            Bench.Result r = Bench.run(cfg, specs, c, note, System.err);
            System.out.println("# " + r.machine());
            System.out.println("# bin/uringcmd bench" + (quick ? " --quick" : "") + ": " + cfg.rounds() + " rounds x "
                    + cfg.measureMs() + " ms per side, warm-up " + cfg.warmupMs() + " ms");
            System.out.print(Bench.table(r));
            return 0;
        } finally {
            if (c != null) c.close();
        }
    }
}
