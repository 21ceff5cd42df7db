package io.uringcmd.conform;

import io.uringcmd.ring.CqeRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * What one side answered to one case, as data: the setup result (the errno, or the parameters setup wrote back),
 * each recording step's result, every CQE in the order reaped, and an error when the case could not run to its end
 * (an exception, or fewer CQEs than the case produces within the drain timeout). Two sides agree when their results
 * are equal.
 */
public record CaseResult(String setup, List<String> steps, List<CqeRecord> cqes, String error) {

    public CaseResult {
        steps = List.copyOf(steps);
        cqes = List.copyOf(cqes);
    }

    /** The result as lines, for side-by-side reports. */
    public List<String> lines() {
        List<String> l = new ArrayList<>();
        l.add("setup: " + setup);
        for (String s : steps) l.add(s);
        for (CqeRecord c : cqes) l.add(c.toString());
        if (error != null) l.add("ERROR: " + error);
        return l;
    }

    @Override
    public String toString() { return String.join("\n", lines()); }
}
