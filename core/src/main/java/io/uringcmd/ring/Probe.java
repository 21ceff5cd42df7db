package io.uringcmd.ring;

import io.uringcmd.abi.Opcode;
import io.uringcmd.abi.ProbeLayout;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/** The answer to {@code IORING_REGISTER_PROBE}: the last opcode the backend knows and which opcodes it supports. */
public record Probe(int lastOp, boolean[] supported) {

    /** Parses a filled-in {@code io_uring_probe} with {@code ops_len} entries. */
    public static Probe read(MemorySegment p) {
        int lastOp = p.get(JAVA_BYTE, ProbeLayout.LAST_OP) & 0xff;
        int opsLen = p.get(JAVA_BYTE, ProbeLayout.OPS_LEN) & 0xff;
        boolean[] s = new boolean[opsLen];
        for (int i = 0; i < opsLen; i++) {
            long o = ProbeLayout.SIZE + i * ProbeLayout.OP_SIZE;
            int op = p.get(JAVA_BYTE, o + ProbeLayout.OP_OP) & 0xff;
            int flags = p.get(JAVA_SHORT, o + ProbeLayout.OP_FLAGS) & 0xffff;
            if (op < opsLen) s[op] = (flags & ProbeLayout.IO_URING_OP_SUPPORTED) != 0;
        }
        return new Probe(lastOp, s);
    }

    public boolean isSupported(Opcode op) { return isSupported(op.code()); }

    public boolean isSupported(int op) { return op >= 0 && op < supported.length && supported[op]; }

    public List<Opcode> supportedOpcodes() {
        List<Opcode> out = new ArrayList<>();
        for (Opcode o : Opcode.values()) if (isSupported(o)) out.add(o);
        return out;
    }
}
