package io.uringcmd.abi;

/**
 * Linux errno values (x86_64) that io_uring and the targets of uring_cmd return. A CQE carries {@code -errno}.
 * {@link #ENOTSUPP} and {@link #EIOCBQUEUED} are kernel-internal and never reach userspace in a CQE.
 */
public enum Errno {
    EPERM(1),
    ENOENT(2),
    ESRCH(3),
    EINTR(4),
    EIO(5),
    ENXIO(6),
    E2BIG(7),
    ENOEXEC(8),
    EBADF(9),
    ECHILD(10),
    EAGAIN(11),
    ENOMEM(12),
    EACCES(13),
    EFAULT(14),
    ENOTBLK(15),
    EBUSY(16),
    EEXIST(17),
    EXDEV(18),
    ENODEV(19),
    ENOTDIR(20),
    EISDIR(21),
    EINVAL(22),
    ENFILE(23),
    EMFILE(24),
    ENOTTY(25),
    ETXTBSY(26),
    EFBIG(27),
    ENOSPC(28),
    ESPIPE(29),
    EROFS(30),
    EMLINK(31),
    EPIPE(32),
    EDOM(33),
    ERANGE(34),
    EDEADLK(35),
    ENAMETOOLONG(36),
    ENOLCK(37),
    ENOSYS(38),
    ENOTEMPTY(39),
    ELOOP(40),
    ENOMSG(42),
    EIDRM(43),
    EBADR(53),
    ENODATA(61),
    ETIME(62),
    EOVERFLOW(75),
    EBADFD(77),
    ENOTSOCK(88),
    EDESTADDRREQ(89),
    EMSGSIZE(90),
    EPROTOTYPE(91),
    ENOPROTOOPT(92),
    EPROTONOSUPPORT(93),
    EOPNOTSUPP(95),
    EAFNOSUPPORT(97),
    EADDRINUSE(98),
    EADDRNOTAVAIL(99),
    ENETDOWN(100),
    ENETUNREACH(101),
    ECONNABORTED(103),
    ECONNRESET(104),
    ENOBUFS(105),
    EISCONN(106),
    ENOTCONN(107),
    ETIMEDOUT(110),
    ECONNREFUSED(111),
    EALREADY(114),
    EINPROGRESS(115),
    ECANCELED(125),
    ENOTSUPP(524),
    EIOCBQUEUED(529);

    private final int value;

    Errno(int value) { this.value = value; }

    /** The positive errno value. */
    public int value() { return value; }

    /** The value as a CQE carries it: {@code -errno}. */
    public int negative() { return -value; }

    private static final Errno[] BY_VALUE = new Errno[530];
    static { for (Errno e : values()) BY_VALUE[e.value] = e; }

    /** The errno for a positive or negative value, or null if this table does not name it. */
    public static Errno of(int value) {
        int v = Math.abs(value); // Integer.MIN_VALUE stays negative: no errno
        return v >= 0 && v < BY_VALUE.length ? BY_VALUE[v] : null;
    }

    /** {@code res} as a reader wants it: {@code -22 (EINVAL)}, or the plain number when {@code res >= 0}. */
    public static String describe(int res) {
        if (res >= 0) return Integer.toString(res);
        // The kernel's errnos are 1..4095 (MAX_ERRNO); a more negative res is a plain number (e.g. an injected NOP result).
        if (res < -4095) return Integer.toString(res);
        Errno e = of(res);
        return res + " (" + (e == null ? "errno " + (-res) : e.name()) + ")";
    }
}
