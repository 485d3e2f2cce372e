package org.touchstone.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.touchstone.reference.attributes.AttributeModels;

class AttributeModelTrainerTest {
    @Test
    void retrainingReproducesTheCommittedParametersExactly() {
        AttributeModels retrained = AttributeModelTrainer.train();
        // Text equality is exact: every number is written in a form that reads back to the same double.
        assertThat(retrained.toText())
                .as("the committed %s is stale: retrain as AttributeModelTrainer's Javadoc says", AttributeModels.RESOURCE)
                .isEqualTo(AttributeModels.committed().toText());
    }

    @Test
    void theClassifiersLearnedSomethingOnTheirCalibrationSplit() {
        AttributeModels committed = AttributeModels.committed();
        // Comment lines record "NAME: calibration-split accuracy RIGHT/TOTAL"; chance is about 50%.
        for (String name : new String[] {"sex", "smile", "eyeglasses"}) {
            String line = committed.comments().stream().filter(c -> c.startsWith(name + ": calibration-split"))
                    .findFirst().orElseThrow();
            String[] fraction = line.substring(line.lastIndexOf(' ') + 1).split("/");
            double accuracy = Double.parseDouble(fraction[0]) / Double.parseDouble(fraction[1]);
            assertThat(accuracy).as(line).isGreaterThan(0.75);
        }
    }
}
