package dev.orion.platform.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class S3KeysTest {

    @Test
    void keysGoUnderThePrefix() {
        assertEquals("prod/uploads/7/a.feed", new S3Keys("prod").objectKey("uploads/7/a.feed"));
    }

    @Test
    void prefixSlashesAreNormalised() {
        assertEquals("eu/prod/import-reports/9.csv", new S3Keys("/eu/prod/").objectKey("import-reports/9.csv"));
        assertEquals("eu/prod/", new S3Keys(" eu/prod// ").prefix());
    }

    @Test
    void noPrefixMeansTheBucketRoot() {
        assertEquals("reports/1.xlsx", new S3Keys(" ").objectKey("reports/1.xlsx"));
        assertEquals("reports/1.xlsx", new S3Keys(null).objectKey("reports/1.xlsx"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../other-tenant/secret", "uploads/../../x", "/absolute", "a//b", "./a", "a\\b", " "})
    void refusesKeysThatCouldLeaveThePrefix(String key) {
        assertThrows(IllegalArgumentException.class, () -> new S3Keys("prod").objectKey(key));
    }
}
