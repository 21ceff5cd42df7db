package io.uringcmd.linux;

import io.uringcmd.abi.Errno;
import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Description: Errno.of/describe name every res a CQE can carry, including values no errno has (below -4095, e.g. Integer.MIN_VALUE). */
class ErrnoDescribeTest {
    @Test
    void describesAnyRes() {
        assertEquals("-22 (EINVAL)", Errno.describe(-22));
        assertEquals("-95 (EOPNOTSUPP)", Errno.describe(-95));
        assertEquals("5", Errno.describe(5));
        assertEquals("-4095 (errno 4095)", Errno.describe(-4095));
        assertNull(Errno.of(Integer.MIN_VALUE));
        assertEquals("-2147483648", Errno.describe(Integer.MIN_VALUE));
        assertEquals("CQE{user_data=1, res=-2147483648, flags=0}", new CqeRecord(1, Integer.MIN_VALUE, 0).toString());
    }
}
