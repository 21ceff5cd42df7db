package io.uringcmd.jmh;

import io.uringcmd.bench.BenchCase;

import java.util.ArrayList;
import java.util.List;

/** Opens the cases a benchmark class measures and closes them all at tear-down. */
final class CaseState {
    private final List<BenchCase> open = new ArrayList<>();

    BenchCase open(BenchCase c) {
        open.add(c);
        return c;
    }

    void close() {
        for (BenchCase c : open) c.close();
        open.clear();
    }
}
