package io.uringcmd.ring;

/**
 * The ring would not submit a {@code IORING_URING_CMD_MULTISHOT} command to a target known to ignore the flag:
 * on Linux 6.18 the kernel would accept it and never complete it.
 */
public final class MultishotRefusedException extends IllegalStateException {
    public MultishotRefusedException(String message) { super(message); }
}
