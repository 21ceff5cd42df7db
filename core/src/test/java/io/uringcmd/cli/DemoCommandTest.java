package io.uringcmd.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: {@code uringcmd demo} exits 0 and traces the sample's round trip (immediate and queued), the cancel and
 * the error cases with cmd_op names, errno names and res2; it is registered as a subcommand of {@code Main}.
 */
class DemoCommandTest {
    @Test
    @Timeout(30)
    void demoRunsCleanAndTraces() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = DemoCommand.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, out);
        assertTrue(out.contains("cmd_op=RUST_MISC_DEV_URING_CMD_SET_VALUE (0x80047c83)"), out);
        assertTrue(out.contains("CQE  user_data=2  res=0  flags=0  res2=42"), out);
        assertTrue(out.contains("CQE  user_data=3  res=0  flags=0  res2=42   <- URING_CMD fd=3 cmd_op=RUST_MISC_DEV_URING_CMD_GET_QUEUED"), out);
        assertTrue(out.contains("res=-125 (ECANCELED)"), out);
        assertTrue(out.contains("res=-25 (ENOTTY)"), out);
        assertTrue(out.contains("res=-14 (EFAULT)"), out);
        assertFalse(out.contains("UNEXPECTED"), out);
        assertTrue(out.endsWith("demo OK" + System.lineSeparator()), out);
        assertNotNull(new CommandLine(new Main()).getSubcommands().get("demo"));
    }

    @Test
    void traceReportsAMismatch() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Trace t = new Trace(new PrintStream(bytes, true, StandardCharsets.UTF_8), java.util.List.of());
        assertTrue(t.ok());
        t.check(false, "something else happened");
        assertFalse(t.ok());
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("UNEXPECTED: something else happened"));
        assertEquals("IOSQE_IO_LINK|IOSQE_ASYNC", Trace.describeSqeFlags(0x14));
        assertEquals("0", Trace.describeSqeFlags(0));
    }
}
