package org.touchstone.runformat.columns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.touchstone.api.TemplateRole;

class ColumnsTest {
    @Test
    void familiesExpandToOneColumnPerMemberInTheirPlace() {
        assertThat(TemplatesCsv.headerRow(List.of("sex", "age_band"))).containsExactly("template_id", "role",
                "subject_id", "sample_ids", "status", "failure_code", "message", "size_bytes", "latency_ns", "group:sex",
                "group:age_band");
        assertThat(AnalysesCsv.headerRow(List.of("age"), List.of("sex"))).containsExactly("sample_id", "subject_id",
                "status", "failure_code", "message", "faces", "latency_ns", "label:age", "group:sex");
        assertThat(AnalysesCsv.headerRow(List.of(), List.of())).hasSize(7);
        assertThat(ComparisonsCsv.headerRow()).containsExactly("enrolment_template", "probe_template", "mated", "status",
                "failure_code", "score", "latency_ns");
    }

    @Test
    void onlyAFamilyHasMembers() {
        assertThat(TemplatesCsv.GROUP.isFamily()).isTrue();
        assertThat(TemplatesCsv.GROUP.member("sex")).isEqualTo("group:sex");
        assertThat(TemplatesCsv.ROLE.isFamily()).isFalse();
        assertThatThrownBy(() -> TemplatesCsv.ROLE.member("x")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void codedCellsReadBackToTheirValue() {
        for (SearchesCsv.Status status : SearchesCsv.Status.values()) {
            assertThat(CellValue.parse(SearchesCsv.Status.class, status.text())).contains(status);
        }
        assertThat(CellValue.parse(ComparisonsCsv.Status.class, "failed")).isEqualTo(Optional.empty());
        assertThat(CellValue.texts(AnalysesCsv.Status.class)).containsExactly("ok", "no_face", "failed");
        assertThat(TemplatesCsv.roleName(TemplateRole.IDENTIFICATION_PROBE)).isEqualTo("identification_probe");
        assertThat(Cells.bool(true) + Cells.bool(false)).isEqualTo("truefalse");
    }
}
