package dev.orion.platform.imports.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orion.platform.imports.FeedUnavailableException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses a feed fetch may reach, whatever their spelling, and what the operator's allow-list opens. */
class InternalAddressesTest {

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, loopback", "127.255.0.9, loopback", "::1, loopback",
            "0.0.0.0, unspecified", "0.1.2.3, unspecified", "::, unspecified",
            "10.1.2.3, private", "172.16.0.1, private", "172.31.255.255, private", "192.168.1.1, private",
            "100.64.0.1, CGNAT", "100.127.255.255, CGNAT",
            "169.254.169.254, link-local", "fe80::1, link-local",
            "fc00::1, unique-local", "fd12:3456::1, unique-local",
            "224.0.0.1, multicast", "239.255.255.250, multicast", "ff02::1, multicast",
            "255.255.255.255, broadcast", "240.0.0.1, reserved",
            "2001:0:4136:e378:8000:63bf:3fff:fdd2, Teredo"})
    void refusesEveryInternalRange(String address, String range) throws UnknownHostException {
        assertEquals(Optional.of(range), InternalAddresses.rangeOf(InetAddress.getByName(address)).map(InternalAddressesTest::name));
    }

    @ParameterizedTest
    @CsvSource({
            "::ffff:127.0.0.1, loopback", "::ffff:10.0.0.1, private",
            "::127.0.0.1, loopback", "::169.254.169.254, link-local",
            "64:ff9b::7f00:1, loopback", "64:ff9b::a00:1, private", "64:ff9b:1::c0a8:101, private",
            "2002:7f00:1::, loopback", "2002:a9fe:a9fe::1, link-local"})
    void judgesIpv6FormsByTheIpv4AddressTheyCarry(String address, String range) throws UnknownHostException {
        assertEquals(Optional.of(range), InternalAddresses.rangeOf(InetAddress.getByName(address)).map(InternalAddressesTest::name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "192.169.0.1", "2a00:1450:4001::1",
            "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"})
    void letsPublicAddressesThrough(String address) throws UnknownHostException {
        assertEquals(Optional.empty(), InternalAddresses.rangeOf(InetAddress.getByName(address)));
    }

    @Test
    void theResolverReadsEveryLoopbackSpellingAsLoopback() {
        var vetting = FeedAddressVetting.with(FetchAllowList.none());
        for (String host : new String[] {"localhost", "127.0.0.1", "2130706433", "[::1]", "[::ffff:127.0.0.1]", "0.0.0.0", "[::]",
                "LOCALHOST.", "[0:0:0:0:0:ffff:7f00:1]"}) {
            var refused = assertThrows(FeedUnavailableException.class, () -> vetting.vet(host), host);
            assertEquals(FeedUnavailableException.NOT_FETCHED, refused.getMessage(), "the tenant learns nothing of why");
            assertTrue(refused.operatorReason().contains("ORION_FEED_FETCH_ALLOW") || refused.operatorReason().contains("does not resolve"),
                    refused.operatorReason());
        }
    }

    @Test
    void aCidrOpensExactlyItsAddressesAndNeverTheUnspecifiedOne() throws UnknownHostException {
        var allow = FetchAllowList.parse("127.0.0.7/32, 10.20.0.0/16, 0.0.0.0/0");
        assertTrue(allow.allows("anything.example", InetAddress.getByName("127.0.0.7"), "loopback"));
        assertTrue(allow.allows("x", InetAddress.getByName("10.20.9.9"), "private"));
        assertFalse(allow.allows("x", InetAddress.getByName("0.0.0.0"), "unspecified"), "no server listens on 0.0.0.0");
        assertFalse(allow.allows("x", InetAddress.getByName("224.0.0.1"), "multicast"));
        var vetting = FeedAddressVetting.with(FetchAllowList.parse("127.0.0.7/32"));
        assertEquals(InetAddress.getByName("127.0.0.7"), vetting.vet("127.0.0.7").get(0));
        assertThrows(FeedUnavailableException.class, () -> vetting.vet("127.0.0.1"), "127.0.0.7/32 is not 127.0.0.1");
    }

    @Test
    void aHostNameOpensOnlyPrivateAddressesOfThatExactName() throws UnknownHostException {
        var allow = FetchAllowList.parse("Feeds.Corp.Example.");
        assertTrue(allow.allows("feeds.corp.example", InetAddress.getByName("10.0.0.5"), "private"));
        assertTrue(allow.allows("FEEDS.corp.example.", InetAddress.getByName("fd00::5"), "unique-local"));
        assertFalse(allow.allows("feeds.corp.example", InetAddress.getByName("127.0.0.1"), "loopback"), "a name never opens loopback");
        assertFalse(allow.allows("feeds.corp.example", InetAddress.getByName("169.254.169.254"), "link-local"), "nor the metadata service");
        assertFalse(allow.allows("evil.feeds.corp.example", InetAddress.getByName("10.0.0.5"), "private"), "no subdomains");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "not a host!", "10.0.0.0/x", "http://feeds.example", "0x7f000001/32"})
    void refusesAMalformedAllowList(String entry) {
        assertThrows(IllegalArgumentException.class, () -> FetchAllowList.parse("127.0.0.7/32," + entry));
    }

    private static String name(String range) {
        int as = range.indexOf(" (as ");
        return as < 0 ? range : range.substring(0, as);
    }
}
