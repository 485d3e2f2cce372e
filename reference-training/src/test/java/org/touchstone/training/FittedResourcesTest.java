package org.touchstone.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.touchstone.reference.attributes.AttributeModels;
import org.touchstone.reference.lbp.LbpProjection;

class FittedResourcesTest {
    /** What the build fits, each with the stamp it keeps in target/ (named after the model's file). */
    @Test
    void theBuildFitsTheProjectionAndTheAttributeModelsEachWithItsOwnStamp() {
        assertThat(FittedResources.MODELS).extracting(FittedResources.Model::resource)
                .containsExactly(LbpProjection.RESOURCE, AttributeModels.RESOURCE);
        assertThat(FittedResources.MODELS).extracting(FittedResources.Model::stampName)
                .containsExactly("lbp-compact-projection.inputs", "synthetic-attributes.inputs");
        assertThat(FittedResources.MODELS).allSatisfy(m -> assertThat(m.code().get(0).getPackageName())
                .isEqualTo(FittedResources.class.getPackageName()));
    }
}
