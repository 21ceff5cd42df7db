/**
 * The embedded host: an in-process model of the kernel's side of io_uring. A {@link io.uringcmd.embedded.Host} has
 * device nodes whose drivers are Java classes ({@link io.uringcmd.driver.MiscDevice}), a file table, user memory, and
 * rings whose engine reads the same ring memory layout as the kernel and applies the kernel's rules in the kernel's
 * order (Linux 6.18; shared/kernel-uring-cmd.md). Deliberate differences are listed in docs/DEVIATIONS.md.
 */
package io.uringcmd.embedded;
