package io.uringcmd.conform;

import java.util.ArrayList;
import java.util.List;

/** The outcomes of a conformance run, counted and rendered. */
public record Report(List<Outcome> outcomes, boolean compared, String kernel, String embedded, long millis) {

    public int cases() { return outcomes.size(); }
    public long identical() { return count(Outcome.Kind.IDENTICAL); }
    public long deviations() { return count(Outcome.Kind.DEVIATION); }
    public long different() { return count(Outcome.Kind.DIFFERENT); }
    public long corpusErrors() { return outcomes.stream().filter(Outcome::corpusError).count(); }

    private long count(Outcome.Kind k) { return outcomes.stream().filter(o -> o.kind() == k).count(); }

    /** Undocumented differences and corpus errors. */
    public List<Outcome> failures() { return outcomes.stream().filter(Outcome::failed).toList(); }

    public boolean ok() { return failures().isEmpty(); }

    /** {@code N cases, M identical, K deviations}, then the undocumented differences and corpus errors. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        if (compared) {
            b.append(cases()).append(" cases, ").append(identical()).append(" identical, ").append(deviations()).append(" deviations");
            b.append(", ").append(different()).append(" undocumented differences");
        } else {
            b.append(cases()).append(" cases run on the kernel only");
        }
        if (corpusErrors() > 0) b.append(", ").append(corpusErrors()).append(" corpus errors");
        b.append(" [").append(kernel).append(compared ? " vs " + embedded : "").append(", ").append(millis).append(" ms]");
        return b.toString();
    }

    /** One outcome in full: the case, and both results side by side. */
    public static String render(Outcome o) {
        StringBuilder b = new StringBuilder();
        b.append("== ").append(o.c().name()).append("  [").append(o.kind());
        if (o.deviation() != null) b.append(": ").append(o.deviation().id());
        if (o.corpusError()) b.append(", CORPUS ERROR");
        b.append("]");
        if (!o.c().cites().isEmpty()) b.append("  (").append(o.c().cites()).append(")");
        b.append('\n');
        b.append("   ring: ").append(o.c().setup());
        if (o.c().files()) b.append(", standard file table");
        if (o.c().buffers() > 0) b.append(", ").append(o.c().buffers()).append(" buffers");
        for (ConformCase.BufRing r : o.c().bufRings()) b.append(", ").append(r);
        b.append(", expects ").append(o.c().expectedCqes()).append(" CQEs").append(o.c().unordered() ? " (unordered)" : "").append('\n');
        for (Step s : o.c().steps()) b.append("   ").append(s).append('\n');
        List<String> k = o.kernel().lines();
        if (o.embedded() == null) {
            for (String l : k) b.append("   kernel: ").append(l).append('\n');
            return b.toString();
        }
        List<String> e = o.embedded().lines();
        int from = 0;
        if (!k.isEmpty() && !e.isEmpty() && k.getFirst().equals(e.getFirst())) {
            // The same setup result on both sides: once, not side by side (it is long).
            b.append("   both ").append(k.getFirst()).append('\n');
            from = 1;
        }
        int w = Math.max(24, k.stream().skip(from).mapToInt(String::length).max().orElse(0));
        b.append("   ").append(pad("kernel", w)).append(" | embedded\n");
        for (int i = from; i < Math.max(k.size(), e.size()); i++) {
            String kl = i < k.size() ? k.get(i) : "";
            String el = i < e.size() ? e.get(i) : "";
            b.append(kl.equals(el) ? " " : "*").append("  ").append(pad(kl, w)).append(" | ").append(el).append('\n');
        }
        return b.toString();
    }

    private static String pad(String s, int w) { return s.length() >= w ? s : s + " ".repeat(w - s.length()); }

    /** The full text: summary last, so it is the line a terminal shows. */
    public String render(boolean verbose) {
        List<String> parts = new ArrayList<>();
        for (Outcome o : outcomes) if (verbose || o.failed() || o.kind() == Outcome.Kind.DEVIATION) parts.add(render(o));
        parts.add(summary());
        return String.join("\n", parts);
    }
}
