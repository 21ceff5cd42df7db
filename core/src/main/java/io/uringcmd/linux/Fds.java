package io.uringcmd.linux;

import io.uringcmd.internal.Libc;
import io.uringcmd.ring.ErrnoException;

import java.io.FileDescriptor;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteOrder;
import java.nio.channels.Channel;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * File descriptors for uring_cmd targets: open a path, make connected socket pairs (TCP and UDP over loopback,
 * AF_UNIX), a listening TCP socket, a pipe; take the fd of a {@code SocketChannel} or {@code FileChannel} you already
 * have; and the few plain syscalls tests need around them (read, write, getsockopt, ioctl). Every call throws
 * {@link ErrnoException} with the kernel's errno when it fails.
 *
 * <p>Descriptors made here are the caller's to close ({@link #close(int)}, or {@link FdPair#close()}). They are
 * opened with {@code O_CLOEXEC}.
 */
public final class Fds {
    private Fds() {}

    // open(2) flags (x86_64)
    public static final int O_RDONLY = Libc.O_RDONLY, O_WRONLY = Libc.O_WRONLY, O_RDWR = Libc.O_RDWR,
            O_CREAT = Libc.O_CREAT, O_TRUNC = Libc.O_TRUNC, O_CLOEXEC = Libc.O_CLOEXEC, O_NONBLOCK = Libc.O_NONBLOCK,
            O_DIRECT = Libc.O_DIRECT, O_DIRECTORY = 0200000;
    // socket types, levels and options for the socket uring_cmds
    public static final int AF_UNIX = Libc.AF_UNIX, AF_INET = Libc.AF_INET, SOCK_STREAM = Libc.SOCK_STREAM,
            SOCK_DGRAM = Libc.SOCK_DGRAM;
    public static final int SOL_SOCKET = Libc.SOL_SOCKET, SO_TYPE = Libc.SO_TYPE, SO_SNDBUF = Libc.SO_SNDBUF,
            SO_RCVBUF = Libc.SO_RCVBUF, SO_KEEPALIVE = Libc.SO_KEEPALIVE, SO_REUSEPORT = Libc.SO_REUSEPORT,
            SO_LINGER = Libc.SO_LINGER, SO_PEERNAME = Libc.SO_PEERNAME, SO_TIMESTAMPING = Libc.SO_TIMESTAMPING;
    public static final int IPPROTO_TCP = Libc.IPPROTO_TCP, TCP_NODELAY = Libc.TCP_NODELAY,
            TCP_USER_TIMEOUT = Libc.TCP_USER_TIMEOUT;
    /** ioctl(2) requests that the socket uring_cmds SIOCINQ / SIOCOUTQ mirror. */
    public static final int SIOCINQ = Libc.SIOCINQ, SIOCOUTQ = Libc.SIOCOUTQ;

    private static final int SOCKADDR_IN_SIZE = 16;
    private static final ValueLayout.OfShort NET_SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt NET_INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final int LOOPBACK = 0x7f000001;

    // ---------------------------------------------------------------- open / close

    /** {@code open(path, flags)} ({@link #O_CLOEXEC} added). */
    public static int open(Path path, int flags) { return open(path.toString(), flags, 0644); }

    /** {@code open(path, flags)} ({@link #O_CLOEXEC} added). */
    public static int open(String path, int flags) { return open(path, flags, 0644); }

    /** {@code open(path, flags, mode)} ({@link #O_CLOEXEC} added). */
    public static int open(String path, int flags, int mode) {
        return check("open(" + path + ")", Libc.open(path, flags | O_CLOEXEC, mode));
    }

    /** {@code close(fd)}. */
    public static void close(int fd) { check("close(" + fd + ")", Libc.close(fd)); }

    /** {@code dup(fd)}. */
    public static int dup(int fd) { return check("dup(" + fd + ")", Libc.dup(fd)); }

