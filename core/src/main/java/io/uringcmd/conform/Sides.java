package io.uringcmd.conform;

/** The sides this build has. */
public final class Sides {
    private Sides() {}

    /** The embedded host as a side. */
    public static Side embedded() { return new EmbeddedSide(); }
}
