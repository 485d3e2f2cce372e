package org.touchstone.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsTest {
    @Test
    void aResultIsEitherAValueOrAFailure() {
        Result<String> ok = Result.success("t");
        assertThat(ok.isSuccess()).isTrue();
        assertThat(ok.value()).isEqualTo("t");
        assertThat(ok.failure()).isEmpty();

        Result<String> failed = Result.failure(FailureCode.FACE_DETECTION_ERROR, "no face");
        assertThat(failed.isSuccess()).isFalse();
        assertThat(failed.failure()).contains(new Failure(FailureCode.FACE_DETECTION_ERROR, "no face"));
        assertThatThrownBy(failed::value).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("FACE_DETECTION_ERROR: no face");
        assertThatThrownBy(() -> Result.success(null)).isInstanceOf(NullPointerException.class);
        assertThat(new Failure(FailureCode.VENDOR_ERROR, null).message()).isEmpty();
    }

    @Test
    void aComparisonIsEitherAScoreOrAFailure() {
        assertThat(ComparisonResult.score(0.75).similarity()).isEqualTo(0.75);
        ComparisonResult failed = ComparisonResult.failure(FailureCode.MATCH_ERROR, "bad template");
        assertThat(failed.isSuccess()).isFalse();
        assertThat(failed.failure().orElseThrow().code()).isEqualTo(FailureCode.MATCH_ERROR);
        assertThatThrownBy(failed::similarity).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyHarnessCodesAreMarkedAsHarnessAssigned() {
        assertThat(List.of(FailureCode.values())).filteredOn(FailureCode::isHarnessAssigned)
                .containsExactlyInAnyOrder(FailureCode.UNCAUGHT_EXCEPTION, FailureCode.TIMEOUT,
                        FailureCode.SYSTEM_CRASHED, FailureCode.INVALID_OUTPUT,
                        FailureCode.FAILURE_TO_ACQUIRE, FailureCode.TEMPLATE_TOO_LARGE);
    }

    @Test
    void templatesAreImmutableAndComparedByContent() {
        byte[] bytes = {1, 2, 3};
        Template t = Template.of(bytes);
        bytes[0] = 9;
        assertThat(t.toByteArray()).containsExactly(1, 2, 3);
        t.toByteArray()[1] = 9;
        assertThat(t.toByteArray()).containsExactly(1, 2, 3);
        ByteBuffer view = t.buffer();
        assertThat(view.remaining()).isEqualTo(3);
        assertThatThrownBy(() -> view.put(0, (byte) 7)).isInstanceOf(ReadOnlyBufferException.class);
        assertThat(t).isEqualTo(Template.of(new byte[] {1, 2, 3})).hasSameHashCodeAs(Template.of(new byte[] {1, 2, 3}));
        assertThat(t.size()).isEqualTo(3);
    }

    @Test
    void galleryEntriesNeedAnId() {
        assertThatThrownBy(() -> new GalleryEntry(" ", Template.of(new byte[0])))
                .hasMessageContaining("must not be blank");
    }
}
