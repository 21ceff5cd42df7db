package io.uringcmd.embedded;

import io.uringcmd.driver.MiscDevice;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * An open file of the host ({@code struct file}): the device, the state its {@code open} returned, and a reference
 * count — the fd, each registered-file slot and each request in flight hold one; {@code release} runs when the last
 * goes.
 */
final class OpenFile {
    final Host host;
    final String path;
    final MiscDevice<Object> device;
    final Object state;
    final int flags;
    private final AtomicInteger refs = new AtomicInteger(1);

    @SuppressWarnings("unchecked")
    OpenFile(Host host, String path, MiscDevice<?> device, Object state, int flags) {
        this.host = host;
        this.path = path;
        this.device = (MiscDevice<Object>) device;
        this.state = state;
        this.flags = flags;
    }

    void get() { refs.incrementAndGet(); }

    /**
     * Takes a reference unless the last one is already gone ({@code get_file_rcu}): a request in flight holds one,
     * so {@code release} waits for it, as the kernel's does.
     */
    boolean tryGet() {
        for (int r = refs.get(); r > 0; r = refs.get()) {
            if (refs.compareAndSet(r, r + 1)) return true;
        }
        return false;
    }

    void put() {
        if (refs.decrementAndGet() == 0) host.release(this);
    }

    @SuppressWarnings("unchecked")
    MiscDevice.UringCmd<Object> uringCmd() {
        return device instanceof MiscDevice.UringCmd<?> u ? (MiscDevice.UringCmd<Object>) u : null;
    }
}
