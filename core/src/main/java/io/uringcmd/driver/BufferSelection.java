package io.uringcmd.driver;

import java.lang.foreign.MemorySegment;

/**
 * A provided buffer selected for a multishot command ({@code struct io_br_sel}). It exists only inside the issue
 * context that selected it: {@link IssueFlags#postCqe} consumes it there, a selection not posted when the context
 * ends goes back to its group, and any use after that ({@link #buffer()}, posting it) throws
 * {@link IllegalStateException}. The host creates it; a device cannot use one it did not get from
 * {@link IssueFlags#bufferSelect}.
 */
public final class BufferSelection {
    private final Object owner;
    private final long generation;
    private final MemorySegment buffer;
    private final int bufferId;
    private boolean released;

    /** For hosts. {@code owner}/{@code generation} identify the issue context that may use it. */
    public BufferSelection(Object owner, long generation, MemorySegment buffer, int bufferId) {
        this.owner = owner;
        this.generation = generation;
        this.buffer = buffer;
        this.bufferId = bufferId;
    }

    /**
     * The buffer's memory, {@code min(asked, buffer length)} bytes; write the event here, then post it in the same
     * context. Throws once the selection was posted, or its issue context ended.
     */
    public MemorySegment buffer() {
        checkValid();
        return buffer;
    }

    public int bufferId() { return bufferId; }
    public long length() { return buffer.byteSize(); }
    public Object owner() { return owner; }
    public long generation() { return generation; }

    /** Whether the selection may still be written and posted: its context is current and it was not posted. */
    public boolean isValid() {
        return !released && (!(owner instanceof IssueFlags f) || (f.isActive() && f.generation() == generation));
    }

    /** For hosts: the selection was posted or given back; any later use throws. */
    public void release() { released = true; }

    /** Throws {@link IllegalStateException} saying why the selection can no longer be used. */
    public void checkValid() {
        if (owner instanceof IssueFlags f && (!f.isActive() || f.generation() != generation)) {
            throw new IllegalStateException("buffer " + bufferId + " was selected in an issue context that has ended (the "
                    + "engine gave it back to its group): select and post in the same uringCmd or TaskWork call, and "
                    + "reach the command from other threads through QueuedCmd.completeInTask");
        }
        if (released) {
            throw new IllegalStateException("buffer " + bufferId + " was already posted (or given back by postCqe): "
                    + "select a new buffer with IssueFlags.bufferSelect for the next event");
        }
    }

    @Override
    public String toString() {
        return "BufferSelection[bid " + bufferId + ", " + buffer.byteSize() + " bytes" + (isValid() ? "" : ", no longer valid") + "]";
    }
}
