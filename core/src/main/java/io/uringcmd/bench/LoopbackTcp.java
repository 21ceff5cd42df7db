package io.uringcmd.bench;

import io.uringcmd.internal.Libc;
import io.uringcmd.ring.ErrnoException;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

import static java.lang.foreign.ValueLayout.*;

/**
 * A connected TCP pair on 127.0.0.1 whose receiving end holds {@link #PAYLOAD} unread bytes, as the C baseline
 * sets it up: SIOCINQ on {@link #rx()} answers 9.
 */
final class LoopbackTcp implements AutoCloseable {
    static final int PAYLOAD = 9;
    private static final int FIONREAD = Libc.SIOCINQ;

    private final int rx, tx;

    LoopbackTcp() {
        int l = -1, t = -1, r = -1;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment addr = a.allocate(16, 4);
            addr.set(JAVA_SHORT, 0, (short) Libc.AF_INET);
            addr.set(JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN), 4, 0x7f000001);
            MemorySegment len = a.allocate(JAVA_INT);
            len.set(JAVA_INT, 0, 16);
            l = check("socket", Libc.socket(Libc.AF_INET, Libc.SOCK_STREAM | Libc.SOCK_CLOEXEC, 0));
            check("bind(127.0.0.1:0)", Libc.bind(l, addr.address(), 16));
            check("listen", Libc.listen(l, 1));
            check("getsockname", Libc.getsockname(l, addr.address(), len.address()));
            t = check("socket", Libc.socket(Libc.AF_INET, Libc.SOCK_STREAM | Libc.SOCK_CLOEXEC, 0));
            check("connect", Libc.connect(t, addr.address(), 16));
            r = check("accept", Libc.accept(l, 0, 0));
            MemorySegment data = a.allocateFrom("uringcmd!");
            if (Libc.write(t, data.address(), PAYLOAD) != PAYLOAD) throw new IllegalStateException("write to the loopback socket was short");
            MemorySegment n = a.allocate(JAVA_INT);
            for (int i = 0; n.get(JAVA_INT, 0) != PAYLOAD; i++) {
                check("ioctl(FIONREAD)", Libc.ioctl(r, FIONREAD, n.address()));
                if (i > 1_000_000) throw new IllegalStateException("loopback data never arrived");
                Thread.onSpinWait();
            }
        } catch (RuntimeException e) {
            if (t >= 0) Libc.close(t);
            if (r >= 0) Libc.close(r);
            throw e;
        } finally {
            if (l >= 0) Libc.close(l);
        }
        this.rx = r;
        this.tx = t;
    }

    private static int check(String what, int r) {
        if (r < 0) throw new ErrnoException(what + " (loopback TCP pair for the benchmark)", r, null);
        return r;
    }

    /** The receiving socket: 9 bytes readable. */
    int rx() { return rx; }

    @Override
    public void close() {
        Libc.close(rx);
        Libc.close(tx);
    }
}
