package io.uringcmd.embedded;

import io.uringcmd.abi.Errno;
import io.uringcmd.driver.CmdOp;
import io.uringcmd.driver.DeviceException;
import io.uringcmd.driver.MiscDevice;
import io.uringcmd.driver.OpenContext;
import io.uringcmd.driver.UserSlice;
import io.uringcmd.ring.ErrnoException;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An embedded host: device nodes whose drivers are Java classes, a file table, user memory, and io_uring rings whose
 * engine follows the kernel's rules. Clients use the same {@link IoUring} as with the kernel:
 * <pre>{@code
 * Host host = new Host();
 * host.register("sample", new SampleDevice());
 * int fd = host.open("/dev/sample");
 * try (IoUring<Sqe64> ring = host.setup(RingSetup.entries(8))) { ... }
 * }</pre>
 * User memory — anything a device or the engine dereferences by address — must come from {@link #allocate}.
 */
public final class Host implements AutoCloseable {
    /** The node every ring's fd points at: it has no uring_cmd (a kernel ring fd gives -EOPNOTSUPP too). */
    static final MiscDevice<Object> RING_NODE = ctx -> null;

    private final Map<String, MiscDevice<?>> devices = new ConcurrentHashMap<>();
    private final Object fdLock = new Object();
    private volatile OpenFile[] fds = new OpenFile[64];
    final UserMemory userMemory = new UserMemory();
    private final Arena arena = Arena.ofShared();
    private final List<Engine> rings = new ArrayList<>();
    final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "uringcmd-iowq");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;
    /** Set under the {@code rings} lock when close takes its list of rings: no ring joins after that. */
    private boolean closingRings;

    /** Registers {@code device} as {@code /dev/<name>}. */
    public void register(String name, MiscDevice<?> device) {
        ensureOpen();
        if (name.startsWith("/dev/")) name = name.substring(5);
        if (devices.putIfAbsent(name, device) != null) {
            throw new IllegalStateException("a device is already registered as /dev/" + name);
        }
    }

    /** Opens {@code /dev/<name>} read-write. */
    public int open(String path) { return open(path, 2 /* O_RDWR */); }

    /** Opens {@code /dev/<name>}; returns the fd. Throws {@link ErrnoException} with ENOENT or the device's errno. */
    public int open(String path, int flags) {
        ensureOpen();
        String name = path.startsWith("/dev/") ? path.substring(5) : path;
        MiscDevice<?> device = devices.get(name);
        if (device == null) {
            throw new ErrnoException("open(" + path + ")", -Errno.ENOENT.value(), "no device is registered as /dev/" + name
                    + " on this host: call Host.register(\"" + name + "\", device) first");
        }
        Object state;
        try {
            state = device.open(new OpenContext(name, flags));
        } catch (DeviceException e) {
            throw new ErrnoException("open(" + path + ")", e.negative(), e.getMessage());
        } catch (RuntimeException e) {
            // A device that throws gives -EIO, like every other device operation (docs/DRIVER.md).
            throw new ErrnoException("open(" + path + ")", -Errno.EIO.value(), "the device's open threw " + e);
        }
        return install(new OpenFile(this, "/dev/" + name, device, state, flags));
    }

    int install(OpenFile f) {
        synchronized (fdLock) {
            // close() empties the table under this lock: nothing may be installed after that.
            if (fds.length == 0) throw new IllegalStateException("this Host is closed");
            OpenFile[] t = fds;
            for (int fd = 3; ; fd++) {
                if (fd >= t.length) t = java.util.Arrays.copyOf(t, t.length * 2);
                if (t[fd] == null) {
                    t[fd] = f;
                    fds = t;
                    return fd;
                }
            }
        }
    }

    /** {@code close(fd)}: 0, or {@code -EBADF} for an fd that is not open. */
    public int close(int fd) {
        OpenFile f;
        synchronized (fdLock) {
            OpenFile[] t = fds;
            if (fd < 0 || fd >= t.length || t[fd] == null) return -Errno.EBADF.value();
            f = t[fd];
            t[fd] = null;
        }
        f.put();
        return 0;
    }

    /** Closes {@code fd} only if it still refers to {@code f} (a ring closing its own fd). */
    void closeIfSame(int fd, OpenFile f) {
        synchronized (fdLock) {
            OpenFile[] t = fds;
            if (fd < 0 || fd >= t.length || t[fd] != f) return;
            t[fd] = null;
        }
        f.put();
    }

    /** The open file of {@code fd}, or null ({@code -EBADF}). */
    OpenFile file(int fd) {
        OpenFile[] t = fds;
        return fd >= 0 && fd < t.length ? t[fd] : null;
    }

    void release(OpenFile f) {
        try {
            f.device.release(f.state);
        } catch (RuntimeException | Error e) {
            // A device's release cannot fail the close; the kernel ignores ->release's result too. An Error too: put()
            // runs inside the engine's CQE flush, which must not stop halfway.
            if (e instanceof VirtualMachineError vm) throw vm;
        }
    }

    /** {@code ioctl(fd, cmd, arg)}: the device's result, or {@code -errno} (-EBADF, -ENOTTY without ioctl). */
    @SuppressWarnings("unchecked")
    public long ioctl(int fd, int cmd, long arg) {
        OpenFile f = file(fd);
        if (f == null) return -Errno.EBADF.value();
        if (!(f.device instanceof MiscDevice.Ioctl<?> io)) return -Errno.ENOTTY.value();
        try {
            return ((MiscDevice.Ioctl<Object>) io).ioctl(f.state, CmdOp.of(cmd), arg, this::userSlice);
        } catch (DeviceException e) {
            return e.negative();
        } catch (RuntimeException e) {
            return -Errno.EIO.value();
        }
    }

    /** The device's {@code show_fdinfo} text for {@code fd}, or null if the fd is not open. */
    @SuppressWarnings("unchecked")
    public String fdinfo(int fd) {
        OpenFile f = file(fd);
        if (f == null) return null;
        StringWriter w = new StringWriter();
        PrintWriter out = new PrintWriter(w);
        out.println("path:\t" + f.path);
        out.println("flags:\t0" + Integer.toOctalString(f.flags));
        if (f.device instanceof MiscDevice.ShowFdinfo<?> s) {
            try {
                ((MiscDevice.ShowFdinfo<Object>) s).showFdinfo(f.state, out);
            } catch (RuntimeException e) {
                // show_fdinfo cannot fail in the kernel either: the text stops where the device stopped.
            }
        }
        out.flush();
        return w.toString();
    }

    UserSlice userSlice(long addr, long len) throws DeviceException {
        MemorySegment m = userMemory.resolve(addr, len);
        if (m == null) {
            throw new DeviceException(Errno.EFAULT, "[0x" + Long.toHexString(addr) + ", +" + len + ") is not user memory of this host");
        }
        return new UserSlice(m);
    }

    /** User memory: zeroed, 16-byte aligned, valid until the host closes. Pass its address in SQEs and ioctls. */
    public MemorySegment allocate(long byteSize) { return allocate(byteSize, 16); }

    /** User memory with the given alignment. */
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        ensureOpen();
        MemorySegment s = arena.allocate(Math.max(1, byteSize), byteAlignment);
        userMemory.add(s);
        return byteSize == 0 ? s.asSlice(0, 0) : s;
    }

    /** {@code io_uring_setup} on this host: validated as 6.18 does; throws {@link ErrnoException} with its errno. */
    public <S extends Sqe> IoUring<S> setup(RingSetup<S> setup) {
        ensureOpen();
        Engine e = Engine.setup(this, setup);
        synchronized (rings) {
            // A ring set up while the host closes would miss close's list and outlive the host's workers.
            if (!closingRings) {
                rings.add(e);
                return IoUring.over(e);
            }
        }
        e.close();
        throw new IllegalStateException("this Host is closed");
    }

    void ringClosed(Engine e) {
        synchronized (rings) { rings.remove(e); }
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("this Host is closed");
    }

    /** Closes every ring (canceling what is in flight), every open file, and frees user memory. */
    @Override
    public void close() {
        if (closed) return;
        List<Engine> open;
        synchronized (rings) {
            closingRings = true;
            open = new ArrayList<>(rings);
        }
        for (Engine e : open) e.close();
        OpenFile[] t;
        synchronized (fdLock) {
            t = fds;
            fds = new OpenFile[0];
        }
        for (OpenFile f : t) if (f != null) f.put();
        closed = true;
        workers.shutdownNow();
        arena.close();
    }
}
