package io.uringcmd.driver;

/**
 * Work a device runs on the ring's issuing thread, inside an issue context ({@code io_uring_cmd_complete_in_task}):
 * the only place, besides {@link MiscDevice.UringCmd#uringCmd}, where a device may select a provided buffer and
 * post a multishot event. {@code issueFlags} carry {@link IssueFlags#taskDead()} when the ring is going away: then
 * complete the command (e.g. {@code -ECANCELED}) and touch no user memory. Throwing {@link DeviceException} completes
 * the command with {@code -errno} if it is still pending; any other exception completes it with {@code -EIO}.
 */
@FunctionalInterface
public interface TaskWork {
    void run(QueuedCmd cmd, IssueFlags issueFlags) throws DeviceException;
}
