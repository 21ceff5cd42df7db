package io.uringcmd.ring;

import java.lang.foreign.MemorySegment;

/**
 * The memory a backend shares with the ring client, laid out as the kernel lays it out: the SQ ring and CQ ring
 * (one region with {@code IORING_FEAT_SINGLE_MMAP}, so possibly the same segment) and the SQE array.
 */
public record RingMemory(MemorySegment sqRing, MemorySegment cqRing, MemorySegment sqes, RingParams params) {}
