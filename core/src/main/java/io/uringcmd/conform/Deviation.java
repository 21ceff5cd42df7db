package io.uringcmd.conform;

import java.util.regex.Pattern;

/**
 * A difference between the embedded host and the kernel that is there on purpose.
 *
 * @param id     short name, as in docs/DEVIATIONS.md
 * @param cases  the case names it covers (a regex matched against the whole name), or null when no case of the
 *               corpus can show it (the kernel side cannot run such a case safely, or it is not observable in a CQE)
 * @param reason why the embedded host differs
 */
public record Deviation(String id, Pattern cases, String reason) {

    public static Deviation of(String id, String casesRegex, String reason) {
        return new Deviation(id, casesRegex == null ? null : Pattern.compile(casesRegex), reason);
    }

    public boolean covers(ConformCase c) { return cases != null && cases.matcher(c.name()).matches(); }
}
