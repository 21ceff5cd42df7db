package io.uringcmd.ring;

/** Receives each ready CQE from {@link IoUring#forEachCqe}; the view is valid only during the call. */
@FunctionalInterface
public interface CqeHandler {
    void handle(Cqe cqe);
}
