package io.uringcmd.embedded;

import io.uringcmd.abi.Errno;
import io.uringcmd.driver.DeviceException;
import io.uringcmd.driver.IoUringCmd;
import io.uringcmd.driver.IoUringSqe;
import io.uringcmd.driver.QueuedCmd;
import io.uringcmd.driver.TaskWork;
import io.uringcmd.driver.UserSlice;

import java.lang.foreign.MemorySegment;

import static io.uringcmd.abi.Uapi.*;

/**
 * One request ({@code struct io_kiocb}): what prep read from the SQE, the file, the result, its place in a link
 * chain, and for uring_cmd the command the device sees. Requests are pooled per ring and reused.
 */
final class Request implements IoUringCmd.Host {
    final Engine engine;
    final MemorySegment sqeCopy;
    final MemorySegment pdu;
    private final IoUringSqe sqeView;
    final IoUringCmd.Control cmdCtl;

    // common
    int opcode;
    int sqeFlags;
    long userData;
    int fd;
    OpenFile file;
    boolean failed;
    /** {@code REQ_F_SKIP_LINK_CQES}: a failed CQE_SKIP_SUCCESS request takes its link members' CQEs with it. */
    boolean skipLinkCqes;
    int res;
    int cflags;
    long big0, big1;
    /** Post as a 32-byte CQE: always on a CQE32 ring; F_32 on a CQE_MIXED ring. */
    boolean big;
    Request link;
    /** Issued and not yet completed (queued uring_cmd, or in a worker). */
    boolean inflight;

    // NOP
    int nopFlags;
    int nopResult;
    int bufIndex;

    // ASYNC_CANCEL
    long cancelAddr;
    int cancelFlags;
    int cancelFd;
    int cancelOpcode;

    // URING_CMD
    int cmdFlags;
    int bufGroup;
    QueuedCmd queued;
    boolean cancelable;

    Request(Engine engine, MemorySegment sqeCopy, MemorySegment pdu) {
        this.engine = engine;
        this.sqeCopy = sqeCopy;
        this.pdu = pdu;
        this.sqeView = new IoUringSqe(sqeCopy);
        this.cmdCtl = IoUringCmd.create(this);
    }

    void reset() {
        file = null;
        failed = false;
        skipLinkCqes = false;
        res = 0;
        cflags = 0;
        big0 = big1 = 0;
        big = false;
        link = null;
        inflight = false;
        queued = null;
        cancelable = false;
        cmdFlags = 0;
    }

    boolean hasFlag(int iosqe) { return (sqeFlags & iosqe) != 0; }

    /**
     * {@code req_set_fail}: a failed request always posts its CQE; if it had CQE_SKIP_SUCCESS, the skip moves to the
     * CQEs of the link members it cancels (REQ_F_SKIP_LINK_CQES).
     */
    void setFail() {
        failed = true;
        if ((sqeFlags & IOSQE_CQE_SKIP_SUCCESS) != 0) {
            sqeFlags &= ~IOSQE_CQE_SKIP_SUCCESS;
            skipLinkCqes = true;
        }
    }

    /** {@code io_req_set_res}, plus {@code req_set_fail} for negative results. */
    void setResult(int res) {
        this.res = res;
        if (res < 0) setFail();
    }

    // ---- IoUringCmd.Host ----

    @Override public int uringCmdFlags() { return cmdFlags; }
    @Override public IoUringSqe sqe() { return sqeView; }
    @Override public MemorySegment pdu() { return pdu; }

    @Override
    public UserSlice userSlice(long addr, long len) throws DeviceException {
        return engine.host.userSlice(addr, len);
    }

    @Override
    public MemorySegment importFixed(long addr, long len) throws DeviceException {
        if ((cmdFlags & IORING_URING_CMD_FIXED) == 0) {
            throw new DeviceException(Errno.EFAULT, "importFixed on a command sent without IORING_URING_CMD_FIXED");
        }
        return engine.importFixed(bufIndex, addr, len);
    }

    @Override
    public void markCancelable() { engine.markCancelable(this); }

    @Override
    public void queuedDone(QueuedCmd handle, int res, long res2, boolean hasRes2) {
        engine.queuedDone(this, handle, res, res2, hasRes2);
    }

    @Override
    public void queuedInTask(QueuedCmd handle, TaskWork work) {
        engine.queuedInTask(this, handle, work);
    }
}
