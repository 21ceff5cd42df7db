package io.uringcmd.embedded;

import io.uringcmd.abi.Errno;
import io.uringcmd.driver.DeviceException;
import io.uringcmd.driver.IoUringCmd;
import io.uringcmd.driver.IoUringSqe;
import io.uringcmd.driver.QueuedCmd;
import io.uringcmd.driver.TaskWork;
import io.uringcmd.driver.UserSlice;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;

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
    /** REQ_F_IO_DRAIN: IOSQE_IO_DRAIN, or given by the kernel's drain rules (a drain inside a link, drain_next). */
    boolean drain;
    /** REQ_F_FORCE_ASYNC: IOSQE_ASYNC, or submitted while a drain is active; issued from a worker. */
    boolean forceAsync;

    // NOP
    int nopFlags;
    int nopResult;
    int bufIndex;

    // ASYNC_CANCEL
    long cancelAddr;
    int cancelFlags;
    int cancelFd;
    int cancelOpcode;

    // PROVIDE_BUFFERS / REMOVE_BUFFERS (io_provide_buf)
    long pbufAddr;
    int pbufLen;
    int pbufNbufs;
    int pbufBgid;
    int pbufBid;

    // URING_CMD
    /** The device's answer to the last call (Engine.callDevice), read when it is applied. */
    int answerRes;
    long answerRes2;
    boolean answerHasRes2;
    QueuedCmd answerHandle;
    int cmdFlags;
    int bufGroup;
    QueuedCmd queued;
    boolean cancelable;
    /** Issued (inline or in a worker) and the device's answer not yet applied. */
    boolean awaitingResult;
    /** Completions and task work for a handle that arrived before its QUEUED answer was applied (worker issue). */
    ArrayList<Runnable> earlyWork;
    /** The thread inside the device's uringCmd for this request, or null. */
    volatile Thread issuingThread;
    /** The io-wq thread running this request, or null; guarded by {@code this}. */
    private Thread worker;

    Request(Engine engine, MemorySegment sqeCopy, MemorySegment pdu) {
        this.engine = engine;
        this.sqeCopy = sqeCopy;
        this.pdu = pdu;
        this.sqeView = new IoUringSqe(sqeCopy);
        this.cmdCtl = IoUringCmd.create(this);
        engine.adopt(this);
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
        drain = false;
        forceAsync = false;
        queued = null;
        cancelable = false;
        cmdFlags = 0;
        awaitingResult = false;
        if (earlyWork != null) earlyWork.clear();
    }

    void early(Runnable work) {
        if (earlyWork == null) earlyWork = new ArrayList<>(2);
        earlyWork.add(work);
    }

    synchronized void workerStarted() { worker = Thread.currentThread(); }

    /** Clears the worker and any interrupt meant for this request, so it cannot hit the pool thread's next task. */
    void workerDone() {
        synchronized (this) { worker = null; }
        Thread.interrupted();
    }

    /** Ring close: wakes a device blocked in a worker for this request (io-wq's cancel of running work). */
    synchronized void interruptWorker() {
        if (worker != null) worker.interrupt();
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
    public void markCancelable(QueuedCmd handle) { engine.markCancelable(this, handle); }

    @Override
    public void queuedDone(QueuedCmd handle, int res, long res2, boolean hasRes2) {
        engine.queuedDone(this, handle, res, res2, hasRes2);
    }

    @Override
    public void queuedInTask(QueuedCmd handle, TaskWork work) {
        engine.queuedInTask(this, handle, work);
    }
}
