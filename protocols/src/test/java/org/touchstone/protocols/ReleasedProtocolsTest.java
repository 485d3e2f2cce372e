package org.touchstone.protocols;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.touchstone.runformat.io.Sha256;

/**
 * The immutability guard: a released protocol file never changes and is never withdrawn. If this test
 * fails because a released file changed, revert the change and publish it as a new version instead.
 */
class ReleasedProtocolsTest {
    private static final String RELEASED = ProtocolRepository.RESOURCE_FOLDER + "released.sha256";
    /** One line of {@code sha256sum} output, in text or binary mode. */
    private static final Pattern SHA256SUM_LINE = Pattern.compile("([0-9a-f]{64}) [ *](\\S+)");

    private static Map<String, String> released() {
        Map<String, String> hashes = new LinkedHashMap<>();
        new String(ProtocolRepository.resource(RELEASED), StandardCharsets.UTF_8).lines()
                .filter(line -> !line.isBlank()).forEach(line -> {
                    Matcher m = SHA256SUM_LINE.matcher(line);
                    assertThat(m.matches()).as("sha256sum line in %s: %s", RELEASED, line).isTrue();
                    assertThat(hashes.put(m.group(2), m.group(1))).as("listed twice: %s", m.group(2)).isNull();
                });
        return hashes;
    }

    @Test
    void everyBuiltInProtocolIsReleasedWithTheHashOfItsBytes() {
        Map<String, String> released = released();
        assertThat(ProtocolRepository.builtInFileNames()).isNotEmpty().allSatisfy(name -> {
            assertThat(released).as("%s is listed in index.txt but not in %s", name, RELEASED).containsKey(name);
            assertThat(Sha256.hex(ProtocolRepository.resource(ProtocolRepository.RESOURCE_FOLDER + name)))
                    .as("%s changed after its release: publish the change as a new version instead", name)
                    .isEqualTo(released.get(name));
        });
    }

    @Test
    void noReleasedProtocolIsWithdrawn() {
        assertThat(ProtocolRepository.builtInFileNames()).containsAll(released().keySet());
    }

    @Test
    void everyFileNameMatchesTheProtocolsIdAndVersion() {
        ProtocolRepository.builtIn().list().forEach(p -> assertThat(p.source())
                .isEqualTo(ProtocolRepository.RESOURCE_FOLDER + p.id() + "-" + p.version() + ".yaml"));
    }
}
