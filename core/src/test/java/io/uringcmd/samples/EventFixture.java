package io.uringcmd.samples;

import io.uringcmd.embedded.Host;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/** A host with an {@link EventDevice} open once and a ring over it. */
final class EventFixture implements AutoCloseable {
    final Host host = new Host();
    final EventDevice device = new EventDevice();
    final int fd;
    final EventDevice.Events events;
    final IoUring<Sqe64> ring;

    EventFixture(RingSetup<Sqe64> setup) {
        host.register("events", device);
        fd = host.open("/dev/events");
        events = device.openFiles().getLast();
        ring = host.setup(setup);
    }

    static EventClient.Item next(EventClient c) {
        EventClient.Item it = c.next(Duration.ofSeconds(10));
        assertNotNull(it, "no CQE within 10 s");
        return it;
    }

    static EventClient.Delivery delivery(EventClient c) {
        EventClient.Item it = next(c);
        if (it instanceof EventClient.Delivery d) return d;
        throw new AssertionError("expected an event, got " + it);
    }

    static EventClient.End end(EventClient c) {
        EventClient.Item it = next(c);
        if (it instanceof EventClient.End e) return e;
        throw new AssertionError("expected the end of the stream, got " + it);
    }

    @Override
    public void close() { host.close(); }
}
