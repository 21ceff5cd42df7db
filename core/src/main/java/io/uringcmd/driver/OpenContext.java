package io.uringcmd.driver;

/** What a device learns at open: its node name and the open flags ({@code O_RDONLY}, {@code O_RDWR}, ...). */
public record OpenContext(String name, int flags) {}
