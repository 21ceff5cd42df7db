package io.uringcmd.embedded;

import io.uringcmd.driver.QueuedCmd;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static io.uringcmd.RingTests.*;
import static io.uringcmd.embedded.EmbeddedTests.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: a device's release runs once, when the last reference to the open file goes: the fd, a registered-file
 * slot, and a request in flight each hold one (the kernel's struct file refcount).
 */
class ReleaseOnLastCloseTest {
    @Test
    void releaseWaitsForSlotAndRequest() {
        AtomicReference<QueuedCmd> handle = new AtomicReference<>();
        LambdaDevice dev = new LambdaDevice((cmd, f) -> {
            QueuedCmd q = cmd.queue();
            handle.set(q);
            return q.queued();
        });
        try (Host host = new Host()) {
            host.register("dev", dev);
            int a = host.open("/dev/dev"), b = host.open("/dev/dev");
            assertEquals(2, dev.opens);
            try (IoUring<Sqe64> ring = host.setup(RingSetup.entries(4))) {
                ring.registerFiles(a);
                assertEquals(0, host.close(a));
                assertEquals(0, dev.releases, "the registered slot still holds the file");
                ring.unregisterFiles();
                assertEquals(1, dev.releases);

                ring.sqe().prepUringCmd(b, 0).userData(1);
                ring.submit();
                assertEquals(0, host.close(b));
                assertEquals(1, dev.releases, "the queued command still holds the file");
                handle.get().done(0);
                assertEquals(java.util.List.of(new CqeRecord(1, 0, 0)), reap(ring, 1));
                assertEquals(2, dev.releases);
            }
            assertEquals(2, dev.releases);
        }
        assertEquals(2, dev.releases, "released exactly once per open");
    }

    @Test
    void hostCloseReleasesWhatIsOpen() {
        LambdaDevice dev = new LambdaDevice((cmd, f) -> cmd.complete(0));
        Host host = new Host();
        host.register("dev", dev);
        host.open("/dev/dev");
        host.open("/dev/dev");
        host.close();
        assertEquals(2, dev.releases);
    }
}
