package io.uringcmd.conform;

import io.uringcmd.ring.CqeRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Description: two results are identical only when setup, every step result and every CQE (res, flags, user_data,
 * big-CQE words) are equal; anything else is a difference, documented only when a {@link Deviation} covers the case.
 */
class OutcomeComparesResultsTest {
    private static final ConformCase CASE = ConformCase.named("test/case").fill(SqeSpec.nop().userData(1)).submit().expectCqes(1);

    private static CaseResult result(CqeRecord cqe) {
        return new CaseResult("ok", List.of("enter(all, 0, 0x0) = 1"), List.of(cqe), null);
    }

    @Test
    void identicalOnlyWhenEveryFieldIsEqual() {
        CqeRecord base = new CqeRecord(1, 0, 0, 0, 0);
        assertEquals(Outcome.Kind.IDENTICAL, Outcome.compare(CASE, result(base), result(base)).kind());
        for (CqeRecord other : List.of(new CqeRecord(2, 0, 0, 0, 0), new CqeRecord(1, -1, 0, 0, 0), new CqeRecord(1, 0, 2, 0, 0),
                new CqeRecord(1, 0, 0, 7, 0), new CqeRecord(1, 0, 0, 0, 7))) {
            Outcome o = Outcome.compare(CASE, result(base), result(other));
            assertEquals(Outcome.Kind.DIFFERENT, o.kind(), other.toString());
            assertTrue(o.failed());
        }
        CaseResult otherEnter = new CaseResult("ok", List.of("enter(all, 0, 0x0) = 0"), List.of(base), null);
        assertEquals(Outcome.Kind.DIFFERENT, Outcome.compare(CASE, result(base), otherEnter).kind());
    }

    @Test
    void aKernelErrorIsACorpusErrorAndKernelOnlyIsNoDifference() {
        CaseResult broken = new CaseResult("ok", List.of(), List.of(), "expected 1 CQEs, got 0 within 500 ms");
        Outcome o = Outcome.compare(CASE, broken, null);
        assertEquals(Outcome.Kind.KERNEL_ONLY, o.kind());
        assertTrue(o.corpusError());
        assertTrue(o.failed());
        assertFalse(Outcome.compare(CASE, result(new CqeRecord(1, 0, 0)), null).failed());
    }

    @Test
    void deviationsCoverOnlyTheCasesTheyName() {
        Deviation d = Deviation.of("x", "test/.*", "because");
        assertTrue(d.covers(CASE));
        assertFalse(Deviation.of("x", "other/.*", "because").covers(CASE));
        assertFalse(Deviation.of("x", null, "not observable").covers(CASE));
        assertNull(Deviations.covering(CASE));
    }
}
