package org.touchstone.runner.engine.backend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resources of one {@linkplain Worker#scoped scope}: made once per key by the first unit that asks,
 * closed together, in reverse order of making, when the scope ends. Safe for concurrent use.
 */
public final class ScopedResources implements AutoCloseable {
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private boolean closed;

    /** A resource being made or made: units asking for it while it is made wait on the slot. */
    private static final class Slot {
        private AutoCloseable value;
        private RuntimeException failure;
        private boolean done;
    }

    /**
     * @param key     names the resource
     * @param factory makes it when absent
     * @param <T>     its type
     * @return the resource
     * @throws IllegalStateException if the scope is closed
     * @throws RuntimeException      what the factory threw, to every unit that asked for the key
     */
    @SuppressWarnings("unchecked")
    public <T extends AutoCloseable> T get(String key, Worker.Factory<T> factory) {
        Slot slot;
        boolean mine = false;
        synchronized (slots) {
            if (closed) {
                throw new IllegalStateException("scope closed; cannot make " + key);
            }
            slot = slots.get(key);
            if (slot == null) {
                slot = new Slot();
                slots.put(key, slot);
                mine = true;
            }
        }
        if (mine) {
            // Made outside the map's lock, so that units making other resources do not wait for this one.
            T value = null;
            RuntimeException failure = null;
            try {
                value = factory.make();
            } catch (RuntimeException e) {
                failure = e;
            }
            synchronized (slot) {
                slot.value = value;
                slot.failure = failure;
                slot.done = true;
                slot.notifyAll();
            }
        }
        synchronized (slot) {
            boolean interrupted = false;
            while (!slot.done) {
                try {
                    slot.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (slot.failure != null) {
                throw slot.failure;
            }
            return (T) slot.value;
        }
    }

    /** Closes every resource made, the last made first; a resource that fails to close does not stop the others. */
    @Override
    public void close() {
        List<Slot> made;
        synchronized (slots) {
            closed = true;
            made = new ArrayList<>(slots.values());
            slots.clear();
        }
        RuntimeException first = null;
        for (int i = made.size() - 1; i >= 0; i--) {
            AutoCloseable value;
            synchronized (made.get(i)) {
                value = made.get(i).value;
            }
            if (value == null) {
                continue;
            }
            try {
                value.close();
            } catch (Exception e) {
                if (first == null) {
                    first = new IllegalStateException("a scoped resource failed to close: " + e, e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
