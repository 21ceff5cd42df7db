package io.uringcmd.embedded;

import io.uringcmd.driver.MiscDevice;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Description: the client contract ({@link ClientContract}) on the embedded host: a device without UringCmd stands
 * for the regular file, a device answering 0 for /dev/null.
 */
class EmbeddedRingClientContractTest extends ClientContract {
    private Host host;
    private int noUringCmd, answersZero;

    @BeforeEach
    void open() {
        host = new Host();
        host.register("nocmd", (MiscDevice<Object>) c -> new Object());
        host.register("zero", new EmbeddedTests.LambdaDevice((cmd, f) -> cmd.complete(0)));
        noUringCmd = host.open("/dev/nocmd");
        answersZero = host.open("/dev/zero");
    }

    @AfterEach
    void close() { host.close(); }

    @Override <S extends Sqe> IoUring<S> setup(RingSetup<S> setup) { return host.setup(setup); }
    @Override int noUringCmdFd() { return noUringCmd; }
    @Override int answersZeroFd() { return answersZero; }
    @Override int ringFd(IoUring<?> ring) { return ((Engine) ring.backend()).ringFd(); }
}
