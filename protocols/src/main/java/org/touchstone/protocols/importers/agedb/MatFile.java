package org.touchstone.protocols.importers.agedb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A MATLAB Level 5 MAT-file (v5, and v7's compressed elements; not v7.3, which is HDF5): the variables of
 * class cell, struct, char and numeric, which is all AgeDB's protocol files use. Written by hand because no
 * MAT reader is among this project's dependencies (MFL's would be the library to take if one were added).
 * The format: a 128-byte header, then data elements, each a tag (type, size) and its data padded to 8
 * bytes, or a 4-byte "small" element; {@code miCOMPRESSED} elements hold a zlib stream of one element.
 */
final class MatFile {
    /** A value of a MAT file. */
    sealed interface Value permits Text, Numbers, Cell, Struct {
    }

    /** A char array, as one string (rows concatenated, which is what a 1 x n name is). */
    record Text(String text) implements Value {
    }

    /** A numeric array, as doubles in MATLAB's column-major order. */
    record Numbers(int[] dims, double[] values) implements Value {
    }

    /** A cell array, its elements in column-major order. */
    record Cell(int[] dims, List<Value> elements) implements Value {
    }

    /** A struct array: per element (column-major), its fields by name in file order. */
    record Struct(int[] dims, List<String> fields, List<Map<String, Value>> elements) implements Value {
    }

    private static final int MI_INT8 = 1;
    private static final int MI_UINT8 = 2;
    private static final int MI_INT16 = 3;
    private static final int MI_UINT16 = 4;
    private static final int MI_INT32 = 5;
    private static final int MI_UINT32 = 6;
    private static final int MI_SINGLE = 7;
    private static final int MI_DOUBLE = 9;
    private static final int MI_INT64 = 12;
    private static final int MI_UINT64 = 13;
    private static final int MI_MATRIX = 14;
    private static final int MI_COMPRESSED = 15;
    private static final int MI_UTF8 = 16;
    private static final int MI_UTF16 = 17;

    private static final int CLASS_CELL = 1;
    private static final int CLASS_STRUCT = 2;
    private static final int CLASS_CHAR = 4;

    private MatFile() {
    }

    /**
     * @param bytes the file
     * @return its variables by name, in file order
     * @throws IOException if it is not a Level 5 MAT file or holds something this reader does not know
     */
    static Map<String, Value> read(byte[] bytes) throws IOException {
        if (bytes.length < 128) {
            throw new IOException("shorter than a MAT file's 128-byte header");
        }
        String header = new String(bytes, 0, 116, StandardCharsets.ISO_8859_1);
        if (header.startsWith("\u0089HDF") || bytes[0] == (byte) 0x89) {
            throw new IOException("a MATLAB v7.3 (HDF5) file; save it with -v7 or -v6");
        }
        if (!header.startsWith("MATLAB 5.0 MAT-file")) {
            throw new IOException("not a MATLAB 5.0 MAT-file (its header reads '" + header.strip() + "')");
        }
        ByteOrder order = bytes[126] == 'I' && bytes[127] == 'M' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(order);
        buffer.position(128);
        Map<String, Value> variables = new LinkedHashMap<>();
        while (buffer.remaining() >= 8) {
            readVariable(buffer, order, variables);
        }
        return variables;
    }

