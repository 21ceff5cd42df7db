package io.uringcmd.linux;

import io.uringcmd.RingTests;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: SOCKET_URING_OP_SIOCOUTQ gives res = bytes written and not yet acknowledged: 0 on an idle TCP or UDP
 * socket, and on a TCP sender whose peer stopped reading exactly what ioctl(SIOCOUTQ) reports (shared/kernel-uring-cmd.md
 * §5.1 rule 3, §8 socket-io-cmd).
 */
class SocketSiocoutqTest {
    @Test
    void idleSocketsHaveNothingOutstanding() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4)); FdPair tcp = Fds.tcpPair(); FdPair udp = Fds.udpPair()) {
            ring.sqe().prepSiocoutq(tcp.first()).userData(1);
            assertEquals(new CqeRecord(1, 0, 0), RingTests.submitOne(ring));
            ring.sqe().prepSiocoutq(udp.first()).userData(2);
            assertEquals(new CqeRecord(2, 0, 0), RingTests.submitOne(ring));
        }
    }

    @Test
    void stalledTcpSenderMatchesIoctl() throws Exception {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4));
             ServerSocketChannel server = ServerSocketChannel.open()) {
            server.setOption(StandardSocketOptions.SO_RCVBUF, 4096);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (SocketChannel sender = SocketChannel.open(server.getLocalAddress()); SocketChannel receiver = server.accept()) {
                sender.setOption(StandardSocketOptions.SO_SNDBUF, 4096);
                sender.configureBlocking(false);
                // The receiver never reads: its window closes and the sender's queue fills until write returns 0.
                ByteBuffer chunk = ByteBuffer.allocate(4096);
                long written = 0;
                for (int zeros = 0; zeros < 50; ) {
                    chunk.clear();
                    int n = sender.write(chunk);
                    if (n == 0) { zeros++; Thread.sleep(2); } else { written += n; zeros = 0; }
                }
                int fd = Fds.fdOf(sender);
                // In-flight ACKs may still move snd_una: take the uring answer between two equal ioctl reads.
                for (int attempt = 0; ; attempt++) {
                    int before = Fds.ioctlInt(fd, Fds.SIOCOUTQ);
                    ring.sqe().prepSiocoutq(fd).userData(attempt);
                    CqeRecord got = RingTests.submitOne(ring);
                    int after = Fds.ioctlInt(fd, Fds.SIOCOUTQ);
                    if (before == after) {
                        assertTrue(before > 0 && before <= written, "outstanding " + before + " of " + written);
                        assertEquals(new CqeRecord(attempt, before, 0), got);
                        break;
                    }
                    assertTrue(attempt < 100, "SIOCOUTQ never settled");
                    Thread.sleep(10);
                }
                assertTrue(receiver.isOpen());
            }
        }
    }
}
