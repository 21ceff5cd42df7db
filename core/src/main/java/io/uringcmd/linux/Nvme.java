package io.uringcmd.linux;

import io.uringcmd.abi.Ioc;
import io.uringcmd.ring.Sqe128;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.*;

/**
 * NVMe passthrough over uring_cmd ({@code drivers/nvme/host/ioctl.c}, shared/kernel-uring-cmd.md §5.5): the
 * {@code struct nvme_uring_cmd} that goes in the 80-byte command area of an {@link Sqe128}, the command ops
 * {@code NVME_URING_CMD_*}, and prep helpers. The target is an NVMe generic char device ({@code /dev/ng0n1}); the ring
 * needs {@code SQE128} and {@code CQE32} (the NVMe completion's result dword comes back in {@code big_cqe[0]}, res2).
 *
 * <p>Pointers ({@code addr}, {@code metadata}) are written from {@link MemorySegment}s, which the SQE keeps reachable
 * until the command's CQE arrives. With {@code IORING_URING_CMD_FIXED} ({@code sqe.uringCmdFixed(bufIndex)}) the data
 * segment must lie inside that registered buffer.
 */
public final class Nvme {
    private Nvme() {}

    /** {@code struct nvme_uring_cmd} (include/uapi/linux/nvme_ioctl.h), 72 bytes. */
    public static final StructLayout URING_CMD = MemoryLayout.structLayout(
            JAVA_BYTE.withName("opcode"),
            JAVA_BYTE.withName("flags"),
            JAVA_SHORT.withName("rsvd1"),
            JAVA_INT.withName("nsid"),
            JAVA_INT.withName("cdw2"),
            JAVA_INT.withName("cdw3"),
            JAVA_LONG.withName("metadata"),
            JAVA_LONG.withName("addr"),
            JAVA_INT.withName("metadata_len"),
            JAVA_INT.withName("data_len"),
            JAVA_INT.withName("cdw10"),
            JAVA_INT.withName("cdw11"),
            JAVA_INT.withName("cdw12"),
            JAVA_INT.withName("cdw13"),
            JAVA_INT.withName("cdw14"),
            JAVA_INT.withName("cdw15"),
            JAVA_INT.withName("timeout_ms"),
            JAVA_INT.withName("rsvd2")
    ).withName("nvme_uring_cmd");

    public static final long SIZE = URING_CMD.byteSize();
    public static final long OPCODE = URING_CMD.byteOffset(groupElement("opcode"));
    public static final long FLAGS = URING_CMD.byteOffset(groupElement("flags"));
    public static final long RSVD1 = URING_CMD.byteOffset(groupElement("rsvd1"));
    public static final long NSID = URING_CMD.byteOffset(groupElement("nsid"));
    public static final long CDW2 = URING_CMD.byteOffset(groupElement("cdw2"));
    public static final long CDW3 = URING_CMD.byteOffset(groupElement("cdw3"));
    public static final long METADATA = URING_CMD.byteOffset(groupElement("metadata"));
    public static final long ADDR = URING_CMD.byteOffset(groupElement("addr"));
    public static final long METADATA_LEN = URING_CMD.byteOffset(groupElement("metadata_len"));
    public static final long DATA_LEN = URING_CMD.byteOffset(groupElement("data_len"));
    public static final long CDW10 = URING_CMD.byteOffset(groupElement("cdw10"));
    public static final long CDW11 = URING_CMD.byteOffset(groupElement("cdw11"));
    public static final long CDW12 = URING_CMD.byteOffset(groupElement("cdw12"));
    public static final long CDW13 = URING_CMD.byteOffset(groupElement("cdw13"));
    public static final long CDW14 = URING_CMD.byteOffset(groupElement("cdw14"));
    public static final long CDW15 = URING_CMD.byteOffset(groupElement("cdw15"));
    public static final long TIMEOUT_MS = URING_CMD.byteOffset(groupElement("timeout_ms"));
    public static final long RSVD2 = URING_CMD.byteOffset(groupElement("rsvd2"));

    /** {@code _IOWR('N', 0x80, struct nvme_uring_cmd)}: an I/O command with one data buffer. */
    public static final int NVME_URING_CMD_IO = Ioc._IOWR('N', 0x80, (int) SIZE);
    /** {@code _IOWR('N', 0x81, ...)}: an I/O command whose {@code addr}/{@code data_len} are an iovec array and its count. */
    public static final int NVME_URING_CMD_IO_VEC = Ioc._IOWR('N', 0x81, (int) SIZE);
    /** {@code _IOWR('N', 0x82, ...)}: an admin command (on the controller char device). */
    public static final int NVME_URING_CMD_ADMIN = Ioc._IOWR('N', 0x82, (int) SIZE);
    /** {@code _IOWR('N', 0x83, ...)}: an admin command with an iovec array. */
    public static final int NVME_URING_CMD_ADMIN_VEC = Ioc._IOWR('N', 0x83, (int) SIZE);

    /** NVM command set opcodes. */
    public static final int NVME_CMD_FLUSH = 0x00, NVME_CMD_WRITE = 0x01, NVME_CMD_READ = 0x02;

