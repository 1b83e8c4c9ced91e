/**
 * Orion behind reverse proxies (nginx, Cloudflare): which forwarding headers to believe, for the API and the
 * console alike, and the size of request bodies the console reads outside its upload paths. Shipped in the EAR's lib/ so that both web modules use the same classes (see shared-lib/pom.xml).
 */
package dev.orion.platform.proxy;
