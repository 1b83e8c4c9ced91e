/**
 * Readiness and liveness checks (MicroProfile Health, on the management port at /health/ready and /health/live).
 * This package ships in the EAR's lib/ in the shared-lib module (see shared-lib/pom.xml), so it depends on
 * nothing else in Orion but the storage backends (packaged with it): it probes each dependency directly, the way
 * an operator would. It also holds what the EJB module shares with the checks: the last probe of the dependencies
 * Orion serves without ({@link dev.orion.platform.health.OptionalDependencies}) and the outage log of every
 * dependency ({@link dev.orion.platform.health.DependencyState}).
 */
package dev.orion.platform.health;
