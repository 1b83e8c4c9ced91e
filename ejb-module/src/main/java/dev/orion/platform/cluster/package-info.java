/**
 * What the cluster tells the capabilities: {@link dev.orion.platform.cluster.NodeDeclaredDead}, the CDI event
 * operations' membership fires when a node stops answering, which each capability observes to take over that
 * node's work; {@link dev.orion.platform.cluster.NodeLease}, whether this node still holds its membership (entry points
 * refuse work when it does not), and {@link dev.orion.platform.cluster.NodeFenced}, fired when this node finds it was
 * taken for dead. Membership itself is operations' ({@code operations.cluster}).
 */
package dev.orion.platform.cluster;
