package io.uringcmd.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The one place that turns a raw address into a {@link MemorySegment} ({@code reinterpret}). Ring mappings come
 * from {@code mmap} and are handed out only as bounded segments tied to an arena, so use after close throws
 * {@link IllegalStateException} instead of touching unmapped memory.
 *
 * <h2>Safety</h2>
 * Callers pass an address and size that a syscall just returned (mmap) or that the kernel reported for memory it
 * owns; the cleanup action runs exactly once, when the arena closes.
 */
public final class Raw {
    private Raw() {}

    /** A segment over {@code [address, address+size)} that lives until {@code arena} closes, then runs {@code cleanup}. */
    public static MemorySegment map(long address, long size, Arena arena, Runnable cleanup) {
        // SAFETY: address/size describe a mapping the caller just created and owns; cleanup unmaps it once.
        return MemorySegment.ofAddress(address).reinterpret(size, arena, s -> cleanup.run());
    }

    /**
     * A bounded view of memory the caller already owns through {@code owner}, found by address (e.g. a user pointer
     * in an SQE that was checked to lie inside {@code owner}). Returns a slice of {@code owner}: no new memory is
     * made reachable.
     */
    public static MemorySegment within(MemorySegment owner, long address, long size) {
        long off = address - owner.address();
        if (off < 0 || size < 0 || off > owner.byteSize() - size) {
            throw new IndexOutOfBoundsException("[" + Long.toHexString(address) + ", +" + size + ") is outside " + owner);
        }
        return owner.asSlice(off, size);
    }
}
