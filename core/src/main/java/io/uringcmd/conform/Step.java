package io.uringcmd.conform;

import io.uringcmd.abi.Errno;

/** One step of a case, run in order on a side's ring. Each step that returns something records it. */
public sealed interface Step {

    /** {@code toSubmit} meaning "every SQE published and not yet consumed" (liburing's submit). */
    int ALL = -1;

    /** Claims the next SQE and fills it from {@code sqe} (zeroed first). Records nothing. */
    record Fill(SqeSpec sqe) implements Step {
        @Override public String toString() { return "sqe " + sqe; }
    }

    /** The {@code arg}/{@code argsz} of an enter step. */
    enum EnterArg {
        /** NULL, 0. */
        NONE,
        /** NULL with argsz 24 (a getevents arg that is not there). */
        NULL_24,
        /** A zeroed {@code io_uring_getevents_arg} with argsz 24 (no sigmask, no timeout). */
        ZEROED_24,
        /** A zeroed getevents arg with a wrong argsz (16). */
        ZEROED_16,
        /** A getevents arg whose timeout is {0, 0}: a wait that returns at once. */
        TIMEOUT_ZERO
    }

    /** Publishes the claimed SQEs, then {@code io_uring_enter(toSubmit, minComplete, flags, arg)}; records the return. */
    record Enter(int toSubmit, int minComplete, int flags, EnterArg arg) implements Step {
        @Override public String toString() {
            return "enter(" + (toSubmit == ALL ? "all" : toSubmit) + ", " + minComplete + ", 0x" + Integer.toHexString(flags)
                    + (arg == EnterArg.NONE ? "" : ", " + arg) + ")";
        }
    }

    /** {@code io_uring_register(opcode, arg, nrArgs)}; records the return and what {@link RegArg#output} reads back. */
    record Register(int opcode, RegArg arg, int nrArgs) implements Step {
        @Override public String toString() { return "register(" + opcode + ", " + arg + ", " + nrArgs + ")"; }
    }

    /** Ring state a case looks at between steps. */
    enum What { SQ_FLAGS, CQ_READY, SQ_DROPPED, CQ_OVERFLOW, SQ_SPACE_LEFT }

    /** Records one value of ring state. */
    record Observe(What what) implements Step {
        @Override public String toString() { return "observe " + what; }
    }

    /**
     * Consumes up to {@code max} CQEs that are ready now (the ring client flushes overflowed CQEs with a GETEVENTS
     * enter when the CQ is empty and the overflow flag is set); records how many. The CQEs join the case's CQE list.
     */
    record Reap(int max) implements Step {
        @Override public String toString() { return "reap(" + max + ")"; }
    }

    /**
     * Writes {@code index} into the SQ array entry that the next claimed SQE would use, so the backend reads an SQE
     * index of its choosing (≥ sq_entries: a dropped entry). The identity entry is put back after the next enter.
     */
    record SqArrayEntry(int index) implements Step {
        @Override public String toString() { return "sq_array[next] = " + index; }
    }

    /** How a step's result reads in a report: the errno name for a negative value. */
    static String value(long v) { return v < 0 && v > -4096 ? Errno.describe((int) v) : Long.toString(v); }
}
