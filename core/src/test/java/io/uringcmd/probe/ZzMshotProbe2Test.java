package io.uringcmd.probe;

import io.uringcmd.linux.Linux;
import io.uringcmd.internal.Libc;
import io.uringcmd.ring.*;
import org.junit.jupiter.api.Test;
import java.lang.foreign.*;
import static io.uringcmd.abi.Uapi.*;
import static java.lang.foreign.ValueLayout.*;

class ZzMshotProbe2Test {
    static void p(Object... o) { StringBuilder b = new StringBuilder("PROBE"); for (Object x : o) b.append(' ').append(x); System.out.println(b); }
    @Test void probe() {
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(8)); Arena a = Arena.ofConfined()) {
            MemorySegment fds = a.allocate(8);
            Libc.pipe2(fds.address(), 0);
            int rfd = fds.get(JAVA_INT, 0), wfd = fds.get(JAVA_INT, 4);
            for (int[] c : new int[][] {{8, 3}, {7, 3}, {0, 0}, {1, 10}, {0, 10}}) {
                int minLeft = c[0], n = c[1];
                MemorySegment mem = ring.allocatePages(4096);
                MemorySegment r = ring.allocate(40);
                int bgid = 10 + minLeft * 100 + n;
                r.set(JAVA_LONG, 0, mem.address()); r.set(JAVA_INT, 8, 2); r.set(JAVA_SHORT, 12, (short) bgid); r.set(JAVA_SHORT, 14, (short) IOU_PBUF_RING_INC); r.set(JAVA_INT, 16, minLeft);
                p("reg", ring.register(IORING_REGISTER_PBUF_RING, r, 1));
                MemorySegment buf = ring.allocate(10);
                mem.set(JAVA_LONG, 0, buf.address()); mem.set(JAVA_INT, 8, 10); mem.set(JAVA_SHORT, 12, (short) 7);
                mem.set(JAVA_SHORT, 14, (short) 1);
                MemorySegment data = a.allocate(16);
                if (n > 0) Libc.write(wfd, data.address(), n);
                ring.sqe().prepReadSelect(rfd, 0, bgid, -1).userData(1);
                if (n == 0) { Libc.close(wfd); }
                ring.submitAndWait(1);
                CqeRecord cq = ring.waitCqe().copy(); ring.cqeSeen();
                MemorySegment st = ring.allocate(40); st.set(JAVA_INT, 0, bgid); ring.register(IORING_REGISTER_PBUF_STATUS, st, 1);
                p("minLeft", minLeft, "read", n, cq, Integer.toHexString(cq.flags()), "head", st.get(JAVA_INT, 4), "addr+", mem.get(JAVA_LONG, 0) - buf.address(), "len", mem.get(JAVA_INT, 8));
                if (n == 0) { Libc.pipe2(fds.address(), 0); rfd = fds.get(JAVA_INT, 0); wfd = fds.get(JAVA_INT, 4); }
            }
        }
    }
}
