package io.uringcmd.linux;

/**
 * Two file descriptors made together: the two ends of a connected socket pair, or of a pipe. For a TCP or UDP
 * loopback pair {@code first} is the side that connected and {@code second} its peer; for a pipe {@code first} is the
 * read end and {@code second} the write end. {@link #close()} closes both.
 */
public record FdPair(int first, int second) implements AutoCloseable {

    /** The read end of a pipe ({@code first}). */
    public int readEnd() { return first; }

    /** The write end of a pipe ({@code second}). */
    public int writeEnd() { return second; }

    /** Closes both descriptors; throws for the first that fails, after trying both. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (int fd : new int[]{first, second}) {
            try {
                Fds.close(fd);
            } catch (RuntimeException e) {
                if (failure == null) failure = e; else failure.addSuppressed(e);
            }
        }
        if (failure != null) throw failure;
    }
}
