package io.uringcmd.samples;

import io.uringcmd.abi.Errno;
import io.uringcmd.driver.*;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The Rust misc-device sample ({@code samples/rust/rust_misc_device.rs} with the uring_cmd patch of the RFC v3
 * series), ported: ioctl HELLO / GET_VALUE / SET_VALUE and uring_cmd SET_VALUE / GET_VALUE, where the command data
 * holds the user address of an {@code int}. Extended to show the rest of the driver API: a GET that completes later
 * from another thread through task work, res2 (GET returns the value in res2 on a 32-byte CQE), the pdu, and a
 * cancelable WAIT that completes when the value changes.
 */
public final class RustMiscDeviceSample implements MiscDevice<RustMiscDeviceSample.Inner>, MiscDevice.Ioctl<RustMiscDeviceSample.Inner>,
        MiscDevice.UringCmd<RustMiscDeviceSample.Inner>, MiscDevice.ShowFdinfo<RustMiscDeviceSample.Inner> {
    public static final CmdOp HELLO = CmdOp._IO('|', 0x80).named("RUST_MISC_DEV_HELLO");
    public static final CmdOp GET_VALUE = CmdOp._IOR('|', 0x81, 4).named("RUST_MISC_DEV_GET_VALUE");
    public static final CmdOp SET_VALUE = CmdOp._IOW('|', 0x82, 4).named("RUST_MISC_DEV_SET_VALUE");
    // The seed's uring_cmd numbers, with its swapped _IOR/_IOW kept: SET is 0x80047c83, GET is 0x40047c84.
    public static final CmdOp URING_SET_VALUE = CmdOp._IOR('|', 0x83, 4).named("RUST_MISC_DEV_URING_CMD_SET_VALUE");
    public static final CmdOp URING_GET_VALUE = CmdOp._IOW('|', 0x84, 4).named("RUST_MISC_DEV_URING_CMD_GET_VALUE");
    /** Like GET, but completed later by another thread, through task work. */
    public static final CmdOp URING_GET_QUEUED = CmdOp._IOW('|', 0x85, 4).named("RUST_MISC_DEV_URING_CMD_GET_QUEUED");
    /** Completes with the new value once it differs from the value at issue; cancelable (res -ECANCELED). */
    public static final CmdOp URING_WAIT_VALUE = CmdOp._IOW('|', 0x86, 4).named("RUST_MISC_DEV_URING_CMD_WAIT_VALUE");

    /** The commands, for traces. */
    public static final List<CmdOp> COMMANDS = List.of(HELLO, GET_VALUE, SET_VALUE, URING_SET_VALUE, URING_GET_VALUE,
            URING_GET_QUEUED, URING_WAIT_VALUE);

    /** Per-open state: the seed's {@code Mutex<Inner>}, plus the WAIT commands pending on it. */
    public static final class Inner {
        private int value;
        private final List<QueuedCmd> waiters = new ArrayList<>();

        synchronized int value() { return value; }

        /** Sets the value and completes every WAIT armed on another value (the value it saw is in its pdu). */
        synchronized void setValue(int v) throws DeviceException {
            value = v;
            for (QueuedCmd w : List.copyOf(waiters)) {
                if (w.cmd().pdu(JAVA_INT).get(JAVA_INT, 0) != v && waiters.remove(w)) w.done(v);
            }
        }
    }

    @Override
    public Inner open(OpenContext context) { return new Inner(); }

    @Override
    public long ioctl(Inner me, CmdOp cmd, long arg, UserAccess user) throws DeviceException {
        if (cmd.equals(HELLO)) return 0; // the seed logs "Hello from the Rust Misc Device"
        if (cmd.equals(GET_VALUE)) user.slice(arg, cmd.size()).writeInt(me.value());
        else if (cmd.equals(SET_VALUE)) me.setValue(user.slice(arg, cmd.size()).readInt());
        else throw new DeviceException(Errno.ENOTTY);
        return 0;
    }

    @Override
    public UringCmdAction uringCmd(Inner me, IoUringCmd cmd, IssueFlags flags) throws DeviceException {
        if (flags.cancel()) { // ring close or ASYNC_CANCEL of a WAIT: complete it unless setValue already did
            QueuedCmd w = cmd.pending();
            synchronized (me) { if (me.waiters.remove(w)) w.done(-Errno.ECANCELED.value()); }
            return w.queued();
        }
        if (cmd.is(URING_WAIT_VALUE)) {
            synchronized (me) {
                cmd.pdu(JAVA_INT).set(JAVA_INT, 0, me.value); // the value this WAIT waits to change
                cmd.markCancelable();
                QueuedCmd w = cmd.queue();
                me.waiters.add(w);
                return w.queued();
            }
        }
        UserSlice user = cmd.userPtr(0, 4); // the command data holds the value's user address
        if (cmd.is(URING_SET_VALUE)) {
            me.setValue(user.readInt());
            return cmd.complete(0);
        }
        if (cmd.is(URING_GET_VALUE)) {
            int v = me.value();
            user.writeInt(v);
            return cmd.complete(0, v); // res2 reaches the client on a CQE32 or CQE_MIXED ring
        }
        if (cmd.is(URING_GET_QUEUED)) { // another thread completes it; user memory is written in task work
            QueuedCmd q = cmd.queue();
            Thread.startVirtualThread(() -> q.completeInTask((c, f) -> {
                if (f.taskDead()) { c.done(-Errno.ECANCELED.value()); return; }
                int v = me.value();
                user.writeInt(v);
                c.done(0, v);
            }));
            return q.queued();
        }
        throw new DeviceException(Errno.ENOTTY, "unknown uring_cmd " + cmd.cmdOp());
    }

    @Override
    public void showFdinfo(Inner me, PrintWriter out) {
        synchronized (me) { out.println("value:\t" + me.value + "\nwaiters:\t" + me.waiters.size()); }
    }
}
