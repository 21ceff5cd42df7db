package io.uringcmd.conform;

import io.uringcmd.abi.Opcode;

import static io.uringcmd.abi.Uapi.*;

/**
 * One SQE, every field explicit (the rest zero), with the fd given either as a {@link Target} (resolved per side) or
 * as a raw number. Build with the static factories and the fluent field setters; a spec is not changed after the
 * case that holds it is built.
 */
public final class SqeSpec {
    int opcode;
    int flags;
    int ioprio;
    Target target;
    int fd;
    long off;
    long addr;
    int len;
    int opFlags;
    long userData;
    int bufIndex;
    int personality;
    int spliceFdIn;
    long addr3;
    long pad2;
    long addrAlloc;

    private SqeSpec(int opcode) { this.opcode = opcode; }

    /** Any opcode, all fields zero. */
    public static SqeSpec op(int opcode) { return new SqeSpec(opcode); }

    /** {@code IORING_OP_NOP}. */
    public static SqeSpec nop() { return new SqeSpec(Opcode.NOP.code()); }

    /** NOP with {@code IORING_NOP_INJECT_RESULT}: the CQE's res is {@code res}. */
    public static SqeSpec nopInject(int res) { return nop().opFlags(IORING_NOP_INJECT_RESULT).len(res); }

    /** {@code IORING_OP_URING_CMD} to {@code target}, cmd_op 0. */
    public static SqeSpec uringCmd(Target target) { return new SqeSpec(Opcode.URING_CMD.code()).target(target); }

    /** {@code IORING_OP_ASYNC_CANCEL} of {@code userData}. */
    public static SqeSpec cancel(long targetUserData) { return new SqeSpec(Opcode.ASYNC_CANCEL.code()).fd(-1).addr(targetUserData); }

    public SqeSpec opcode(int v) { opcode = v; return this; }
    /** {@code sqe->flags}, exactly (a fixed target adds IOSQE_FIXED_FILE when the SQE is filled). */
    public SqeSpec flags(int v) { flags = v; return this; }
    public SqeSpec addFlags(int v) { flags |= v; return this; }
    public SqeSpec ioprio(int v) { ioprio = v; return this; }
    public SqeSpec target(Target t) { target = t; return this; }
    /** A raw fd (or fixed slot with IOSQE_FIXED_FILE), not resolved per side. */
    public SqeSpec fd(int v) { target = null; fd = v; return this; }
    public SqeSpec off(long v) { off = v; return this; }
    public SqeSpec cmdOp(int v) { off = (off & 0xffff_ffff_0000_0000L) | Integer.toUnsignedLong(v); return this; }
    public SqeSpec pad1(int v) { off = (off & 0xffff_ffffL) | ((long) v << 32); return this; }
    public SqeSpec addr(long v) { addr = v; addrAlloc = 0; return this; }
    /** {@code sqe->addr} = the address of {@code size} zeroed bytes the side allocates (user memory it can use). */
    public SqeSpec addrBuffer(long size) { addrAlloc = size; addr = 0; return this; }
    public SqeSpec len(int v) { len = v; return this; }
    /** The op-flags union at byte 28: uring_cmd_flags, nop_flags, cancel_flags... */
    public SqeSpec opFlags(int v) { opFlags = v; return this; }
    public SqeSpec uringCmdFlags(int v) { return opFlags(v); }
    public SqeSpec userData(long v) { userData = v; return this; }
    public SqeSpec bufIndex(int v) { bufIndex = v; return this; }
    public SqeSpec bufGroup(int v) { bufIndex = v; return this; }
    public SqeSpec personality(int v) { personality = v; return this; }
    public SqeSpec fileIndex(int v) { spliceFdIn = v; return this; }
    public SqeSpec spliceFdIn(int v) { spliceFdIn = v; return this; }
    public SqeSpec addr3(long v) { addr3 = v; return this; }
    public SqeSpec pad2(long v) { pad2 = v; return this; }

