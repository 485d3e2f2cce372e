package org.touchstone.protocols.importers.insightface;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the pickle of an insightface verification pack: the 2-tuple {@code (bins, issame_list)}, where each
 * element of {@code bins} is an encoded image held either as raw bytes (a Python 2 {@code str} or a Python 3
 * {@code bytes}, possibly through {@code _codecs.encode(..., 'latin1')}) or as a numpy uint8 array
 * ({@code numpy.core.multiarray._reconstruct} + BUILD, as {@code cv2.imencode} output is pickled).
 *
 * <p>Written by hand, and deliberately not a general unpickler: unpickling can run arbitrary code, and a user's
 * file must never do that. Only the opcodes these packs use are understood, and only four globals are
 * accepted ({@code numpy[._]core.multiarray._reconstruct}, {@code numpy.ndarray}, {@code numpy.dtype},
 * {@code _codecs.encode}), each turned into a plain value here; anything else is refused with its offset.
 */
final class PackUnpickler {
    /** What a pack holds. */
    record Pack(List<byte[]> images, List<Boolean> issame) {
    }

    /** A problem, with the byte offset where it was found. */
    static final class PickleException extends IOException {
        private static final long serialVersionUID = 1L;

        PickleException(long offset, String message) {
            super("at byte " + offset + ": " + message);
        }
    }

    private static final Set<String> RECONSTRUCT = Set.of("numpy.core.multiarray._reconstruct",
            "numpy._core.multiarray._reconstruct");

    private enum Global { RECONSTRUCT, NDARRAY, DTYPE, CODECS_ENCODE }

    /** A numpy array under construction: its raw data once BUILD has run. */
    private static final class NdArray {
        byte[] data;
    }

    /** A numpy dtype: its state is ignored (the packs use uint8). */
    private static final class Dtype {
    }

    private static final Object MARK = new Object();

    /** A stack that holds nulls. */
    private static final class Stack {
        private final List<Object> items = new ArrayList<>();

        void push(Object o) {
            items.add(o);
        }

        Object pop() {
            return items.remove(items.size() - 1);
        }

        Object peek() {
            return items.isEmpty() ? null : items.get(items.size() - 1);
        }

        boolean isEmpty() {
            return items.isEmpty();
        }
    }

    private final InputStream in;
    private long offset;
    /** The pickle machine's stack; a list, since Python's None is a value here (null). */
    private final Stack stack = new Stack();
    private final Map<Long, Object> memo = new HashMap<>();

    private PackUnpickler(InputStream in) {
        this.in = in;
    }

