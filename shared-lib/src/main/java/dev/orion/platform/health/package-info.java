/**
 * Readiness and liveness checks (MicroProfile Health, on the management port at /health/ready and /health/live).
 * This package ships in the EAR's lib/ in the shared-lib module (see shared-lib/pom.xml), so it depends on
 * nothing else in Orion but the storage backends (packaged with it): it probes each dependency directly, the way
 * an operator would.
 */
package dev.orion.platform.health;
