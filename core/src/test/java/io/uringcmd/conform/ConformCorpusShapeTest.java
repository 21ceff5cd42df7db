package io.uringcmd.conform;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Description: the corpus has at least 300 cases with unique names and covers every group issue 5 asks for. */
class ConformCorpusShapeTest {
    @Test
    void atLeast300UniquelyNamedCasesInEveryGroup() {
        List<ConformCase> all = Corpus.all();
        assertTrue(all.size() >= 300, "only " + all.size() + " cases");
        Set<String> names = new HashSet<>();
        for (ConformCase c : all) names.add(c.name());
        assertEquals(all.size(), names.size());
        for (String group : List.of("setup/", "sqe/", "nop/", "uring_cmd/matrix/", "uring_cmd/reserved/", "link/", "skip/",
                "drain/", "cancel/", "overflow/", "files/", "buffers/", "bufring/", "enter/", "register/")) {
            assertTrue(all.stream().anyMatch(c -> c.name().startsWith(group)), "no case in group " + group);
        }
    }

    @Test
    void noCaseSendsMultishotToATargetThatReachesADriver() {
        for (ConformCase c : Corpus.all()) {
            for (Step s : c.steps()) {
                if (s instanceof Step.Fill f && f.sqe().isMultishotUringCmd()) {
                    assertTrue(f.sqe().target() != null && !f.sqe().target().reachesDriver(), c.name());
                }
            }
        }
    }
}
