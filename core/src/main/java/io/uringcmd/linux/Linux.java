package io.uringcmd.linux;

import io.uringcmd.internal.Libc;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** Rings over the Linux kernel. */
public final class Linux {
    private Linux() {}

    /** {@code io_uring_setup} with {@code setup}, mapped and ready. */
    public static <S extends Sqe> IoUring<S> setup(RingSetup<S> setup) {
        return IoUring.over(LinuxBackend.setup(setup));
    }

    private static volatile String release;

    /** {@code uname -r}. */
    public static String kernelRelease() {
        String r = release;
        if (r == null) {
            try (Arena a = Arena.ofConfined()) {
                MemorySegment u = a.allocate(6 * 65);
                if (Libc.uname(u.address()) < 0) return "unknown";
                release = r = u.getString(2 * 65);
            }
        }
        return r;
    }

    /** The kernel's major and minor version, e.g. {6, 18}. */
    public static int[] kernelVersion() {
        String[] p = kernelRelease().split("[.-]");
        try {
            return new int[]{Integer.parseInt(p[0]), Integer.parseInt(p[1])};
        } catch (RuntimeException e) {
            return new int[]{0, 0};
        }
    }

    /** Whether io_uring is available here (a 1-entry setup succeeds). */
    public static boolean ioUringAvailable() {
        try (var ring = setup(RingSetup.entries(1))) {
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
