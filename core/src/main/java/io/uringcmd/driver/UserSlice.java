package io.uringcmd.driver;

import io.uringcmd.abi.Errno;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.*;

/**
 * A checked range of user memory ({@code UserSlice} in Rust): reads and writes stay inside it, and going past the
 * end is {@code -EFAULT}. Reading and writing move a cursor, as {@code UserSliceReader}/{@code Writer} do.
 */
public final class UserSlice {
    private final MemorySegment memory;
    private long readPos, writePos;

    /** For hosts: a slice over memory already checked to be the caller's. */
    public UserSlice(MemorySegment memory) { this.memory = memory; }

    public long length() { return memory.byteSize(); }
    public long address() { return memory.address(); }

    private long take(long n, boolean write) throws DeviceException {
        long pos = write ? writePos : readPos;
        if (n < 0 || pos + n > memory.byteSize()) {
            throw new DeviceException(Errno.EFAULT, (write ? "write" : "read") + " of " + n + " bytes at offset " + pos
                    + " of a " + memory.byteSize() + "-byte user slice");
        }
        if (write) writePos += n; else readPos += n;
        return pos;
    }

    public int readInt() throws DeviceException { return memory.get(JAVA_INT_UNALIGNED, take(4, false)); }
    public long readLong() throws DeviceException { return memory.get(JAVA_LONG_UNALIGNED, take(8, false)); }
    public byte readByte() throws DeviceException { return memory.get(JAVA_BYTE, take(1, false)); }
    public void writeInt(int v) throws DeviceException { memory.set(JAVA_INT_UNALIGNED, take(4, true), v); }
    public void writeLong(long v) throws DeviceException { memory.set(JAVA_LONG_UNALIGNED, take(8, true), v); }
    public void writeByte(byte v) throws DeviceException { memory.set(JAVA_BYTE, take(1, true), v); }

    /** Copies {@code dst.byteSize()} bytes from the user into {@code dst}. */
    public void read(MemorySegment dst) throws DeviceException {
        long n = dst.byteSize();
        MemorySegment.copy(memory, take(n, false), dst, 0, n);
    }

    /** Copies {@code src} to the user. */
    public void write(MemorySegment src) throws DeviceException {
        long n = src.byteSize();
        MemorySegment.copy(src, 0, memory, take(n, true), n);
    }

    /** Reads a struct of {@code layout} as a read-only copy. */
    public MemorySegment read(MemoryLayout layout) throws DeviceException {
        long pos = take(layout.byteSize(), false);
        return memory.asSlice(pos, layout.byteSize()).asReadOnly();
    }
}
