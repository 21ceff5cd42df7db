/**
 * The io_uring ABI as Linux 6.18 defines it: layouts, offsets, opcodes, flags, errno values and ioctl numbers.
 * Facts only, spelled as the uapi headers spell them ({@code include/uapi/linux/io_uring.h} of 6.18, checked on a
 * 6.18.44 kernel; see {@code shared/kernel-uring-cmd.md} §1). Offsets are derived from {@link java.lang.foreign.StructLayout}s,
 * never typed by hand.
 */
package io.uringcmd.abi;
