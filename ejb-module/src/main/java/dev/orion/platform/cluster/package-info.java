/**
 * What the cluster tells the capabilities: {@link dev.orion.platform.cluster.NodeDeclaredDead}, the CDI event
 * operations' membership fires when a node stops answering, which each capability observes to take over that
 * node's work. Membership itself is operations' ({@code operations.cluster}).
 */
package dev.orion.platform.cluster;
