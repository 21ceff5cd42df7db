package io.uringcmd.conform;

import io.uringcmd.cli.Main;
import io.uringcmd.linux.Linux;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Description: `uringcmd conform --filter` runs only the matching cases and prints "N cases, M identical, K deviations". */
class ConformCommandTest {
    @Test
    void filteredRunPrintsTheSummary() {
        assumeTrue(Linux.ioUringAvailable(), "io_uring is not available on this machine");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream old = System.out;
        int rc;
        try {
            System.setOut(new PrintStream(buf, true));
            rc = new CommandLine(new Main()).execute("conform", "--filter", "^setup/resv\\[\\d\\]=1$");
        } finally {
            System.setOut(old);
        }
        String out = buf.toString();
        assertTrue(out.contains("3 cases, 3 identical, 0 deviations, 0 undocumented differences"), out);
        assertEquals(0, rc, out);
    }
}
