package io.uringcmd.bench;

/**
 * One benchmark case: a ring, the work it repeats, and the check of each result. Every case runs the same loop
 * shape as the liburing baseline ({@code bench/c/uringbench.c}): claim {@link #batch()} SQEs and prep each,
 * {@code submitAndWait(batch)}, reap all {@code batch} CQEs checking each. The JMH benchmarks (module
 * {@code bench}) and {@code bin/uringcmd bench} both call {@link #runBatch()}, so they measure the same code.
 */
public interface BenchCase extends AutoCloseable {
    /** The work, e.g. "nop", "siocinq"; the kernel cases use the C baseline's names. */
    String name();

    /** "kernel" or "embedded". */
    String backend();

    /** Operations per {@link #runBatch()}. */
    int batch();

    /** One batch: {@link #batch()} operations, submitted and reaped. Throws if a CQE is not the expected one. */
    void runBatch();

    /** The C baseline case with the same work, or null when there is none. */
    default String baseline() { return null; }

    /** A stable label, e.g. "kernel nop b32". */
    default String label() { return backend() + " " + name() + " b" + batch(); }

    @Override
    void close();
}
