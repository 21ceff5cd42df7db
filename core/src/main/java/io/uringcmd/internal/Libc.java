package io.uringcmd.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.*;

/**
 * Downcalls into libc: the io_uring syscalls and the few POSIX calls the Linux backend and its helpers need.
 * Every call returns the kernel's convention, {@code >= 0} or {@code -errno}; errno is captured by the linker
 * (never read from a later call's leftovers). This is one of the two classes that touch raw addresses
 * (with {@link Raw}); nothing here is exported.
 *
 * <h2>Safety</h2>
 * The {@code long} address arguments must point at memory that stays valid for the call. Callers in this module
 * pass {@code segment.address()} of a live segment they hold, which satisfies that for the duration of the call.
 */
public final class Libc {
    private Libc() {}

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE_LAYOUT.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    /** One errno capture buffer per thread: no allocation per call after the first on a thread. */
    private static final ThreadLocal<MemorySegment> CAPTURE = ThreadLocal.withInitial(() -> Arena.global().allocate(CAPTURE_LAYOUT));

    private static MethodHandle handle(String name, FunctionDescriptor fd, Linker.Option... options) {
        MemorySegment symbol = LIBC.find(name).orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
        return LINKER.downcallHandle(symbol, fd, options);
    }

    // syscall(long nr, ...): six variadic longs; the kernel ignores the ones a syscall does not take.
    private static final MethodHandle SYSCALL = handle("syscall",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
            Linker.Option.firstVariadicArg(1), CAPTURE_ERRNO);
    private static final MethodHandle MMAP = handle("mmap",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG), CAPTURE_ERRNO);
    private static final MethodHandle MUNMAP = handle("munmap", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG), CAPTURE_ERRNO);
    private static final MethodHandle CLOSE = handle("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
    private static final MethodHandle OPEN = handle("open", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_INT),
            Linker.Option.firstVariadicArg(2), CAPTURE_ERRNO);
    private static final MethodHandle READ = handle("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG), CAPTURE_ERRNO);
    private static final MethodHandle WRITE = handle("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG), CAPTURE_ERRNO);
    private static final MethodHandle PREAD = handle("pread", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG), CAPTURE_ERRNO);
    private static final MethodHandle PWRITE = handle("pwrite", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG), CAPTURE_ERRNO);
    private static final MethodHandle PIPE2 = handle("pipe2", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_INT), CAPTURE_ERRNO);
    private static final MethodHandle SOCKET = handle("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
    private static final MethodHandle SOCKETPAIR = handle("socketpair", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG), CAPTURE_ERRNO);
    private static final MethodHandle BIND = handle("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_INT), CAPTURE_ERRNO);
    private static final MethodHandle LISTEN = handle("listen", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
    private static final MethodHandle ACCEPT = handle("accept", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG), CAPTURE_ERRNO);
    private static final MethodHandle CONNECT = handle("connect", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_INT), CAPTURE_ERRNO);
    private static final MethodHandle GETSOCKNAME = handle("getsockname", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG), CAPTURE_ERRNO);
    private static final MethodHandle GETSOCKOPT = handle("getsockopt", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG), CAPTURE_ERRNO);
    private static final MethodHandle SETSOCKOPT = handle("setsockopt", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_INT), CAPTURE_ERRNO);
    private static final MethodHandle IOCTL = handle("ioctl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG),
            Linker.Option.firstVariadicArg(2), CAPTURE_ERRNO);
    private static final MethodHandle FSTAT = handle("fstat", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG), CAPTURE_ERRNO);
    private static final MethodHandle UNAME = handle("uname", FunctionDescriptor.of(JAVA_INT, JAVA_LONG), CAPTURE_ERRNO);
    private static final MethodHandle DUP = handle("dup", FunctionDescriptor.of(JAVA_INT, JAVA_INT), CAPTURE_ERRNO);
    private static final MethodHandle FTRUNCATE = handle("ftruncate", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG), CAPTURE_ERRNO);

    private static long result(long ret, MemorySegment capture) {
        return ret == -1 ? -(int) ERRNO.get(capture, 0L) : ret;
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }

    /** {@code syscall(nr, a..f)}: the result, or -errno. */
    public static long syscall(long nr, long a, long b, long c, long d, long e, long f) {
        MemorySegment cap = CAPTURE.get();
        try {
            return result((long) SYSCALL.invokeExact(cap, nr, a, b, c, d, e, f), cap);
        } catch (Throwable t) { throw rethrow(t); }
    }

    /** {@code syscall(nr, a..f)} with errno captured into {@code capture} (one thread at a time): the result, or -errno. */
    public static long syscall(MemorySegment capture, long nr, long a, long b, long c, long d, long e, long f) {
        try {
            return result((long) SYSCALL.invokeExact(capture, nr, a, b, c, d, e, f), capture);
        } catch (Throwable t) { throw rethrow(t); }
    }

    /** An errno capture buffer for {@link #syscall(MemorySegment, long, long, long, long, long, long, long)}. */
    public static MemorySegment newCaptureState(Arena arena) { return arena.allocate(CAPTURE_LAYOUT); }

    /** This thread's errno capture buffer (what the calls without a capture argument use). */
    public static MemorySegment threadCaptureState() { return CAPTURE.get(); }

    public static long mmap(long addr, long len, int prot, int flags, int fd, long off) {
        MemorySegment cap = CAPTURE.get();
        try {
            return result((long) MMAP.invokeExact(cap, addr, len, prot, flags, fd, off), cap);
        } catch (Throwable t) { throw rethrow(t); }
    }

    public static int munmap(long addr, long len) {
        MemorySegment cap = CAPTURE.get();
        try { return (int) result((int) MUNMAP.invokeExact(cap, addr, len), cap); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int close(int fd) {
        MemorySegment cap = CAPTURE.get();
        try { return (int) result((int) CLOSE.invokeExact(cap, fd), cap); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int open(String path, int flags, int mode) {
        MemorySegment cap = CAPTURE.get();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment p = a.allocateFrom(path);
            return (int) result((int) OPEN.invokeExact(cap, p.address(), flags, mode), cap);
        } catch (Throwable t) { throw rethrow(t); }
    }

    public static long read(int fd, long buf, long len) {
        MemorySegment cap = CAPTURE.get();
        try { return result((long) READ.invokeExact(cap, fd, buf, len), cap); } catch (Throwable t) { throw rethrow(t); }
    }

    public static long write(int fd, long buf, long len) {
        MemorySegment cap = CAPTURE.get();
        try { return result((long) WRITE.invokeExact(cap, fd, buf, len), cap); } catch (Throwable t) { throw rethrow(t); }
    }

    public static long pread(int fd, long buf, long len, long off) {
        MemorySegment cap = CAPTURE.get();
        try { return result((long) PREAD.invokeExact(cap, fd, buf, len, off), cap); } catch (Throwable t) { throw rethrow(t); }
    }

    public static long pwrite(int fd, long buf, long len, long off) {
        MemorySegment cap = CAPTURE.get();
        try { return result((long) PWRITE.invokeExact(cap, fd, buf, len, off), cap); } catch (Throwable t) { throw rethrow(t); }
    }

    /** {@code pipe2}: writes the two fds at {@code fds}. */
    public static int pipe2(long fds, int flags) {
        MemorySegment cap = CAPTURE.get();
        try { return (int) result((int) PIPE2.invokeExact(cap, fds, flags), cap); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int socket(int domain, int type, int protocol) {
        MemorySegment cap = CAPTURE.get();
        try { return (int) result((int) SOCKET.invokeExact(cap, domain, type, protocol), cap); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int socketpair(int domain, int type, int protocol, long fds) {
        MemorySegment cap = CAPTURE.get();
        try { return (int) result((int) SOCKETPAIR.invokeExact(cap, domain, type, protocol, fds), cap); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int bind(int fd, long addr, int len) {
        MemorySegment cap = CAPTURE.get();
        try { return (int) result((int) BIND.invokeExact(cap, fd, addr, len), cap); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int listen(int fd, int backlog) {
        MemorySegment cap = CAPTURE.get();
        try { return (int) result((int) LISTEN.invokeExact(cap, fd, backlog), cap); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int accept(int fd, long addr, long lenp) {
        MemorySegment cap = CAPTURE.get();
        try { return (int) result((int) ACCEPT.invokeExact(cap, fd, addr, lenp), cap); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int connect(int fd, long addr, int len) {
        MemorySegment cap = CAPTURE.get();
        try { return (int) result((int) CONNECT.invokeExact(cap, fd, addr, len), cap); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int getsockname(int fd, long addr, long lenp) {
        MemorySegment cap = CAPTURE.get();
        try { return (int) result((int) GETSOCKNAME.invokeExact(cap, fd, addr, lenp), cap); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int getsockopt(int fd, int level, int optname, long optval, long optlenp) {
        MemorySegment cap = CAPTURE.get();
        try { return (int) result((int) GETSOCKOPT.invokeExact(cap, fd, level, optname, optval, optlenp), cap); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int setsockopt(int fd, int level, int optname, long optval, int optlen) {
        MemorySegment cap = CAPTURE.get();
        try { return (int) result((int) SETSOCKOPT.invokeExact(cap, fd, level, optname, optval, optlen), cap); } catch (Throwable t) { throw rethrow(t); }
    }

    /** {@code ioctl(fd, request, arg)}: arg is a value or an address, as the request defines. */
    public static int ioctl(int fd, long request, long arg) {
        MemorySegment cap = CAPTURE.get();
        try { return (int) result((int) IOCTL.invokeExact(cap, fd, request, arg), cap); } catch (Throwable t) { throw rethrow(t); }
    }

    /** {@code fstat} into a {@link #STAT_SIZE}-byte buffer. */
    public static int fstat(int fd, long statbuf) {
        MemorySegment cap = CAPTURE.get();
        try { return (int) result((int) FSTAT.invokeExact(cap, fd, statbuf), cap); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int uname(long buf) {
        MemorySegment cap = CAPTURE.get();
        try { return (int) result((int) UNAME.invokeExact(cap, buf), cap); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int dup(int fd) {
        MemorySegment cap = CAPTURE.get();
        try { return (int) result((int) DUP.invokeExact(cap, fd), cap); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int ftruncate(int fd, long len) {
        MemorySegment cap = CAPTURE.get();
        try { return (int) result((int) FTRUNCATE.invokeExact(cap, fd, len), cap); } catch (Throwable t) { throw rethrow(t); }
    }

    // x86_64 struct stat
    public static final int STAT_SIZE = 144, STAT_MODE = 24, STAT_RDEV = 40, STAT_SIZE_OFF = 48;
    public static final int S_IFMT = 0170000, S_IFSOCK = 0140000, S_IFREG = 0100000, S_IFBLK = 0060000,
            S_IFDIR = 0040000, S_IFCHR = 0020000, S_IFIFO = 0010000;
    public static final int PROT_READ = 1, PROT_WRITE = 2, MAP_SHARED = 1, MAP_POPULATE = 0x8000;
    public static final int O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0100, O_TRUNC = 01000, O_CLOEXEC = 02000000,
            O_NONBLOCK = 04000, O_DIRECT = 040000;
    public static final int AF_UNIX = 1, AF_INET = 2, AF_INET6 = 10, SOCK_STREAM = 1, SOCK_DGRAM = 2, SOCK_CLOEXEC = 02000000;
    public static final int SOL_SOCKET = 1, SO_TYPE = 3, SO_SNDBUF = 7, SO_RCVBUF = 8, SO_KEEPALIVE = 9, SO_REUSEPORT = 15,
            SO_LINGER = 13, SO_PEERNAME = 28, SO_TIMESTAMPING = 37;
    public static final int IPPROTO_TCP = 6, TCP_NODELAY = 1, TCP_USER_TIMEOUT = 18;
    public static final int SIOCINQ = 0x541B, SIOCOUTQ = 0x5411;
}
