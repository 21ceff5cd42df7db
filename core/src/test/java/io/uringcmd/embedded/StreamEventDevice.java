package io.uringcmd.embedded;

import io.uringcmd.abi.Errno;
import io.uringcmd.driver.BufferSelection;
import io.uringcmd.driver.DeviceException;
import io.uringcmd.driver.IoUringCmd;
import io.uringcmd.driver.IssueFlags;
import io.uringcmd.driver.MiscDevice;
import io.uringcmd.driver.OpenContext;
import io.uringcmd.driver.QueuedCmd;
import io.uringcmd.driver.UringCmdAction;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A device with a multishot event command, for the client-side stream tests: each raised event becomes one CQE
 * carrying its bytes in a provided buffer of the command's group; no buffer ends the command with -ENOBUFS (the
 * samples' convention); a cancel ends it with -ECANCELED.
 */
final class StreamEventDevice implements MiscDevice<Object>, MiscDevice.UringCmd<Object> {
    final AtomicReference<QueuedCmd> armed = new AtomicReference<>();

    @Override public Object open(OpenContext context) { return this; }

    @Override
    public UringCmdAction uringCmd(Object file, IoUringCmd cmd, IssueFlags flags) throws DeviceException {
        QueuedCmd q = armed.get();
        if (flags.cancel()) {
            if (q != null && armed.compareAndSet(q, null)) q.done(-Errno.ECANCELED.value());
            return q.queued();
        }
        if (!cmd.multishot()) throw new DeviceException(Errno.EINVAL, "the event command is multishot only");
        cmd.markCancelable();
        q = cmd.queue();
        armed.set(q);
        return q.queued();
    }

    /** Raises one event from any thread: it is delivered in the armed command's issue context. */
    void raise(String ascii) {
        byte[] bytes = ascii.getBytes(StandardCharsets.US_ASCII);
        QueuedCmd q = armed.get();
        if (q == null) throw new IllegalStateException("no command is armed");
        q.completeInTask((h, f) -> {
            int group = h.cmd().sqe().bufGroup();
            BufferSelection sel = f.bufferSelect(h.cmd(), group, bytes.length);
            if (sel == null) {
                armed.compareAndSet(h, null);
                h.done(-Errno.ENOBUFS.value());
                return;
            }
            MemorySegment.copy(MemorySegment.ofArray(bytes), 0, sel.buffer(), 0, bytes.length);
            if (f.postCqe(h.cmd(), sel, bytes.length)) {
                armed.compareAndSet(h, null);
                h.done(-Errno.ENOBUFS.value());
            }
        });
    }
}
