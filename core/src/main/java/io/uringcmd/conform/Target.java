package io.uringcmd.conform;

/**
 * What an SQE's {@code fd} names, as a pair of files that behave alike on both sides. A side resolves a target to
 * its own fd number (or fixed-file slot); the case never sees a number.
 */
public enum Target {
    /** Kernel {@code /dev/null} (its uring_cmd answers 0 to anything) ↔ an embedded device whose uringCmd answers 0. */
    ACCEPTS_ALL(-1),
    /** Kernel regular file (no {@code f_op->uring_cmd}: -EOPNOTSUPP) ↔ an embedded device without uringCmd. */
    NO_URING_CMD(-1),
    /** An fd that names no open file on that side: -EBADF at issue. */
    CLOSED(-1),
    /** Fixed-file slot 0 of the standard table, holding {@link #ACCEPTS_ALL}. */
    FIXED_ACCEPTS_ALL(Files.SLOT_ACCEPTS_ALL),
    /** Fixed-file slot 1 of the standard table, holding {@link #NO_URING_CMD}. */
    FIXED_NO_URING_CMD(Files.SLOT_NO_URING_CMD),
    /** Fixed-file slot 2 of the standard table, registered empty (-1). */
    FIXED_EMPTY(Files.SLOT_EMPTY),
    /** A slot past the end of the standard table. */
    FIXED_OUT_OF_RANGE(Files.SIZE + 4);

    /** The fixed-file slot, or -1 for a plain fd. */
    public final int slot;

    Target(int slot) { this.slot = slot; }

    public boolean fixed() { return slot >= 0; }

    /**
     * Whether a uring_cmd to this target could reach a driver (and so, with MULTISHOT, leak on 6.18). Only the
     * accepts-all file has a uring_cmd handler; the others fail before any driver runs (-EOPNOTSUPP, -EBADF).
     */
    public boolean reachesDriver() { return this == ACCEPTS_ALL || this == FIXED_ACCEPTS_ALL; }

    /** The standard fixed-file table every case with fixed targets registers: {accepts-all, no-uring_cmd, empty}. */
    public static final class Files {
        private Files() {}
        public static final int SLOT_ACCEPTS_ALL = 0, SLOT_NO_URING_CMD = 1, SLOT_EMPTY = 2, SIZE = 3;
    }
}
