package io.terrafusion.sync.core.internal;

/** What every part of one job's run shares. */
record JobContext(EngineSettings settings, String jobId, AuditTrail audit, JobControl control,
    JobGuard guard) {}
