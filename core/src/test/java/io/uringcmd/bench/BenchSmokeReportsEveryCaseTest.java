package io.uringcmd.bench;

import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Description: the benchmark driver behind {@code bin/uringcmd bench} runs every case for a few milliseconds and
 * reports one row per case (a case this build cannot run, with the reason), with the liburing baseline's numbers when bench/c/build.sh can build it (it installs
 * liburing-dev when missing); without it the rows still come, with the reason in the report. The numbers are not
 * checked: speed is for benchmarks, not tests.
 */
class BenchSmokeReportsEveryCaseTest {
    @Test
    void everyCaseGetsARow() {
        List<Bench.Spec> specs = Bench.allSpecs();
        CBaseline c = null;
        String note = null;
        try {
            c = CBaseline.start(null);
        } catch (CBaseline.Unavailable e) {
            note = e.getMessage();
            System.err.println("BenchSmokeReportsEveryCaseTest: C side skipped: " + note);
        }
        Bench.Result r;
        try {
            r = Bench.run(Bench.Config.smoke(), specs, c, note, new PrintStream(OutputStream.nullOutputStream()));
        } finally {
            if (c != null) c.close();
        }
        assertEquals(specs.stream().map(Bench.Spec::label).sorted().toList(),
                r.rows().stream().map(w -> w.spec().label()).sorted().toList());
        for (Bench.Row w : r.rows()) {
            if (w.notRun() != null) {
                // A case this build cannot run (e.g. an engine without provided buffers) says why in its row.
                assertFalse(w.notRun().isBlank(), w.spec().label());
                continue;
            }
            assertTrue(w.javaOps() > 0, w.spec().label() + ": no Java ops/s");
            if (c != null && w.spec().baseline() != null) assertTrue(w.cOps() > 0, w.spec().label() + ": no C ops/s");
            if (w.spec().reference() != null && r.rows().stream().anyMatch(x -> x.spec().label().equals(w.spec().reference()) && x.notRun() == null)) {
                assertTrue(w.refRatio() > 0, w.spec().label() + ": no ratio to " + w.spec().reference());
            }
        }
        String table = Bench.table(r);
        for (Bench.Spec s : specs) assertTrue(table.contains("| " + s.label() + " |"), "table lacks " + s.label() + ":\n" + table);
        if (c == null) assertTrue(table.contains("C baseline not run: "), table);
    }
}
