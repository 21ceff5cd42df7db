package io.uringcmd.bench;

import io.uringcmd.linux.Linux;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The in-process benchmark driver behind {@code bin/uringcmd bench}: for every case, rounds of Java and C
 * measurements alternating within one run (order flipped every round so drift hits both sides alike), then medians.
 * Ratios are taken per round (Java/C of the same round, or a case against its reference case) and their median
 * reported, so load from other processes on a shared machine cancels as far as it can.
 *
 * <p>A Java measurement is {@link BenchCase#runBatch()} in a loop that reads the clock every
 * {@code max(1, 256/batch)} batches, exactly as the C side does, after a warm-up. Allocation is measured too:
 * the thread's allocated bytes over the timed loop divided by its operations.
 */
public final class Bench {
    private Bench() {}

    /** How long to measure. */
    public record Config(int rounds, long initialWarmupMs, long warmupMs, long measureMs) {
        /** The full run behind docs/BENCHMARKS.md (~5 minutes). */
        public static Config full() { return new Config(7, 2000, 300, 1500); }
        /** About a minute. */
        public static Config quick() { return new Config(3, 400, 100, 500); }
        /** Seconds: for the test suite; the numbers mean nothing. */
        public static Config smoke() { return new Config(1, 20, 10, 30); }
    }

    /** A case to run, created when the run starts and closed at its end. */
    public record Spec(String label, String backend, String name, int batch, String baseline, String reference,
                       Supplier<BenchCase> factory) {}

    /** A measured row. Ratios are medians of per-round ratios; NaN when there is nothing to compare with. */
    public record Row(Spec spec, double javaOps, double bytesPerOp, double cOps, double cRatio, double cRatioMin,
                      double cRatioMax, double refRatio, double refRatioMin, double refRatioMax) {}

    public record Result(List<Row> rows, String machine, String baselineNote) {}

    /** The kernel cases, each compared with the same work in C. */
    public static List<Spec> kernelSpecs() {
        List<Spec> s = new ArrayList<>();
        for (int b : new int[]{1, 8, 32, 128}) s.add(kernel("nop", b, () -> new KernelNop(b)));
        for (int b : new int[]{1, 32}) s.add(kernel("siocinq", b, () -> new KernelSiocinq(b)));
        return s;
    }

    private static Spec kernel(String name, int batch, Supplier<BenchCase> f) {
        return new Spec("kernel " + name + " b" + batch, "kernel", name, batch, name, null, f);
    }

    /** Every case this build has. */
    public static List<Spec> allSpecs() {
        return kernelSpecs();
    }

    /** The cases whose label matches {@code regex} (find, not whole match); all when null. */
    public static List<Spec> select(List<Spec> specs, String regex) {
        if (regex == null) return specs;
        Pattern p = Pattern.compile(regex);
        List<Spec> out = new ArrayList<>();
        for (Spec s : specs) if (p.matcher(s.label()).find()) out.add(s);
        // A reference a selected case needs comes along, so its ratio can be taken.
        for (Spec s : List.copyOf(out)) {
            if (s.reference() == null) continue;
            for (Spec r : specs) if (r.label().equals(s.reference()) && !out.contains(r)) out.add(0, r);
        }
        return out;
    }

    /**
     * Runs {@code specs}. {@code c} is the C baseline or null (then {@code baselineNote} says why it is missing).
     * Progress goes to {@code log}.
     */
    public static Result run(Config cfg, List<Spec> specs, CBaseline c, String baselineNote, PrintStream log) {
        String machine = machine(c);
        log.println("# " + machine);
        log.println("# load before: " + loadavg());
        List<BenchCase> cases = new ArrayList<>();
        try {
            for (Spec s : specs) cases.add(s.factory().get());
            for (BenchCase bc : cases) measureJava(bc, cfg.initialWarmupMs(), 0, null);
            int n = cases.size();
            double[][] java = new double[n][cfg.rounds()], cOps = new double[n][cfg.rounds()], bytes = new double[n][cfg.rounds()];
            for (double[] a : cOps) Arrays.fill(a, Double.NaN);
            for (int round = 0; round < cfg.rounds(); round++) {
                log.print("# round " + (round + 1) + "/" + cfg.rounds() + ":");
                for (int i = 0; i < n; i++) {
                    BenchCase bc = cases.get(i);
                    boolean withC = c != null && bc.baseline() != null;
                    double[] alloc = new double[1];
                    // Flip the order every round so a trend in machine load does not favour one side.
                    if (withC && round % 2 == 1) cOps[i][round] = c.measure(bc.baseline(), bc.batch(), cfg.warmupMs(), cfg.measureMs());
                    java[i][round] = measureJava(bc, cfg.warmupMs(), cfg.measureMs(), alloc);
                    bytes[i][round] = alloc[0];
                    if (withC && round % 2 == 0) cOps[i][round] = c.measure(bc.baseline(), bc.batch(), cfg.warmupMs(), cfg.measureMs());
                    log.print(" " + bc.label().replace(' ', '_'));
                    log.flush();
                }
                log.println();
            }
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Spec s = specs.get(i);
                double[] cr = ratio(java[i], cOps[i]);
                int ref = indexOf(specs, s.reference());
                double[] rr = ref < 0 ? new double[]{Double.NaN} : ratio(java[i], java[ref]);
                rows.add(new Row(s, median(java[i]), max(bytes[i]), median(cOps[i]), median(cr), min(cr), max(cr),
                        median(rr), min(rr), max(rr)));
            }
            log.println("# load after: " + loadavg());
            return new Result(rows, machine, baselineNote);
        } finally {
            for (BenchCase bc : cases) bc.close();
        }
    }

    private static int indexOf(List<Spec> specs, String label) {
        if (label == null) return -1;
        for (int i = 0; i < specs.size(); i++) if (specs.get(i).label().equals(label)) return i;
        return -1;
    }

    /**
     * Warm-up, then a timed loop; returns ops/s. With {@code allocOut}, stores the bytes this thread allocated per
     * operation during the timed loop.
     */
    public static double measureJava(BenchCase c, long warmupMs, long measureMs, double[] allocOut) {
        int every = Math.max(1, 256 / c.batch());
        long end = System.nanoTime() + warmupMs * 1_000_000L;
        while (System.nanoTime() < end) for (int k = 0; k < every; k++) c.runBatch();
        if (measureMs <= 0) return Double.NaN;
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long bytes0 = mx.getCurrentThreadAllocatedBytes();
        long ops = 0, start = System.nanoTime(), t;
        end = start + measureMs * 1_000_000L;
        do {
            for (int k = 0; k < every; k++) c.runBatch();
            ops += (long) every * c.batch();
        } while ((t = System.nanoTime()) < end);
        long bytes1 = mx.getCurrentThreadAllocatedBytes();
        if (allocOut != null) allocOut[0] = (double) (bytes1 - bytes0) / ops;
        return ops * 1e9 / (t - start);
    }

    private static double[] ratio(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) r[i] = a[i] / b[i];
        return r;
    }

    static double median(double[] v) {
        double[] s = Arrays.stream(v).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (s.length == 0) return Double.NaN;
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] v) { return Arrays.stream(v).filter(d -> !Double.isNaN(d)).min().orElse(Double.NaN); }
    private static double max(double[] v) { return Arrays.stream(v).filter(d -> !Double.isNaN(d)).max().orElse(Double.NaN); }

    static String machine(CBaseline c) {
        return String.format(Locale.ROOT, "%s; nproc %d; Linux %s; JDK %s (%s); %s; %s",
                ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME).replaceFirst("\\.\\d+", ""),
                Runtime.getRuntime().availableProcessors(), Linux.kernelRelease(), Runtime.version(),
                System.getProperty("java.vm.name"), cpuModel(), c == null ? "no C baseline" : "C: " + c.version());
    }

    private static String cpuModel() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (l.startsWith("model name")) return l.substring(l.indexOf(':') + 1).trim();
            }
        } catch (Exception ignored) {
            // not Linux /proc: leave it out
        }
        return "cpu unknown";
    }

    static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** The table, in Markdown (readable in a terminal too). */
    public static String table(Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append("| case | Java ops/s | B/op | liburing ops/s | Java/C (min-max) | vs reference (min-max) |\n");
        sb.append("|---|---:|---:|---:|---:|---|\n");
        for (Row w : r.rows()) {
            sb.append("| ").append(w.spec().label())
              .append(" | ").append(ops(w.javaOps()))
              .append(" | ").append(String.format(Locale.ROOT, "%.1f", w.bytesPerOp()))
              .append(" | ").append(Double.isNaN(w.cOps()) ? "-" : ops(w.cOps()))
              .append(" | ").append(Double.isNaN(w.cRatio()) ? "-" : range(w.cRatio(), w.cRatioMin(), w.cRatioMax()))
              .append(" | ").append(Double.isNaN(w.refRatio()) ? "-" : range(w.refRatio(), w.refRatioMin(), w.refRatioMax()) + " " + w.spec().reference())
              .append(" |\n");
        }
        if (r.baselineNote() != null) sb.append("\nC baseline not run: ").append(r.baselineNote()).append('\n');
        return sb.toString();
    }

    private static String ops(double v) { return String.format(Locale.ROOT, "%,.0f", v); }

    private static String range(double m, double lo, double hi) {
        return String.format(Locale.ROOT, "%.2fx (%.2f-%.2f)", m, lo, hi);
    }
}
