package org.touchstone.protocols.importers.celeba;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.touchstone.protocols.importers.support.AttributeImport;
import org.touchstone.protocols.importers.ImportException;
import org.touchstone.protocols.importers.support.SourceImage;
import org.touchstone.protocols.importers.support.TokenLines;

/**
 * CelebA as torchvision expects it: {@code img_align_celeba/000001.jpg ...}, {@code list_attr_celeba.txt} (line 1
 * the image count, line 2 the 40 attribute names, then {@code 000001.jpg -1 1 ...}), {@code identity_CelebA.txt}
 * ({@code 000001.jpg 2880}) and {@code list_eval_partition.txt} ({@code 000001.jpg 0}: 0 train, 1 valid, 2 test).
 * Fields are separated by runs of spaces; a byte order mark is skipped.
 *
 * <p>The attribute file is the truth: an image it lists that the folder lacks is missing (counted), and the
 * identity and partition files must give every listed image exactly one value.
 *
 * <p>Manifest columns: subject {@code celeba-<identity>}; {@code label:sex} from {@code Male}, {@code label:smile}
 * from {@code Smiling}, {@code label:eyeglasses}, {@code label:mustache}, {@code label:mouth_open} from
 * {@code Mouth_Slightly_Open}, {@code label:beard} = not {@code No_Beard}; every attribute also as
 * {@code label:x-<name>} ({@code 5_o_Clock_Shadow} becomes {@code x-five_o_clock_shadow}, since attribute names start
 * with a letter); groups {@code sex} and {@code young} ({@code young}/{@code not young}, CelebA's only age label).
 */
public final class CelebaFiles {
    /** The attribute file. */
    public static final String ATTRIBUTES = "list_attr_celeba.txt";
    /** The identity file. */
    public static final String IDENTITIES = "identity_CelebA.txt";
    /** The partition file. */
    public static final String PARTITIONS = "list_eval_partition.txt";
    /** The aligned images' folder. */
    public static final String IMAGES = "img_align_celeba";
    /** The 40 attributes, in the file's order. */
    public static final List<String> ATTRIBUTE_NAMES = List.of("5_o_Clock_Shadow", "Arched_Eyebrows", "Attractive",
            "Bags_Under_Eyes", "Bald", "Bangs", "Big_Lips", "Big_Nose", "Black_Hair", "Blond_Hair", "Blurry",
            "Brown_Hair", "Bushy_Eyebrows", "Chubby", "Double_Chin", "Eyeglasses", "Goatee", "Gray_Hair",
            "Heavy_Makeup", "High_Cheekbones", "Male", "Mouth_Slightly_Open", "Mustache", "Narrow_Eyes", "No_Beard",
            "Oval_Face", "Pale_Skin", "Pointy_Nose", "Receding_Hairline", "Rosy_Cheeks", "Sideburns", "Smiling",
            "Straight_Hair", "Wavy_Hair", "Wearing_Earrings", "Wearing_Hat", "Wearing_Lipstick", "Wearing_Necklace",
            "Wearing_Necktie", "Young");
    /** The partitions by code. */
    public static final List<String> PARTITION_NAMES = List.of("train", "valid", "test");

    private CelebaFiles() {
    }

    /**
     * @param attribute a CelebA attribute name
     * @return its vendor label name, e.g. {@code x-five_o_clock_shadow}
     */
    public static String vendorName(String attribute) {
        return "x-" + attribute.replace("5_o_Clock", "five_o_clock").toLowerCase(Locale.ROOT);
    }