    /** {@code pipe2(O_CLOEXEC)}: {@code first} is the read end, {@code second} the write end. */
    public static FdPair pipe() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment fds = a.allocate(JAVA_INT, 2);
            check("pipe2", Libc.pipe2(fds.address(), O_CLOEXEC));
            return new FdPair(fds.getAtIndex(JAVA_INT, 0), fds.getAtIndex(JAVA_INT, 1));
        }
    }

    // ---------------------------------------------------------------- sockets

    /** {@code socketpair(AF_UNIX, SOCK_STREAM)}. */
    public static FdPair unixStreamPair() { return socketpair(SOCK_STREAM); }

    /** {@code socketpair(AF_UNIX, SOCK_DGRAM)}. */
    public static FdPair unixDgramPair() { return socketpair(SOCK_DGRAM); }

    private static FdPair socketpair(int type) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment fds = a.allocate(JAVA_INT, 2);
            check("socketpair(AF_UNIX)", Libc.socketpair(AF_UNIX, type | Libc.SOCK_CLOEXEC, 0, fds.address()));
            return new FdPair(fds.getAtIndex(JAVA_INT, 0), fds.getAtIndex(JAVA_INT, 1));
        }
    }

    /** A TCP socket listening on 127.0.0.1 at a port the kernel picks. */
    public static Listener tcpListener() {
        int fd = socket(SOCK_STREAM);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment addr = sockaddrIn(a, 0);
            check("bind(127.0.0.1:0)", Libc.bind(fd, addr.address(), SOCKADDR_IN_SIZE));
            check("listen", Libc.listen(fd, 16));
            return new Listener(fd, localPort(fd));
        } catch (RuntimeException e) {
            closeQuietly(fd, e);
            throw e;
        }
    }

    /** A TCP socket connected to 127.0.0.1:{@code port}. */
    public static int connectTcp(int port) {
        int fd = socket(SOCK_STREAM);
        try (Arena a = Arena.ofConfined()) {
            check("connect(127.0.0.1:" + port + ")", Libc.connect(fd, sockaddrIn(a, port).address(), SOCKADDR_IN_SIZE));
            return fd;
        } catch (RuntimeException e) {
            closeQuietly(fd, e);
            throw e;
        }
    }

    /** Connects to {@code listener} and accepts: {@code first} is the connecting socket, {@code second} the accepted one. */
    public static FdPair connectAndAccept(Listener listener) {
        // A loopback connect completes from the listener's backlog, so connecting before accepting cannot block.
        int c = connectTcp(listener.port());
        int s = Libc.accept(listener.fd(), 0, 0);
        if (s < 0) {
            ErrnoException e = new ErrnoException("accept", s, null);
            closeQuietly(c, e);
            throw e;
        }
        return new FdPair(c, s);
    }

    /** A connected TCP pair over loopback ({@code first} connected, {@code second} accepted); the listener is closed. */
    public static FdPair tcpPair() {
        try (Listener l = tcpListener()) {
            return l.connectAndAccept();
        }
    }

    /** Two UDP sockets on 127.0.0.1, each connected to the other. */
    public static FdPair udpPair() {
        int a = socket(SOCK_DGRAM), b = -1;
        try (Arena arena = Arena.ofConfined()) {
            b = socket(SOCK_DGRAM);
            MemorySegment any = sockaddrIn(arena, 0);
            check("bind(udp)", Libc.bind(a, any.address(), SOCKADDR_IN_SIZE));
            check("bind(udp)", Libc.bind(b, any.address(), SOCKADDR_IN_SIZE));
            int pa = localPort(a), pb = localPort(b);
            check("connect(udp)", Libc.connect(a, sockaddrIn(arena, pb).address(), SOCKADDR_IN_SIZE));
            check("connect(udp)", Libc.connect(b, sockaddrIn(arena, pa).address(), SOCKADDR_IN_SIZE));
            return new FdPair(a, b);
        } catch (RuntimeException e) {
            closeQuietly(a, e);
            if (b >= 0) closeQuietly(b, e);
            throw e;
        }
    }

    private static int socket(int type) {
        return check("socket(AF_INET)", Libc.socket(AF_INET, type | Libc.SOCK_CLOEXEC, 0));
    }

    private static MemorySegment sockaddrIn(Arena a, int port) {
        MemorySegment s = a.allocate(SOCKADDR_IN_SIZE, 4);
        s.set(ValueLayout.JAVA_SHORT, 0, (short) AF_INET); // sin_family, host order
        s.set(NET_SHORT, 2, (short) port);                  // sin_port, network order
        s.set(NET_INT, 4, LOOPBACK);                        // sin_addr
        return s;
    }

    /** The local port of a bound AF_INET socket ({@code getsockname}). */
    public static int localPort(int fd) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment s = a.allocate(SOCKADDR_IN_SIZE, 4);
            MemorySegment len = a.allocateFrom(JAVA_INT, SOCKADDR_IN_SIZE);
            check("getsockname", Libc.getsockname(fd, s.address(), len.address()));
            return Short.toUnsignedInt(s.get(NET_SHORT, 2));
        }
    }

    /** {@code getsockopt(2)} of an int option. */
    public static int getsockoptInt(int fd, int level, int optname) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(JAVA_INT);
            MemorySegment len = a.allocateFrom(JAVA_INT, 4);
            check("getsockopt(" + level + ", " + optname + ")", Libc.getsockopt(fd, level, optname, v.address(), len.address()));
            return v.get(JAVA_INT, 0);
        }
    }

    /** {@code getsockopt(2)} into {@code optval}; returns the resulting optlen. */
    public static int getsockopt(int fd, int level, int optname, MemorySegment optval) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment len = a.allocateFrom(JAVA_INT, (int) optval.byteSize());
            check("getsockopt(" + level + ", " + optname + ")", Libc.getsockopt(fd, level, optname, optval.address(), len.address()));
            return len.get(JAVA_INT, 0);
        }
    }

    /** {@code setsockopt(2)} of an int option. */
    public static void setsockoptInt(int fd, int level, int optname, int value) {
        try (Arena a = Arena.ofConfined()) {
            check("setsockopt(" + level + ", " + optname + ")", Libc.setsockopt(fd, level, optname, a.allocateFrom(JAVA_INT, value).address(), 4));
        }
    }

    /** {@code ioctl(fd, request, &int)} for requests that write an int (SIOCINQ, SIOCOUTQ): the int. */
    public static int ioctlInt(int fd, int request) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(JAVA_INT);
            check("ioctl(0x" + Integer.toHexString(request) + ")", Libc.ioctl(fd, request, v.address()));
            return v.get(JAVA_INT, 0);
        }
    }

    // ---------------------------------------------------------------- read / write

    /** {@code write(fd, buf)}: bytes written. */
    public static int write(int fd, MemorySegment buf) {
        return (int) checkLong("write(" + fd + ")", Libc.write(fd, buf.address(), buf.byteSize()));
    }

    /** Writes {@code bytes} with one {@code write(2)}; returns bytes written. */
    public static int write(int fd, byte[] bytes) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment s = a.allocate(Math.max(1, bytes.length));
            MemorySegment.copy(bytes, 0, s, ValueLayout.JAVA_BYTE, 0, bytes.length);
            return write(fd, s.asSlice(0, bytes.length));
        }
    }

    /** {@code read(fd, buf)}: bytes read (0 at end of file). */
    public static int read(int fd, MemorySegment buf) {
        return (int) checkLong("read(" + fd + ")", Libc.read(fd, buf.address(), buf.byteSize()));
    }

    /** Reads up to {@code max} bytes with one {@code read(2)}. */
    public static byte[] read(int fd, int max) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment s = a.allocate(Math.max(1, max));
            int n = read(fd, s.asSlice(0, max));
            return s.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
        }
    }

    /** {@code pread(fd, buf, offset)}: bytes read. */
    public static int pread(int fd, MemorySegment buf, long offset) {
        return (int) checkLong("pread(" + fd + ")", Libc.pread(fd, buf.address(), buf.byteSize(), offset));
    }

    /** {@code pwrite(fd, buf, offset)}: bytes written. */
    public static int pwrite(int fd, MemorySegment buf, long offset) {
        return (int) checkLong("pwrite(" + fd + ")", Libc.pwrite(fd, buf.address(), buf.byteSize(), offset));
    }

    // ---------------------------------------------------------------- channels

    /**
     * The fd of a channel the caller already has: a {@code SocketChannel}, {@code ServerSocketChannel},
     * {@code DatagramChannel} or {@code FileChannel} of the default provider. The channel still owns the fd: keep it
     * open while requests use the fd, and do not close the fd yourself.
     *
     * <p>The JDK keeps the fd in its internal {@code sun.nio.ch} (and, for files, {@code java.io}) classes, so the JVM
     * must run with {@code --add-opens java.base/sun.nio.ch=<this module>} (and {@code java.base/java.io} for a
     * {@code FileChannel}); without them this throws an {@link IllegalStateException} that names the option to add.
     * {@code bin/uringcmd} and the test build pass both.
     */
    public static int fdOf(Channel channel) {
        if (!channel.isOpen()) throw new IllegalStateException("the channel is closed, so it has no fd: " + channel);
        if (channel instanceof FileChannel) {
            Object fd = fieldValue(channel, "sun.nio.ch", "fd");
            if (!(fd instanceof FileDescriptor d)) throw unsupported(channel);
            return fdOf(d);
        }
        Class<?> selCh = jdkClass("sun.nio.ch.SelChImpl");
        if (selCh == null || !selCh.isInstance(channel)) throw unsupported(channel);
        try {
            Method m = selCh.getMethod("getFDVal");
            open(m, "sun.nio.ch");
            return (int) m.invoke(channel);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw unsupported(channel);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("reading the fd of " + channel + " failed", e.getCause());
        }
    }

    /** The fd number a {@link FileDescriptor} holds (needs {@code --add-opens java.base/java.io}; see {@link #fdOf(Channel)}). */
    public static int fdOf(FileDescriptor descriptor) {
        if (!descriptor.valid()) throw new IllegalStateException("the FileDescriptor is not valid (closed)");
        Object v = fieldValue(descriptor, "java.io", "fd");
        if (!(v instanceof Integer fd)) throw new IllegalStateException("java.io.FileDescriptor has no int field 'fd' in this JDK");
        return fd;
    }

    private static Object fieldValue(Object target, String pkg, String name) {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                open(f, pkg);
                return f.get(target);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(addOpensMessage(pkg), e);
            }
        }
        throw new IllegalStateException(target.getClass().getName() + " has no field '" + name + "' in this JDK");
    }

    private static void open(java.lang.reflect.AccessibleObject member, String pkg) {
        try {
            member.setAccessible(true);
        } catch (InaccessibleObjectException e) {
            throw new IllegalStateException(addOpensMessage(pkg), e);
        }
    }

    /** The module the JVM option must open the JDK package to: this module, or ALL-UNNAMED on the class path. */
    static String openTarget() {
        Module m = Fds.class.getModule();
        return m.isNamed() ? m.getName() : "ALL-UNNAMED";
    }

    static String addOpensMessage(String pkg) {
        return "taking the fd of a JDK channel needs access to the JDK's internal " + pkg + " package: run java with "
                + "--add-opens java.base/" + pkg + "=" + openTarget()
                + " (bin/uringcmd and the test build pass --add-opens java.base/sun.nio.ch and java.base/java.io)";
    }

    private static Class<?> jdkClass(String name) {
        try {
            return Class.forName(name, false, null);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static IllegalArgumentException unsupported(Channel channel) {
        return new IllegalArgumentException("cannot take the fd of " + channel.getClass().getName()
                + ": only SocketChannel, ServerSocketChannel, DatagramChannel and FileChannel of the default provider hold one");
    }

    // ---------------------------------------------------------------- errors

    private static int check(String call, int ret) {
        if (ret < 0) throw new ErrnoException(call, ret, null);
        return ret;
    }

    private static long checkLong(String call, long ret) {
        if (ret < 0) throw new ErrnoException(call, (int) ret, null);
        return ret;
    }

    private static void closeQuietly(int fd, Throwable primary) {
        int r = Libc.close(fd);
        if (r < 0) primary.addSuppressed(new ErrnoException("close(" + fd + ")", r, null));
    }
}
