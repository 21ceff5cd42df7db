package io.uringcmd.linux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A loop block device over a fresh backing file, for block uring_cmds (discard) on a machine without a spare disk.
 * {@link #create} makes the file and attaches it with {@code losetup --find --show}; {@link #close()} detaches it
 * ({@code losetup -d}) and deletes the file. Use it in try-with-resources: a loop device left attached outlives the
 * JVM. If attaching fails, the file is deleted before the exception leaves {@code create}.
 *
 * <p>Needs root and {@code losetup} (util-linux); {@link #unavailableReason()} says why it cannot run here.
 */
public final class LoopDevice implements AutoCloseable {
    private static final long LOSETUP_TIMEOUT_SECONDS = 30;

    private final Path device;
    private final Path backingFile;
    private final long size;
    private boolean closed;

    private LoopDevice(Path device, Path backingFile, long size) {
        this.device = device;
        this.backingFile = backingFile;
        this.size = size;
    }

    /**
     * Why loop devices cannot be attached here (not root, no {@code losetup}, no {@code /dev/loop-control}), or null
     * when they can.
     */
    public static String unavailableReason() {
        long euid = effectiveUid();
        if (euid != 0) return "attaching a loop device needs root (effective uid " + (euid < 0 ? "unknown" : euid) + ")";
        if (findLosetup() == null) return "losetup (util-linux) is not installed: apt-get install util-linux";
        if (!Files.exists(Path.of("/dev/loop-control"))) return "/dev/loop-control is missing (no loop driver): modprobe loop";
        return null;
    }

    /**
     * A backing file of {@code size} bytes (a multiple of 512) filled with a recognisable non-zero pattern (byte
     * {@code i} of the file is {@link #patternByte(long)}), attached as a loop device.
     */
    public static LoopDevice create(long size) {
        if (size <= 0 || size % 512 != 0) throw new IllegalArgumentException("size must be a positive multiple of 512: " + size);
        String reason = unavailableReason();
        if (reason != null) throw new IllegalStateException("cannot attach a loop device: " + reason);
        Path file = null;
        try {
            file = Files.createTempFile("uringcmd-loop-", ".img");
            byte[] chunk = new byte[(int) Math.min(size, 1 << 20)];
            try (var out = Files.newOutputStream(file)) {
                for (long off = 0; off < size; off += chunk.length) {
                    int n = (int) Math.min(chunk.length, size - off);
                    for (int i = 0; i < n; i++) chunk[i] = patternByte(off + i);
                    out.write(chunk, 0, n);
                }
            }
            String dev = run(List.of(findLosetup(), "--find", "--show", file.toString())).trim();
            if (!dev.startsWith("/dev/")) throw new IllegalStateException("losetup --find --show printed '" + dev + "', not a device path");
            return new LoopDevice(Path.of(dev), file, size);
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException("creating the loop device's backing file failed", e);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    /** The byte the backing file holds at {@code offset} when created: never 0, so a discarded range stands out. */
    public static byte patternByte(long offset) {
        return (byte) (1 + (offset * 7 + (offset >>> 9)) % 251);
    }

    /** The device node, e.g. {@code /dev/loop3}. */
    public Path device() { return device; }

    public Path backingFile() { return backingFile; }

    /** Size in bytes. */
    public long size() { return size; }

    /** Opens the device ({@link Fds#open}); the caller closes the fd before closing this. */
    public int open(int flags) {
        ensureOpen();
        return Fds.open(device.toString(), flags);
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("loop device " + device + " is already detached");
    }

    /** Detaches the device and deletes the backing file. Idempotent. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            run(List.of(findLosetup(), "-d", device.toString()));
        } finally {
            deleteQuietly(backingFile);
        }
    }

    @Override
    public String toString() { return "LoopDevice[" + device + " over " + backingFile + ", " + size + " bytes]"; }

    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(LOSETUP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + LOSETUP_TIMEOUT_SECONDS + " s");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + p.exitValue() + "): " + text.trim());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", command) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(String.join(" ", command) + " was interrupted", e);
        }
    }

    private static String findLosetup() {
        for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin")) {
            Path p = Path.of(dir, "losetup");
            if (Files.isExecutable(p)) return p.toString();
        }
        return null;
    }

    /** The effective uid from /proc/self/status, or -1 if it cannot be read. */
    static long effectiveUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) return Long.parseLong(line.substring(4).trim().split("\\s+")[1]);
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static void deleteQuietly(Path file) {
        if (file == null) return;
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover temp file is harmless; the device itself was detached (or never attached).
        }
    }
}
