package io.uringcmd.abi;

/**
 * The io_uring uapi constants of Linux 6.18, with the kernel's names ({@code include/uapi/linux/io_uring.h};
 * shared/kernel-uring-cmd.md §1). Use with {@code import static io.uringcmd.abi.Uapi.*}.
 */
public final class Uapi {
    private Uapi() {}

    // ---- syscalls (x86_64) ----
    public static final int NR_IO_URING_SETUP = 425, NR_IO_URING_ENTER = 426, NR_IO_URING_REGISTER = 427;

    // ---- IOSQE_* (sqe->flags) ----
    public static final int IOSQE_FIXED_FILE = 1 << 0;
    public static final int IOSQE_IO_DRAIN = 1 << 1;
    public static final int IOSQE_IO_LINK = 1 << 2;
    public static final int IOSQE_IO_HARDLINK = 1 << 3;
    public static final int IOSQE_ASYNC = 1 << 4;
    public static final int IOSQE_BUFFER_SELECT = 1 << 5;
    public static final int IOSQE_CQE_SKIP_SUCCESS = 1 << 6;
    /** Every valid IOSQE bit; bit 7 gives -EINVAL. */
    public static final int IOSQE_VALID = 0x7f;

    // ---- IORING_SETUP_* ----
    public static final int IORING_SETUP_IOPOLL = 1 << 0;
    public static final int IORING_SETUP_SQPOLL = 1 << 1;
    public static final int IORING_SETUP_SQ_AFF = 1 << 2;
    public static final int IORING_SETUP_CQSIZE = 1 << 3;
    public static final int IORING_SETUP_CLAMP = 1 << 4;
    public static final int IORING_SETUP_ATTACH_WQ = 1 << 5;
    public static final int IORING_SETUP_R_DISABLED = 1 << 6;
    public static final int IORING_SETUP_SUBMIT_ALL = 1 << 7;
    public static final int IORING_SETUP_COOP_TASKRUN = 1 << 8;
    public static final int IORING_SETUP_TASKRUN_FLAG = 1 << 9;
    public static final int IORING_SETUP_SQE128 = 1 << 10;
    public static final int IORING_SETUP_CQE32 = 1 << 11;
    public static final int IORING_SETUP_SINGLE_ISSUER = 1 << 12;
    public static final int IORING_SETUP_DEFER_TASKRUN = 1 << 13;
    public static final int IORING_SETUP_NO_MMAP = 1 << 14;
    public static final int IORING_SETUP_REGISTERED_FD_ONLY = 1 << 15;
    public static final int IORING_SETUP_NO_SQARRAY = 1 << 16;
    public static final int IORING_SETUP_HYBRID_IOPOLL = 1 << 17;
    /** New in 6.18: 16- and 32-byte CQEs on one ring ({@link #IORING_CQE_F_32}, {@link #IORING_CQE_F_SKIP}). */
    public static final int IORING_SETUP_CQE_MIXED = 1 << 18;
    /** Every setup flag 6.18 knows; any other bit gives -EINVAL. */
    public static final int IORING_SETUP_VALID = (1 << 19) - 1;
    /** Largest SQ size; more gives -EINVAL unless CLAMP. */
    public static final int IORING_MAX_ENTRIES = 32768;
    /** Largest CQ size; more gives -EINVAL unless CLAMP. */
    public static final int IORING_MAX_CQ_ENTRIES = 2 * IORING_MAX_ENTRIES;

    // ---- IORING_ENTER_* ----
    public static final int IORING_ENTER_GETEVENTS = 1 << 0;
    public static final int IORING_ENTER_SQ_WAKEUP = 1 << 1;
    public static final int IORING_ENTER_SQ_WAIT = 1 << 2;
    public static final int IORING_ENTER_EXT_ARG = 1 << 3;
    public static final int IORING_ENTER_REGISTERED_RING = 1 << 4;
    public static final int IORING_ENTER_ABS_TIMER = 1 << 5;
    public static final int IORING_ENTER_EXT_ARG_REG = 1 << 6;
    public static final int IORING_ENTER_NO_IOWAIT = 1 << 7;
    public static final int IORING_ENTER_VALID = (1 << 8) - 1;
    /** {@code sizeof(struct io_uring_getevents_arg)}: {u64 sigmask; u32 sigmask_sz; u32 min_wait_usec; u64 ts}. */
    public static final int GETEVENTS_ARG_SIZE = 24;

