package dev.mallard.serve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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

    /** The secret of an {@code Authorization: Bearer ...} header, or null when there is none. */
    static String bearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
    }

    /** The token whose secret was presented, or null; compared in constant time, every token tried. */
    static ApiToken matching(List<ApiToken> tokens, String presented) {
        if (presented == null) {
            return null;
        }
        ApiToken match = null;
        byte[] given = presented.getBytes(StandardCharsets.UTF_8);
        for (ApiToken t : tokens) {
            if (MessageDigest.isEqual(given, t.token().getBytes(StandardCharsets.UTF_8))) {
                match = t;
            }
        }
        return match;
    }

    boolean mayRead(String dataset) {
        return datasets == null || datasets.contains(dataset);
    }

    boolean scoped() {
        return scopeColumn != null;
    }

    /**
     * The row restriction a token puts on a dataset: null for no token or an unscoped one.
     *
     * @throws ApiProblem 403 when the dataset lacks the token's scope column
     */
    static RowsQuery.Filter scopeFilter(ApiToken token, String dataset, List<Column> columns) {
        if (token == null || !token.scoped()) {
            return null;
        }
        Column c = columns.stream().filter(col -> col.name().equals(token.scopeColumn())).findFirst()
                .orElseThrow(() -> ApiProblem.forbidden("this token may only read rows by '" + token.scopeColumn()
                        + "', which dataset '" + dataset + "' does not have"));
        return new RowsQuery.Filter(c, FilterOp.EQ, List.of(token.scopeValue()));
    }
}
