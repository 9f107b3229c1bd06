package dev.mallard.serve;

import java.util.List;
import java.util.Objects;

/**
 * A bearer token from the tokens file and what it may read.
 *
 * @param token the secret
 * @param name a name for people (never the secret)
 * @param scopeColumn with {@code scopeValue}: rows restricted to {@code scopeColumn = scopeValue}; null when unscoped
 * @param scopeValue the value, bound as a parameter and cast to the column's type
 * @param datasets the datasets it may read; null for all
 */
public record ApiToken(String token, String name, String scopeColumn, String scopeValue, List<String> datasets) {
    public ApiToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(name, "name");
        datasets = datasets == null ? null : List.copyOf(datasets);
    }

    boolean mayRead(String dataset) {
        return datasets == null || datasets.contains(dataset);
    }

    boolean scoped() {
        return scopeColumn != null;
    }
}
