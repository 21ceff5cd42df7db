package io.uringcmd.embedded;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * The client's user memory as the host sees it: the segments allocated through the host (and ring-owned helper
 * memory). Every address a driver or the engine dereferences is resolved here; an address outside it is
 * {@code -EFAULT}, never a JVM crash. Lookups are a binary search over a copy-on-write snapshot: no allocation, no
 * lock on the read side.
 */
final class UserMemory {
    private record Snapshot(long[] starts, long[] ends, MemorySegment[] segments) {}

    private volatile Snapshot snap = new Snapshot(new long[0], new long[0], new MemorySegment[0]);

    synchronized void add(MemorySegment s) {
        Snapshot o = snap;
        int n = o.starts.length;
        int at = Arrays.binarySearch(o.starts, s.address());
        if (at >= 0) throw new IllegalStateException("user memory registered twice at 0x" + Long.toHexString(s.address()));
        at = -at - 1;
        long[] st = new long[n + 1], en = new long[n + 1];
        MemorySegment[] sg = new MemorySegment[n + 1];
        System.arraycopy(o.starts, 0, st, 0, at);
        System.arraycopy(o.ends, 0, en, 0, at);
        System.arraycopy(o.segments, 0, sg, 0, at);
        st[at] = s.address();
        en[at] = s.address() + s.byteSize();
        sg[at] = s;
        System.arraycopy(o.starts, at, st, at + 1, n - at);
        System.arraycopy(o.ends, at, en, at + 1, n - at);
        System.arraycopy(o.segments, at, sg, at + 1, n - at);
        snap = new Snapshot(st, en, sg);
    }

    synchronized void remove(MemorySegment s) {
        Snapshot o = snap;
        int at = Arrays.binarySearch(o.starts, s.address());
        if (at < 0) return;
        int n = o.starts.length;
        long[] st = new long[n - 1], en = new long[n - 1];
        MemorySegment[] sg = new MemorySegment[n - 1];
        System.arraycopy(o.starts, 0, st, 0, at);
        System.arraycopy(o.ends, 0, en, 0, at);
        System.arraycopy(o.segments, 0, sg, 0, at);
        System.arraycopy(o.starts, at + 1, st, at, n - at - 1);
        System.arraycopy(o.ends, at + 1, en, at, n - at - 1);
        System.arraycopy(o.segments, at + 1, sg, at, n - at - 1);
        snap = new Snapshot(st, en, sg);
    }

    /** The segment holding all of {@code [addr, addr+len)}, or null: the caller answers -EFAULT. */
    MemorySegment owner(long addr, long len) {
        if (len < 0) return null;
        Snapshot s = snap;
        long[] starts = s.starts;
        int lo = 0, hi = starts.length - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= addr) { found = mid; lo = mid + 1; } else hi = mid - 1;
        }
        if (found < 0) return null;
        long end = addr + len;
        if (end < addr || end > s.ends[found]) return null;
        return s.segments[found];
    }

    /** {@code [addr, addr+len)} as a slice of user memory, or null (-EFAULT). */
    MemorySegment resolve(long addr, long len) {
        MemorySegment owner = owner(addr, len);
        return owner == null ? null : owner.asSlice(addr - owner.address(), len);
    }
}
