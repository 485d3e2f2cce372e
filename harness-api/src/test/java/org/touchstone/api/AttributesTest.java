package org.touchstone.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AttributesTest {
    @Test
    void standardAttributesHaveFixedNamesAndVocabularies() {
        assertThat(Attribute.standard()).extracting(Attribute::name).containsExactly("sex", "age", "smile",
                "eyeglasses", "sunglasses", "beard", "mustache", "eyes_open", "mouth_open", "emotion");
        assertThat(Attribute.standard("smile")).isSameAs(Attribute.SMILE);
        assertThat(Attribute.SMILE.labels()).containsExactly("false", "true");
        assertThat(Attribute.AGE.kind()).isEqualTo(Attribute.Kind.NUMERIC);
        assertThatThrownBy(() -> Attribute.standard("gender")).hasMessageContaining("no standard attribute named 'gender'");
    }

    @Test
    void vendorAttributesArePrefixedSoTheyNeverCollide() {
        Attribute hat = Attribute.vendor("hat", Attribute.Kind.CATEGORICAL, List.of("none", "cap"));
        assertThat(hat.name()).isEqualTo("x-hat");
        assertThat(hat).isNotEqualTo(Attribute.SMILE);
        assertThatThrownBy(() -> Attribute.vendor("Hat!", Attribute.Kind.CATEGORICAL, List.of()))
                .hasMessageContaining("must match");
        assertThatThrownBy(() -> Attribute.vendor("h", Attribute.Kind.NUMERIC, List.of("a")))
                .hasMessageContaining("cannot have labels");
    }

    @Test
    void estimatesCheckKindVocabularyAndConfidence() {
        AttributeEstimate sex = AttributeEstimate.label(Attribute.SEX, "female", 0.97);
        assertThat(sex.label()).contains("female");
        assertThat(sex.value()).isEmpty();
        AttributeEstimate age = AttributeEstimate.value(Attribute.AGE, 34.5, 0.6);
        assertThat(age.value()).hasValue(34.5);
        assertThat(age.label()).isEmpty();
        assertThatThrownBy(() -> AttributeEstimate.label(Attribute.SEX, "F", 0.9))
                .hasMessageContaining("'F' is not a label of sex");
        assertThatThrownBy(() -> AttributeEstimate.label(Attribute.SMILE, "true", 99))
                .hasMessageContaining("must be in [0, 1], was 99");
        assertThatThrownBy(() -> AttributeEstimate.value(Attribute.SEX, 1, 0.5)).hasMessageContaining("categorical");
        assertThatThrownBy(() -> AttributeEstimate.label(Attribute.AGE, "old", 0.5)).hasMessageContaining("numeric");
        assertThatThrownBy(() -> AttributeEstimate.value(Attribute.AGE, Double.NaN, 0.5))
                .hasMessageContaining("must be finite");
    }

    @Test
    void aFaceAnalysisHoldsOneEstimatePerAttribute() {
        FaceAnalysis face = FaceAnalysis.of(new BoundingBox(10, 12, 40, 50), 0.99,
                List.of(AttributeEstimate.label(Attribute.SMILE, "true", 0.8)));
        assertThat(face.estimate(Attribute.SMILE)).isPresent();
        assertThat(face.estimate(Attribute.SEX)).isEmpty();
        assertThatThrownBy(() -> FaceAnalysis.of(null, 0.9, List.of(
                AttributeEstimate.label(Attribute.SMILE, "true", 0.8),
                AttributeEstimate.label(Attribute.SMILE, "false", 0.2))))
                .hasMessageContaining("two estimates of smile");
        assertThatThrownBy(() -> new FaceAnalysis(java.util.Optional.empty(), 0.9,
                java.util.Map.of(Attribute.SEX, AttributeEstimate.label(Attribute.SMILE, "true", 0.8))))
                .hasMessageContaining("filed under sex");
        assertThatThrownBy(() -> new BoundingBox(0, 0, 0, 5)).hasMessageContaining("invalid bounding box");
    }
}