    private static void readVariable(ByteBuffer buffer, ByteOrder order, Map<String, Value> into) throws IOException {
        int type = buffer.getInt();
        int size = buffer.getInt();
        if (type == MI_COMPRESSED) {
            byte[] compressed = new byte[size];
            buffer.get(compressed);
            Inflater inflater = new Inflater();
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[1 << 16];
            try {
                while (!inflater.finished()) {
                    int n = inflater.inflate(chunk);
                    if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        throw new IOException("a compressed element ends early");
                    }
                    out.write(chunk, 0, n);
                }
            } catch (DataFormatException e) {
                throw new IOException("a compressed element is not a zlib stream: " + e.getMessage(), e);
            } finally {
                inflater.end();
            }
            ByteBuffer inner = ByteBuffer.wrap(out.toByteArray()).order(order);
            readVariable(inner, order, into);
            return;
        }
        if (type != MI_MATRIX) {
            throw new IOException("expected a matrix element (type 14) at the top level, found type " + type);
        }
        ByteBuffer matrix = slice(buffer, size);
        String[] name = new String[1];
        Value value = matrix(matrix, name);
        into.put(name[0], value);
        pad(buffer, size);
    }

    private static ByteBuffer slice(ByteBuffer buffer, int size) throws IOException {
        if (size < 0 || size > buffer.remaining()) {
            throw new IOException("an element of " + size + " bytes runs past the end of the file");
        }
        ByteBuffer slice = buffer.slice().order(buffer.order());
        slice.limit(size);
        buffer.position(buffer.position() + size);
        return slice;
    }

    private static void pad(ByteBuffer buffer, int size) {
        int padding = (8 - size % 8) % 8;
        buffer.position(Math.min(buffer.limit(), buffer.position() + padding));
    }

    /** One sub-element: its type and raw data (small or normal form). */
    private record Element(int type, ByteBuffer data) {
    }

    private static Element element(ByteBuffer buffer) throws IOException {
        int first = buffer.getInt();
        if ((first >>> 16) != 0) { // small data element: size in the upper half, data in the next 4 bytes
            int size = first >>> 16;
            ByteBuffer data = buffer.slice().order(buffer.order());
            data.limit(size);
            buffer.position(buffer.position() + 4);
            return new Element(first & 0xffff, data);
        }
        int size = buffer.getInt();
        ByteBuffer data = slice(buffer, size);
        pad(buffer, size);
        return new Element(first, data);
    }

    /** The contents of a miMATRIX element (after its tag). */
    private static Value matrix(ByteBuffer m, String[] nameOut) throws IOException {
        if (!m.hasRemaining()) {
            nameOut[0] = "";
            return new Numbers(new int[] {0, 0}, new double[0]); // an empty matrix
        }
        Element flags = element(m);
        int arrayClass = flags.data.getInt(0) & 0xff;
        Element dimsElement = element(m);
        int[] dims = new int[dimsElement.data.remaining() / 4];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = dimsElement.data.getInt();
        }
        Element name = element(m);
        nameOut[0] = new String(bytesOf(name.data), StandardCharsets.US_ASCII);
        int count = 1;
        for (int d : dims) {
            count *= d;
        }
        switch (arrayClass) {
            case CLASS_CELL -> {
                List<Value> elements = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    elements.add(nested(m));
                }
                return new Cell(dims, elements);
            }
            case CLASS_STRUCT -> {
                int nameLength = element(m).data.getInt(0);
                byte[] names = bytesOf(element(m).data);
                List<String> fields = new ArrayList<>();
                for (int off = 0; off + nameLength <= names.length; off += nameLength) {
                    int end = off;
                    while (end < off + nameLength && names[end] != 0) {
                        end++;
                    }
                    fields.add(new String(names, off, end - off, StandardCharsets.US_ASCII));
                }
                List<Map<String, Value>> elements = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    Map<String, Value> element = new LinkedHashMap<>();
                    for (String field : fields) {
                        element.put(field, nested(m));
                    }
                    elements.add(element);
                }
                return new Struct(dims, fields, elements);
            }
            case CLASS_CHAR -> {
                Element data = m.hasRemaining() ? element(m) : new Element(MI_UINT16, ByteBuffer.allocate(0));
                return new Text(text(data, dims));
            }
            default -> {
                if (arrayClass < 6 || arrayClass > 15) {
                    throw new IOException("array class " + arrayClass + " is not supported (cell, struct, char and"
                            + " numeric arrays are)");
                }
                Element data = m.hasRemaining() ? element(m) : new Element(MI_DOUBLE, ByteBuffer.allocate(0));
                return new Numbers(dims, numbers(data));
            }
        }
    }

    private static Value nested(ByteBuffer m) throws IOException {
        int type = m.getInt();
        int size = m.getInt();
        if (type != MI_MATRIX) {
            throw new IOException("expected a matrix element inside a cell or struct, found type " + type);
        }
        ByteBuffer inner = slice(m, size);
        pad(m, size);
        return matrix(inner, new String[1]);
    }

    private static byte[] bytesOf(ByteBuffer data) {
        byte[] b = new byte[data.remaining()];
        data.duplicate().get(b);
        return b;
    }

    /** A char array's text: column-major characters read row by row. */
    private static String text(Element data, int[] dims) throws IOException {
        String raw;
        switch (data.type) {
            case MI_UTF8, MI_UINT8, MI_INT8 -> raw = new String(bytesOf(data.data), StandardCharsets.UTF_8);
            case MI_UINT16, MI_UTF16 -> {
                StringBuilder s = new StringBuilder();
                ByteBuffer d = data.data.duplicate().order(data.data.order());
                while (d.remaining() >= 2) {
                    s.append(d.getChar());
                }
                raw = s.toString();
            }
            default -> throw new IOException("char data of type " + data.type + " is not supported");
        }
        int rows = dims.length > 0 ? dims[0] : 1;
        if (rows <= 1) {
            return raw;
        }
        int columns = raw.length() / rows;
        StringBuilder s = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                s.append(raw.charAt(r + c * rows));
            }
        }
        return s.toString();
    }

    private static double[] numbers(Element e) throws IOException {
        ByteBuffer d = e.data.duplicate().order(e.data.order());
        int width = switch (e.type) {
            case MI_INT8, MI_UINT8 -> 1;
            case MI_INT16, MI_UINT16 -> 2;
            case MI_INT32, MI_UINT32, MI_SINGLE -> 4;
            case MI_DOUBLE, MI_INT64, MI_UINT64 -> 8;
            default -> throw new IOException("numeric data of type " + e.type + " is not supported");
        };
        double[] values = new double[d.remaining() / width];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (e.type) {
                case MI_INT8 -> d.get();
                case MI_UINT8 -> d.get() & 0xff;
                case MI_INT16 -> d.getShort();
                case MI_UINT16 -> d.getShort() & 0xffff;
                case MI_INT32 -> d.getInt();
                case MI_UINT32 -> d.getInt() & 0xffffffffL;
                case MI_SINGLE -> d.getFloat();
                case MI_DOUBLE -> d.getDouble();
                default -> d.getLong();
            };
        }
        return values;
    }

    // ------------------------------------------------------------------------------ writing (fixtures only)

    /**
     * Writes variables as a little-endian Level 5 MAT file, each compressed as MATLAB's default (v7) does.
     *
     * @param variables the variables by name
     * @return the file's bytes
     */
    static byte[] write(Map<String, Value> variables) {
        ByteBuffer header = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);
        byte[] text = String.format("MATLAB 5.0 MAT-file, written by Touchstone's test fixtures%-116s", "")
                .substring(0, 116).getBytes(StandardCharsets.US_ASCII);
        header.put(text).put(new byte[8]).putShort((short) 0x0100).put((byte) 'I').put((byte) 'M');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        for (Map.Entry<String, Value> v : variables.entrySet()) {
            byte[] matrix = matrixElement(v.getKey(), v.getValue());
            Deflater deflater = new Deflater();
            deflater.setInput(matrix);
            deflater.finish();
            ByteArrayOutputStream z = new ByteArrayOutputStream();
            byte[] chunk = new byte[1 << 16];
            while (!deflater.finished()) {
                z.write(chunk, 0, deflater.deflate(chunk));
            }
            deflater.end();
            out.writeBytes(tag(MI_COMPRESSED, z.size()));
            out.writeBytes(z.toByteArray());
        }
        return out.toByteArray();
    }

    private static byte[] tag(int type, int size) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(type).putInt(size).array();
    }

    private static void sub(ByteArrayOutputStream out, int type, byte[] data) {
        out.writeBytes(tag(type, data.length));
        out.writeBytes(data);
        out.writeBytes(new byte[(8 - data.length % 8) % 8]);
    }

    private static byte[] matrixElement(String name, Value value) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int arrayClass;
        int[] dims;
        if (value instanceof Cell c) {
            arrayClass = CLASS_CELL;
            dims = c.dims();
        } else if (value instanceof Struct s) {
            arrayClass = CLASS_STRUCT;
            dims = s.dims();
        } else if (value instanceof Text t) {
            arrayClass = CLASS_CHAR;
            dims = new int[] {1, t.text().length()};
        } else {
            arrayClass = 6; // double
            dims = ((Numbers) value).dims();
        }
        sub(body, MI_UINT32, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(arrayClass).putInt(0).array());
        ByteBuffer d = ByteBuffer.allocate(4 * dims.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int x : dims) {
            d.putInt(x);
        }
        sub(body, MI_INT32, d.array());
        sub(body, MI_INT8, name.getBytes(StandardCharsets.US_ASCII));
        if (value instanceof Cell c) {
            c.elements().forEach(e -> body.writeBytes(matrixElement("", e)));
        } else if (value instanceof Struct s) {
            int width = 32;
            sub(body, MI_INT32, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(width).array());
            byte[] names = new byte[width * s.fields().size()];
            for (int i = 0; i < s.fields().size(); i++) {
                byte[] f = s.fields().get(i).getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(f, 0, names, i * width, f.length);
            }
            sub(body, MI_INT8, names);
            for (Map<String, Value> element : s.elements()) {
                s.fields().forEach(f -> body.writeBytes(matrixElement("", element.get(f))));
            }
        } else if (value instanceof Text t) {
            ByteBuffer chars = ByteBuffer.allocate(2 * t.text().length()).order(ByteOrder.LITTLE_ENDIAN);
            t.text().chars().forEach(ch -> chars.putChar((char) ch));
            sub(body, MI_UINT16, chars.array());
        } else {
            double[] values = ((Numbers) value).values();
            ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
            for (double v : values) {
                b.putDouble(v);
            }
            sub(body, MI_DOUBLE, b.array());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(tag(MI_MATRIX, body.size()));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }
}
