package dev.mallard.core.exec;

import dev.mallard.core.manifest.ResourceType;

/** Which of dbt's result events reports a node of each kind. */
enum ResultEvent {
    MODEL("LogModelResult", "Q012"),
    SEED("LogSeedResult", "Q016"),
    SNAPSHOT("LogSnapshotResult", "Q015"),
    TEST("LogTestResult", "Q007");

    final String eventName;
    final String code;

    ResultEvent(String eventName, String code) {
        this.eventName = eventName;
        this.code = code;
    }

    static ResultEvent of(ResourceType type) {
        return switch (type) {
            case SEED -> SEED;
            case SNAPSHOT -> SNAPSHOT;
            case TEST, UNIT_TEST -> TEST;
            default -> MODEL;
        };
    }
}
