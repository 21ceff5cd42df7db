package io.uringcmd.driver;

import io.uringcmd.abi.Ioc;

/**
 * A uring_cmd or ioctl command number ({@code cmd_op}), built with the kernel's encoders. A value type: compare
 * with {@link #equals} or {@link IoUringCmd#is(CmdOp)}.
 */
public final class CmdOp {
    private final int value;
    private final String name;

    private CmdOp(int value, String name) {
        this.value = value;
        this.name = name;
    }

    public static CmdOp of(int value) { return new CmdOp(value, null); }
    /** {@code _IO(type, nr)}. */
    public static CmdOp _IO(int type, int nr) { return new CmdOp(Ioc._IO(type, nr), null); }
    /** {@code _IOR(type, nr, size)}: the device writes {@code size} bytes to the user. */
    public static CmdOp _IOR(int type, int nr, int size) { return new CmdOp(Ioc._IOR(type, nr, size), null); }
    /** {@code _IOW(type, nr, size)}: the device reads {@code size} bytes from the user. */
    public static CmdOp _IOW(int type, int nr, int size) { return new CmdOp(Ioc._IOW(type, nr, size), null); }
    /** {@code _IOWR(type, nr, size)}. */
    public static CmdOp _IOWR(int type, int nr, int size) { return new CmdOp(Ioc._IOWR(type, nr, size), null); }

    /** The same number with a name for traces. */
    public CmdOp named(String name) { return new CmdOp(value, name); }

    public int value() { return value; }
    public String name() { return name; }
    /** {@code _IOC_SIZE}. */
    public int size() { return Ioc.size(value); }
    /** {@code _IOC_DIR}. */
    public int dir() { return Ioc.dir(value); }
    public int type() { return Ioc.type(value); }
    public int nr() { return Ioc.nr(value); }

    @Override public boolean equals(Object o) { return o instanceof CmdOp c && c.value == value; }
    @Override public int hashCode() { return value; }

    @Override
    public String toString() {
        String hex = "0x" + Integer.toHexString(value);
        return name == null ? hex : name + "(" + hex + ")";
    }
}