    /**
     * Reads the files and keeps the images of one partition.
     *
     * @param source    the folder holding the list files and {@code img_align_celeba/}
     * @param partition {@code train}, {@code valid}, {@code test} or {@code all}
     * @return what was found, image paths relative to {@code source}
     * @throws ImportException if a file is absent or a line breaks its format
     * @throws IOException           if a file cannot be read
     */
    public static AttributeImport read(Path source, String partition) throws ImportException, IOException {
        if (!partition.equals("all") && !PARTITION_NAMES.contains(partition)) {
            throw new IllegalArgumentException("partition must be all, train, valid or test, was '" + partition + "'");
        }
        Path attributes = source.resolve(ATTRIBUTES);
        Map<String, String> identity = mapping(source.resolve(IDENTITIES), "image_id identity", null);
        Map<String, String> partitionOf = mapping(source.resolve(PARTITIONS), "image_id partition", List.of("0", "1", "2"));
        List<SourceImage> images = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int[] declared = {-1};
        Map<String, Integer> firstLine = new HashMap<>();
        TokenLines.read(attributes, TokenLines.Separator.WHITESPACE, (line, tokens) -> {
            if (declared[0] < 0) {
                TokenLines.expectFields(attributes, line, tokens, 1, "the number of images");
                declared[0] = TokenLines.integer(attributes, line, "image count", tokens.get(0));
                return;
            }
            if (firstLine.isEmpty() && tokens.size() == ATTRIBUTE_NAMES.size() && !tokens.get(0).endsWith(".jpg")) {
                if (!tokens.equals(ATTRIBUTE_NAMES)) {
                    throw new ImportException(attributes, line, "expected the 40 attribute names in CelebA's order ("
                            + ATTRIBUTE_NAMES.get(0) + " ... " + ATTRIBUTE_NAMES.get(39) + "), found '"
                            + String.join(" ", tokens) + "'");
                }
                firstLine.put("", line);
                return;
            }
            if (firstLine.isEmpty()) {
                throw new ImportException(attributes, line, "expected line 2 to be the 40 attribute names");
            }
            TokenLines.expectFields(attributes, line, tokens, 1 + ATTRIBUTE_NAMES.size(), "image_id and 40 values of -1 or 1");
            String name = tokens.get(0);
            Integer first = firstLine.putIfAbsent(name, line);
            if (first != null) {
                throw new ImportException(attributes, line, "image " + name + " is listed twice (first on line "
                        + first + ")");
            }
            Map<String, Boolean> values = new LinkedHashMap<>();
            for (int a = 0; a < ATTRIBUTE_NAMES.size(); a++) {
                String v = tokens.get(1 + a);
                if (!v.equals("1") && !v.equals("-1")) {
                    throw new ImportException(attributes, line, ATTRIBUTE_NAMES.get(a) + " (field " + (a + 2)
                            + "): expected -1 or 1, found '" + v + "'");
                }
                values.put(ATTRIBUTE_NAMES.get(a), v.equals("1"));
            }
            String id = identity.get(name);
            String part = partitionOf.get(name);
            if (id == null || part == null) {
                throw new ImportException(attributes, line, "image " + name + " has no line in "
                        + (id == null ? IDENTITIES : PARTITIONS));
            }
            if (!partition.equals("all") && !PARTITION_NAMES.get(Integer.parseInt(part)).equals(partition)) {
                return;
            }
            String path = IMAGES + "/" + name;
            boolean present = Files.isRegularFile(source.resolve(path));
            if (!present) {
                missing.add(path);
            }
            images.add(new SourceImage(name, "celeba-" + id, path, present, labels(values), groups(values)));
        });
        if (declared[0] >= 0 && declared[0] != firstLine.size() - 1) {
            throw new ImportException(attributes, 1, "declares " + declared[0] + " images but lists "
                    + (firstLine.size() - 1));
        }
        if (declared[0] < 0) {
            throw new ImportException(attributes, 0, "empty; expected the image count, the attribute names, then"
                    + " one line per image");
        }
        Map<String, Path> files = new LinkedHashMap<>();
        files.put(ATTRIBUTES, attributes);
        files.put(IDENTITIES, source.resolve(IDENTITIES));
        files.put(PARTITIONS, source.resolve(PARTITIONS));
        return new AttributeImport(images, missing, Map.of(), files);
    }

    private static Map<String, String> labels(Map<String, Boolean> values) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("sex", values.get("Male") ? "male" : "female");
        labels.put("smile", Boolean.toString(values.get("Smiling")));
        labels.put("eyeglasses", Boolean.toString(values.get("Eyeglasses")));
        labels.put("mustache", Boolean.toString(values.get("Mustache")));
        labels.put("mouth_open", Boolean.toString(values.get("Mouth_Slightly_Open")));
        labels.put("beard", Boolean.toString(!values.get("No_Beard")));
        values.forEach((name, value) -> labels.put(vendorName(name), Boolean.toString(value)));
        return labels;
    }

    private static Map<String, String> groups(Map<String, Boolean> values) {
        return Map.of("sex", values.get("Male") ? "male" : "female", "young", values.get("Young") ? "young" : "not young");
    }

    /** Reads a two-column file {@code image_id value} into a map, refusing duplicates and bad values. */
    private static Map<String, String> mapping(Path file, String layout, List<String> allowed) throws ImportException, IOException {
        Map<String, String> map = new HashMap<>();
        TokenLines.read(file, TokenLines.Separator.WHITESPACE, (line, tokens) -> {
            TokenLines.expectFields(file, line, tokens, 2, layout);
            if (allowed != null && !allowed.contains(tokens.get(1))) {
                throw new ImportException(file, line, "expected " + String.join(", ", allowed) + " in field 2,"
                        + " found '" + tokens.get(1) + "'");
            }
            if (allowed == null) {
                TokenLines.integer(file, line, "identity (field 2)", tokens.get(1));
            }
            if (map.putIfAbsent(tokens.get(0), tokens.get(1)) != null) {
                throw new ImportException(file, line, "image " + tokens.get(0) + " is listed twice");
            }
        });
        return map;
    }
}
