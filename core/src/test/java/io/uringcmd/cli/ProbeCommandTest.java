package io.uringcmd.cli;

import io.uringcmd.linux.Linux;
import io.uringcmd.linux.LoopDevice;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: `uringcmd probe` on this machine reports the kernel release, all 18 6.18 features, URING_CMD among
 * the probed opcodes, and every live uring_cmd target check as the 6.18 reference expects (shared/kernel-uring-cmd.md
 * §5, §9), as a table and as JSON; the block discard check runs unless loop devices are unavailable, then it is
 * skipped with the reason.
 */
class ProbeCommandTest {
    private static String run(String... args) {
        StringWriter sw = new StringWriter();
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(sw));
        int code = cl.execute(args);
        assertEquals(0, code, sw.toString());
        return sw.toString();
    }

    @Test
    void jsonReportsEveryTargetAsExpected() {
        String json = run("probe", "--json");
        assertTrue(json.contains("\"kernelRelease\": \"" + Linux.kernelRelease() + "\""), json);
        assertTrue(json.contains("\"value\": 262143"), json);
        assertTrue(json.contains("\"uringCmdSupported\": true"), json);
        assertTrue(json.contains("\"URING_CMD\""), json);
        boolean loop = LoopDevice.unavailableReason() == null;
        for (String target : List.of("tcp socket", "udp socket", "unix stream socket", "unix dgram socket", "/dev/fuse (no mount)",
                "/dev/null", "regular file", "pipe")) {
            assertTrue(json.contains("{\"target\": \"" + target + "\""), target + " missing: " + json);
        }
        // Every check line: status ok (or skipped for block when loop devices are unavailable here).
        Matcher m = Pattern.compile("\\{\"target\": \"([^\"]*)\", \"command\": \"([^\"]*)\", \"status\": \"([a-z]+)\"").matcher(json);
        int n = 0;
        while (m.find()) {
            n++;
            String status = m.group(3);
            boolean block = m.group(1).startsWith("block device");
            assertEquals(block && !loop ? "skipped" : "ok", status, m.group(1) + " / " + m.group(2));
        }
        assertEquals(loop ? 26 : 23, n, json);
        assertTrue(json.contains("\"differ\": 0, \"skipped\": " + (loop ? 0 : 1) + ", \"errors\": 0"), json);
        assertTrue(json.contains("{\"target\": \"unix stream socket\", \"command\": \"SIOCINQ\", \"status\": \"ok\", \"res\": -95"), json);
        assertTrue(json.contains("\"command\": \"REGISTER on an SQE128 ring\", \"status\": \"ok\", \"res\": -1"), json);
    }

    @Test
    void tableSaysItInWords() {
        String table = run("probe");
        assertTrue(table.startsWith("kernel release   " + Linux.kernelRelease()), table);
        assertTrue(table.contains("URING_CMD supported"), table);
        assertTrue(table.contains("SINGLE_MMAP NODROP"), table);
        assertTrue(table.lines().anyMatch(l -> l.contains("tcp socket") && l.contains("SIOCINQ") && l.contains(" ok")), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("26 checks: 26 as expected")
                || (LoopDevice.unavailableReason() != null && l.contains("1 skipped"))), table);
    }

    @Test
    void jsonStringsAreEscaped() {
        assertEquals("\"a\\\"b\\\\c\\n\\u0001\"", ProbeCommand.str("a\"b\\c\n\u0001"));
        assertEquals(List.of("SINGLE_MMAP", "NO_IOWAIT", "bit20"), ProbeCommand.featureNames(1 | 1 << 17 | 1 << 20));
    }
}
