package io.uringcmd.linux;

import io.uringcmd.abi.Opcode;
import io.uringcmd.abi.SqeLayout;
import io.uringcmd.ring.BufferRing;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.MultishotRefusedException;
import io.uringcmd.ring.MultishotStream;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static io.uringcmd.abi.Uapi.*;
import static java.lang.foreign.ValueLayout.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: arming a multishot uring_cmd stream at a target the ring knows ignores IORING_URING_CMD_MULTISHOT (a
 * pipe) throws MultishotRefusedException before anything reaches the kernel: the SQ tail is unchanged, nothing is
 * claimed, the stream is not armed; the refused SQE held the whole arming in one call (opcode URING_CMD,
 * IOSQE_BUFFER_SELECT, uring_cmd_flags MULTISHOT, buf_group, cmd_op, payload, user_data). A pipe has no uring_cmd
 * handler, so even a missed refusal would complete (-EOPNOTSUPP) rather than leak (KERNEL HAZARD, §3.6).
 */
class MultishotStreamRefusedBeforeSubmitTest {
    @Test
    void refusedArmSubmitsNothing() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4)); Pipe pipe = new Pipe(); Arena arena = Arena.ofConfined();
             BufferRing bufs = BufferRing.register(ring, 21, 2, 16)) {
            MemorySegment payload = arena.allocate(16);
            for (int i = 0; i < 16; i++) payload.set(JAVA_BYTE, i, (byte) (0xa0 + i));
            MultishotStream stream = MultishotStream.uringCmd(ring, bufs, pipe.readFd, 0x1234, payload, 0xfeedL);
            MemorySegment sqRing = ring.backend().memory().sqRing();
            int tailBefore = sqRing.get(JAVA_INT, ring.params().sqTail());

            MultishotRefusedException e = assertThrows(MultishotRefusedException.class, stream::arm);
            assertTrue(e.getMessage().contains("it is a pipe"), e.getMessage());
            assertFalse(stream.isArmed());
            assertEquals(0, stream.arms());
            assertEquals(0, ring.sqReady());
            assertEquals(tailBefore, sqRing.get(JAVA_INT, ring.params().sqTail()), "the SQ tail was not published");

            MemorySegment sqe = ring.backend().memory().sqes().asSlice(0, SqeLayout.SIZE);
            assertEquals(Opcode.URING_CMD.code(), sqe.get(JAVA_BYTE, SqeLayout.OPCODE) & 0xff);
            assertEquals(IOSQE_BUFFER_SELECT, sqe.get(JAVA_BYTE, SqeLayout.FLAGS) & 0xff);
            assertEquals(IORING_URING_CMD_MULTISHOT, sqe.get(JAVA_INT, SqeLayout.URING_CMD_FLAGS));
            assertEquals(21, sqe.get(JAVA_SHORT, SqeLayout.BUF_GROUP));
            assertEquals(pipe.readFd, sqe.get(JAVA_INT, SqeLayout.FD));
            assertEquals(0x1234, sqe.get(JAVA_INT, SqeLayout.CMD_OP));
            assertEquals(0xfeedL, sqe.get(JAVA_LONG, SqeLayout.USER_DATA));
            assertEquals(-1L, sqe.asSlice(SqeLayout.CMD, 16).mismatch(payload));

            // The slot is free again: the next SQE reuses it, and its CQE is the only one.
            ring.sqe().prepNop().userData(1);
            assertEquals(1, ring.submitAndWait(1));
            assertEquals(new CqeRecord(1, 0, 0), ring.waitCqe().copy());
            ring.cqeSeen();
            assertEquals(0, ring.cqReady());
            assertEquals(2, bufs.inRing(), "no buffer was touched");
        }
    }
}
