package io.uringcmd.linux;

import io.uringcmd.abi.Ioc;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Description: _IO/_IOR/_IOW/_IOWR encode dir:2|size:14|type:8|nr:8 as asm-generic/ioctl.h does, e.g.
 * _IOR('|',0x81,4) = 0x80047c81, _IO(0x12,0) = 0x1200, _IOWR('N',0x80,72) = 0xc0484e80 (shared/kernel-uring-cmd.md
 * §5.2, §5.5, §7).
 */
class IocEncodingPinTest {
    @Test
    void encodings() {
        assertEquals(0x80047c81, Ioc._IOR('|', 0x81, 4));
        assertEquals(0x40047c82, Ioc._IOW('|', 0x82, 4));
        assertEquals(0x80047c83, Ioc._IOR('|', 0x83, 4)); // the Rust sample's SET_VALUE (§7)
        assertEquals(0x40047c84, Ioc._IOW('|', 0x84, 4)); // and GET_VALUE
        assertEquals(0x1200, Ioc._IO(0x12, 0));
        assertEquals(0xc0484e80, Ioc._IOWR('N', 0x80, 72));
        assertEquals(0xc0484e81, Ioc._IOWR('N', 0x81, 72));
        int cmd = Ioc._IOWR('N', 0x80, 72);
        assertEquals(3, Ioc.dir(cmd));
        assertEquals('N', Ioc.type(cmd));
        assertEquals(0x80, Ioc.nr(cmd));
        assertEquals(72, Ioc.size(cmd));
    }

    @Test
    void outOfRangeFieldsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Ioc._IOR(0x100, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> Ioc._IOR('|', 0x100, 4));
        assertThrows(IllegalArgumentException.class, () -> Ioc._IOR('|', 1, 1 << 14));
    }
}
