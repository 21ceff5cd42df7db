/**
 * What a device author sees: {@link io.uringcmd.driver.MiscDevice} and its optional operations, the command
 * ({@link io.uringcmd.driver.IoUringCmd}, {@link io.uringcmd.driver.IoUringSqe}, {@link io.uringcmd.driver.CmdOp}),
 * bounded user memory ({@link io.uringcmd.driver.UserSlice}) and completion as types
 * ({@link io.uringcmd.driver.UringCmdAction}, {@link io.uringcmd.driver.QueuedCmd}). Modelled on the proposed Rust
 * {@code MiscDevice::uring_cmd} abstraction; the rules C leaves to comments are enforced here.
 */
package io.uringcmd.driver;
