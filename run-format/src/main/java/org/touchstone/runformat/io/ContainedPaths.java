package org.touchstone.runformat.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Keeps every file Touchstone reads, writes or deletes inside the folder it was given (a run directory, a
 * dataset, a protocol's folder, an output folder).
 *
 * <ul>
 *   <li>Reading: the name must stay inside the folder once {@code ..} is resolved, and the file, with every
 *       symbolic link followed, must still be inside the folder (itself with links followed). A dataset may
 *       link to an image elsewhere in the dataset, never to a file outside it.</li>
 *   <li>Writing and deleting: the name must stay inside the folder, and no existing part of the path below
 *       the folder may be a symbolic link at all, so a write or a deletion never goes through one. The
 *       folder itself may be a link: it is what the user named.</li>
 * </ul>
 *
 * <p>The checks are made when called; a folder changed by someone else between the check and the write is
 * out of scope, as it is for every tool that is handed a folder it does not own.
 */
public final class ContainedPaths {
    private ContainedPaths() {
    }

    /**
     * Resolves a relative name read from a file (a manifest, a protocol, run.json) for reading.
     *
     * @param folder   the folder the name is relative to
     * @param relative the name, with {@code /} separators
     * @return the absolute, normalised path of the file (links not resolved), which may not exist
     * @throws OutsideFolderException if the name is absolute, leaves the folder, or the file it names is
     *                                a link that ends outside the folder
     * @throws IOException            if the folder cannot be resolved
     */
    public static Path resolveForReading(Path folder, String relative) throws IOException {
        Path file = lexicallyInside(folder, relative);
        requireInsideForReading(folder, file);
        return file;
    }

    /**
     * Checks that a file, once every symbolic link on its way is followed, lies inside a folder (itself
     * with links followed). A file that does not exist yet passes: there is nothing to read.
     *
     * @param folder the folder
     * @param file   a path inside it (absolute, or relative to the working directory)
     * @throws OutsideFolderException if a link takes the file outside the folder
     * @throws IOException            if the paths cannot be resolved
     */
    public static void requireInsideForReading(Path folder, Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        Path realFolder = folder.toRealPath();
        Path real = file.toRealPath();
        if (!real.startsWith(realFolder) || real.equals(realFolder)) {
            throw new OutsideFolderException(file + " is a symbolic link (or lies below one) that ends at " + real
                    + ", outside " + folder + "; Touchstone reads only files inside the folder it was given");
        }
    }

    /**
     * Resolves a relative name for writing or deleting.
     *
     * @param folder   the folder to write into
     * @param relative the name, with {@code /} separators
     * @return the absolute, normalised path to write
     * @throws OutsideFolderException if the name is absolute, leaves the folder, or an existing part of the
     *                                path below the folder is a symbolic link
     */
    public static Path resolveForWriting(Path folder, String relative) throws OutsideFolderException {
        Path file = lexicallyInside(folder, relative);
        requireNoLinkBelow(folder, file);
        return file;
    }

    /**
     * Checks that no existing part of a path below a folder is a symbolic link: neither a folder on the way
     * nor the file itself.
     *
     * @param folder the folder
     * @param file   a path inside it
     * @throws OutsideFolderException if the path is not inside the folder or goes through a link
     */
    public static void requireNoLinkBelow(Path folder, Path file) throws OutsideFolderException {
        Path root = folder.toAbsolutePath().normalize();
        Path target = file.toAbsolutePath().normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new OutsideFolderException(file + " is not inside " + folder);
        }
        Path current = root;
        for (Path part : root.relativize(target)) {
            current = current.resolve(part);
            if (Files.isSymbolicLink(current)) {
                throw new OutsideFolderException(current + " is a symbolic link; Touchstone writes and deletes only"
                        + " inside the folder it was given (" + folder + "), never through a link. Replace the link"
                        + " with a real " + (current.equals(target) ? "file" : "folder") + ", or remove it.");
            }
            if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
        }
    }

    private static Path lexicallyInside(Path folder, String relative) throws OutsideFolderException {
        Path root = folder.toAbsolutePath().normalize();
        Path name;
        try {
            name = Path.of(relative);
        } catch (InvalidPathException e) {
            throw new OutsideFolderException("invalid path '" + relative + "': " + e.getReason());
        }
        if (relative.isEmpty() || name.isAbsolute() || relative.startsWith("/") || relative.startsWith("\\")
                || relative.contains("\\") || (relative.length() > 1 && relative.charAt(1) == ':')) {
            throw new OutsideFolderException("'" + relative + "' is not a relative path with '/' separators inside "
                    + folder);
        }
        Path file = root.resolve(name).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new OutsideFolderException("'" + relative + "' leaves " + folder);
        }
        return file;
    }
}
