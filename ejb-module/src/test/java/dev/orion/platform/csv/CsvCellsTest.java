package dev.orion.platform.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void textThatASpreadsheetWouldRunGetsALeadingQuote() {
        for (String formula : new String[] {"=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"}) {
            assertEquals("'" + formula, CsvCells.safe(formula));
        }
    }

    @Test
    void plainTextNumbersAndNullsStayAsTheyAre() {
        assertArrayEquals(new Object[] {"Mug", "", null, new BigDecimal("-5.00"), 3L, "a=b"},
                CsvCells.safe("Mug", "", null, new BigDecimal("-5.00"), 3L, "a=b"));
    }
}
