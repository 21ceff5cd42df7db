package io.uringcmd.embedded;

import io.uringcmd.linux.Fds;
import io.uringcmd.linux.Linux;
import io.uringcmd.linux.LinuxBackend;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Description: the client contract ({@link ClientContract}) on the Linux kernel: a regular file has no uring_cmd,
 * /dev/null answers 0 (kernel-uring-cmd.md §5.4). Skips where io_uring is missing or the kernel is older than 6.18.
 */
class KernelRingClientContractTest extends ClientContract {
    private Path file;
    private int regular = -1, devNull = -1;

    @BeforeEach
    void open() throws Exception {
        assumeTrue(Linux.ioUringAvailable(), "io_uring is not available on this machine");
        int[] v = Linux.kernelVersion();
        assumeTrue(v[0] > 6 || (v[0] == 6 && v[1] >= 18), "the contract is Linux 6.18's; this kernel is " + Linux.kernelRelease());
        file = Files.createTempFile("uringcmd-contract-", ".dat");
        regular = Fds.open(file, Fds.O_RDWR);
        devNull = Fds.open("/dev/null", Fds.O_RDWR);
    }

    @AfterEach
    void close() throws Exception {
        if (regular >= 0) Fds.close(regular);
        if (devNull >= 0) Fds.close(devNull);
        if (file != null) Files.deleteIfExists(file);
    }

    @Override <S extends Sqe> IoUring<S> setup(RingSetup<S> setup) { return Linux.setup(setup); }
    @Override int noUringCmdFd() { return regular; }
    @Override int answersZeroFd() { return devNull; }
    @Override int ringFd(IoUring<?> ring) { return ((LinuxBackend) ring.backend()).ringFd(); }
}
