package io.uringcmd.linux;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: LoopDevice attaches a fresh pattern-filled backing file with losetup (the kernel reports that file as
 * the device's backing file), and close() detaches the device and deletes the file, once; a bad size is refused before
 * anything is created.
 */
class LoopDeviceTest {
    @Test
    void attachesAndDetaches() throws Exception {
        LoopDevice dev = KernelTests.loopDeviceOrSkip();
        Path backing = dev.backingFile();
        Path sys = Path.of("/sys/block", dev.device().getFileName().toString(), "loop", "backing_file");
        try {
            assertTrue(Files.exists(dev.device()));
            assertEquals(backing.toRealPath().toString(), Files.readString(sys).trim());
            assertEquals(1 << 20, Files.size(backing));
            byte[] head = new byte[600];
            try (var in = Files.newInputStream(backing)) {
                assertEquals(600, in.readNBytes(head, 0, 600));
            }
            for (int i = 0; i < head.length; i++) assertEquals(LoopDevice.patternByte(i), head[i]);
        } finally {
            dev.close();
        }
        assertFalse(Files.exists(backing), "backing file deleted");
        assertFalse(Files.exists(sys) && Files.readString(sys).trim().equals(backing.toString()), "device detached");
        dev.close(); // idempotent
        assertThrows(IllegalStateException.class, () -> dev.open(Fds.O_RDONLY));
    }

    @Test
    void badSizeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LoopDevice.create(1000));
        assertThrows(IllegalArgumentException.class, () -> LoopDevice.create(0));
    }
}
