package io.uringcmd.cli;

import io.uringcmd.abi.Errno;
import io.uringcmd.abi.Opcode;
import io.uringcmd.linux.Fds;
import io.uringcmd.linux.FdPair;
import io.uringcmd.linux.Linux;
import io.uringcmd.linux.LoopDevice;
import io.uringcmd.ring.Cqe;
import io.uringcmd.ring.CqeRecord;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.Probe;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe;
import io.uringcmd.ring.Sqe128;
import io.uringcmd.ring.Sqe64;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * {@code uringcmd probe}: what this machine's kernel offers for uring_cmd. Kernel release, io_uring features, the
 * opcodes PROBE reports, and a live check of each uring_cmd target (sockets, a block device on a loop device it
 * creates and removes, /dev/fuse, /dev/null, a regular file, a pipe) against the 6.18 results in
 * shared/kernel-uring-cmd.md §5 and §9. Every command it sends completes at once; it never sends MULTISHOT.
 */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = {"Show the kernel's io_uring features and opcodes, and run each uring_cmd target of this machine once.",
                "Expected results are Linux 6.18's (shared/kernel-uring-cmd.md §5, §9)."})
public final class ProbeCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print one JSON object instead of the table (for scripts).")
    boolean json;

    @Spec
    CommandSpec spec;

    /** IORING_FEAT_* names by bit. */
    static final String[] FEATURES = {"SINGLE_MMAP", "NODROP", "SUBMIT_STABLE", "RW_CUR_POS", "CUR_PERSONALITY",
            "FAST_POLL", "POLL_32BITS", "SQPOLL_NONFIXED", "EXT_ARG", "NATIVE_WORKERS", "RSRC_TAGS", "CQE_SKIP",
            "LINKED_FILE", "REG_REG_RING", "RECVSEND_BUNDLE", "MIN_TIMEOUT", "RW_ATTR", "NO_IOWAIT"};

    /** One live check: what was sent, what came back, and what 6.18 gives. */
    record Check(String target, String command, String status, Integer res, String expected, String detail) {
        boolean ok() { return status.equals("ok"); }
    }

    private static final String OK = "ok", DIFFERS = "differs", SKIPPED = "skipped", ERROR = "error";
    private static final Duration CQE_TIMEOUT = Duration.ofSeconds(5);

    private final List<Check> checks = new ArrayList<>();
    private long userData;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String release = Linux.kernelRelease();
        int features;
        Probe probe;
        try (IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(8))) {
            features = ring.params().features();
            probe = ring.probe();
            runChecks(ring);
        } catch (RuntimeException e) {
            if (json) {
                out.println("{\"kernelRelease\": " + str(release) + ", \"ioUring\": false, \"error\": " + str(e.toString()) + "}");
            } else {
                out.println("kernel release   " + release);
                out.println("io_uring         not available: " + e.getMessage());
            }
            out.flush();
            return 1;
        }
        if (json) printJson(out, release, features, probe); else printTable(out, release, features, probe);
        out.flush();
        return checks.stream().anyMatch(c -> c.status.equals(ERROR)) ? 2 : 0;
    }

    // ---------------------------------------------------------------- checks

    private void runChecks(IoUring<Sqe64> ring) {
        socketChecks(ring);
        blockChecks(ring);
        fuseChecks(ring);
        fileChecks(ring);
    }

    private void socketChecks(IoUring<Sqe64> ring) {
        try (FdPair tcp = Fds.tcpPair(); FdPair udp = Fds.udpPair(); FdPair ustream = Fds.unixStreamPair();
             FdPair udgram = Fds.unixDgramPair(); Arena a = Arena.ofConfined()) {
            Fds.write(tcp.first(), new byte[5]);
            boolean tcpQueued = awaitIoctl(tcp.second(), Fds.SIOCINQ, v -> v == 5);
            check(ring, "tcp socket", "SIOCINQ (5 bytes queued)", s -> s.prepSiocinq(tcp.second()), 5,
                    tcpQueued ? null : "ioctl(SIOCINQ) never showed the 5 bytes");
            awaitIoctl(tcp.first(), Fds.SIOCOUTQ, v -> v == 0);
            check(ring, "tcp socket", "SIOCOUTQ (all acked)", s -> s.prepSiocoutq(tcp.first()), Fds.ioctlInt(tcp.first(), Fds.SIOCOUTQ), null);
            getsockoptCheck(ring, a, "tcp socket", tcp.second(), Fds.SO_RCVBUF, "SO_RCVBUF");
            setsockoptCheck(ring, a, "tcp socket", tcp.first());
            MemorySegment v = a.allocate(4);
            check(ring, "tcp socket", "GETSOCKOPT IPPROTO_TCP level", s -> s.prepGetsockopt(tcp.first(), Fds.IPPROTO_TCP, Fds.TCP_NODELAY, v),
                    -95, null);

            Fds.write(udp.first(), new byte[7]);
            Fds.write(udp.first(), new byte[3]);
            boolean udpQueued = awaitIoctl(udp.second(), Fds.SIOCINQ, x -> x == 7);
            check(ring, "udp socket", "SIOCINQ (7+3 byte datagrams)", s -> s.prepSiocinq(udp.second()), 7,
                    udpQueued ? "the first datagram's size" : "ioctl(SIOCINQ) never showed the datagrams");
            check(ring, "udp socket", "SIOCOUTQ", s -> s.prepSiocoutq(udp.first()), 0, null);
            getsockoptCheck(ring, a, "udp socket", udp.second(), Fds.SO_RCVBUF, "SO_RCVBUF");
            setsockoptCheck(ring, a, "udp socket", udp.first());

            for (var u : List.of(new Object[]{"unix stream socket", ustream}, new Object[]{"unix dgram socket", udgram})) {
                String name = (String) u[0];
                FdPair p = (FdPair) u[1];
                Fds.write(p.first(), new byte[4]);
                check(ring, name, "SIOCINQ", s -> s.prepSiocinq(p.second()), -95, "AF_UNIX has no proto ioctl");
                check(ring, name, "SIOCOUTQ", s -> s.prepSiocoutq(p.first()), -95, null);
                getsockoptCheck(ring, a, name, p.second(), Fds.SO_TYPE, "SO_TYPE");
                setsockoptCheck(ring, a, name, p.first());
            }
        } catch (RuntimeException e) {
            checks.add(new Check("sockets", "setting up socket pairs", ERROR, null, "", e.toString()));
        }
    }

    private void getsockoptCheck(IoUring<Sqe64> ring, Arena a, String target, int fd, int optname, String name) {
        MemorySegment v = a.allocate(4);
        int want = Fds.getsockoptInt(fd, Fds.SOL_SOCKET, optname);
        CqeRecord c = submit(ring, s -> s.prepGetsockopt(fd, Fds.SOL_SOCKET, optname, v));
        int got = v.get(JAVA_INT, 0);
        record(target, "GETSOCKOPT " + name + " (optlen 4)", c, 4,
                "value " + got + (got == want ? " = getsockopt(2)" : ", getsockopt(2) says " + want), got == want);
    }

    private void setsockoptCheck(IoUring<Sqe64> ring, Arena a, String target, int fd) {
        Fds.setsockoptInt(fd, Fds.SOL_SOCKET, Fds.SO_KEEPALIVE, 0);
        CqeRecord c = submit(ring, s -> s.prepSetsockopt(fd, Fds.SOL_SOCKET, Fds.SO_KEEPALIVE, a.allocateFrom(JAVA_INT, 1)));
        int now = Fds.getsockoptInt(fd, Fds.SOL_SOCKET, Fds.SO_KEEPALIVE);
        record(target, "SETSOCKOPT SO_KEEPALIVE=1", c, 0, "getsockopt(2) then reads " + now, now == 1);
    }

    private void blockChecks(IoUring<Sqe64> ring) {
        String target = "block device (loop)";
        String reason = LoopDevice.unavailableReason();
        if (reason != null) {
            checks.add(new Check(target, "DISCARD", SKIPPED, null, "0", reason));
            return;
        }
        try (LoopDevice dev = LoopDevice.create(1 << 20); Arena a = Arena.ofConfined()) {
            target = "block device " + dev.device();
            int fd = dev.open(Fds.O_RDWR);
            try {
                CqeRecord c = submit(ring, s -> s.prepDiscard(fd, 64 * 1024, 16 * 1024));
                MemorySegment buf = a.allocate(96 * 1024);
                Fds.pread(fd, buf, 32 * 1024);
                boolean zeros = true, neighbours = true;
                for (long i = 0; i < buf.byteSize(); i++) {
                    long off = 32 * 1024 + i;
                    byte b = buf.get(JAVA_BYTE, i);
                    if (off >= 64 * 1024 && off < 80 * 1024) zeros &= b == 0;
                    else neighbours &= b == LoopDevice.patternByte(off);
                }
                record(target, "DISCARD 16 KiB at 64 KiB", c, 0,
                        (zeros ? "range reads zeros" : "range NOT zeroed") + ", " + (neighbours ? "neighbours intact" : "neighbours CHANGED"),
                        zeros && neighbours);
                check(ring, target, "DISCARD unaligned (100 bytes)", s -> s.prepDiscard(fd, 100, 512), -22, null);
                check(ring, target, "DISCARD cmd_op 0x1201", s -> s.prepUringCmd(fd, 0x1201).addr(0).addr3(4096), -22, null);
            } finally {
                Fds.close(fd);
            }
            int ro = dev.open(Fds.O_RDONLY);
            try {
                check(ring, target, "DISCARD on an O_RDONLY fd", s -> s.prepDiscard(ro, 0, 4096), -9, null);
            } finally {
                Fds.close(ro);
            }
        } catch (RuntimeException e) {
            checks.add(new Check(target, "DISCARD", ERROR, null, "0", e.toString()));
        }
    }

    private void fuseChecks(IoUring<Sqe64> ring) {
        String target = "/dev/fuse (no mount)";
        if (!Files.exists(Path.of("/dev/fuse"))) {
            checks.add(new Check(target, "FUSE_IO_URING_CMD_REGISTER", SKIPPED, null, "-1", "this machine has no /dev/fuse"));
            return;
        }
        try (IoUring<Sqe128> big = Linux.setup(RingSetup.entries(2).sqe128()); Arena a = Arena.ofConfined()) {
            int fd = Fds.open("/dev/fuse", Fds.O_RDWR);
            try {
                check(ring, target, "REGISTER on a 64-byte-SQE ring", s -> s.prepUringCmd(fd, 1), -22, "FUSE needs SQE128");
                MemorySegment req = a.allocate(24);
                CqeRecord c = submit(big, s -> ((Sqe128) s).prepUringCmd80(fd, 1, req));
                record(target, "REGISTER on an SQE128 ring", c, -1, "no fuse connection behind the fd", true);
            } finally {
                Fds.close(fd);
            }
        } catch (RuntimeException e) {
            checks.add(new Check(target, "FUSE_IO_URING_CMD_REGISTER", ERROR, null, "-1", e.toString()));
        }
    }

    private void fileChecks(IoUring<Sqe64> ring) {
        try (FdPair pipe = Fds.pipe()) {
            int devNull = Fds.open("/dev/null", Fds.O_RDWR);
            try {
                check(ring, "/dev/null", "cmd_op 0", s -> s.prepUringCmd(devNull, 0), 0, "answers 0 to anything");
            } finally {
                Fds.close(devNull);
            }
            Path tmp = Files.createTempFile("uringcmd-probe-", ".dat");
            try {
                int fd = Fds.open(tmp, Fds.O_RDWR);
                try {
                    check(ring, "regular file", "cmd_op 0", s -> s.prepUringCmd(fd, 0), -95, "no f_op->uring_cmd");
                } finally {
                    Fds.close(fd);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            check(ring, "pipe", "cmd_op 0", s -> s.prepUringCmd(pipe.readEnd(), 0), -95, "no f_op->uring_cmd");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void check(IoUring<? extends Sqe> ring, String target, String command, Consumer<Sqe> prep, int expected, String detail) {
        CqeRecord c = submit(ring, prep);
        record(target, command, c, expected, detail, true);
    }

    private void record(String target, String command, CqeRecord c, int expected, String detail, boolean extraOk) {
        if (c == null) {
            checks.add(new Check(target, command, ERROR, null, Errno.describe(expected), "no completion within " + CQE_TIMEOUT.toSeconds() + " s"));
            return;
        }
        String status = c.res() == expected && extraOk ? OK : DIFFERS;
        checks.add(new Check(target, command, status, c.res(), Errno.describe(expected), detail));
    }

    /** Sends one SQE and returns its CQE, or null if none came (which no command sent here should cause). */
    private CqeRecord submit(IoUring<? extends Sqe> ring, Consumer<Sqe> prep) {
        long ud = ++userData;
        Sqe s = ring.sqe();
        prep.accept(s);
        s.userData(ud);
        ring.submit();
        Cqe c = ring.waitCqe(CQE_TIMEOUT);
        if (c == null) return null;
        CqeRecord r = c.copy();
        ring.cqeSeen();
        return r.userData() == ud ? r : null;
    }

    private static boolean awaitIoctl(int fd, int request, IntPredicate done) {
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (!done.test(Fds.ioctlInt(fd, request))) {
            if (System.nanoTime() > deadline) return false;
            Thread.onSpinWait();
        }
        return true;
    }

    // ---------------------------------------------------------------- output

    static List<String> featureNames(int features) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            if ((features & (1 << i)) == 0) continue;
            names.add(i < FEATURES.length ? FEATURES[i] : "bit" + i);
        }
        return names;
    }

    private void printTable(PrintWriter out, String release, int features, Probe probe) {
        List<Opcode> ops = probe.supportedOpcodes();
        out.println("kernel release   " + release);
        out.println("io_uring         features 0x" + Integer.toHexString(features) + ": " + String.join(" ", featureNames(features)));
        out.println("opcodes          " + ops.size() + " supported (last_op " + probe.lastOp() + "); URING_CMD "
                + (probe.isSupported(Opcode.URING_CMD) ? "supported" : "NOT supported"));
        StringBuilder line = new StringBuilder("                ");
        for (Opcode o : ops) {
            if (line.length() + o.name().length() + 1 > 110) {
                out.println(line);
                line = new StringBuilder("                ");
            }
            line.append(' ').append(o.name());
        }
        out.println(line);
        out.println();
        out.println("uring_cmd targets (expected: Linux 6.18, shared/kernel-uring-cmd.md §5, §9)");
        int wt = "target".length(), wc = "command".length(), wr = "res".length(), we = "expected".length();
        for (Check c : checks) {
            wt = Math.max(wt, c.target.length());
            wc = Math.max(wc, c.command.length());
            wr = Math.max(wr, res(c).length());
            we = Math.max(we, c.expected.length());
        }
        String fmt = "  %-" + wt + "s  %-" + wc + "s  %-" + wr + "s  %-" + we + "s  %-7s  %s";
        out.println(String.format(fmt, "target", "command", "res", "expected", "result", "").stripTrailing());
        for (Check c : checks) {
            out.println(String.format(fmt, c.target, c.command, res(c), c.expected, c.status, c.detail == null ? "" : c.detail).stripTrailing());
        }
        out.println();
        out.println(summary());
    }

    private static String res(Check c) { return c.res == null ? "-" : Errno.describe(c.res); }

    private String summary() {
        long ok = checks.stream().filter(Check::ok).count();
        long differ = checks.stream().filter(c -> c.status.equals(DIFFERS)).count();
        long skipped = checks.stream().filter(c -> c.status.equals(SKIPPED)).count();
        long errors = checks.stream().filter(c -> c.status.equals(ERROR)).count();
        return checks.size() + " checks: " + ok + " as expected, " + differ + " differ, " + skipped + " skipped, " + errors + " errors";
    }

    private void printJson(PrintWriter out, String release, int features, Probe probe) {
        StringBuilder b = new StringBuilder();
        b.append("{\n  \"kernelRelease\": ").append(str(release)).append(",\n  \"ioUring\": true,\n");
        b.append("  \"features\": {\"value\": ").append(features).append(", \"names\": ").append(strList(featureNames(features))).append("},\n");
        b.append("  \"probe\": {\"lastOp\": ").append(probe.lastOp()).append(", \"uringCmdSupported\": ")
                .append(probe.isSupported(Opcode.URING_CMD)).append(", \"supported\": ")
                .append(strList(probe.supportedOpcodes().stream().map(Enum::name).toList())).append("},\n");
        b.append("  \"checks\": [\n");
        for (int i = 0; i < checks.size(); i++) {
            Check c = checks.get(i);
            b.append("    {\"target\": ").append(str(c.target)).append(", \"command\": ").append(str(c.command))
                    .append(", \"status\": ").append(str(c.status)).append(", \"res\": ").append(c.res == null ? "null" : c.res.toString())
                    .append(", \"expected\": ").append(str(c.expected)).append(", \"detail\": ").append(c.detail == null ? "null" : str(c.detail))
                    .append('}').append(i + 1 < checks.size() ? ",\n" : "\n");
        }
        long ok = checks.stream().filter(Check::ok).count();
        b.append("  ],\n  \"summary\": {\"checks\": ").append(checks.size()).append(", \"ok\": ").append(ok)
                .append(", \"differ\": ").append(checks.stream().filter(c -> c.status.equals(DIFFERS)).count())
                .append(", \"skipped\": ").append(checks.stream().filter(c -> c.status.equals(SKIPPED)).count())
                .append(", \"errors\": ").append(checks.stream().filter(c -> c.status.equals(ERROR)).count()).append("}\n}");
        out.println(b);
    }

    private static String strList(List<String> items) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) b.append(i == 0 ? "" : ", ").append(str(items.get(i)));
        return b.append(']').toString();
    }

    /** A JSON string literal. */
    static String str(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) b.append(String.format("\\u%04x", (int) ch)); else b.append(ch);
                }
            }
        }
        return b.append('"').toString();
    }
}
