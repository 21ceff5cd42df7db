package io.uringcmd.driver;

/**
 * Access to the calling process's user memory: every slice is checked against the memory the client allocated
 * through its host, so a bad pointer becomes {@code -EFAULT}, never a crash.
 */
public interface UserAccess {
    /** {@code UserSlice::new(addr, len)}: throws {@code DeviceException(EFAULT)} if the range is not user memory. */
    UserSlice slice(long addr, long len) throws DeviceException;
}
