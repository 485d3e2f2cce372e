package org.touchstone.runner.systems.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.touchstone.api.Template;
import org.touchstone.runner.systems.wire.WireJson;

/**
 * The plain-form reader of version-2 comparison requests answers as the tree reader does where it applies,
 * and leaves every other body to it (null).
 */
class ComparisonRequestTest {
    private final TemplateStore store = new TemplateStore(1 << 20);
    private final List<String> refs = new ArrayList<>();

    ComparisonRequestTest() {
        for (int i = 0; i < 5; i++) {
            refs.add(store.put(Template.of(new byte[] {(byte) i, 7, 7})));
        }
    }

    @Test
    void aPlainRequestResolvesAsTheTreeReaderResolvesIt() throws Exception {
        for (String body : List.of(
                "{\"store\":[],\"probe_ref\":\"" + refs.get(0) + "\",\"enrolment_refs\":[" + quoted(1, 2, 3, 1) + "]}",
                "{\"enrolment_refs\":[" + quoted(4) + "],\"probe_ref\":\"" + refs.get(2) + "\"}",
                "{\"probe_ref\":\"" + refs.get(3) + "\",\"enrolment_refs\":[]}")) {
            ComparisonRequest plain = ComparisonRequest.readPlain(utf8(body), store);
            ComparisonRequest tree = ComparisonRequest.read(WireJson.parseObject(utf8(body)), store);
            assertThat(plain).as(body).isNotNull();
            assertThat(plain.probe()).isSameAs(tree.probe());
            assertThat(plain.enrolments()).containsExactlyElementsOf(tree.enrolments());
        }
    }

    @Test
    void anUnknownReferenceIsNamedAsTheTreeReaderNamesIt() throws Exception {
        String unknown = "0".repeat(64);
        byte[] body = utf8("{\"probe_ref\":\"" + refs.get(0) + "\",\"enrolment_refs\":[" + quoted(1) + ",\"" + unknown + "\"]}");
        String treeMessage = null;
        try {
            ComparisonRequest.read(WireJson.parseObject(body), store);
        } catch (ComparisonRequest.UnknownTemplateException e) {
            treeMessage = e.getMessage();
        }
        assertThat(treeMessage).contains("enrolment_refs[1]", unknown);
        assertThatThrownBy(() -> ComparisonRequest.readPlain(body, store))
                .isInstanceOf(ComparisonRequest.UnknownTemplateException.class).hasMessage(treeMessage);
    }

    @Test
    void everyOtherBodyIsLeftToTheTreeReader() throws Exception {
        String probe = "\"probe_ref\":\"" + refs.get(0) + "\"";
        String enrolments = "\"enrolment_refs\":[" + quoted(1) + "]";
        for (String body : List.of(
                "{\"store\":[\"AQID\"]," + probe + "," + enrolments + "}",
                "{" + probe + "," + enrolments + ",\"extra\":1}",
                "{" + probe + "," + probe + "," + enrolments + "}",
                "{\"store\":[],\"store\":[]," + probe + "," + enrolments + "}",
                "{" + probe + "}",
                "{" + enrolments + "}",
                "{\"probe\":\"AQID\"," + enrolments + "}",
                "{" + probe + ",\"enrolment_refs\":[" + quoted(1) + ",3]}",
                "{" + probe + ",\"enrolment_refs\":\"" + refs.get(1) + "\"}",
                "{\"probe_ref\":5," + enrolments + "}",
                "{" + probe + "," + enrolments + "} []",
                "{" + probe + "," + enrolments,
                "[]",
                "")) {
            assertThat(ComparisonRequest.readPlain(utf8(body), store)).as(body).isNull();
        }
    }

    private String quoted(int... indexes) {
        StringBuilder s = new StringBuilder();
        for (int i : indexes) {
            s.append(s.length() == 0 ? "" : ",").append('"').append(refs.get(i)).append('"');
        }
        return s.toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
