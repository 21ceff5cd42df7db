package io.uringcmd.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/uringcmd}: the command line. Each subcommand is its own class, registered here. */
@Command(name = "uringcmd", mixinStandardHelpOptions = true, version = "uringcmd 0.1.0",
        description = "io_uring command passthrough (IORING_OP_URING_CMD) for Java: demo, probe, bench, conform.",
        subcommands = {
                CommandLine.HelpCommand.class,
                DemoCommand.class,
                ConformCommand.class,
                ProbeCommand.class,
                BenchCommand.class,
        })
public final class Main implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
