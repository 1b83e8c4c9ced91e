package dev.orion.platform.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies proxies = new TrustedProxies("127.0.0.1, 10.0.0.0/8, 2001:db8::/32");

    @Test
    void anUntrustedPeerIsTheClientWhateverItForwards() {
        assertEquals("198.51.100.7", proxies.clientAddress("198.51.100.7", "203.0.113.9", "203.0.113.10"));
    }

    @Test
    void theRightMostHopOurProxiesDidNotAddIsTheClient() {
        // the client wrote "1.2.3.4" itself; nginx appended the address it saw, then a second proxy of ours
        assertEquals("203.0.113.9", proxies.clientAddress("127.0.0.1", "1.2.3.4, 203.0.113.9, 10.1.2.3", null));
    }

    @Test
    void cloudflaresHeaderFromATrustedProxyWins() {
        assertEquals("198.51.100.4", proxies.clientAddress("10.9.9.9", "203.0.113.9", "198.51.100.4"));
    }

    @Test
    void onlyTrustedProxiesAllTheWayLeavesTheLeftMost() {
        assertEquals("10.0.0.5", proxies.clientAddress("127.0.0.1", "10.0.0.5, 127.0.0.1", null));
        assertEquals("127.0.0.1", proxies.clientAddress("127.0.0.1", null, null));
    }

    @Test
    void rangesMatchByPrefixForBothFamilies() {
        assertTrue(proxies.trusted("10.255.0.1"));
        assertFalse(proxies.trusted("11.0.0.1"));
        assertTrue(proxies.trusted("2001:db8:1::5"));
        assertFalse(proxies.trusted("2001:db9::5"));
    }

    @Test
    void namesAreNeverLookedUp() {
        assertFalse(new TrustedProxies("127.0.0.1").trusted("localhost"));
        assertTrue(TrustedProxies.literal("unknown").isEmpty());
    }

    @Test
    void nothingConfiguredTrustsNobody() {
        assertFalse(new TrustedProxies(" ").trusted("127.0.0.1"));
        assertEquals("127.0.0.1", new TrustedProxies("").clientAddress("127.0.0.1", "203.0.113.9", null));
    }

    @Test
    void aNameInTheSettingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TrustedProxies("proxy.example"));
    }
}
