package dev.mallard.core.jinja;

/** dbt's {@code modules} namespace: the Python modules templates may use. */
final class ModulesObject implements PyObject {
    private static final DatetimeModule DATETIME = new DatetimeModule();
    private static final ReModule RE = new ReModule();

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "datetime" -> DATETIME;
            case "re" -> RE;
            default -> MISSING;
        };
    }
}
