package io.uringcmd.driver;

/**
 * Work a device runs on the ring's issuing thread, inside an issue context ({@code io_uring_cmd_complete_in_task}):
 * the only place, besides {@link MiscDevice.UringCmd#uringCmd}, where a device may select a provided buffer and
 * post a multishot event. {@code issueFlags} carry {@link IssueFlags#taskDead()} when the ring is going away.
 */
@FunctionalInterface
public interface TaskWork {
    void run(QueuedCmd cmd, IssueFlags issueFlags);
}
