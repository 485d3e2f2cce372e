package org.touchstone.protocols.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DifficultyProfileTest {

    @Test
    void parsesTermsIncludingValuesThatContainPlus() {
        DifficultyProfile profile = DifficultyProfile.parse("age_band.51+*1.3+skin_tone.darker*1.5+sex.male*0.8");

        assertThat(profile.factors()).containsExactly(
                Map.entry("age_band.51+", 1.3), Map.entry("sex.male", 0.8), Map.entry("skin_tone.darker", 1.5));
        assertThat(profile.canonical()).isEqualTo("age_band.51+*1.3+sex.male*0.8+skin_tone.darker*1.5");
    }

    @Test
    void noneAndFactorsOfOneMeanNoDifference() {
        assertThat(DifficultyProfile.parse("none")).isEqualTo(DifficultyProfile.NONE);
        assertThat(DifficultyProfile.parse("sex.female*1.0")).isEqualTo(DifficultyProfile.NONE);
        assertThat(DifficultyProfile.NONE.canonical()).isEqualTo("none");
    }

    @Test
    void defaultProfileIsDocumented() {
        assertThat(DifficultyProfile.DEFAULT.canonical()).isEqualTo("sex.female*1.2+skin_tone.darker*1.5");
    }

    @Test
    void multiplierIsTheProductOfTheImagesGroupFactors() {
        DifficultyProfile profile = DifficultyProfile.DEFAULT;

        assertThat(profile.multiplier(Map.of("sex", "female", "skin_tone", "darker", "age_band", "18-30")))
                .isCloseTo(1.8, within(1e-12));
        assertThat(profile.multiplier(Map.of("sex", "male", "skin_tone", "darker", "age_band", "51+")))
                .isEqualTo(1.5);
        assertThat(profile.multiplier(Map.of("sex", "male", "skin_tone", "lighter", "age_band", "51+")))
                .isEqualTo(1.0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sex.female                  | term 'sex.female' must look like group.value*factor",
        "sex.female*                 | factor of 'sex.female' must be a decimal number such as 1.5, was ''",
        "sex.female*1e3              | expected '+' and another group.value*factor term after 'sex.female*1', found 'e3'",
        "sex.female*1.2+             | expected '+' and another group.value*factor term after 'sex.female*1.2', found '+'",
        "sex.female*1.2,sex.male*2   | found ',sex.male*2'",
        "sex.female*1.2+sex.female*2 | 'sex.female' is given twice",
        "hair.red*2                  | 'hair.red' must be group.value with group one of [sex, skin_tone, age_band]",
        "female*2                    | 'female' must be group.value with group one of",
        "age_band.60+*2              | group 'age_band' has values [18-30, 31-50, 51+], not '60+'",
        "sex.female*0.05             | factor of 'sex.female' must be 0.1..5.0, was 0.05",
        "sex.female*6                | factor of 'sex.female' must be 0.1..5.0, was 6.0",
    })
    void rejectsMalformedProfilesNamingTheKey(String text, String message) {
        assertThatThrownBy(() -> DifficultyProfile.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("synthetic spec key 'difficulty': ")
                .hasMessageContaining(message);
    }
}
