package org.touchstone.protocols.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyntheticSpecTest {

    @Test
    void parsesTheRequiredKeysAndDefaultsTheOptionalOnes() {
        SyntheticSpec spec = SyntheticSpec.parse("synthetic:subjects=100,images=4,seed=7");

        assertThat(spec.subjects()).isEqualTo(100);
        assertThat(spec.imagesPerSubject()).isEqualTo(4);
        assertThat(spec.seed()).isEqualTo(7);
        assertThat(spec.imageSize()).isEqualTo(96);
        assertThat(spec.difficulty()).isEqualTo(DifficultyProfile.DEFAULT);
        assertThat(spec.imageCount()).isEqualTo(400);
    }

    @Test
    void acceptsKeysInAnyOrderWithSpaces() {
        SyntheticSpec spec = SyntheticSpec.parse(
                " synthetic: seed = -3 , size=128,difficulty=none, images=1,subjects=10 ");

        assertThat(spec).isEqualTo(new SyntheticSpec(10, 1, -3, 128, DifficultyProfile.NONE));
    }

    @Test
    void canonicalListsEveryKeyInFixedOrderAndParsesBackToTheSameSpec() {
        SyntheticSpec spec = SyntheticSpec.parse(
                "synthetic:seed=7,images=4,subjects=100,difficulty=skin_tone.darker*1.50+sex.female*1.2");

        assertThat(spec.canonical()).isEqualTo("synthetic:subjects=100,images=4,seed=7,size=96,"
                + "difficulty=sex.female*1.2+skin_tone.darker*1.5");
        assertThat(SyntheticSpec.parse(spec.canonical())).isEqualTo(spec);
        assertThat(SyntheticSpec.of(100, 4, 7).canonical()).isEqualTo(spec.canonical());
    }

    @Test
    void directoryNameAvoidsCharactersWindowsForbids() {
        SyntheticSpec spec = SyntheticSpec.parse("synthetic:subjects=10,images=2,seed=1,difficulty=age_band.51+*2");

        assertThat(spec.directoryName())
                .isEqualTo("synthetic-subjects=10,images=2,seed=1,size=96,difficulty=age_band.51+x2")
                .doesNotContainAnyWhitespaces()
                .doesNotContain(":", "*", "/", "\\", "<", ">", "|", "?", "\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "subjects=100,images=4,seed=7                  | must start with 'synthetic:'",
        "synthetic:subjects=100,images=4               | key 'seed' is required",
        "synthetic:images=4,seed=7                     | key 'subjects' is required: an integer 10..10000000",
        "synthetic:subjects=100,seed=7                 | key 'images' is required: an integer 1..100",
        "synthetic:subjects=100,images=4,seed=7,faces=3 | key 'faces' is unknown; keys are [subjects, images, seed, size, difficulty]",
        "synthetic:subjects=100,images=4,seed=7,seed=8 | key 'seed' is given twice",
        "synthetic:subjects=100,images=4,seed=7,size   | part 'size' must be key=value",
        "synthetic:subjects=100,images=4,seed=7,       | part '' must be key=value",
        "synthetic:subjects=9,images=4,seed=7          | key 'subjects' must be 10..10000000, was 9",
        "synthetic:subjects=10000001,images=4,seed=7   | key 'subjects' must be 10..10000000, was 10000001",
        "synthetic:subjects=ten,images=4,seed=7        | key 'subjects' must be an integer 10..10000000, was 'ten'",
        "synthetic:subjects=99999999999,images=4,seed=7 | key 'subjects' must be an integer 10..10000000, was '99999999999'",
        "synthetic:subjects=100,images=0,seed=7        | key 'images' must be 1..100, was 0",
        "synthetic:subjects=100,images=101,seed=7      | key 'images' must be 1..100, was 101",
        "synthetic:subjects=100,images=-4,seed=7       | key 'images' must be an integer 1..100, was '-4'",
        "synthetic:subjects=100,images=4.5,seed=7      | key 'images' must be an integer 1..100, was '4.5'",
        "synthetic:subjects=100,images=4,seed=x7       | key 'seed' must be a 64-bit integer, was 'x7'",
        "synthetic:subjects=100,images=4,seed=9223372036854775808 | key 'seed' must be a 64-bit integer",
        "synthetic:subjects=100,images=4,seed=7,size=47 | key 'size' must be 48..512, was 47",
        "synthetic:subjects=100,images=4,seed=7,size=513 | key 'size' must be 48..512, was 513",
        "synthetic:subjects=100,images=4,seed=7,size=    | key 'size' must be an integer 48..512, was ''",
        "synthetic:subjects=100,images=4,seed=7,difficulty=skin_tone.dark*2 | key 'difficulty': group 'skin_tone' has values [lighter, darker], not 'dark'",
    })
    void rejectsBadSpecsNamingTheKeyAndWhatWasExpected(String spec, String message) {
        assertThatThrownBy(() -> SyntheticSpec.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void constructorChecksRangesToo() {
        assertThatThrownBy(() -> new SyntheticSpec(100, 4, 7, 1024, DifficultyProfile.NONE))
                .hasMessageContaining("key 'size' must be 48..512, was 1024");
    }

    @Test
    void idsArePaddedSoThatTheySortInOrder() {
        SyntheticSpec small = SyntheticSpec.of(100, 4, 7);
        assertThat(small.subjectId(0)).isEqualTo("S00001");
        assertThat(small.sampleId(99, 3)).isEqualTo("S00100-04");

        SyntheticSpec large = new SyntheticSpec(100_000, 100, 7, 96, DifficultyProfile.NONE);
        assertThat(large.subjectId(0)).isEqualTo("S000001");
        assertThat(large.subjectId(99_999)).isEqualTo("S100000");
        assertThat(large.sampleId(8, 0)).isEqualTo("S000009-001");
        assertThat(large.sampleId(8, 99)).isEqualTo("S000009-100");
    }

    @Test
    void idsOfAMillionSubjectsAreSevenDigitsAndMapBackToTheirIndexes() {
        SyntheticSpec spec = new SyntheticSpec(1_002_000, 3, 7, 96, DifficultyProfile.NONE);
        assertThat(spec.subjectId(0)).isEqualTo("S0000001");
        assertThat(spec.sampleId(1_001_999, 2)).isEqualTo("S1002000-03");
        assertThat(spec.subjectIndexOf("S1002000")).isEqualTo(1_001_999);
        assertThat(spec.sampleIndexOf("S0000002-01")).isEqualTo(3);
        assertThat(spec.sampleIndexOf("S1002000-03")).isEqualTo(3_005_999);
        // Wrong width, prefix, range or form: not ids of this spec.
        assertThat(spec.subjectIndexOf("S000001")).isEqualTo(-1);
        assertThat(spec.subjectIndexOf("S1002001")).isEqualTo(-1);
        assertThat(spec.subjectIndexOf("S0000000")).isEqualTo(-1);
        assertThat(spec.subjectIndexOf("T0000001")).isEqualTo(-1);
        assertThat(spec.subjectIndexOf("S00000+1")).isEqualTo(-1);
        assertThat(spec.sampleIndexOf("S0000001-04")).isEqualTo(-1);
        assertThat(spec.sampleIndexOf("S0000001-1")).isEqualTo(-1);
        assertThat(spec.sampleIndexOf("S0000001")).isEqualTo(-1);
        assertThat(spec.sampleIndexOf("S0000001-")).isEqualTo(-1);
    }

    @Test
    void idsOutsideTheSpecAreRejected() {
        SyntheticSpec spec = SyntheticSpec.of(10, 2, 7);

        assertThatThrownBy(() -> spec.subjectId(10))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("subjectIndex must be 0..9")
                .hasMessageContaining("was 10");
        assertThatThrownBy(() -> spec.sampleId(0, -1))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("imageIndex must be 0..1");
    }
}
