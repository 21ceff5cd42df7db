package io.uringcmd.conform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every conformance case, in the order they run. Names are unique. */
public final class Corpus {
    private Corpus() {}

    public static List<ConformCase> all() {
        List<ConformCase> l = new ArrayList<>();
        l.addAll(SetupCases.cases());
        l.addAll(NopCases.cases());
        l.addAll(UringCmdCases.cases());
        l.addAll(LinkCases.cases());
        l.addAll(CancelCases.cases());
        l.addAll(OverflowCases.cases());
        l.addAll(RegisterCases.cases());
        Set<String> seen = new HashSet<>();
        for (ConformCase c : l) {
            if (!seen.add(c.name())) throw new IllegalStateException("corpus bug: two cases named " + c.name());
        }
        return List.copyOf(l);
    }
}