    // ---- IORING_FEAT_* (6.18 reports all 18: 0x3ffff) ----
    public static final int IORING_FEAT_SINGLE_MMAP = 1 << 0;
    public static final int IORING_FEAT_NODROP = 1 << 1;
    public static final int IORING_FEAT_SUBMIT_STABLE = 1 << 2;
    public static final int IORING_FEAT_RW_CUR_POS = 1 << 3;
    public static final int IORING_FEAT_CUR_PERSONALITY = 1 << 4;
    public static final int IORING_FEAT_FAST_POLL = 1 << 5;
    public static final int IORING_FEAT_POLL_32BITS = 1 << 6;
    public static final int IORING_FEAT_SQPOLL_NONFIXED = 1 << 7;
    public static final int IORING_FEAT_EXT_ARG = 1 << 8;
    public static final int IORING_FEAT_NATIVE_WORKERS = 1 << 9;
    public static final int IORING_FEAT_RSRC_TAGS = 1 << 10;
    public static final int IORING_FEAT_CQE_SKIP = 1 << 11;
    public static final int IORING_FEAT_LINKED_FILE = 1 << 12;
    public static final int IORING_FEAT_REG_REG_RING = 1 << 13;
    public static final int IORING_FEAT_RECVSEND_BUNDLE = 1 << 14;
    public static final int IORING_FEAT_MIN_TIMEOUT = 1 << 15;
    public static final int IORING_FEAT_RW_ATTR = 1 << 16;
    public static final int IORING_FEAT_NO_IOWAIT = 1 << 17;
    public static final int IORING_FEAT_ALL_6_18 = (1 << 18) - 1;

    // ---- CQE flags ----
    public static final int IORING_CQE_F_BUFFER = 1 << 0;
    public static final int IORING_CQE_F_MORE = 1 << 1;
    public static final int IORING_CQE_F_SOCK_NONEMPTY = 1 << 2;
    public static final int IORING_CQE_F_NOTIF = 1 << 3;
    public static final int IORING_CQE_F_BUF_MORE = 1 << 4;
    public static final int IORING_CQE_F_SKIP = 1 << 5;
    public static final int IORING_CQE_F_32 = 1 << 15;
    public static final int IORING_CQE_BUFFER_SHIFT = 16;
    public static final int IORING_CQE_F_TSTAMP_HW = 1 << 16;
    public static final int IORING_TIMESTAMP_HW_SHIFT = 16;
    public static final int IORING_TIMESTAMP_TYPE_SHIFT = 17;

    // ---- SQ / CQ ring flags ----
    public static final int IORING_SQ_NEED_WAKEUP = 1 << 0;
    public static final int IORING_SQ_CQ_OVERFLOW = 1 << 1;
    public static final int IORING_SQ_TASKRUN = 1 << 2;
    public static final int IORING_CQ_EVENTFD_DISABLED = 1 << 0;

    // ---- mmap offsets ----
    public static final long IORING_OFF_SQ_RING = 0L;
    public static final long IORING_OFF_CQ_RING = 0x8000000L;
    public static final long IORING_OFF_SQES = 0x10000000L;
    public static final long IORING_OFF_PBUF_RING = 0x80000000L;
    public static final int IORING_OFF_PBUF_SHIFT = 16;
    public static final long IORING_OFF_MMAP_MASK = 0xf8000000L;

    // ---- uring_cmd flags (sqe->uring_cmd_flags) ----
    public static final int IORING_URING_CMD_FIXED = 1 << 0;
    /** New in 6.18: requires IOSQE_BUFFER_SELECT, excludes FIXED. liburing does not define it. */
    public static final int IORING_URING_CMD_MULTISHOT = 1 << 1;
    public static final int IORING_URING_CMD_MASK = IORING_URING_CMD_FIXED | IORING_URING_CMD_MULTISHOT;
    /** Kernel-internal; -EINVAL if userspace sets it. */
    public static final int IORING_URING_CMD_CANCELABLE = 1 << 30;
    /** Kernel-internal; -EINVAL if userspace sets it. */
    public static final int IORING_URING_CMD_REISSUE = 1 << 31;

    // ---- NOP flags (sqe->nop_flags, 6.18) ----
    public static final int IORING_NOP_INJECT_RESULT = 1 << 0;
    public static final int IORING_NOP_FILE = 1 << 1;
    public static final int IORING_NOP_FIXED_FILE = 1 << 2;
    public static final int IORING_NOP_FIXED_BUFFER = 1 << 3;
    public static final int IORING_NOP_TW = 1 << 4;
    public static final int IORING_NOP_CQE32 = 1 << 5;
    public static final int IORING_NOP_VALID = (1 << 6) - 1;

