package io.uringcmd.abi;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Description: Errno.of and Errno.describe accept any int a CQE can carry, including Integer.MIN_VALUE (an injected NOP result). */
class ErrnoDescribeAnyIntTest {
    @Test
    void minValueIsNotAnErrno() {
        assertNull(Errno.of(Integer.MIN_VALUE));
        assertEquals("-2147483648", Errno.describe(Integer.MIN_VALUE));
    }

    @Test
    void errnoRangeIsNamedAndBeyondItIsPlain() {
        assertEquals("-22 (EINVAL)", Errno.describe(-22));
        assertEquals("-4095 (errno 4095)", Errno.describe(-4095));
        assertEquals("-4096", Errno.describe(-4096));
        assertEquals("7", Errno.describe(7));
    }
}
