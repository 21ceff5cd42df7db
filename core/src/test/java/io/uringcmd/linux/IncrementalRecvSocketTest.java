package io.uringcmd.linux;

import io.uringcmd.abi.BufRingLayout;
import io.uringcmd.abi.Opcode;
import io.uringcmd.ring.BufferRing;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;

import static io.uringcmd.abi.Uapi.IOSQE_BUFFER_SELECT;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static io.uringcmd.linux.Pbuf.*;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Description: §4.3's observation on an AF_UNIX stream socket: an incremental ring with one 10-byte buffer (bid 7);
 * recv of 3 bytes gives res=3 flags=0x70011 (entry now addr+3 len 7), the next recv (10 bytes queued) gives res=7
 * flags=0x70005 (F_BUFFER|F_SOCK_NONEMPTY, no F_BUF_MORE), then the ring is empty: -ENOBUFS.
 */
class IncrementalRecvSocketTest {
    @Test
    void recvMatchesTheDocumentedSequence() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4)); FdPair sp = Fds.unixStreamPair();
             BufferRing bufs = BufferRing.builder(2).entries(1).incremental().empty().register(ring)) {
            MemorySegment buf = ring.allocate(10);
            bufs.add(buf, 7, 0);
            bufs.advance(1);

            Fds.write(sp.second(), "abc".getBytes(US_ASCII));
            recv(ring, sp.first(), 1);
            CqeRecord first = submitOne(ring);
            assertEquals(new CqeRecord(1, 3, 0x70011), first);
            assertEquals(buf.address() + 3, bufs.ringMemory().get(JAVA_LONG, BufRingLayout.BUF_ADDR));
            assertEquals(7, bufs.ringMemory().get(JAVA_INT, BufRingLayout.BUF_LEN));
            assertEquals("abc", ascii(bufs.takeBytes(first.flags(), first.res())));

            Fds.write(sp.second(), "defghijklm".getBytes(US_ASCII));
            recv(ring, sp.first(), 2);
            CqeRecord second = submitOne(ring);
            assertEquals(new CqeRecord(2, 7, 0x70005), second);
            assertEquals("defghij", ascii(bufs.takeBytes(second.flags(), second.res())));
            assertEquals(1, bufs.head());

            recv(ring, sp.first(), 3);
            assertEquals(new CqeRecord(3, -105, 0), submitOne(ring));
        }
    }

    private static void recv(IoUring<Sqe64> ring, int fd, long userData) {
        ring.sqe().reset().opcode(Opcode.RECV).fd(fd).addFlags(IOSQE_BUFFER_SELECT).bufGroup(2).userData(userData);
    }
}
