package org.touchstone.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.touchstone.protocols.synthetic.SyntheticSpec;
import org.touchstone.reference.attributes.AttributeModels;

class AttributeModelTrainerTest {
    /**
     * The SHA-256 of the attribute models this module's build fits (the synthetic-attributes.txt that was
     * committed until the build made it). A deliberate change of the features, the generator or the recipe
     * changes it: record the new digest here in the same commit (the demo's synthetic-attributes results change
     * with it).
     */
    static final String MODELS_SHA256 = "1e7d65ed44980b151280fedeba0fef63228d89c2375607315d6813576aec0593";

    /**
     * The build ran the trainer (or found its output up to date); the models on the class path are what it
     * wrote, and nothing else provides the resource (a stale copy in reference-algorithms would shadow it).
     */
    @Test
    void theBuildFitsTheRecordedModelsExactly() throws Exception {
        byte[] bytes = BundledResource.theOneCopy(AttributeModels.RESOURCE);
        // Byte equality (through the digest): every number is written in a form that reads back to the same double.
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                .as("the fitted %s changed: if deliberately, record its digest here", AttributeModels.RESOURCE)
                .isEqualTo(MODELS_SHA256);
        AttributeModels bundled = AttributeModels.bundled();
        assertThat(bundled.toText().getBytes(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(bytes);
        assertThat(bundled.comments().get(1)).startsWith("data: " + SyntheticSpec.parse(
                AttributeModelTrainer.TRAINING_SPEC).canonical());
    }

    @Test
    void theClassifiersLearnedSomethingOnTheirCalibrationSplit() {
        AttributeModels bundled = AttributeModels.bundled();
        // Comment lines record "NAME: calibration-split accuracy RIGHT/TOTAL"; chance is about 50%.
        for (String name : new String[] {"sex", "smile", "eyeglasses"}) {
            String line = bundled.comments().stream().filter(c -> c.startsWith(name + ": calibration-split"))
                    .findFirst().orElseThrow();
            String[] fraction = line.substring(line.lastIndexOf(' ') + 1).split("/");
            double accuracy = Double.parseDouble(fraction[0]) / Double.parseDouble(fraction[1]);
            assertThat(accuracy).as(line).isGreaterThan(0.75);
        }
    }
}
