package org.touchstone.protocols.importers.megaface;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.touchstone.protocols.importers.ImportException;
import org.touchstone.protocols.importers.support.ImportedDataset;
import org.touchstone.protocols.importers.support.SourceImage;

/**
 * MegaFace Challenge 1 from the devkit's template lists: {@code templatelists/megaface_features_list.json_<size>_1}
 * for size 10 .. 1,000,000, each {@code {"path": [...]}}, and {@code templatelists/facescrub_features_list.json}
 * with parallel {@code path} and {@code id} lists. Distractor paths resolve against the MegaFace image folder
 * ({@code FlickrFinal2/} by default), FaceScrub paths against the FaceScrub folder ({@code facescrub_images/} by
 * default; the devkit does not fix its name). The lists are the truth: an image they name that the copy lacks is
 * missing, counted.
 *
 * <p>Subjects: a FaceScrub image shows {@code facescrub-<id>}; each distractor is its own subject
 * ({@code megaface-<path>}), as the challenge assumes of its Flickr photos (none shows a FaceScrub celebrity).
 *
 * <p>Lists written under the dataset's {@code lists/} and declared in its manifest: {@code megaface-distractors-<size>}
 * ({@code sample_id}) for every size found, and {@value #PROBES} ({@code sample_id,identity}).
 */
public final class MegafaceDevkit {
    /** The distractor sizes of Challenge 1. */
    public static final List<Integer> SIZES = List.of(10, 100, 1_000, 10_000, 100_000, 1_000_000);
    /** The FaceScrub list. */
    public static final String FACESCRUB_LIST = "facescrub_features_list.json";
    /** The FaceScrub probe list written. */
    public static final String PROBES = "megaface-facescrub";
    /** Default distractor image folder. */
    public static final String DEFAULT_MEGAFACE_IMAGES = "FlickrFinal2";
    /** Default FaceScrub image folder. */
    public static final String DEFAULT_FACESCRUB_IMAGES = "facescrub_images";

    private MegafaceDevkit() {
    }

    /**
     * @param size a distractor count
     * @return the devkit's list for it, set 1
     */
    public static String distractorList(int size) {
        return "megaface_features_list.json_" + size + "_1";
    }

    /**
     * @param size a distractor count
     * @return the list written for it
     */
    public static String writtenDistractorList(int size) {
        return "megaface-distractors-" + size;
    }

    /**
     * What an import found.
     *
     * @param images            FaceScrub images then distractors (each once, in list order)
     * @param distractorsBySize distractors per list found, by size
     * @param probeImages       FaceScrub images
     * @param identities        FaceScrub identities
     * @param missingImages     images named but absent, relative to the copy
     * @param protocolFiles     the lists read, by name
     */
    public record Result(List<SourceImage> images, Map<Integer, Integer> distractorsBySize, int probeImages,
                         int identities, List<String> missingImages, Map<String, Path> protocolFiles) {
    }

