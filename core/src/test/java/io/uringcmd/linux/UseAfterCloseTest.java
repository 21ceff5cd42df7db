package io.uringcmd.linux;

import io.uringcmd.ring.Cqe;
import io.uringcmd.ring.CqeHandler;
import io.uringcmd.ring.IoUring;
import io.uringcmd.ring.RingSetup;
import io.uringcmd.ring.Sqe64;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Description: after close() every public IoUring method that touches the ring throws IllegalStateException saying
 * the ring is closed (never a JVM crash: the mappings are gone), SQE/CQE views taken before close throw
 * IllegalStateException, and close() is idempotent.
 */
class UseAfterCloseTest {
    /** Methods that read no ring memory and keep answering after close. */
    private static final Set<String> STILL_ANSWER = Set.of("isClosed", "params", "sqEntries", "cqEntries", "toString",
            "close", "hashCode", "equals", "getClass", "notify", "notifyAll", "wait");

    @Test
    void everyRingMethodThrowsAfterClose() throws Exception {
        IoUring<Sqe64> ring = Linux.setup(RingSetup.entries(4));
        Sqe64 sqe = ring.sqe();
        sqe.prepNop().userData(1);
        ring.submit();
        Cqe cqe = ring.waitCqe();
        ring.close();
        ring.close(); // idempotent
        assertTrue(ring.isClosed());
        assertEquals(4, ring.sqEntries());
        assertTrue(ring.toString().contains("closed"), ring.toString());

        List<String> checked = new ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            for (Method m : IoUring.class.getMethods()) {
                if (Modifier.isStatic(m.getModifiers()) || STILL_ANSWER.contains(m.getName())) continue;
                Object[] args = argsFor(m, arena);
                InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> m.invoke(ring, args), m.toString());
                Throwable cause = e.getCause();
                assertInstanceOf(IllegalStateException.class, cause, m + " threw " + cause);
                assertTrue(cause.getMessage().contains("io_uring is closed"), m + ": " + cause.getMessage());
                checked.add(m.getName());
            }
        }
        assertTrue(checked.containsAll(List.of("nextSqe", "sqe", "submit", "submitAndWait", "peekCqe", "waitCqe", "cqeSeen",
                "forEachCqe", "enter", "publish", "register", "probe", "registerBuffers", "registerFiles", "allocate",
                "sqFlags", "cqOverflow", "discardUnsubmitted")), checked.toString());

        // Views taken before close: the prep helpers say why; raw accessors fail in the memory API (mapping gone).
        IllegalStateException prep = assertThrows(IllegalStateException.class, sqe::prepNop);
        assertTrue(prep.getMessage().contains("io_uring is closed"), prep.getMessage());
        assertThrows(IllegalStateException.class, () -> sqe.userData(3));
        assertThrows(IllegalStateException.class, cqe::res);
        assertThrows(IllegalStateException.class, cqe::copy);
    }

    private static Object[] argsFor(Method m, Arena arena) {
        Class<?>[] types = m.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i];
            if (t == int.class) args[i] = 1;
            else if (t == long.class) args[i] = 1L;
            else if (t == boolean.class) args[i] = false;
            else if (t == MemorySegment.class) args[i] = arena.allocate(16);
            else if (t == Duration.class) args[i] = Duration.ofMillis(1);
            else if (t == CqeHandler.class) args[i] = (CqeHandler) c -> { };
            else if (t == int[].class) args[i] = new int[]{0};
            else if (t == MemorySegment[].class) args[i] = new MemorySegment[]{arena.allocate(16)};
            else fail("add an argument for " + t + " in " + m);
        }
        return args;
    }
}
