package org.openlms.app.maintenance;

/** A queued range of consecutive eligible loan ids, with how many eligible loans it held when planned. */
public record DmChunk(long id, long runId, int seq, long firstLoanId, long lastLoanId, int loanCount,
    String state, String leaseOwner, int attempts) {}
