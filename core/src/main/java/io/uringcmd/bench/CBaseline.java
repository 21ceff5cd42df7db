package io.uringcmd.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The liburing baseline ({@code bench/c/uringbench.c}) as a child process in {@code --serve} mode: each
 * {@link #measure} sends one command and reads one {@code RESULT} line, so the driver can alternate C and Java
 * rounds within one run. The binary is built on demand by {@code bench/c/build.sh}.
 */
public final class CBaseline implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final String version;

    private CBaseline(Path binary) throws IOException {
        process = new ProcessBuilder(binary.toString(), "--serve").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
        String ready = out.readLine();
        if (ready == null || !ready.startsWith("READY")) {
            close();
            throw new IOException(binary + " --serve did not start (said: " + ready + ")");
        }
        version = ready.substring("READY".length()).trim();
    }

    /** Starts the baseline, building it first if needed; throws {@link Unavailable} saying why it cannot. */
    public static CBaseline start(Path binaryOrNull) {
        Path bin = binaryOrNull != null ? binaryOrNull : build();
        try {
            return new CBaseline(bin);
        } catch (IOException e) {
            throw new Unavailable("cannot run the C baseline " + bin + ": " + e.getMessage());
        }
    }

    /** "liburing 2.3-3" */
    public String version() { return version; }

    /** One C measurement: ops/s of {@code name} at {@code batch}, after its own warm-up. */
    public double measure(String name, int batch, long warmupMs, long measureMs) {
        try {
            in.write(name + " " + batch + " " + warmupMs + " " + measureMs + "\n");
            in.flush();
            String line = out.readLine();
            if (line == null) throw new IllegalStateException("the C baseline exited (status " + exitStatus() + ")");
            if (!line.startsWith("RESULT ")) throw new IllegalStateException("the C baseline failed: " + line);
            for (String kv : line.split(" ")) if (kv.startsWith("ops_per_s=")) return Double.parseDouble(kv.substring(10));
            throw new IllegalStateException("no ops_per_s in the C baseline's line: " + line);
        } catch (IOException e) {
            throw new IllegalStateException("talking to the C baseline: " + e.getMessage(), e);
        }
    }

    private String exitStatus() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // the process is going away either way
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Runs {@code bench/c/build.sh} (which installs liburing-dev if missing) and returns the binary it built. */
    public static Path build() {
        Path script = findScript();
        List<String> log = new ArrayList<>();
        try {
            Process p = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) log.add(line);
            }
            int status = p.waitFor();
            String last = log.isEmpty() ? "" : log.getLast();
            if (status != 0 || !Files.isExecutable(Path.of(last))) {
                throw new Unavailable("bench/c/build.sh failed (status " + status + "): " + String.join(" | ", log));
            }
            return Path.of(last);
        } catch (IOException e) {
            throw new Unavailable("cannot run " + script + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while building the C baseline");
        }
    }

    /**
     * {@code bench/c/build.sh} of this checkout: under {@code -Duringcmd.root} or {@code $URINGCMD_ROOT}, else found
     * by walking up from this class's jar or class folder, else from the working directory.
     */
    static Path findScript() {
        List<Path> starts = new ArrayList<>();
        String prop = System.getProperty("uringcmd.root");
        if (prop != null) starts.add(Path.of(prop));
        String env = System.getenv("URINGCMD_ROOT");
        if (env != null) starts.add(Path.of(env));
        try {
            var src = CBaseline.class.getProtectionDomain().getCodeSource();
            if (src != null) starts.add(Path.of(src.getLocation().toURI()));
        } catch (Exception ignored) {
            // no code source (e.g. a custom class loader): fall back to the working directory
        }
        starts.add(Path.of("").toAbsolutePath());
        for (Path s : starts) {
            for (Path d = s.toAbsolutePath(); d != null; d = d.getParent()) {
                Path script = d.resolve("bench/c/build.sh");
                if (Files.isRegularFile(script)) return script;
            }
        }
        throw new Unavailable("bench/c/build.sh not found above " + starts + ": run from a uringcmd checkout or set URINGCMD_ROOT");
    }

    /** The C baseline cannot be built or run here; the message says why. */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String message) { super(message); }
    }
}
