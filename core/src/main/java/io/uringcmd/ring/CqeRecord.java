package io.uringcmd.ring;

import io.uringcmd.abi.Errno;

import static io.uringcmd.abi.Uapi.*;

/** A CQE copied out of the ring: user_data, res, flags and the two big-CQE words (0 on a 16-byte CQE). */
public record CqeRecord(long userData, int res, int flags, long big0, long big1) {

    public CqeRecord(long userData, int res, int flags) { this(userData, res, flags, 0, 0); }

    public boolean hasMore() { return (flags & IORING_CQE_F_MORE) != 0; }
    public boolean hasBuffer() { return (flags & IORING_CQE_F_BUFFER) != 0; }
    public int bufferId() { return flags >>> IORING_CQE_BUFFER_SHIFT; }

    /** CQE flags as names: {@code F_MORE|F_BUFFER bid=3}. */
    public static String describeFlags(int flags) {
        StringBuilder b = new StringBuilder();
        String[] names = {"F_BUFFER", "F_MORE", "F_SOCK_NONEMPTY", "F_NOTIF", "F_BUF_MORE", "F_SKIP"};
        for (int i = 0; i < names.length; i++) if ((flags & (1 << i)) != 0) b.append(b.isEmpty() ? "" : "|").append(names[i]);
        if ((flags & IORING_CQE_F_32) != 0) b.append(b.isEmpty() ? "" : "|").append("F_32");
        int rest = flags & 0xffff & ~0x803f;
        if (rest != 0) b.append(b.isEmpty() ? "" : "|").append("0x").append(Integer.toHexString(rest));
        if ((flags & IORING_CQE_F_BUFFER) != 0) b.append(" bid=").append(flags >>> 16);
        else if ((flags >>> 16) != 0) b.append(b.isEmpty() ? "" : "|").append("hi=0x").append(Integer.toHexString(flags >>> 16));
        return b.isEmpty() ? "0" : b.toString();
    }

    @Override
    public String toString() {
        return "CQE{user_data=" + userData + ", res=" + Errno.describe(res) + ", flags=" + describeFlags(flags)
                + (big0 != 0 || big1 != 0 ? ", big_cqe=[" + big0 + ", " + big1 + "]" : "") + "}";
    }
}
