package org.openlms.app.maintenance;

/**
 * What one chunk's transaction did: loans maintained, loans failed (isolated, recorded), and loans of the
 * range skipped because they were no longer eligible (already maintained: a replay is a no-op).
 */
public record ChunkOutcome(long chunkId, int maintained, int failed, int skipped) {}
