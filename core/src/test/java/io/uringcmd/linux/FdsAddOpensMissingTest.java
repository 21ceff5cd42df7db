package io.uringcmd.linux;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: without the --add-opens that Fds.fdOf needs, it throws an IllegalStateException that names the exact
 * option to add (java.base/sun.nio.ch for channels, java.base/java.io for a FileChannel's FileDescriptor); checked in
 * child JVMs started without (some of) the options.
 */
class FdsAddOpensMissingTest {
    /** Runs in the child JVM: prints one line per channel kind with the exception message (or the fd). */
    public static void main(String[] args) throws IOException {
        try (SocketChannel s = SocketChannel.open()) {
            System.out.println("socket: " + attempt(() -> Fds.fdOf(s)));
        }
        Path tmp = Files.createTempFile("uringcmd-opens", ".dat");
        try (FileChannel f = FileChannel.open(tmp, StandardOpenOption.READ)) {
            System.out.println("file: " + attempt(() -> Fds.fdOf(f)));
        } finally {
            Files.delete(tmp);
        }
    }

    private static String attempt(java.util.function.IntSupplier s) {
        try {
            return "fd " + s.getAsInt();
        } catch (IllegalStateException e) {
            return "ISE " + e.getMessage();
        }
    }

    @Test
    void noOpensNamesSunNioCh() throws Exception {
        List<String> out = runChild();
        assertTrue(out.get(0).startsWith("socket: ISE ") && out.get(0).contains("--add-opens java.base/sun.nio.ch=ALL-UNNAMED"), out.get(0));
        assertTrue(out.get(1).startsWith("file: ISE ") && out.get(1).contains("--add-opens java.base/sun.nio.ch=ALL-UNNAMED"), out.get(1));
    }

    @Test
    void fileChannelAlsoNeedsJavaIo() throws Exception {
        List<String> out = runChild("--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED");
        assertTrue(out.get(0).startsWith("socket: fd "), out.get(0));
        assertTrue(out.get(1).startsWith("file: ISE ") && out.get(1).contains("--add-opens java.base/java.io=ALL-UNNAMED"), out.get(1));
    }

    @Test
    void bothOpensWork() throws Exception {
        List<String> out = runChild("--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens", "java.base/java.io=ALL-UNNAMED");
        assertTrue(out.get(0).startsWith("socket: fd "), out.get(0));
        assertTrue(out.get(1).startsWith("file: fd "), out.get(1));
    }

    private static List<String> runChild(String... jvmArgs) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xshare:auto", "-XX:TieredStopAtLevel=1"));
        cmd.addAll(List.of(jvmArgs));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), FdsAddOpensMissingTest.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM hung");
        assertEquals(0, p.exitValue(), text);
        List<String> lines = text.lines().filter(l -> l.startsWith("socket: ") || l.startsWith("file: ")).toList();
        assertEquals(2, lines.size(), text);
        return lines;
    }
}
