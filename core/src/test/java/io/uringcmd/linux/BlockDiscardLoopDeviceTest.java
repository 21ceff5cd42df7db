package io.uringcmd.linux;

import io.uringcmd.RingTests;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Description: BLOCK_URING_CMD_DISCARD (0x1200) on a loop device opened for write completes with res 0, and the
 * discarded byte range then reads back as zeros through the device (its cached pages were dropped) while the bytes
 * around it keep their contents; IOSQE_ASYNC gives the same (shared/kernel-uring-cmd.md §5.2 rules 3-5, §9).
 */
class BlockDiscardLoopDeviceTest {
    private static final int SIZE = 1 << 20;

    @Test
    void discardedRangeReadsZerosAndNeighboursStay() {
        try (LoopDevice dev = KernelTests.loopDeviceOrSkip();
             IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4));
             Arena a = Arena.ofConfined()) {
            int fd = dev.open(Fds.O_RDWR);
            try {
                MemorySegment all = a.allocate(SIZE);
                assertEquals(SIZE, Fds.pread(fd, all, 0)); // also fills the page cache the discard must drop
                assertPattern(all, 0, SIZE);

                ring.sqe().prepDiscard(fd, 64 * 1024, 16 * 1024).userData(1);
                assertEquals(new CqeRecord(1, 0, 0), RingTests.submitOne(ring));
                ring.sqe().prepDiscard(fd, 512 * 1024, 512).async().userData(2);
                assertEquals(new CqeRecord(2, 0, 0), RingTests.submitOne(ring));

                assertEquals(SIZE, Fds.pread(fd, all, 0));
                assertPattern(all, 0, 64 * 1024);
                assertZeros(all, 64 * 1024, 80 * 1024);
                assertPattern(all, 80 * 1024, 512 * 1024);
                assertZeros(all, 512 * 1024, 512 * 1024 + 512);
                assertPattern(all, 512 * 1024 + 512, SIZE);
            } finally {
                Fds.close(fd);
            }
        }
    }

    static void assertPattern(MemorySegment s, long from, long to) {
        for (long i = from; i < to; i++) {
            if (s.get(JAVA_BYTE, i) != LoopDevice.patternByte(i)) {
                assertEquals(LoopDevice.patternByte(i), s.get(JAVA_BYTE, i), "byte " + i + " changed");
            }
        }
    }

    static void assertZeros(MemorySegment s, long from, long to) {
        for (long i = from; i < to; i++) {
            if (s.get(JAVA_BYTE, i) != 0) assertEquals(0, s.get(JAVA_BYTE, i), "byte " + i + " of the discarded range");
        }
    }
}
