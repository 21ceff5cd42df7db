/**
 * uringcmd: io_uring command passthrough ({@code IORING_OP_URING_CMD}) for Java, over the Linux kernel and over an
 * embedded model of the kernel's side.
 */
module io.uringcmd {
    requires info.picocli;
    // com.sun.management.ThreadMXBean: bytes allocated per operation in the benchmark driver.
    requires jdk.management;

    exports io.uringcmd.abi;
    exports io.uringcmd.ring;
    exports io.uringcmd.linux;
    exports io.uringcmd.embedded;
    exports io.uringcmd.driver;
    exports io.uringcmd.samples;

    // picocli reads the CLI's annotations reflectively.
    opens io.uringcmd.cli to info.picocli;
}
