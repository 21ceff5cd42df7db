package io.uringcmd.cli;

import io.uringcmd.abi.Errno;
import io.uringcmd.abi.Opcode;
import io.uringcmd.driver.CmdOp;
import io.uringcmd.ring.Cqe;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.Sqe;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.uringcmd.abi.Uapi.*;

/**
 * A readable SQE → CQE trace for demos: each SQE as it is queued (opcode, fd, cmd_op by name, flags, user_data), each
 * CQE as it is reaped (user_data, res with its errno name, decoded flags, res2 on a 32-byte CQE) next to the SQE it
 * ends, and a check of what was expected. Reusable by any demo section; {@link #ok()} says whether every check held.
 */
public final class Trace {
    private final PrintStream out;
    private final Map<Integer, String> cmdOpNames = new HashMap<>();
    private final Map<Long, String> pending = new HashMap<>();
    private boolean ok = true;

    /** A trace printing to {@code out}, naming the given cmd_ops. */
    public Trace(PrintStream out, Collection<CmdOp> cmdOps) {
        this.out = out;
        for (CmdOp op : cmdOps) if (op.name() != null) cmdOpNames.put(op.value(), op.name());
    }

    /** Names more cmd_ops (e.g. another device's). */
    public Trace name(Collection<CmdOp> cmdOps) {
        for (CmdOp op : cmdOps) if (op.name() != null) cmdOpNames.put(op.value(), op.name());
        return this;
    }

    /** A section heading. */
    public void section(String title) {
        out.println();
        out.println("== " + title);
    }

    /** A line of commentary. */
    public void note(String text) { out.println("   " + text); }

    /** Prints and remembers a claimed, prepared SQE; call it before submit. Returns the SQE. */
    public <S extends Sqe> S sqe(S sqe) { return sqe(sqe, null); }

    /** Like {@link #sqe(Sqe)}, with a remark (e.g. what the command data points at). */
    public <S extends Sqe> S sqe(S sqe, String remark) {
        String what = describe(sqe);
        pending.put(sqe.userData(), what);
        out.println("   SQE  user_data=" + sqe.userData() + "  " + what + (remark == null ? "" : "  (" + remark + ")"));
        return sqe;
    }

    /** Submits and prints how many SQEs the backend consumed. */
    public int submit(IoUring<?> ring) {
        int n = ring.submit();
        out.println("   submit -> " + n);
        return n;
    }

    /** Prints one CQE, next to the SQE it ends, and returns a copy. */
    public CqeRecord cqe(Cqe cqe) {
        CqeRecord r = cqe.copy();
        String sqe = r.hasMore() ? pending.get(r.userData()) : pending.remove(r.userData());
        out.println("   CQE  user_data=" + r.userData() + "  res=" + Errno.describe(r.res()) + "  flags="
                + CqeRecord.describeFlags(r.flags()) + (cqe.is32() ? "  res2=" + r.big0() : "")
                + (sqe == null ? "" : "   <- " + sqe));
        return r;
    }

    /** Waits for {@code n} CQEs (10 s each at most), printing and consuming each. */
    public List<CqeRecord> reap(IoUring<?> ring, int n) {
        List<CqeRecord> got = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Cqe c = ring.waitCqe(Duration.ofSeconds(10));
            if (c == null) {
                fail("expected " + n + " CQEs, got " + got.size() + " within 10 s");
                break;
            }
            got.add(cqe(c));
            ring.cqeSeen();
        }
        return got;
    }

    /** Reaps as many CQEs as {@code expected} holds and checks them, in order. */
    public List<CqeRecord> expect(IoUring<?> ring, CqeRecord... expected) {
        List<CqeRecord> got = reap(ring, expected.length);
        check(List.of(expected).equals(got), "expected " + List.of(expected) + ", got " + got);
        return got;
    }

    /** Records a check; prints it when it fails. */
    public void check(boolean condition, String whatFailed) {
        if (!condition) fail(whatFailed);
    }

    private void fail(String message) {
        ok = false;
        out.println("   UNEXPECTED: " + message);
    }

    /** Whether every check held. */
    public boolean ok() { return ok; }

    /** {@code URING_CMD fd=3 cmd_op=NAME (0x…) flags=IOSQE_ASYNC}, or the opcode and fd for other ops. */
    public String describe(Sqe sqe) {
        Opcode op = Opcode.of(sqe.opcode());
        StringBuilder b = new StringBuilder(op == null ? "opcode " + sqe.opcode() : op.name());
        if (op == Opcode.URING_CMD) {
            b.append(" fd=").append(sqe.fd()).append(" cmd_op=").append(cmdOpName(sqe.cmdOp()));
            if (sqe.uringCmdFlags() != 0) b.append(" uring_cmd_flags=0x").append(Integer.toHexString(sqe.uringCmdFlags()));
        } else if (op == Opcode.ASYNC_CANCEL) {
            b.append(" target user_data=").append(sqe.addr());
        }
        if (sqe.flags() != 0) b.append(" flags=").append(describeSqeFlags(sqe.flags()));
        return b.toString();
    }

    /** A cmd_op by name when known: {@code NAME (0x80047c83)}. */
    public String cmdOpName(int cmdOp) {
        String hex = "0x" + Integer.toHexString(cmdOp);
        String name = cmdOpNames.get(cmdOp);
        return name == null ? hex : name + " (" + hex + ")";
    }

    /** IOSQE_* bits by name. */
    public static String describeSqeFlags(int flags) {
        String[] names = {"IOSQE_FIXED_FILE", "IOSQE_IO_DRAIN", "IOSQE_IO_LINK", "IOSQE_IO_HARDLINK", "IOSQE_ASYNC",
                "IOSQE_BUFFER_SELECT", "IOSQE_CQE_SKIP_SUCCESS", "0x80"};
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) if ((flags & (1 << i)) != 0) b.append(b.isEmpty() ? "" : "|").append(names[i]);
        return b.isEmpty() ? "0" : b.toString();
    }
}
