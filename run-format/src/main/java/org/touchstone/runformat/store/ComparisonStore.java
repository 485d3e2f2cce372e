package org.touchstone.runformat.store;

import java.util.Arrays;
import java.util.List;
import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.touchstone.api.FailureCode;
import org.touchstone.runformat.columns.ComparisonsCsv;

/**
 * The layout of {@value #FILE}: one row per comparison the protocol defines, in the order of
 * {@code comparisons.csv}, as an Apache Arrow IPC stream whose buffers are ZSTD-compressed. The columns
 * hold what {@code comparisons.csv} holds, more compactly: the templates as row indexes into
 * {@code templates.csv} (whose subjects give {@code mated}), the status and failure code as dictionary
 * indexes, the score as the system's float64, plus the failure message a failed comparison carried.
 */
public final class ComparisonStore {
    /** The file's name in the run directory. */
    public static final String FILE = "comparisons.arrows";

    /** Row index (0 = first data row) in {@code templates.csv} of the enrolment template; int32. */
    public static final String ENROLMENT_TEMPLATE = "enrolment_template";
    /** Row index in {@code templates.csv} of the probe template; int32. */
    public static final String PROBE_TEMPLATE = "probe_template";
    /** {@code ok}, {@code comparison_failed} or {@code template_failed}, dictionary-encoded (int8 indexes). */
    public static final String STATUS = "status";
    /** Null when ok, else the failure code's name, dictionary-encoded (int8 indexes). */
    public static final String FAILURE_CODE = "failure_code";
    /** Null when ok or when the failure said nothing, else the failure's message; utf8. */
    public static final String FAILURE_MESSAGE = "failure_message";
    /** The similarity the system returned when ok, else null; float64. */
    public static final String SCORE = "score";
    /** As in {@code comparisons.csv}: the comparison's share of its batched call's wall time, null when not compared; int64. */
    public static final String LATENCY_NS = "latency_ns";

    /** The columns in file order. */
    public static final List<String> COLUMNS = List.of(ENROLMENT_TEMPLATE, PROBE_TEMPLATE, STATUS, FAILURE_CODE,
            FAILURE_MESSAGE, SCORE, LATENCY_NS);

    static final long STATUS_DICTIONARY = 0;
    static final long FAILURE_CODE_DICTIONARY = 1;
    /** Rows per record batch: large enough that a batch's compressed buffers amortise their headers. */
    static final int BATCH_ROWS = 1 << 16;
    /**
     * ZSTD level 1: measured on the demo's scores, higher levels save under 2% of the bytes for several times
     * the time, and the comparison stage writes every byte.
     */
    static final int ZSTD_LEVEL = 1;

    private static final ArrowType.Int INT8 = new ArrowType.Int(8, true);

    private ComparisonStore() {
    }

    /** The status vocabulary in dictionary order (the enum's order; readers look values up by text). */
    static List<String> statusTexts() {
        return Arrays.stream(ComparisonsCsv.Status.values()).map(ComparisonsCsv.Status::text).toList();
    }

    /** The failure codes in dictionary order ({@link FailureCode}'s order; readers look values up by name). */
    static List<String> failureCodeNames() {
        return Arrays.stream(FailureCode.values()).map(FailureCode::name).toList();
    }

    /**
     * The schema as the writer holds it in memory: dictionary-encoded columns as their int8 index vectors.
     *
     * @return the schema
     */
    static Schema indexSchema() {
        return new Schema(List.of(
                Field.notNullable(ENROLMENT_TEMPLATE, new ArrowType.Int(32, true)),
                Field.notNullable(PROBE_TEMPLATE, new ArrowType.Int(32, true)),
                new Field(STATUS, new FieldType(false, INT8, new DictionaryEncoding(STATUS_DICTIONARY, false, INT8)), null),
                new Field(FAILURE_CODE, new FieldType(true, INT8,
                        new DictionaryEncoding(FAILURE_CODE_DICTIONARY, false, INT8)), null),
                Field.nullable(FAILURE_MESSAGE, ArrowType.Utf8.INSTANCE),
                Field.nullable(SCORE, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
                Field.nullable(LATENCY_NS, new ArrowType.Int(64, true))));
    }

    static CompressionCodec codec() {
        return CommonsCompressionFactory.INSTANCE.createCodec(CompressionUtil.CodecType.ZSTD, ZSTD_LEVEL);
    }
}
