package io.uringcmd.ring;

import io.uringcmd.abi.SqeLayout;

import java.lang.foreign.MemorySegment;

/** An SQE on a ring with 64-byte SQEs: a 16-byte uring_cmd command area. */
public final class Sqe64 extends Sqe {
    Sqe64(IoUring<?> ring, MemorySegment sqes, int index) { super(ring, sqes, index, SqeLayout.SIZE); }

    @Override public int cmdSize() { return SqeLayout.CMD_SIZE; }
    @Override public int size() { return (int) SqeLayout.SIZE; }
}
