package org.camelevolink.component.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The EvoLink models this component knows, read from {@code evolink-models.json} next to this class. Adding a
 * model is adding an entry there; a model missing here still works, with generic checks only.
 */
public final class ModelCatalog {

    static final String RESOURCE = "evolink-models.json";

    private final Map<String, ModelSpec> models;

    private ModelCatalog(Map<String, ModelSpec> models) {
        this.models = Collections.unmodifiableMap(models);
    }

    /** The catalog shipped with the component. */
    public static ModelCatalog load() {
        try (InputStream in = ModelCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the component jar");
            }
            return load(in);
        }  catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** A catalog in the same JSON format from elsewhere (a newer model list, a test); the stream is not closed. */
    public static ModelCatalog load(InputStream json) throws IOException {
        return new ModelCatalog(CatalogReader.read(json));
    }

    public Optional<ModelSpec> find(String id) {
        return Optional.ofNullable(id == null ? null : models.get(id));
    }

    /** All models, in catalog order. */
    public Collection<ModelSpec> all() {
        return models.values();
    }

    /** The known ids nearest to {@code id} by edit distance, at most {@code max} of them, for a "did you mean". */
    public List<String> closest(String id, int max) {
        return models.keySet().stream().sorted(Comparator.comparingInt((String known) -> distance(id, known))
                .thenComparing(Comparator.naturalOrder())).limit(max).toList();
    }

    /** Levenshtein distance, one row at a time: model ids are short. */
    private static int distance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1),
                        diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()];
    }
}
