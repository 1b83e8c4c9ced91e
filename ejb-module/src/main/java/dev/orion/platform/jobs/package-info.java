/**
 * Jakarta Batch as every capability uses it: start a job, follow its executions and their progress, stop,
 * restart and abandon them ({@link dev.orion.platform.jobs.BatchJobs}). The JBeret implementation lives beside
 * the job XML in the batch module ({@code operations.batch.jberet}); the batch monitor is operations' view of it.
 */
package dev.orion.platform.jobs;
