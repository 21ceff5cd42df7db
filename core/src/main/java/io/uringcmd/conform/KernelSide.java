package io.uringcmd.conform;

import io.uringcmd.internal.Libc;
import io.uringcmd.linux.FileKind;
import io.uringcmd.linux.Linux;
import io.uringcmd.ring.ErrnoException;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Linux kernel of this machine: {@code /dev/null} answers every uring_cmd with 0, a fresh regular file has no
 * uring_cmd handler, and the closed fd is a number above {@code fs.nr_open}, which no file can ever have (a number
 * that was merely closed could be reused by another thread between two cases; a reused socket there would make a
 * MULTISHOT case leak).
 */
public final class KernelSide implements Side {
    private final int devNull;
    private final int regular;
    private final int closed;
    private final Path regularPath;

    public KernelSide() {
        Path p;
        try {
            p = Files.createTempFile("uringcmd-conform", ".dat");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the regular-file target", e);
        }
        this.regularPath = p;
        this.devNull = ErrnoException.check("open(/dev/null)", Libc.open("/dev/null", Libc.O_RDWR | Libc.O_CLOEXEC, 0));
        this.regular = ErrnoException.check("open(" + p + ")", Libc.open(p.toString(), Libc.O_RDWR | Libc.O_CLOEXEC, 0));
        this.closed = neverValidFd();
        if (FileKind.of(devNull) != FileKind.DEV_NULL || FileKind.of(regular) != FileKind.REGULAR || FileKind.of(closed) != FileKind.BAD_FD) {
            close();
            throw new IllegalStateException("kernel targets are not what they should be: /dev/null=" + FileKind.of(devNull)
                    + ", regular=" + FileKind.of(regular) + ", closed=" + FileKind.of(closed));
        }
    }

    /** Above {@code fs.nr_open} (the largest fd table any process can have), so never an open file. */
    private static int neverValidFd() {
        long nrOpen = 1 << 20;
        try {
            nrOpen = Long.parseLong(Files.readString(Path.of("/proc/sys/fs/nr_open")).trim());
        } catch (IOException | NumberFormatException e) {
            // keep the default; the FileKind check in the constructor still verifies the result
        }
        return (int) Math.min(Integer.MAX_VALUE - 1L, nrOpen + 1000);
    }

    @Override public String name() { return "kernel"; }

    @Override public String describe() { return "linux " + Linux.kernelRelease(); }

    @Override
    public IoUring<Sqe> setup(RingSetup<Sqe> setup) { return Linux.setup(setup); }

    @Override
    public int fd(Target target) {
        return switch (target) {
            case ACCEPTS_ALL -> devNull;
            case NO_URING_CMD -> regular;
            case CLOSED -> closed;
            default -> throw new IllegalArgumentException(target + " is a fixed-file slot, not an fd");
        };
    }

    @Override
    public boolean failsBeforeDriver(int fd) {
        FileKind k = FileKind.of(fd);
        return k == FileKind.REGULAR || k == FileKind.BAD_FD;
    }

    @Override
    public void close() {
        Libc.close(devNull);
        Libc.close(regular);
        try {
            Files.deleteIfExists(regularPath);
        } catch (IOException ignored) {
            // a temp file left behind is harmless
        }
    }
}
