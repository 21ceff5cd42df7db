package io.uringcmd.conform;

import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe;

import java.util.ArrayList;
import java.util.List;

import static io.uringcmd.abi.Uapi.IORING_ENTER_GETEVENTS;

/**
 * One conformance case: ring setup, registered resources, steps, and how many CQEs the case produces in all (the
 * runner drains to that count with a bounded wait, then checks that nothing more is there). A case reads like the
 * test it is:
 * <pre>{@code
 * ConformCase.named("uring_cmd/pad1=1")
 *     .fill(SqeSpec.uringCmd(Target.ACCEPTS_ALL).pad1(1).userData(1))
 *     .submit()
 *     .expectCqes(1)
 * }</pre>
 *
 * @param name      unique, slash-separated group first ("setup/entries=0"), used by --filter and {@link Deviations}
 * @param setup     io_uring_setup arguments
 * @param files     register the standard fixed-file table ({@link Target.Files}) before the steps
 * @param buffers   register this many 4 KiB buffers (IORING_REGISTER_BUFFERS) before the steps
 * @param bufRings  register these provided-buffer rings before the steps
 * @param steps     the steps, in order
 * @param expectedCqes CQEs the case produces in all (skipped successes do not count)
 * @param unordered the kernel defines no order between these CQEs (io-wq against inline): compare them sorted
 * @param cites     the section of kernel-uring-cmd.md the case pins, or ""
 */
public record ConformCase(String name, RingSetup<Sqe> setup, boolean files, int buffers, List<BufRing> bufRings,
                          List<Step> steps, int expectedCqes, boolean unordered, String cites) {

    /** A provided-buffer ring resource: group {@code bgid}, {@code entries} slots, the first {@code nbufs} filled (64 B each, bid = slot). */
    public record BufRing(int bgid, int entries, int nbufs) {}

    /** The default ring: 8 entries, no flags. */
    public static final RingSetup<Sqe> DEFAULT_RING = RingSetup.raw(8, 0, 0);

    public static Builder named(String name) { return new Builder(name); }

    /** Whether this case only sets a ring up (its result is what setup answered). */
    public boolean setupOnly() { return steps.isEmpty() && !files && buffers == 0 && bufRings.isEmpty(); }

    @Override
    public String toString() { return name; }

    /** Builds a case; {@link #expectCqes} finishes it. */
    public static final class Builder {
        private final String name;
        private RingSetup<Sqe> setup = DEFAULT_RING;
        private boolean files;
        private int buffers;
        private final List<BufRing> bufRings = new ArrayList<>();
        private final List<Step> steps = new ArrayList<>();
        private boolean unordered;
        private String cites = "";

        private Builder(String name) { this.name = name; }

        public Builder ring(RingSetup<Sqe> setup) { this.setup = setup; return this; }
        /** {@code RingSetup.raw(entries, flags, cq)}. */
        public Builder ring(int entries, int flags, int cq) { return ring(RingSetup.raw(entries, flags, cq)); }
        public Builder files() { files = true; return this; }
        public Builder buffers(int n) { buffers = n; return this; }
        public Builder bufRing(int bgid, int entries, int nbufs) { bufRings.add(new BufRing(bgid, entries, nbufs)); return this; }
        public Builder unordered() { unordered = true; return this; }
        public Builder cites(String section) { cites = section; return this; }

        public Builder fill(SqeSpec sqe) {
            if (sqe.target() != null && sqe.target().fixed()) files = true;
            steps.add(new Step.Fill(sqe));
            return this;
        }

        public Builder fill(SqeSpec... sqes) {
            for (SqeSpec s : sqes) fill(s);
            return this;
        }

        public Builder enter(int toSubmit, int minComplete, int flags) { return enter(toSubmit, minComplete, flags, Step.EnterArg.NONE); }
        public Builder enter(int toSubmit, int minComplete, int flags, Step.EnterArg arg) {
            steps.add(new Step.Enter(toSubmit, minComplete, flags, arg));
            return this;
        }
        /** {@code enter(all, 0, 0)}. */
        public Builder submit() { return enter(Step.ALL, 0, 0); }
        /** {@code enter(all, n, GETEVENTS)}. */
        public Builder submitAndWait(int n) { return enter(Step.ALL, n, IORING_ENTER_GETEVENTS); }
        /** {@code enter(0, 0, GETEVENTS)}: run task work, flush overflow. */
        public Builder getEvents() { return enter(0, 0, IORING_ENTER_GETEVENTS); }

        public Builder register(int opcode, RegArg arg, int nrArgs) { steps.add(new Step.Register(opcode, arg, nrArgs)); return this; }
        public Builder observe(Step.What what) { steps.add(new Step.Observe(what)); return this; }
        public Builder observe(Step.What... whats) { for (Step.What w : whats) observe(w); return this; }
        public Builder reap(int max) { steps.add(new Step.Reap(max)); return this; }
        public Builder sqArrayEntry(int index) { steps.add(new Step.SqArrayEntry(index)); return this; }

        /** Finishes the case: it produces {@code n} CQEs in all. */
        public ConformCase expectCqes(int n) {
            ConformCase c = new ConformCase(name, setup, files, buffers, List.copyOf(bufRings), List.copyOf(steps), n, unordered, cites);
            KernelSafety.checkCase(c);
            return c;
        }
    }
}
