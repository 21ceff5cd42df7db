package io.uringcmd.driver;

import io.uringcmd.abi.Errno;
import io.uringcmd.abi.SqeLayout;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static java.lang.foreign.ValueLayout.*;

/**
 * The submission entry of a uring_cmd, read-only: a copy the host took at prep, so it stays valid for as long as
 * the command is in flight (the kernel only promises the shared SQE for the duration of the first issue).
 */
public final class IoUringSqe {
    private final MemorySegment sqe;
    private final int cmdSize;

    /** For hosts: a view over an SQE snapshot of 64 or 128 bytes. */
    public IoUringSqe(MemorySegment snapshot) {
        this.sqe = snapshot;
        this.cmdSize = (int) (snapshot.byteSize() - SqeLayout.CMD);
    }

    public int opcode() { return sqe.get(JAVA_BYTE, SqeLayout.OPCODE) & 0xff; }
    public int flags() { return sqe.get(JAVA_BYTE, SqeLayout.FLAGS) & 0xff; }
    public int ioprio() { return sqe.get(JAVA_SHORT, SqeLayout.IOPRIO) & 0xffff; }
    public int fd() { return sqe.get(JAVA_INT, SqeLayout.FD); }
    public int cmdOp() { return sqe.get(JAVA_INT, SqeLayout.CMD_OP); }
    public long addr() { return sqe.get(JAVA_LONG, SqeLayout.ADDR); }
    public int len() { return sqe.get(JAVA_INT, SqeLayout.LEN); }
    public int uringCmdFlags() { return sqe.get(JAVA_INT, SqeLayout.URING_CMD_FLAGS); }
    public long userData() { return sqe.get(JAVA_LONG, SqeLayout.USER_DATA); }
    public int bufIndex() { return sqe.get(JAVA_SHORT, SqeLayout.BUF_INDEX) & 0xffff; }
    /** {@code buf_group}: the same bytes as {@link #bufIndex()} (a packed union). */
    public int bufGroup() { return bufIndex(); }
    public int personality() { return sqe.get(JAVA_SHORT, SqeLayout.PERSONALITY) & 0xffff; }
    public int fileIndex() { return sqe.get(JAVA_INT, SqeLayout.FILE_INDEX); }
    public long addr3() { return sqe.get(JAVA_LONG, SqeLayout.ADDR3); }
    public int level() { return sqe.get(JAVA_INT, SqeLayout.LEVEL); }
    public int optname() { return sqe.get(JAVA_INT, SqeLayout.OPTNAME); }
    public int optlen() { return sqe.get(JAVA_INT, SqeLayout.OPTLEN); }

    /** The size of the command area: 16, or 80 on an SQE128 ring. */
    public int cmdSize() { return cmdSize; }

    /**
     * The command data read as {@code layout} from the start of the command area, read-only. A layout larger than
     * the area is {@code -EINVAL} (as the Rust review asked, instead of -EFAULT).
     */
    public MemorySegment cmdData(MemoryLayout layout) throws DeviceException {
        if (layout.byteSize() > cmdSize) {
            throw new DeviceException(Errno.EINVAL, "command data layout of " + layout.byteSize()
                    + " bytes is larger than the " + cmdSize + "-byte command area");
        }
        return sqe.asSlice(SqeLayout.CMD, layout.byteSize()).asReadOnly();
    }

    /** The first value of the command area, e.g. a user pointer: {@code cmdData(JAVA_LONG)}. */
    public long cmdData(ValueLayout.OfLong layout) { return sqe.get(JAVA_LONG_UNALIGNED, SqeLayout.CMD); }

    /** An int at {@code offset} in the command area (bounds: {@link #cmdSize()}). */
    public int cmdInt(long offset) throws DeviceException {
        if (offset < 0 || offset + 4 > cmdSize) throw new DeviceException(Errno.EINVAL, "offset " + offset + " outside the command area");
        return sqe.get(JAVA_INT_UNALIGNED, SqeLayout.CMD + offset);
    }

    /** A long at {@code offset} in the command area (bounds: {@link #cmdSize()}). */
    public long cmdLong(long offset) throws DeviceException {
        if (offset < 0 || offset + 8 > cmdSize) throw new DeviceException(Errno.EINVAL, "offset " + offset + " outside the command area");
        return sqe.get(JAVA_LONG_UNALIGNED, SqeLayout.CMD + offset);
    }
}
