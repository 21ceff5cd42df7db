/**
 * Sample devices for the embedded host: {@link io.uringcmd.samples.RustMiscDeviceSample}, the seed's Rust misc
 * device ported to the driver API ({@code bin/uringcmd demo} runs it). See docs/DRIVER.md.
 */
package io.uringcmd.samples;
