package org.touchstone.protocols.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.touchstone.protocols.support.NumberedCsv.Comment;
import org.touchstone.protocols.support.NumberedCsv.Problem;
import org.touchstone.protocols.support.NumberedCsv.Row;

class NumberedCsvTest {
    @Test
    void rowsCarryThePhysicalLineTheyStartOn() {
        String text = "\uFEFF# first\r\n\n# second\r\na,b\r\n1,\"two\r\nlines\"\r\n\r\n3,4\n";

        NumberedCsv csv = NumberedCsv.parse(text);

        assertThat(csv.comments()).containsExactly(new Comment(1, " first"), new Comment(3, " second"));
        assertThat(csv.rows()).containsExactly(
                new Row(4, List.of("a", "b")),
                new Row(5, List.of("1", "two\r\nlines")),
                new Row(8, List.of("3", "4")));
        assertThat(csv.problems()).isEmpty();
    }

    @Test
    void commentAfterTheHeaderIsAProblemButAQuotedHashIsData() {
        NumberedCsv csv = NumberedCsv.parse("a,b\n# late\n\"#1\",2\n");

        assertThat(csv.rows()).containsExactly(new Row(1, List.of("a", "b")), new Row(3, List.of("#1", "2")));
        assertThat(csv.problems()).containsExactly(
                new Problem(2, "comment lines (#) are allowed only before the header"));
    }

    @Test
    void textAfterAClosingQuoteIsASyntaxError() {
        NumberedCsv csv = NumberedCsv.parse("a,b\n1,\"2\"x\n");

        assertThat(csv.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).startsWith("CSV syntax error in the row starting here: Unexpected character ('x'");
        });
    }

    @Test
    void unclosedQuoteKeepsEarlierRowsAndNamesItsLine() {
        NumberedCsv csv = NumberedCsv.parse("a,b\n1,2\n3,\"4\n5,6\n");

        assertThat(csv.rows()).containsExactly(new Row(1, List.of("a", "b")), new Row(2, List.of("1", "2")));
        assertThat(csv.problems()).containsExactly(new Problem(3,
                "CSV syntax error in the row starting here: Missing closing quote for value (detected at line 5)"));
    }
}
