package io.uringcmd.samples;

import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.RingSetup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.uringcmd.samples.RustMiscDeviceSample.*;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: the seed's uring_cmds with its numbers (SET 0x80047c83, GET 0x40047c84, the swapped _IOR/_IOW kept):
 * the command data holds the user address of the value; SET reads it, GET writes it and also returns it in res2,
 * which reaches a CQE32 ring's big_cqe and is dropped on a 16-byte ring. The value is shared with the ioctls.
 */
class SampleUringCmdSetGetTest {
    @Test
    void setThenGetOnACqe32Ring() {
        try (var s = new SampleTests(RingSetup.entries(8).cqe32())) {
            assertEquals(0x80047c83, URING_SET_VALUE.value());
            assertEquals(0x40047c84, URING_GET_VALUE.value());
            var out = s.host.allocate(4);
            s.value.set(JAVA_INT, 0, 7);
            s.cmd(URING_SET_VALUE, s.value, 1);
            s.cmd(URING_GET_VALUE, out, 2);
            assertEquals(List.of(new CqeRecord(1, 0, 0, 0, 0), new CqeRecord(2, 0, 0, 7, 0)), s.submitAndReap(2));
            assertEquals(7, out.get(JAVA_INT, 0));
            out.set(JAVA_INT, 0, 0);
            assertEquals(0, s.host.ioctl(s.fd, GET_VALUE.value(), out.address()));
            assertEquals(7, out.get(JAVA_INT, 0));
        }
    }

    @Test
    void getOnASixteenByteRingHasNoRes2() {
        try (var s = new SampleTests(RingSetup.entries(8))) {
            var out = s.host.allocate(4);
            s.value.set(JAVA_INT, 0, -3);
            s.cmd(URING_SET_VALUE, s.value, 1);
            s.cmd(URING_GET_VALUE, out, 2);
            assertEquals(List.of(new CqeRecord(1, 0, 0), new CqeRecord(2, 0, 0)), s.submitAndReap(2));
            assertEquals(-3, out.get(JAVA_INT, 0));
        }
    }
}
