package io.uringcmd.abi;

/** The ioctl number encoding of {@code include/uapi/asm-generic/ioctl.h}: dir:2 | size:14 | type:8 | nr:8. */
public final class Ioc {
    private Ioc() {}

    public static final int NRBITS = 8, TYPEBITS = 8, SIZEBITS = 14, DIRBITS = 2;
    public static final int NRSHIFT = 0, TYPESHIFT = 8, SIZESHIFT = 16, DIRSHIFT = 30;
    public static final int NONE = 0, WRITE = 1, READ = 2;

    public static int _IOC(int dir, int type, int nr, int size) {
        if ((type & ~0xff) != 0 || (nr & ~0xff) != 0) throw new IllegalArgumentException("type and nr are 8-bit: type=" + type + " nr=" + nr);
        if (size < 0 || size >= (1 << SIZEBITS)) throw new IllegalArgumentException("ioctl size must fit 14 bits: " + size);
        return (dir << DIRSHIFT) | (size << SIZESHIFT) | (type << TYPESHIFT) | (nr << NRSHIFT);
    }

    public static int _IO(int type, int nr) { return _IOC(NONE, type, nr, 0); }
    public static int _IOR(int type, int nr, int size) { return _IOC(READ, type, nr, size); }
    public static int _IOW(int type, int nr, int size) { return _IOC(WRITE, type, nr, size); }
    public static int _IOWR(int type, int nr, int size) { return _IOC(READ | WRITE, type, nr, size); }

    public static int dir(int cmd) { return (cmd >>> DIRSHIFT) & 3; }
    public static int type(int cmd) { return (cmd >>> TYPESHIFT) & 0xff; }
    public static int nr(int cmd) { return cmd & 0xff; }
    public static int size(int cmd) { return (cmd >>> SIZESHIFT) & ((1 << SIZEBITS) - 1); }
}