    /**
     * @param in a pack's bytes
     * @return its images and labels
     * @throws IOException if it cannot be read, is not such a pickle or uses anything not whitelisted
     */
    static Pack read(InputStream in) throws IOException {
        Object result = new PackUnpickler(in).load();
        if (!(result instanceof List<?> top) || top.size() != 2 || !(top.get(0) instanceof List<?> bins)
                || !(top.get(1) instanceof List<?> labels)) {
            throw new PickleException(0, "expected the tuple (bins, issame_list) of an insightface pack, found "
                    + describe(result));
        }
        List<byte[]> images = new ArrayList<>(bins.size());
        for (int i = 0; i < bins.size(); i++) {
            Object b = bins.get(i);
            if (b instanceof byte[] bytes) {
                images.add(bytes);
            } else if (b instanceof NdArray a && a.data != null) {
                images.add(a.data);
            } else {
                throw new PickleException(0, "bins[" + i + "] is " + describe(b) + ", expected encoded image bytes");
            }
        }
        List<Boolean> issame = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            Object l = labels.get(i);
            if (l instanceof Boolean v) {
                issame.add(v);
            } else if (l instanceof Long v && (v == 0 || v == 1)) {
                issame.add(v == 1);
            } else {
                throw new PickleException(0, "issame_list[" + i + "] is " + describe(l) + ", expected True or False");
            }
        }
        return new Pack(images, issame);
    }

    private static String describe(Object o) {
        return o == null ? "None" : o instanceof List<?> l ? "a sequence of " + l.size() : o.getClass().getSimpleName();
    }

    private int u8() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("the pickle ends at byte " + offset + " before its STOP opcode");
        }
        offset++;
        return b;
    }

    private long uint(int bytes) throws IOException {
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            v |= (long) u8() << (8 * i);
        }
        return v;
    }

    private byte[] bytes(long n) throws IOException {
        if (n < 0 || n > Integer.MAX_VALUE - 8) {
            throw new PickleException(offset, "a length of " + n + " bytes is not plausible");
        }
        byte[] b = in.readNBytes((int) n);
        if (b.length != n) {
            throw new EOFException("the pickle ends inside a " + n + "-byte value at byte " + offset);
        }
        offset += n;
        return b;
    }

    private String line() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b = u8(); b != '\n'; b = u8()) {
            out.write(b);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private List<Object> popToMark() throws PickleException {
        List<Object> items = new ArrayList<>();
        while (true) {
            if (stack.isEmpty()) {
                throw new PickleException(offset, "no MARK on the stack");
            }
            Object o = stack.pop();
            if (o == MARK) {
                break;
            }
            items.add(0, o);
        }
        return items;
    }

    private Object pop() throws PickleException {
        if (stack.isEmpty()) {
            throw new PickleException(offset, "stack underflow");
        }
        return stack.pop();
    }

    private Object global(String module, String name) throws PickleException {
        String full = module + "." + name;
        if (RECONSTRUCT.contains(full)) {
            return Global.RECONSTRUCT;
        }
        return switch (full) {
            case "numpy.ndarray" -> Global.NDARRAY;
            case "numpy.dtype" -> Global.DTYPE;
            case "_codecs.encode" -> Global.CODECS_ENCODE;
            default -> throw new PickleException(offset, "refused global " + full + ": an insightface pack needs only"
                    + " numpy arrays and bytes, and this reader runs nothing else");
        };
    }

    @SuppressWarnings("unchecked")
    private Object load() throws IOException {
        while (true) {
            long at = offset;
            int op = u8();
            switch (op) {
                case 0x80 -> u8(); // PROTO n
                case 0x95 -> uint(8); // FRAME (protocol 4): framing only
                case '.' -> {
                    return pop();
                }
                case '(' -> stack.push(MARK);
                case ']' -> stack.push(new ArrayList<>());
                case ')' -> stack.push(new ArrayList<>());
                case '}' -> stack.push(new HashMap<>());
                case 'N' -> stack.push(null);
                case 0x88 -> stack.push(Boolean.TRUE);
                case 0x89 -> stack.push(Boolean.FALSE);
                case 'K' -> stack.push(uint(1));
                case 'M' -> stack.push(uint(2));
                case 'J' -> stack.push((long) (int) uint(4));
                case 'I' -> {
                    String v = line().trim();
                    stack.push(v.equals("01") ? Boolean.TRUE : v.equals("00") ? Boolean.FALSE : (Object) Long.parseLong(v));
                }
                case 0x8a -> { // LONG1
                    byte[] b = bytes(uint(1));
                    long v = 0;
                    for (int i = b.length - 1; i >= 0; i--) {
                        v = (v << 8) | (b[i] & 0xff);
                    }
                    if (b.length > 0 && b.length < 8 && (b[b.length - 1] & 0x80) != 0) {
                        v -= 1L << (8 * b.length);
                    }
                    stack.push(v);
                }
                case 'G' -> stack.push(Double.longBitsToDouble(Long.reverseBytes(uint(8))));
                case 'U', 'C' -> stack.push(bytes(uint(1))); // SHORT_BINSTRING (py2 str), SHORT_BINBYTES
                case 'T', 'B' -> stack.push(bytes(uint(4))); // BINSTRING, BINBYTES
                case 0x8e -> stack.push(bytes(uint(8))); // BINBYTES8
                case 0x8c -> stack.push(new String(bytes(uint(1)), StandardCharsets.UTF_8)); // SHORT_BINUNICODE
                case 'X' -> stack.push(new String(bytes(uint(4)), StandardCharsets.UTF_8)); // BINUNICODE
                case 0x8d -> stack.push(new String(bytes(uint(8)), StandardCharsets.UTF_8)); // BINUNICODE8
                case 'q' -> memo.put(uint(1), stack.peek()); // BINPUT
                case 'r' -> memo.put(uint(4), stack.peek()); // LONG_BINPUT
                case 0x94 -> memo.put((long) memo.size(), stack.peek()); // MEMOIZE
                case 'h', 'j' -> { // BINGET, LONG_BINGET
                    long key = uint(op == 'h' ? 1 : 4);
                    if (!memo.containsKey(key)) {
                        throw new PickleException(at, "memo " + key + " was never stored");
                    }
                    stack.push(memo.get(key));
                }
                case 'c' -> stack.push(global(line(), line()));
                case 0x93 -> { // STACK_GLOBAL
                    Object name = pop();
                    Object module = pop();
                    stack.push(global(String.valueOf(module), String.valueOf(name)));
                }
                case 0x85 -> stack.push(new ArrayList<>(List.of(pop())));
                case 0x86 -> {
                    Object b = pop();
                    Object a = pop();
                    List<Object> t = new ArrayList<>();
                    t.add(a);
                    t.add(b);
                    stack.push(t);
                }
                case 0x87 -> {
                    Object c = pop();
                    Object b = pop();
                    Object a = pop();
                    List<Object> t = new ArrayList<>();
                    t.add(a);
                    t.add(b);
                    t.add(c);
                    stack.push(t);
                }
                case 't' -> stack.push(popToMark());
                case 'l' -> stack.push(popToMark()); // LIST (protocol 0/1)
                case 'a' -> {
                    Object item = pop();
                    ((List<Object>) list(at)).add(item);
                }
                case 'e' -> {
                    List<Object> items = popToMark();
                    ((List<Object>) list(at)).addAll(items);
                }
                case 'u', 's' -> { // SETITEMS, SETITEM: dicts only appear in states we ignore
                    if (op == 'u') {
                        popToMark();
                    } else {
                        pop();
                        pop();
                    }
                }
                case 'R' -> {
                    Object args = pop();
                    Object callable = pop();
                    stack.push(reduce(at, callable, args));
                }
                case 'b' -> {
                    Object state = pop();
                    Object target = stack.peek();
                    if (target instanceof NdArray array) {
                        if (!(state instanceof List<?> s) || s.isEmpty() || !(s.get(s.size() - 1) instanceof byte[] raw)) {
                            throw new PickleException(at, "a numpy array's state should end with its raw bytes");
                        }
                        array.data = raw;
                    } else if (!(target instanceof Dtype)) {
                        throw new PickleException(at, "BUILD on " + describe(target) + " is not supported");
                    }
                }
                default -> throw new PickleException(at, String.format("opcode 0x%02x is not used by insightface packs"
                        + " and is not supported", op));
            }
        }
    }

    private Object list(long at) throws PickleException {
        Object top = stack.peek();
        if (!(top instanceof List<?>)) {
            throw new PickleException(at, "append to " + describe(top) + ", expected a list");
        }
        return top;
    }

    private Object reduce(long at, Object callable, Object args) throws PickleException {
        List<?> a = args instanceof List<?> l ? l : List.of();
        if (callable == Global.RECONSTRUCT || callable == Global.NDARRAY) {
            return new NdArray();
        }
        if (callable == Global.DTYPE) {
            return new Dtype();
        }
        if (callable == Global.CODECS_ENCODE && a.size() == 2 && a.get(0) instanceof String s
                && String.valueOf(a.get(1)).equalsIgnoreCase("latin1")) {
            return s.getBytes(StandardCharsets.ISO_8859_1); // how Python 3 pickles bytes at protocol 2
        }
        throw new PickleException(at, "REDUCE of " + describe(callable) + " is not supported");
    }
}
