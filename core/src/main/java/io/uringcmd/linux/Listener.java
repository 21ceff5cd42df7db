package io.uringcmd.linux;

/** A listening TCP socket on 127.0.0.1: its fd and the port the kernel picked. {@link #close()} closes the fd. */
public record Listener(int fd, int port) implements AutoCloseable {

    /** Connects a new socket to this listener and accepts it: {@code first} connected, {@code second} accepted. */
    public FdPair connectAndAccept() { return Fds.connectAndAccept(this); }

    @Override
    public void close() { Fds.close(fd); }
}
