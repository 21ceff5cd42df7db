package io.uringcmd.linux;

import io.uringcmd.internal.Libc;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/** What kind of file an fd is ({@code fstat}), as far as uring_cmd cares. */
public enum FileKind {
    SOCKET, REGULAR, PIPE, DEV_NULL, CHAR_DEVICE, BLOCK_DEVICE, DIRECTORY, OTHER, BAD_FD;

    /** Classifies {@code fd} with fstat(2). */
    public static FileKind of(int fd) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = a.allocate(Libc.STAT_SIZE, 8);
            if (Libc.fstat(fd, st.address()) < 0) return BAD_FD;
            int mode = st.get(JAVA_INT, Libc.STAT_MODE) & Libc.S_IFMT;
            long rdev = st.get(JAVA_LONG, Libc.STAT_RDEV);
            return switch (mode) {
                case Libc.S_IFSOCK -> SOCKET;
                case Libc.S_IFREG -> REGULAR;
                case Libc.S_IFIFO -> PIPE;
                case Libc.S_IFDIR -> DIRECTORY;
                case Libc.S_IFBLK -> BLOCK_DEVICE;
                case Libc.S_IFCHR -> major(rdev) == 1 && minor(rdev) == 3 ? DEV_NULL : CHAR_DEVICE;
                default -> OTHER;
            };
        }
    }

    static int major(long dev) { return (int) (((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL)); }
    static int minor(long dev) { return (int) ((dev & 0xff) | ((dev >>> 12) & ~0xffL)); }

    /** Why a MULTISHOT uring_cmd to such a file would leak on 6.18, or null if it is not known to. */
    public String multishotHazard() {
        return switch (this) {
            case SOCKET -> "it is a socket, whose uring_cmd handler ignores IORING_URING_CMD_MULTISHOT";
            case DEV_NULL -> "it is /dev/null, whose uring_cmd handler returns 0 for anything";
            case REGULAR -> "it is a regular file, which has no uring_cmd handler";
            case PIPE -> "it is a pipe, which has no uring_cmd handler";
            default -> null;
        };
    }
}
