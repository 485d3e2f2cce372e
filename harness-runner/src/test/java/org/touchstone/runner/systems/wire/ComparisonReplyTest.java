package org.touchstone.runner.systems.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.touchstone.api.ComparisonResult;
import org.touchstone.api.FailureCode;

/**
 * The comparison reply's direct writer and plain-form reader agree with the tree forms they stand in for:
 * the same bytes written, the same doubles read bit for bit, and every reply outside the plain form left to
 * the tree reader (null), so that its checks and messages still apply.
 */
class ComparisonReplyTest {
    @Test
    void theDirectWriterWritesWhatTheTreeWrites() {
        List<Object> results = new ArrayList<>(List.of(ComparisonResult.score(0.1), ComparisonResult.score(-3.5e-7),
                ComparisonResult.score(Double.NaN), ComparisonResult.score(Double.NEGATIVE_INFINITY),
                ComparisonResult.failure(FailureCode.PARSE_ERROR, "bad \"template\"\n"), ComparisonResult.score(1)));
        results.add(null);
        results.add("not a result");
        ObjectNode tree = WireJson.object();
        tree.set("results", WireJson.comparisonResults(results));

        assertThat(new String(WireJson.comparisonReply(results), StandardCharsets.UTF_8))
                .isEqualTo(new String(WireJson.bytes(tree), StandardCharsets.UTF_8));
    }

    @Test
    void plainRepliesAreReadBitForBitAsTheTreeReadsThem() throws Exception {
        Random random = new Random(11);
        List<ComparisonResult> sent = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            double score = switch (i % 4) {
                case 0 -> random.nextDouble();
                case 1 -> Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL) * (random.nextBoolean() ? 1 : -1);
                case 2 -> (random.nextInt(2000) - 1000) / 7.0;
                default -> random.nextInt(100);
            };
            sent.add(ComparisonResult.score(score));
        }
        byte[] reply = WireJson.comparisonReply(sent);

        List<ComparisonResult> plain = WireJson.plainComparisonResults(reply, sent.size());
        List<ComparisonResult> viaTree = WireJson.parseComparisonResults(WireJson.parseObject(reply).get("results"), sent.size());

        assertThat(plain).isNotNull().hasSize(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            long expected = Double.doubleToRawLongBits(sent.get(i).similarity());
            assertThat(Double.doubleToRawLongBits(plain.get(i).similarity())).as("score %d", i).isEqualTo(expected);
            assertThat(Double.doubleToRawLongBits(viaTree.get(i).similarity())).as("score %d", i).isEqualTo(expected);
        }
        assertThat(WireJson.plainComparisonResults(utf8("{\"results\":[]}"), 0)).isEmpty();
        assertThat(WireJson.plainComparisonResults(utf8(" {\"results\" : [ {\"score\" : 2} ] } "), 1))
                .extracting(ComparisonResult::similarity).containsExactly(2.0);
    }

    @Test
    void everythingButThePlainFormIsLeftToTheTreeReader() {
        for (String reply : Arrays.asList(
                "{\"results\":[{\"score\":0.5},{\"failure\":{\"code\":\"PARSE_ERROR\",\"message\":\"x\"}}]}",
                "{\"results\":[{\"score\":0.5},{\"score\":\"NaN\"}]}",
                "{\"results\":[{\"score\":0.5},{\"score\":NaN}]}",
                "{\"results\":[{\"score\":0.5},{\"score\":0.25,\"extra\":1}]}",
                "{\"results\":[{\"score\":0.5},{}]}",
                "{\"results\":[{\"score\":0.5},0.25]}",
                "{\"results\":[{\"score\":0.5}]}",
                "{\"results\":[{\"score\":0.5},{\"score\":0.25},{\"score\":0.125}]}",
                "{\"failure\":{\"code\":\"SYSTEM_CRASHED\",\"message\":\"down\"}}",
                "{\"results\":[{\"score\":0.5},{\"score\":0.25}],\"failure\":{\"code\":\"SYSTEM_CRASHED\",\"message\":\"x\"}}",
                "{\"results\":[{\"score\":0.5},{\"score\":0.25}]} trailing",
                "{\"results\":[{\"score\":0.5},{\"score\":0.2",
                "[]",
                "")) {
            assertThat(WireJson.plainComparisonResults(utf8(reply), 2)).as(reply).isNull();
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
