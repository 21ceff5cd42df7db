package io.uringcmd.ring;

import io.uringcmd.abi.SqeLayout;

import java.lang.foreign.MemorySegment;

/** An SQE on an {@code IORING_SETUP_SQE128} ring: an 80-byte uring_cmd command area. */
public final class Sqe128 extends Sqe {
    Sqe128(IoUring<?> ring, MemorySegment sqes, int index) { super(ring, sqes, index, SqeLayout.SIZE_128); }

    @Override public int cmdSize() { return SqeLayout.CMD_SIZE_128; }
    @Override public int size() { return (int) SqeLayout.SIZE_128; }

    /** URING_CMD with an up-to-80-byte payload (NVMe passthrough, FUSE). */
    public Sqe128 prepUringCmd80(int fd, int cmdOp, MemorySegment payload) {
        prepUringCmd(fd, cmdOp, payload);
        return this;
    }
}
