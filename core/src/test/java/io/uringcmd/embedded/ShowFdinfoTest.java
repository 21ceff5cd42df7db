package io.uringcmd.embedded;

import io.uringcmd.driver.MiscDevice;
import io.uringcmd.driver.OpenContext;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: Host.fdinfo gives the host's lines (path, octal open flags) followed by the device's ShowFdinfo text
 * for that open file's state; none for a device without ShowFdinfo or one that throws midway; null for an fd not open.
 */
class ShowFdinfoTest {
    record State(int id) {}

    static final class Dev implements MiscDevice<State>, MiscDevice.ShowFdinfo<State> {
        int next;
        @Override public State open(OpenContext c) { return new State(++next); }
        @Override public void showFdinfo(State s, PrintWriter out) {
            out.println("id:\t" + s.id());
            if (s.id() == 3) throw new IllegalStateException("device bug");
        }
    }

    @Test
    void fdinfoText() {
        try (Host host = new Host()) {
            host.register("info", new Dev());
            host.register("plain", (MiscDevice<Object>) c -> new Object());
            int a = host.open("/dev/info"), b = host.open("/dev/info", 0), c = host.open("/dev/info"), p = host.open("/dev/plain");
            assertEquals("path:\t/dev/info\nflags:\t02\nid:\t1\n", host.fdinfo(a));
            assertEquals("path:\t/dev/info\nflags:\t00\nid:\t2\n", host.fdinfo(b));
            assertEquals("path:\t/dev/info\nflags:\t02\nid:\t3\n", host.fdinfo(c));
            assertEquals("path:\t/dev/plain\nflags:\t02\n", host.fdinfo(p));
            assertNull(host.fdinfo(999));
        }
    }
}
