package io.uringcmd.embedded;

import io.uringcmd.abi.Errno;
import io.uringcmd.ring.BufferRing;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.MultishotStream;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.uringcmd.abi.Uapi.*;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: the client's MultishotStream over a multishot uring_cmd on the embedded host: events come as
 * res=bytes flags=F_MORE|F_BUFFER|bid<<16 and are read by buffer id; without recycling the group runs dry and the
 * device ends the command with -ENOBUFS (final CQE flags 0); after replenishing, re-arming continues; cancel ends it
 * with -ECANCELED (kernel-uring-cmd.md §3.4, §3.5).
 */
class MultishotStreamEmbeddedTest {
    private static final int EVENT = IORING_CQE_F_MORE | IORING_CQE_F_BUFFER;

    @Test
    void eventsRunDryEndWithEnobufsAndRearm() {
        try (Host host = new Host()) {
            StreamEventDevice dev = new StreamEventDevice();
            host.register("events", dev);
            int fd = host.open("/dev/events");
            try (IoUring<Sqe64> ring = host.setup(RingSetup.entries(8)); BufferRing bufs = BufferRing.register(ring, 5, 4, 16)) {
                MultishotStream stream = MultishotStream.uringCmd(ring, bufs, fd, 1, 42);
                stream.arm();
                dev.raise("alpha");
                MultishotStream.Event e = stream.next();
                assertEquals(new CqeRecord(42, 5, EVENT), e.cqe());
                assertEquals("alpha", text(e.data()));
                e.recycle();

                List<Integer> held = new ArrayList<>();
                List<CqeRecord> cqes = new ArrayList<>();
                for (String s : new String[]{"b", "cc", "ddd", "eeee", "lost"}) dev.raise(s);
                do {
                    e = stream.next();
                    cqes.add(e.cqe());
                    if (e.hasBuffer()) held.add(e.bufferId());
                } while (!e.isFinal());
                assertEquals(List.of(new CqeRecord(42, 1, EVENT | 1 << 16), new CqeRecord(42, 2, EVENT | 2 << 16),
                        new CqeRecord(42, 3, EVENT | 3 << 16), new CqeRecord(42, 4, EVENT),
                        new CqeRecord(42, -105, 0)), cqes);
                assertEquals(Errno.ENOBUFS, e.endReason());
                assertEquals(0, bufs.reclaimUnreported(), "the device posted every buffer it selected");

                for (int bid : held) bufs.recycle(bid);
                stream.arm();
                dev.raise("again");
                e = stream.next();
                assertEquals(new CqeRecord(42, 5, EVENT | 1 << 16), e.cqe());
                assertEquals("again", text(e.data()));
                e.recycle();

                assertTrue(stream.cancel());
                e = stream.next();
                assertEquals(new CqeRecord(42, -125, 0), e.cqe());
                assertNull(ring.peekCqe());
                assertEquals(4, bufs.inRing());
                assertEquals(2, stream.arms());
                assertEquals(6, stream.events());
            }
        }
    }

    private static String text(MemorySegment m) {
        return new String(m.toArray(JAVA_BYTE), StandardCharsets.US_ASCII);
    }
}
