package io.uringcmd.samples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: the multishot demo section shows events with buffer ids, a stream ending with -ENOBUFS when the
 * client stops recycling, a re-arm that delivers every queued event exactly once, a cancel, and batch mode.
 */
class EventDemoTest {
    @Test
    @Timeout(60)
    void demoRunsAndLosesNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EventDemo.Result r = EventDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        System.out.println(out);
        assertTrue(r.exactlyOnce(), r.toString());
        assertEquals(38, r.raised());
        assertEquals(3, r.arms());
        assertEquals(List.of("no buffer left: the client stopped recycling", "canceled", "canceled"), r.endings());
        assertTrue(out.contains("res=-105 (ENOBUFS), flags=0}  -> ended: no buffer left"), out);
        assertTrue(out.contains("flags=F_BUFFER|F_MORE bid=7}"), out);
        assertTrue(out.contains("res=-125 (ECANCELED), flags=0}  -> ended: canceled"), out);
        assertTrue(out.contains("res=32, flags=F_BUFFER|F_MORE bid=0}  -> 16 tags"), out);
    }
}
