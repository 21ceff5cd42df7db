package io.uringcmd.cli;

import io.uringcmd.embedded.Host;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: the multishot demo section, run through a Trace on a shared host as DemoCommand runs its sections,
 * passes its checks and shows the events with buffer ids, the -ENOBUFS end, the re-arm and the cancel.
 */
class MultishotDemoSectionTest {
    @Test
    @Timeout(60)
    void sectionRunsThroughTheTrace() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Trace trace = new Trace(new PrintStream(bytes, true, StandardCharsets.UTF_8), List.of());
        try (Host host = new Host()) {
            MultishotDemoSection.run(trace, host);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        System.out.println(out);
        assertTrue(trace.ok(), out);
        assertTrue(out.contains("== multishot uring_cmd"), out);
        assertTrue(out.contains("res=-105 (ENOBUFS), flags=0}  -> ended: no buffer left"), out);
        assertTrue(out.contains("re-arm (user_data 2)"), out);
        assertFalse(out.contains("UNEXPECTED"), out);
    }
}
