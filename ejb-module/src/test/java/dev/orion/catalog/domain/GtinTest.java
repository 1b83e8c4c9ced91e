package dev.orion.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GtinTest {

    @ParameterizedTest
    @ValueSource(strings = {"4006381333931", "96385074", "036000291452", "10012345678902"})
    void validGtinsOfEachLengthPass(String gtin) {
        assertNull(Gtin.problem(gtin));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4006381333932", "96385075", "036000291453"})
    void aWrongCheckDigitIsFound(String gtin) {
        assertTrue(Gtin.problem(gtin).contains("check digit"), Gtin.problem(gtin));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.65275E+11", "4.00638E12", "1e13"})
    void scientificNotationIsNamedAsSuch(String gtin) {
        assertTrue(Gtin.problem(gtin).contains("scientific notation"), Gtin.problem(gtin));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "ABCDEFGHIJKLM", "123456789"})
    void otherShapesAreNotGtins(String gtin) {
        assertNotNull(Gtin.problem(gtin));
    }
}
