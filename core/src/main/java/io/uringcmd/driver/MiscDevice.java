package io.uringcmd.driver;

import java.io.PrintWriter;

/**
 * A misc device: what {@code struct miscdevice} + {@code file_operations} are in C and {@code MiscDevice} is in
 * Rust. {@link #open} is the only required operation; the object it returns is the per-open state every other
 * operation receives (never a lookup by fd).
 *
 * <p>Optional operations are separate interfaces the device class implements — {@link Ioctl}, {@link UringCmd},
 * {@link ShowFdinfo} — so one it does not implement is structurally absent, like a NULL {@code f_op} entry: the host
 * answers {@code -EOPNOTSUPP} (uring_cmd) or {@code -ENOTTY} (ioctl) without calling the device.
 *
 * @param <F> the per-open state
 */
public interface MiscDevice<F> {

    /** Called on each open of the device node; the result is this open file's state. */
    F open(OpenContext context) throws DeviceException;

    /** Called when the last reference to an open file goes (close of the fd and of any registered slot). */
    default void release(F file) {}

    /** {@code unlocked_ioctl}. */
    interface Ioctl<F> {
        /**
         * Returns the ioctl's result ({@code >= 0}); throw {@link DeviceException} for {@code -errno} (any other
         * exception gives {@code -EIO}).
         * {@code arg} is the raw argument; {@code user.slice(arg, cmd.size())} makes a bounded slice of it when it is a pointer.
         */
        long ioctl(F file, CmdOp cmd, long arg, UserAccess user) throws DeviceException;
    }

    /** {@code uring_cmd}: answers {@code IORING_OP_URING_CMD}. */
    interface UringCmd<F> {
        /**
         * Handles one command. Return {@link IoUringCmd#complete(int)} to complete now, or {@link QueuedCmd#queued()}
         * after {@link IoUringCmd#queue()} to complete later from any thread, or {@link IoUringCmd#reissue()} to be
         * called again from a worker that may block. Throw {@link DeviceException} to complete with {@code -errno};
         * any other exception completes the command with {@code -EIO} (and the ring keeps serving).
         *
         * <p>With {@link IssueFlags#cancel()} set, this is not an issue but a cancel request for a queued command
         * marked cancelable (ring close; ASYNC_CANCEL on the embedded host): complete {@link IoUringCmd#pending()}
         * unless another thread already did, and return {@code pending.queued()}. The result of a cancel call is
         * ignored; what the device leaves pending is completed with {@code -ECANCELED} when the ring closes.
         */
        UringCmdAction uringCmd(F file, IoUringCmd cmd, IssueFlags issueFlags) throws DeviceException;
    }

    /** {@code show_fdinfo}: text for the open file's fdinfo. */
    interface ShowFdinfo<F> {
        void showFdinfo(F file, PrintWriter out);
    }
}
