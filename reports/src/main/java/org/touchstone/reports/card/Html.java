package org.touchstone.reports.card;

/**
 * Builds HTML text. Every string that came from a vendor, a dataset or a file goes through
 * {@link #text}: hand-written because escaping five characters does not justify a dependency
 * (Commons Text) in a module that must stay small, and because this is the one place to audit.
 */
final class Html {
    private final StringBuilder out = new StringBuilder(1 << 16);

    /**
     * @param s any string, possibly hostile
     * @return it with {@code & < > " '} replaced by entities, safe in element content and quoted attributes
     */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Appends trusted markup written in this package (never data). */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Appends data, escaped. */
    Html text(String data) {
        out.append(escape(data));
        return this;
    }

    /** Appends an element holding escaped text: {@code <tag>text</tag>}. */
    Html element(String tag, String data) {
        return raw("<" + tag + ">").text(data).raw("</" + tag + ">");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
