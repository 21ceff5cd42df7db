package io.uringcmd.cli;

import io.uringcmd.embedded.Host;
import io.uringcmd.samples.EventDemo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The multishot section of {@code uringcmd demo}, for {@code DemoCommand.multishot(trace, host)}: the
 * {@link EventDemo} (an event device, one multishot uring_cmd, provided buffers, -ENOBUFS and re-arm, cancel, batch
 * mode) on the demo's host, printed through the trace, with its checks: every event delivered exactly once, and the
 * stream ending for the stated reasons.
 */
public final class MultishotDemoSection {
    private MultishotDemoSection() {}

    /** Runs the section; a failed check marks the trace not ok. */
    public static void run(Trace trace, Host host) {
        trace.section("multishot uring_cmd: an event device delivers events from three sources into provided buffers");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EventDemo.Result r;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            r = EventDemo.run(out, host);
        }
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n", -1)) {
            if (!line.isEmpty()) trace.note(line);
        }
        trace.check(r.exactlyOnce(), "multishot: events raised " + r.raised() + ", delivered " + r.delivered()
                + ", delivered twice " + r.duplicates());
        trace.check(r.endings().equals(List.of("no buffer left: the client stopped recycling", "canceled", "canceled")),
                "multishot: the streams ended " + r.endings());
    }
}
