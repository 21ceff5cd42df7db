package io.uringcmd.driver;

import java.lang.foreign.MemorySegment;

/**
 * A provided buffer selected for a multishot command ({@code struct io_br_sel}). It exists only inside the issue
 * context that selected it: {@link IssueFlags#postCqe} consumes it there, and any use after that context ends
 * throws. The host creates it; a device cannot.
 */
public final class BufferSelection {
    private final Object owner;
    private final long generation;
    private final MemorySegment buffer;
    private final int bufferId;

    /** For hosts. {@code owner}/{@code generation} identify the issue context that may use it. */
    public BufferSelection(Object owner, long generation, MemorySegment buffer, int bufferId) {
        this.owner = owner;
        this.generation = generation;
        this.buffer = buffer;
        this.bufferId = bufferId;
    }

    /** The buffer's memory, {@code min(asked, buffer length)} bytes; write the event here. */
    public MemorySegment buffer() { return buffer; }
    public int bufferId() { return bufferId; }
    public long length() { return buffer.byteSize(); }
    public Object owner() { return owner; }
    public long generation() { return generation; }
}
