/**
 * {@link dev.orion.platform.jobs.BatchJobs} over the server's JobOperator and JBeret's JDBC job repository, beside
 * the job XML; and the recovery of executions a stopped or dead server left running.
 */
package dev.orion.operations.batch.jberet;
