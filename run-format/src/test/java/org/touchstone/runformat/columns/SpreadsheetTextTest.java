package org.touchstone.runformat.columns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadsheetTextTest {
    @Test
    void cellsASpreadsheetWouldRunAsFormulasGetAnApostrophe() {
        assertThat(SpreadsheetText.encode("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(SpreadsheetText.encode("+1+2")).isEqualTo("'+1+2");
        assertThat(SpreadsheetText.encode("-cmd|' /C calc'!A0")).isEqualTo("'-cmd|' /C calc'!A0");
        assertThat(SpreadsheetText.encode("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetText.encode("\t=1")).isEqualTo("'\t=1");
    }

    @Test
    void numbersAndOrdinaryIdsAreWrittenAsTheyAre() {
        for (String cell : new String[] {"-0.25", "+3", "-1e-5", "S00001-01", "", "0.5", "a=b"}) {
            assertThat(SpreadsheetText.encode(cell)).as(cell).isEqualTo(cell);
        }
    }

    @Test
    void decodingUndoesEncodingExactlyEvenForAnApostropheOfTheDatasetsOwn() {
        for (String cell : new String[] {"=1", "'=1", "''", "'", "-x", "-2", "plain", "", "@", "'abc"}) {
            assertThat(SpreadsheetText.decode(SpreadsheetText.encode(cell))).as(cell).isEqualTo(cell);
        }
        assertThat(SpreadsheetText.encode("'abc")).isEqualTo("''abc");
    }
}
