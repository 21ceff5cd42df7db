package io.uringcmd.linux;

import io.uringcmd.RingTests;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Description: SOCKET_URING_OP_SIOCINQ gives res = bytes waiting to be read on TCP, the size of the first queued
 * datagram on UDP, 0 when nothing is queued, and -EINVAL on a listening TCP socket (shared/kernel-uring-cmd.md §5.1
 * rule 2, §8 socket-io-cmd).
 */
class SocketSiocinqTest {
    @Test
    void tcpGivesBytesPending() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4)); FdPair tcp = Fds.tcpPair()) {
            ring.sqe().prepSiocinq(tcp.second()).userData(1);
            assertEquals(new CqeRecord(1, 0, 0), RingTests.submitOne(ring));
            Fds.write(tcp.first(), new byte[]{1, 2, 3, 4, 5});
            KernelTests.awaitIoctl(tcp.second(), Fds.SIOCINQ, 5);
            ring.sqe().prepSiocinq(tcp.second()).userData(2);
            assertEquals(new CqeRecord(2, 5, 0), RingTests.submitOne(ring));
            Fds.write(tcp.first(), new byte[1000]);
            KernelTests.awaitIoctl(tcp.second(), Fds.SIOCINQ, 1005);
            assertEquals(3, Fds.read(tcp.second(), 3).length);
            ring.sqe().prepSiocinq(tcp.second()).userData(3);
            ring.sqe().prepSiocinq(tcp.first()).userData(4);
            assertEquals(List.of(new CqeRecord(3, 1002, 0), new CqeRecord(4, 0, 0)), RingTests.submitAndReap(ring, 2));
        }
    }

    @Test
    void udpGivesTheFirstDatagramSize() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4)); FdPair udp = Fds.udpPair()) {
            ring.sqe().prepSiocinq(udp.second()).userData(1);
            assertEquals(new CqeRecord(1, 0, 0), RingTests.submitOne(ring));
            Fds.write(udp.first(), new byte[7]);
            Fds.write(udp.first(), new byte[3]);
            KernelTests.awaitIoctl(udp.second(), Fds.SIOCINQ, 7);
            ring.sqe().prepSiocinq(udp.second()).userData(2);
            assertEquals(new CqeRecord(2, 7, 0), RingTests.submitOne(ring));
            assertEquals(7, Fds.read(udp.second(), 100).length);
            ring.sqe().prepSiocinq(udp.second()).userData(3);
            assertEquals(new CqeRecord(3, 3, 0), RingTests.submitOne(ring));
        }
    }

    @Test
    void listeningSocketIsEinval() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4)); Listener l = Fds.tcpListener()) {
            ring.sqe().prepSiocinq(l.fd()).userData(1);
            assertEquals(new CqeRecord(1, -22, 0), RingTests.submitOne(ring));
        }
    }
}
