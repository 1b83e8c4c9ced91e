/**
 * Plumbing every job shares: the correlation id and execution id in each log line (JobCorrelation), the job
 * metrics and end-of-job logging (JobObservation, RunningJobs) and typed job parameters. Knows no business.
 */
package dev.orion.platform.batch;