    public int opcode() { return opcode; }
    public int flags() { return flags | (target != null && target.fixed() ? IOSQE_FIXED_FILE : 0); }
    public Target target() { return target; }
    public long userData() { return userData; }
    public int opFlags() { return opFlags; }
    public int ioprio() { return ioprio; }
    public int personality() { return personality; }
    public int pad1() { return (int) (off >>> 32); }

    public boolean isUringCmd() { return opcode == Opcode.URING_CMD.code(); }

    /** A uring_cmd with IORING_URING_CMD_MULTISHOT: on the kernel only to a target that fails before any driver. */
    public boolean isMultishotUringCmd() { return isUringCmd() && (opFlags & IORING_URING_CMD_MULTISHOT) != 0; }

    public SqeSpec copy() {
        SqeSpec s = new SqeSpec(opcode);
        s.flags = flags; s.ioprio = ioprio; s.target = target; s.fd = fd; s.off = off; s.addr = addr; s.len = len;
        s.opFlags = opFlags; s.userData = userData; s.bufIndex = bufIndex; s.personality = personality;
        s.spliceFdIn = spliceFdIn; s.addr3 = addr3; s.pad2 = pad2; s.addrAlloc = addrAlloc;
        return s;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append(opcode < Opcode.values().length ? Opcode.values()[opcode].name() : "op" + opcode);
        b.append(" ud=").append(userData);
        b.append(target != null ? " fd=" + target : " fd=" + fd);
        if (flags != 0) b.append(" flags=").append(iosqe(flags));
        if (ioprio != 0) b.append(" ioprio=").append(ioprio);
        if (isUringCmd()) {
            b.append(" cmd_op=0x").append(Integer.toHexString((int) off));
            if (pad1() != 0) b.append(" pad1=0x").append(Integer.toHexString(pad1()));
        } else if (off != 0) b.append(" off=0x").append(Long.toHexString(off));
        if (addr != 0) b.append(" addr=0x").append(Long.toHexString(addr));
        if (addrAlloc != 0) b.append(" addr=buffer(").append(addrAlloc).append(")");
        if (len != 0) b.append(" len=").append(len);
        if (opFlags != 0) b.append(isUringCmd() ? " uring_cmd_flags=" + describeUringCmdFlags(opFlags) : " op_flags=0x" + Integer.toHexString(opFlags));
        if (bufIndex != 0) b.append(" buf_index=").append(bufIndex);
        if (personality != 0) b.append(" personality=").append(personality);
        if (spliceFdIn != 0) b.append(" file_index=").append(spliceFdIn);
        if (addr3 != 0) b.append(" addr3=0x").append(Long.toHexString(addr3));
        if (pad2 != 0) b.append(" pad2=0x").append(Long.toHexString(pad2));
        return b.toString();
    }

    static String iosqe(int flags) {
        String[] names = {"FIXED_FILE", "IO_DRAIN", "IO_LINK", "IO_HARDLINK", "ASYNC", "BUFFER_SELECT", "CQE_SKIP_SUCCESS", "0x80"};
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) if ((flags & (1 << i)) != 0) b.append(b.isEmpty() ? "" : "|").append(names[i]);
        return b.isEmpty() ? "0" : b.toString();
    }

    static String describeUringCmdFlags(int f) {
        StringBuilder b = new StringBuilder();
        if ((f & IORING_URING_CMD_FIXED) != 0) b.append("FIXED");
        if ((f & IORING_URING_CMD_MULTISHOT) != 0) b.append(b.isEmpty() ? "" : "|").append("MULTISHOT");
        int rest = f & ~IORING_URING_CMD_MASK;
        if (rest != 0) b.append(b.isEmpty() ? "" : "|").append("0x").append(Integer.toHexString(rest));
        return b.isEmpty() ? "0" : b.toString();
    }
}
