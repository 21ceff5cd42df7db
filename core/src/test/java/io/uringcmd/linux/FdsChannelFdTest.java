package io.uringcmd.linux;

import io.uringcmd.RingTests;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.io.FileInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: Fds.fdOf takes the fd of a SocketChannel, ServerSocketChannel, DatagramChannel, FileChannel or
 * FileDescriptor the program already has, and uring_cmds on that fd reach the channel's file (SIOCINQ counts what was
 * written to the channel's peer); a closed channel is refused.
 */
class FdsChannelFdTest {
    @Test
    void channelFdsAreTheChannelsFiles() throws Exception {
        Path tmp = Files.createTempFile("uringcmd-fdof", ".dat");
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(8));
             ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             SocketChannel client = SocketChannel.open(server.getLocalAddress());
             SocketChannel accepted = server.accept();
             DatagramChannel dgram = DatagramChannel.open();
             FileChannel file = FileChannel.open(tmp, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileInputStream in = new FileInputStream(tmp.toFile())) {
            client.write(ByteBuffer.wrap(new byte[13]));
            int acceptedFd = Fds.fdOf(accepted);
            KernelTests.awaitIoctl(acceptedFd, Fds.SIOCINQ, 13);
            assertEquals(FileKind.SOCKET, FileKind.of(Fds.fdOf(server)));
            assertEquals(FileKind.SOCKET, FileKind.of(Fds.fdOf(dgram)));
            assertEquals(FileKind.REGULAR, FileKind.of(Fds.fdOf(file)));
            assertEquals(FileKind.REGULAR, FileKind.of(Fds.fdOf(in.getFD())));

            ring.sqe().prepSiocinq(acceptedFd).userData(1);
            ring.sqe().prepSiocinq(Fds.fdOf(server)).userData(2);   // listening: -EINVAL
            ring.sqe().prepSiocinq(Fds.fdOf(dgram)).userData(3);    // unconnected UDP: 0
            ring.sqe().prepUringCmd(Fds.fdOf(file), 0).userData(4); // regular file: -EOPNOTSUPP
            assertEquals(java.util.List.of(new CqeRecord(1, 13, 0), new CqeRecord(2, -22, 0), new CqeRecord(3, 0, 0),
                    new CqeRecord(4, -95, 0)), RingTests.submitAndReap(ring, 4));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Test
    void closedChannelIsRefused() throws Exception {
        SocketChannel ch = SocketChannel.open();
        ch.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Fds.fdOf(ch));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }
}