    // ---- ASYNC_CANCEL flags (sqe->cancel_flags) ----
    public static final int IORING_ASYNC_CANCEL_ALL = 1 << 0;
    public static final int IORING_ASYNC_CANCEL_FD = 1 << 1;
    public static final int IORING_ASYNC_CANCEL_ANY = 1 << 2;
    public static final int IORING_ASYNC_CANCEL_FD_FIXED = 1 << 3;
    public static final int IORING_ASYNC_CANCEL_USERDATA = 1 << 4;
    public static final int IORING_ASYNC_CANCEL_OP = 1 << 5;

    // ---- register opcodes ----
    public static final int IORING_REGISTER_BUFFERS = 0;
    public static final int IORING_UNREGISTER_BUFFERS = 1;
    public static final int IORING_REGISTER_FILES = 2;
    public static final int IORING_UNREGISTER_FILES = 3;
    public static final int IORING_REGISTER_EVENTFD = 4;
    public static final int IORING_UNREGISTER_EVENTFD = 5;
    public static final int IORING_REGISTER_FILES_UPDATE = 6;
    public static final int IORING_REGISTER_EVENTFD_ASYNC = 7;
    public static final int IORING_REGISTER_PROBE = 8;
    public static final int IORING_REGISTER_PERSONALITY = 9;
    public static final int IORING_UNREGISTER_PERSONALITY = 10;
    public static final int IORING_REGISTER_RESTRICTIONS = 11;
    public static final int IORING_REGISTER_ENABLE_RINGS = 12;
    public static final int IORING_REGISTER_FILES2 = 13;
    public static final int IORING_REGISTER_FILES_UPDATE2 = 14;
    public static final int IORING_REGISTER_BUFFERS2 = 15;
    public static final int IORING_REGISTER_BUFFERS_UPDATE = 16;
    public static final int IORING_REGISTER_IOWQ_AFF = 17;
    public static final int IORING_UNREGISTER_IOWQ_AFF = 18;
    public static final int IORING_REGISTER_IOWQ_MAX_WORKERS = 19;
    public static final int IORING_REGISTER_RING_FDS = 20;
    public static final int IORING_UNREGISTER_RING_FDS = 21;
    public static final int IORING_REGISTER_PBUF_RING = 22;
    public static final int IORING_UNREGISTER_PBUF_RING = 23;
    public static final int IORING_REGISTER_SYNC_CANCEL = 24;
    public static final int IORING_REGISTER_FILE_ALLOC_RANGE = 25;
    public static final int IORING_REGISTER_PBUF_STATUS = 26;
    public static final int IORING_REGISTER_NAPI = 27;
    public static final int IORING_UNREGISTER_NAPI = 28;
    public static final int IORING_REGISTER_CLOCK = 29;
    public static final int IORING_REGISTER_CLONE_BUFFERS = 30;
    public static final int IORING_REGISTER_SEND_MSG_RING = 31;
    public static final int IORING_REGISTER_ZCRX_IFQ = 32;
    public static final int IORING_REGISTER_RESIZE_RINGS = 33;
    public static final int IORING_REGISTER_MEM_REGION = 34;
    public static final int IORING_REGISTER_QUERY = 35;
    public static final int IORING_REGISTER_LAST = 36;
    public static final int IORING_REGISTER_USE_REGISTERED_RING = 1 << 31;

    // ---- provided buffer rings ----
    public static final int IOU_PBUF_RING_MMAP = 1;
    public static final int IOU_PBUF_RING_INC = 2;
    /** Largest buffer ring; the u16 head and tail cannot tell full from empty beyond it. */
    public static final int IOU_PBUF_RING_MAX_ENTRIES = 32768;

    // ---- socket uring_cmd ops (io_uring/cmd_net.c) ----
    public static final int SOCKET_URING_OP_SIOCINQ = 0;
    public static final int SOCKET_URING_OP_SIOCOUTQ = 1;
    public static final int SOCKET_URING_OP_GETSOCKOPT = 2;
    public static final int SOCKET_URING_OP_SETSOCKOPT = 3;
    /** 6.17+: needs a CQE32 or CQE_MIXED ring. */
    public static final int SOCKET_URING_OP_TX_TIMESTAMP = 4;

    // ---- block ----
    /** {@code _IO(0x12, 0)}. */
    public static final int BLOCK_URING_CMD_DISCARD = Ioc._IO(0x12, 0);

    // ---- registered files ----
    /** {@code IORING_FILE_INDEX_ALLOC}, and the empty slot value in REGISTER_FILES (-1). */
    public static final int IORING_REGISTER_FILES_SKIP = -2;
}