    /**
     * @param source           the user's folder, holding {@code devkit/templatelists/} or {@code templatelists/}
     * @param megafaceImages   distractor image folder, relative to {@code source}
     * @param facescrubImages  FaceScrub image folder, relative to {@code source}
     * @param dataset          the imported dataset receiving the lists (images are registered by the caller)
     * @return what was found
     * @throws ImportException if a list is malformed or the FaceScrub list is absent
     * @throws IOException           if a file cannot be read or written
     */
    public static Result run(Path source, String megafaceImages, String facescrubImages,
                             ImportedDataset dataset) throws ImportException, IOException {
        Path lists = source.resolve("devkit").resolve("templatelists");
        if (!Files.isDirectory(lists)) {
            lists = source.resolve("templatelists");
        }
        Path facescrub = lists.resolve(FACESCRUB_LIST);
        if (!Files.isRegularFile(facescrub)) {
            throw new ImportException(source, 0, "not a MegaFace devkit: expected devkit/templatelists/"
                    + FACESCRUB_LIST + " or templatelists/" + FACESCRUB_LIST);
        }
        Map<String, Path> files = new LinkedHashMap<>();
        files.put(FACESCRUB_LIST, facescrub);
        Map<String, List<String>> fs = arrays(facescrub, List.of("path", "id"));
        List<String> paths = fs.get("path");
        List<String> ids = fs.get("id");
        if (paths.size() != ids.size()) {
            throw new ImportException(facescrub, 0, "'path' has " + paths.size() + " entries but 'id' has "
                    + ids.size() + "; expected parallel lists");
        }
        List<SourceImage> images = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        try (BufferedWriter probes = Files.newBufferedWriter(dataset.listFile(PROBES), StandardCharsets.UTF_8)) {
            probes.write("sample_id,identity\n");
            for (int i = 0; i < paths.size(); i++) {
                String path = relative(facescrub, paths.get(i));
                String sampleId = "facescrub/" + path;
                if (!seen.add(sampleId)) {
                    throw new ImportException(facescrub, 0, "path '" + path + "' is listed twice (entry " + (i + 1) + ")");
                }
                String sourcePath = facescrubImages + "/" + path;
                boolean present = Files.isRegularFile(source.resolve(sourcePath));
                if (!present) {
                    missing.add(sourcePath);
                }
                images.add(new SourceImage(sampleId, "facescrub-" + ids.get(i), sourcePath, present, Map.of(), Map.of()));
                probes.write(quoted(sampleId) + "," + quoted(ids.get(i)) + "\n");
            }
        }
        Map<Integer, Integer> bySize = new LinkedHashMap<>();
        for (int size : SIZES) {
            Path list = lists.resolve(distractorList(size));
            if (!Files.isRegularFile(list)) {
                continue;
            }
            files.put(distractorList(size), list);
            List<String> distractors = arrays(list, List.of("path")).get("path");
            try (BufferedWriter written = Files.newBufferedWriter(dataset.listFile(writtenDistractorList(size)),
                    StandardCharsets.UTF_8)) {
                written.write("sample_id\n");
                Set<String> inList = new java.util.HashSet<>();
                for (String raw : distractors) {
                    String path = relative(list, raw);
                    String sampleId = "megaface/" + path;
                    if (!inList.add(sampleId)) {
                        throw new ImportException(list, 0, "path '" + path + "' is listed twice");
                    }
                    if (seen.add(sampleId)) {
                        String sourcePath = path.startsWith(megafaceImages + "/") ? path : megafaceImages + "/" + path;
                        boolean present = Files.isRegularFile(source.resolve(sourcePath));
                        if (!present) {
                            missing.add(sourcePath);
                        }
                        images.add(new SourceImage(sampleId, "megaface-" + path, sourcePath, present, Map.of(), Map.of()));
                    }
                    written.write(quoted(sampleId) + "\n");
                }
            }
            bySize.put(size, distractors.size());
            dataset.writtenList(writtenDistractorList(size), List.of(String.format(java.util.Locale.ROOT,
                    "%,d distractors", distractors.size())));
        }
        dataset.writtenList(PROBES, List.of(String.format(java.util.Locale.ROOT, "%,d FaceScrub images of %,d identities",
                paths.size(), new LinkedHashSet<>(ids).size())));
        if (bySize.isEmpty()) {
            throw new ImportException(lists, 0, "no distractor list: expected " + distractorList(10) + " .. "
                    + distractorList(1_000_000));
        }
        return new Result(List.copyOf(images), bySize, paths.size(), new LinkedHashSet<>(ids).size(), List.copyOf(missing),
                files);
    }

    private static String relative(Path file, String path) throws ImportException {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        if (p.isEmpty() || p.startsWith("/") || p.equals("..") || p.startsWith("../") || p.contains("/../")) {
            throw new ImportException(file, 0, "expected relative image paths inside the image folder, found '"
                    + path + "'");
        }
        return p;
    }

    private static String quoted(String cell) {
        return cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    /**
     * Streams a JSON object's arrays of strings (numbers are taken as their text), by key; other keys are skipped.
     * Streaming, since the 1M list is large.
     */
    private static Map<String, List<String>> arrays(Path file, List<String> keys) throws ImportException, IOException {
        Map<String, List<String>> found = new LinkedHashMap<>();
        try (JsonParser json = new JsonFactory().createParser(file.toFile())) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new ImportException(file, json.currentLocation().getLineNr(), "expected a JSON object {\""
                        + String.join("\": [...], \"", keys) + "\": [...]}");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String key = json.currentName();
                JsonToken value = json.nextToken();
                if (!keys.contains(key)) {
                    json.skipChildren();
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    throw new ImportException(file, json.currentLocation().getLineNr(), "'" + key
                            + "': expected an array");
                }
                List<String> items = new ArrayList<>();
                for (JsonToken t = json.nextToken(); t != JsonToken.END_ARRAY; t = json.nextToken()) {
                    if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NUMBER_INT) {
                        throw new ImportException(file, json.currentLocation().getLineNr(), "'" + key
                                + "': expected strings, found " + t);
                    }
                    items.add(json.getText());
                }
                found.put(key, items);
            }
        } catch (JsonParseException e) {
            throw new ImportException(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "not valid JSON: " + e.getOriginalMessage());
        }
        for (String key : keys) {
            if (!found.containsKey(key)) {
                throw new ImportException(file, 0, "expected the key '" + key + "'");
            }
        }
        return found;
    }
}
