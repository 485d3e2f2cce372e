package org.touchstone.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who made a system, which version it is, what it can do, and what its outputs mean. Recorded verbatim
 * in every run's provenance and shown at the top of every report.
 *
 * <p>Build one with {@link #builder(String)}; {@link Builder#build()} checks it is complete.
 */
public final class SystemDescriptor {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private final String id;
    private final String vendor;
    private final String name;
    private final String version;
    private final String description;
    private final Set<Capability> capabilities;
    private final ScoreRange scoreRange;
    private final List<OperatingThreshold> thresholds;
    private final List<Attribute> attributes;
    private final Concurrency concurrency;
    private final String apiVersion;
    private final Map<String, String> properties;

    private SystemDescriptor(Builder b) {
        this.id = b.id;
        this.vendor = b.vendor;
        this.name = b.name;
        this.version = b.version;
        this.description = b.description;
        this.capabilities = Collections.unmodifiableSet(EnumSet.copyOf(b.capabilities));
        this.scoreRange = b.scoreRange;
        this.thresholds = List.copyOf(b.thresholds);
        this.attributes = List.copyOf(b.attributes);
        this.concurrency = b.concurrency;
        this.apiVersion = b.apiVersion;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
    }

    /**
     * @param id the system's id, used on the command line ({@code --system ID}): lower case letters,
     *           digits, '.', '_', '-'
     * @return a builder
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** @return the id used to select the system */
    public String id() {
        return id;
    }

    /** @return the organisation that made the system */
    public String vendor() {
        return vendor;
    }

    /** @return the product name */
    public String name() {
        return name;
    }

    /** @return the system's own version, as the vendor names it */
    public String version() {
        return version;
    }

    /** @return a one-paragraph description, may be empty */
    public String description() {
        return description;
    }

    /** @return the capabilities offered; never empty */
    public Set<Capability> capabilities() {
        return capabilities;
    }

    /**
     * @param capability a capability
     * @return whether the system declares it
     */
    public boolean offers(Capability capability) {
        return capabilities.contains(capability);
    }

    /** @return the range of similarity scores; present whenever a recognition capability is offered */
    public Optional<ScoreRange> scoreRange() {
        return Optional.ofNullable(scoreRange);
    }

    /** @return the operating thresholds the vendor recommends, in declaration order */
    public List<OperatingThreshold> thresholds() {
        return thresholds;
    }

    /**
     * @param capability a capability
     * @return the recommended thresholds that apply to it
     */
    public List<OperatingThreshold> thresholds(Capability capability) {
        return thresholds.stream().filter(t -> t.capability() == capability).toList();
    }

    /** @return the attributes estimated, when {@link Capability#ANALYSIS} is offered */
    public List<Attribute> attributes() {
        return attributes;
    }

    /** @return how the harness may call the system from several threads */
    public Concurrency concurrency() {
        return concurrency;
    }

    /** @return the SPI version the system was built against */
    public String apiVersion() {
        return apiVersion;
    }

    /**
     * @return free-form facts about the system worth recording (models used and their versions, template
     *         format, hardware it expects), in a stable order
     */
    public Map<String, String> properties() {
        return properties;
    }

    @Override
    public String toString() {
        return id + " (" + vendor + " " + name + " " + version + ", " + capabilities + ")";
    }

    /** Builds a {@link SystemDescriptor}. */
    public static final class Builder {
        private final String id;
        private String vendor;
        private String name;
        private String version;
        private String description = "";
        private final Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        private ScoreRange scoreRange;
        private final List<OperatingThreshold> thresholds = new ArrayList<>();
        private final Set<Attribute> attributes = new LinkedHashSet<>();
        private Concurrency concurrency = Concurrency.THREAD_SAFE;
        private String apiVersion = ApiVersion.VERSION;
        private final Map<String, String> properties = new LinkedHashMap<>();

        private Builder(String id) {
            this.id = Objects.requireNonNull(id, "id");
        }

        /**
         * @param vendor the organisation
         * @return this
         */
        public Builder vendor(String vendor) {
            this.vendor = vendor;
            return this;
        }

        /**
         * @param name the product name
         * @return this
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * @param version the system's version
         * @return this
         */
        public Builder version(String version) {
            this.version = version;
            return this;
        }

        /**
         * @param description a paragraph about the system
         * @return this
         */
        public Builder description(String description) {
            this.description = description == null ? "" : description;
            return this;
        }

        /**
         * @param offered capabilities the system implements
         * @return this
         */
        public Builder capabilities(Capability... offered) {
            capabilities.addAll(List.of(offered));
            return this;
        }

        /**
         * @param range the range of similarity scores
         * @return this
         */
        public Builder scoreRange(ScoreRange range) {
            this.scoreRange = range;
            return this;
        }

        /**
         * @param threshold a recommended operating threshold
         * @return this
         */
        public Builder threshold(OperatingThreshold threshold) {
            thresholds.add(Objects.requireNonNull(threshold, "threshold"));
            return this;
        }

        /**
         * @param estimated attributes the analyzer estimates
         * @return this
         */
        public Builder attributes(Attribute... estimated) {
            attributes.addAll(List.of(estimated));
            return this;
        }

        /**
         * @param concurrency how the system may be called from several threads (default thread-safe)
         * @return this
         */
        public Builder concurrency(Concurrency concurrency) {
            this.concurrency = Objects.requireNonNull(concurrency, "concurrency");
            return this;
        }

        /**
         * Overrides the SPI version, for adapters relaying a system built elsewhere (for example a
         * subprocess system that declares its own).
         *
         * @param apiVersion a semantic version
         * @return this
         */
        public Builder apiVersion(String apiVersion) {
            this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
            return this;
        }

        /**
         * @param key   a property name
         * @param value its value
         * @return this
         */
        public Builder property(String key, String value) {
            properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @return the descriptor
         * @throws IllegalStateException naming every field that is missing or inconsistent
         */
        public SystemDescriptor build() {
            List<String> problems = new ArrayList<>();
            if (!ID.matcher(id).matches()) {
                problems.add("id '" + id + "' must match " + ID);
            }
            requireText(problems, "vendor", vendor);
            requireText(problems, "name", name);
            requireText(problems, "version", version);
            if (capabilities.isEmpty()) {
                problems.add("no capabilities declared");
            }
            boolean recognition = capabilities.contains(Capability.VERIFICATION)
                    || capabilities.contains(Capability.IDENTIFICATION);
            if (recognition && scoreRange == null) {
                problems.add("a recognition system must declare its score range");
            }
            if (capabilities.contains(Capability.ANALYSIS) && attributes.isEmpty()) {
                problems.add("an analysis system must declare the attributes it estimates");
            }
            Set<String> seen = new LinkedHashSet<>();
            for (OperatingThreshold t : thresholds) {
                if (!seen.add(t.capability() + "/" + t.name())) {
                    problems.add("threshold '" + t.name() + "' declared twice for " + t.capability());
                }
                if (!capabilities.contains(t.capability())) {
                    problems.add("threshold '" + t.name() + "' is for " + t.capability() + ", which is not offered");
                } else if (t.capability() == Capability.ANALYSIS) {
                    if (t.value() < 0 || t.value() > 1) {
                        problems.add("confidence threshold '" + t.name() + "' must be in [0, 1], was " + t.value());
                    }
                } else if (scoreRange != null && (t.value() < scoreRange.min() || t.value() > scoreRange.max())) {
                    problems.add("threshold '" + t.name() + "' = " + t.value() + " lies outside the score range ["
                            + scoreRange.min() + ", " + scoreRange.max() + "]");
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException("incomplete system descriptor for '" + id + "': "
                        + String.join("; ", problems));
            }
            return new SystemDescriptor(this);
        }

        private static void requireText(List<String> problems, String field, String value) {
            if (value == null || value.isBlank()) {
                problems.add(field + " is missing");
            }
        }
    }
}
