package io.uringcmd.conform;

/** One case's results on both sides and how they compare. */
public record Outcome(ConformCase c, CaseResult kernel, CaseResult embedded, Kind kind, Deviation deviation) {

    public enum Kind {
        /** Both sides gave the same result. */
        IDENTICAL,
        /** The results differ, as a documented {@link Deviation} says they may. */
        DEVIATION,
        /** The results differ and nothing documents it. */
        DIFFERENT,
        /** Only the kernel ran (no embedded side in this run). */
        KERNEL_ONLY
    }

    /** The case is broken: it did not run cleanly on the kernel (a corpus bug, whatever the embedded side does). */
    public boolean corpusError() { return kernel.error() != null; }

    public boolean failed() { return kind == Kind.DIFFERENT || corpusError(); }

    static Outcome compare(ConformCase c, CaseResult kernel, CaseResult embedded) {
        if (embedded == null) return new Outcome(c, kernel, null, Kind.KERNEL_ONLY, null);
        if (kernel.equals(embedded)) return new Outcome(c, kernel, embedded, Kind.IDENTICAL, null);
        Deviation d = Deviations.covering(c);
        return new Outcome(c, kernel, embedded, d == null ? Kind.DIFFERENT : Kind.DEVIATION, d);
    }
}