    /**
     * A uring_cmd {@code cmdOp} ({@link #NVME_URING_CMD_IO} or another {@code NVME_URING_CMD_*}) carrying
     * {@code struct nvme_uring_cmd} with {@code opcode}, {@code nsid} and a data buffer; every other field zero
     * (set the dwords with {@link #cdw}). {@code data} may be null for commands without data.
     */
    public static Sqe128 prepCmd(Sqe128 sqe, int fd, int cmdOp, int opcode, int nsid, MemorySegment data) {
        sqe.prepUringCmd(fd, cmdOp);
        MemorySegment c = sqe.cmdArea();
        c.set(JAVA_BYTE, OPCODE, (byte) opcode);
        c.set(JAVA_INT, NSID, nsid);
        if (data != null) {
            sqe.keepReachable(data);
            c.set(JAVA_LONG, ADDR, data.address());
            c.set(JAVA_INT, DATA_LEN, Math.toIntExact(data.byteSize()));
        }
        return sqe;
    }

    /** {@code NVME_CMD_READ} of {@code nlb} logical blocks from {@code slba} into {@code data} (cdw10/11 = slba, cdw12 = nlb-1). */
    public static Sqe128 prepRead(Sqe128 sqe, int fd, int nsid, long slba, int nlb, MemorySegment data) {
        return prepRw(sqe, fd, NVME_CMD_READ, nsid, slba, nlb, data);
    }

    /** {@code NVME_CMD_WRITE} of {@code nlb} logical blocks at {@code slba} from {@code data}. */
    public static Sqe128 prepWrite(Sqe128 sqe, int fd, int nsid, long slba, int nlb, MemorySegment data) {
        return prepRw(sqe, fd, NVME_CMD_WRITE, nsid, slba, nlb, data);
    }

    private static Sqe128 prepRw(Sqe128 sqe, int fd, int opcode, int nsid, long slba, int nlb, MemorySegment data) {
        if (nlb < 1 || nlb > 0x10000) throw new IllegalArgumentException("nlb must be 1..65536 (it is sent 0-based in 16 bits): " + nlb);
        prepCmd(sqe, fd, NVME_URING_CMD_IO, opcode, nsid, data);
        MemorySegment c = sqe.cmdArea();
        c.set(JAVA_INT, CDW10, (int) slba);
        c.set(JAVA_INT, CDW11, (int) (slba >>> 32));
        c.set(JAVA_INT, CDW12, nlb - 1);
        return sqe;
    }

    /**
     * {@link #NVME_URING_CMD_IO_VEC}: {@code addr} is {@code iovecs} (an array of {@code struct iovec}, 16 bytes each)
     * and {@code data_len} the number of entries. The iovec array and the buffers it points at must stay alive until
     * the CQE; the SQE keeps {@code iovecs} reachable, the buffers are the caller's.
     */
    public static Sqe128 prepIoVec(Sqe128 sqe, int fd, int opcode, int nsid, MemorySegment iovecs) {
        if (iovecs.byteSize() % 16 != 0) throw new IllegalArgumentException("an iovec array is a multiple of 16 bytes: " + iovecs.byteSize());
        sqe.prepUringCmd(fd, NVME_URING_CMD_IO_VEC);
        sqe.keepReachable(iovecs);
        MemorySegment c = sqe.cmdArea();
        c.set(JAVA_BYTE, OPCODE, (byte) opcode);
        c.set(JAVA_INT, NSID, nsid);
        c.set(JAVA_LONG, ADDR, iovecs.address());
        c.set(JAVA_INT, DATA_LEN, Math.toIntExact(iovecs.byteSize() / 16));
        return sqe;
    }

    /** Sets command dword {@code n} (2, 3, or 10..15) of the command prepared in {@code sqe}. */
    public static Sqe128 cdw(Sqe128 sqe, int n, int value) {
        long off = switch (n) {
            case 2 -> CDW2;
            case 3 -> CDW3;
            case 10, 11, 12, 13, 14, 15 -> CDW10 + 4L * (n - 10);
            default -> throw new IllegalArgumentException("struct nvme_uring_cmd has cdw2, cdw3 and cdw10..cdw15, not cdw" + n);
        };
        sqe.cmdArea().set(JAVA_INT, off, value);
        return sqe;
    }

    /** Separate metadata buffer ({@code metadata}, {@code metadata_len}). */
    public static Sqe128 metadata(Sqe128 sqe, MemorySegment metadata) {
        sqe.keepReachable(metadata);
        MemorySegment c = sqe.cmdArea();
        c.set(JAVA_LONG, METADATA, metadata.address());
        c.set(JAVA_INT, METADATA_LEN, Math.toIntExact(metadata.byteSize()));
        return sqe;
    }

    /** {@code timeout_ms} (0: the driver's default). */
    public static Sqe128 timeoutMs(Sqe128 sqe, int timeoutMs) {
        sqe.cmdArea().set(JAVA_INT, TIMEOUT_MS, timeoutMs);
        return sqe;
    }
}
