package io.uringcmd.ring;

import io.uringcmd.abi.ParamsLayout;

import java.lang.foreign.MemorySegment;

import static io.uringcmd.abi.Uapi.*;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The arguments of {@code io_uring_setup}: entries and {@code struct io_uring_params}. The type parameter is the
 * ring's SQE size: {@code RingSetup.entries(n)} gives 64-byte SQEs ({@link Sqe64}), {@link #sqe128()} 128-byte SQEs
 * ({@link Sqe128}), so an 80-byte command payload can only be written on a ring that has room for it.
 * Both backends accept the same setup and validate it with the kernel's rules.
 */
public final class RingSetup<S extends Sqe> {
    private final int entries;
    private final int flags;
    private final int cqEntries;
    private final int sqThreadIdle;
    private final int[] resv;

    private RingSetup(int entries, int flags, int cqEntries, int sqThreadIdle, int[] resv) {
        this.entries = entries;
        this.flags = flags;
        this.cqEntries = cqEntries;
        this.sqThreadIdle = sqThreadIdle;
        this.resv = resv;
    }

    /** A ring with {@code entries} 64-byte SQEs (rounded up to a power of two by setup). */
    public static RingSetup<Sqe64> entries(int entries) {
        return new RingSetup<>(entries, 0, 0, 0, new int[3]);
    }

    /**
     * Any flag bits and values, valid or not, for tests of setup validation and the conformance runner. The ring's
     * SQEs are {@link Sqe128} at run time if {@code IORING_SETUP_SQE128} is among the flags.
     */
    public static RingSetup<Sqe> raw(int entries, int flags, int cqEntries) {
        return new RingSetup<>(entries, flags, cqEntries, 0, new int[3]);
    }

    /** 128-byte SQEs: the uring_cmd command area grows from 16 to 80 bytes. */
    public RingSetup<Sqe128> sqe128() { return new RingSetup<>(entries, flags | IORING_SETUP_SQE128, cqEntries, sqThreadIdle, resv); }

    /** 32-byte CQEs ({@code big_cqe}: res2 of uring_cmd, NOP's extra words). */
    public RingSetup<S> cqe32() { return flag(IORING_SETUP_CQE32); }
    /** 16- and 32-byte CQEs on one ring (6.18). */
    public RingSetup<S> cqeMixed() { return flag(IORING_SETUP_CQE_MIXED); }
    /** A CQ of {@code cqEntries} instead of twice the SQ. */
    public RingSetup<S> cqSize(int cqEntries) { return new RingSetup<>(entries, flags | IORING_SETUP_CQSIZE, cqEntries, sqThreadIdle, resv); }
    public RingSetup<S> clamp() { return flag(IORING_SETUP_CLAMP); }
    public RingSetup<S> singleIssuer() { return flag(IORING_SETUP_SINGLE_ISSUER); }
    /** Completions run only when the issuer enters with GETEVENTS; implies {@link #singleIssuer()}. */
    public RingSetup<S> deferTaskrun() { return flag(IORING_SETUP_DEFER_TASKRUN | IORING_SETUP_SINGLE_ISSUER); }
    public RingSetup<S> coopTaskrun() { return flag(IORING_SETUP_COOP_TASKRUN); }
    public RingSetup<S> taskrunFlag() { return flag(IORING_SETUP_TASKRUN_FLAG); }
    public RingSetup<S> noSqArray() { return flag(IORING_SETUP_NO_SQARRAY); }
    public RingSetup<S> submitAll() { return flag(IORING_SETUP_SUBMIT_ALL); }
    public RingSetup<S> iopoll() { return flag(IORING_SETUP_IOPOLL); }

    /** Any other {@code IORING_SETUP_*} bit. SQE128 changes the SQE type, so it goes through {@link #sqe128()}. */
    public RingSetup<S> flag(int setupFlag) {
        if ((setupFlag & IORING_SETUP_SQE128) != 0 && (flags & IORING_SETUP_SQE128) == 0) {
            throw new IllegalArgumentException("IORING_SETUP_SQE128 changes the SQE type: use RingSetup.sqe128()");
        }
        return new RingSetup<>(entries, flags | setupFlag, cqEntries, sqThreadIdle, resv);
    }

    /** {@code params.resv[i]} (must be 0; anything else is for validation tests). */
    public RingSetup<S> resv(int index, int value) {
        int[] r = resv.clone();
        r[index] = value;
        return new RingSetup<>(entries, flags, cqEntries, sqThreadIdle, r);
    }

    public RingSetup<S> sqThreadIdle(int ms) { return new RingSetup<>(entries, flags, cqEntries, ms, resv); }

    public int entries() { return entries; }
    public int flags() { return flags; }
    public int cqEntries() { return cqEntries; }

    /** Fills a zeroed {@code io_uring_params} as the caller of {@code io_uring_setup} does. */
    public void writeTo(MemorySegment params) {
        params.fill((byte) 0);
        params.set(JAVA_INT, ParamsLayout.FLAGS, flags);
        params.set(JAVA_INT, ParamsLayout.CQ_ENTRIES, cqEntries);
        params.set(JAVA_INT, ParamsLayout.SQ_THREAD_IDLE, sqThreadIdle);
        for (int i = 0; i < 3; i++) params.set(JAVA_INT, ParamsLayout.RESV + 4L * i, resv[i]);
    }

    @Override
    public String toString() {
        return "RingSetup[entries=" + entries + ", flags=0x" + Integer.toHexString(flags) + ", cqEntries=" + cqEntries + "]";
    }
}
