package io.uringcmd.samples;

import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.RingSetup;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.List;

import static io.uringcmd.samples.RustMiscDeviceSample.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: the sample's error cases: an unknown cmd_op is -ENOTTY (as the seed); command data that is not a
 * pointer to host user memory (NULL, a wild address, a range past the allocation's end) is -EFAULT.
 */
class SampleErrorsTest {
    @Test
    void enottyAndEfault() {
        try (var s = new SampleTests(RingSetup.entries(8))) {
            s.cmd(io.uringcmd.driver.CmdOp._IOR('|', 0x99, 4), s.value, 1);
            s.ring.sqe().prepUringCmd(s.fd, URING_GET_VALUE.value()).userData(2);
            s.ring.sqe().prepUringCmd(s.fd, URING_GET_VALUE.value(), MemorySegment.ofArray(new long[]{0xdead0000L, 0})).userData(3);
            s.ring.sqe().prepUringCmd(s.fd, URING_SET_VALUE.value(), MemorySegment.ofArray(new long[]{s.value.address() + 2, 0})).userData(4);
            assertEquals(List.of(new CqeRecord(1, -25, 0), new CqeRecord(2, -14, 0), new CqeRecord(3, -14, 0), new CqeRecord(4, -14, 0)),
                    s.submitAndReap(4));
        }
    }
}
