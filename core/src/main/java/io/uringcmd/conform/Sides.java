package io.uringcmd.conform;

/** The sides this build has. */
public final class Sides {
    private Sides() {}

    /** The embedded host as a side, or null while the build has none. */
    public static Side embedded() {
        return null;
    }
}
