package dev.mallard.postgres;

import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;
import dev.mallard.core.project.Target;
import java.util.List;
import java.util.Properties;

/**
 * A Postgres target's connection, read from dbt-postgres' profile keys: {@code host},
 * {@code port} (5432), {@code user}, {@code password} (or {@code pass}), {@code dbname} (or
 * {@code database}), {@code schema}, {@code sslmode}, {@code sslcert}/{@code sslkey}/{@code
 * sslrootcert}, {@code connect_timeout} (10 s), {@code keepalives_idle}, {@code search_path},
 * {@code role}, {@code application_name}; {@code threads} is read by the runner.
 */
record PostgresSettings(String url, Properties properties, String database, String role, String searchPath) {

    static PostgresSettings of(Target target) {
        String host = required(target, "host");
        String user = required(target, "user");
        String database = target.string("dbname") != null ? target.string("dbname") : target.string("database");
        if (database == null || database.isBlank()) {
            throw missing(target, "dbname");
        }
        String port = target.string("port") == null ? "5432" : target.string("port");
        if (!port.matches("\\d{1,5}")) {
            throw new MallardException(ErrorCode.PROFILE, "port in profile '" + target.profileName() + "', target '"
                    + target.name() + "' must be a number, not '" + port + "'");
        }
        Properties props = new Properties();
        props.setProperty("user", user);
        String password = target.string("password") != null ? target.string("password") : target.string("pass");
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", target.string("connect_timeout") == null ? "10"
                : target.string("connect_timeout"));
        props.setProperty("ApplicationName", target.string("application_name") == null ? "mallard"
                : target.string("application_name"));
        copy(target, props, "sslmode", "sslmode");
        copy(target, props, "sslcert", "sslcert");
        copy(target, props, "sslkey", "sslkey");
        copy(target, props, "sslrootcert", "sslrootcert");
        // pgjdbc has no idle time of its own: keepalives_idle only switches TCP keep-alive on
        if (target.string("keepalives_idle") != null && !"0".equals(target.string("keepalives_idle"))) {
            props.setProperty("tcpKeepAlive", "true");
        }
        String url = "jdbc:postgresql://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/"
                + java.net.URLEncoder.encode(database, java.nio.charset.StandardCharsets.UTF_8);
        return new PostgresSettings(url, props, database, target.string("role"), target.string("search_path"));
    }

    /** Statements each new connection runs first: the role and search path the profile sets. */
    List<String> sessionSetup() {
        List<String> out = new java.util.ArrayList<>();
        if (role != null && !role.isBlank()) {
            out.add("SET ROLE " + quote(role));
        }
        if (searchPath != null && !searchPath.isBlank()) {
            out.add("SET search_path TO " + searchPath);
        }
        return List.copyOf(out);
    }

    String shown() {
        return url.replaceFirst("^jdbc:", "") + " as " + properties.getProperty("user");
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static void copy(Target target, Properties props, String key, String property) {
        if (target.string(key) != null) {
            props.setProperty(property, target.string(key));
        }
    }

    private static String required(Target target, String key) {
        String v = target.string(key);
        if (v == null || v.isBlank()) {
            throw missing(target, key);
        }
        return v;
    }

    private static MallardException missing(Target target, String key) {
        return new MallardException(ErrorCode.PROFILE, "credentials in profile '" + target.profileName() + "', target '"
                + target.name() + "' are invalid: '" + key + "' is a required property for type postgres");
    }
}
