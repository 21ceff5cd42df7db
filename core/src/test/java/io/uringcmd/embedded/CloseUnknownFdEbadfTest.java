package io.uringcmd.embedded;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Description: Host.close of an fd that is not open (never opened, already closed, negative) gives -EBADF. */
class CloseUnknownFdEbadfTest {
    @Test
    void unknownFdIsEbadf() {
        try (Host host = new Host()) {
            host.register("dev", new EmbeddedTests.LambdaDevice((cmd, f) -> cmd.complete(0)));
            int fd = host.open("/dev/dev");
            assertEquals(-9, host.close(999));
            assertEquals(-9, host.close(-1));
            assertEquals(0, host.close(fd));
            assertEquals(-9, host.close(fd));
        }
    }
}
