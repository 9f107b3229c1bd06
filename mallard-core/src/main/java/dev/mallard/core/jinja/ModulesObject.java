package dev.mallard.core.jinja;

/** dbt's {@code modules} namespace: {@code datetime}, {@code re}, {@code pytz} and {@code itertools}. */
final class ModulesObject implements PyObject {
    private static final DatetimeModule DATETIME = new DatetimeModule();
    private static final ReModule RE = new ReModule();
    private static final PytzModule PYTZ = new PytzModule();
    private static final ItertoolsModule ITERTOOLS = new ItertoolsModule();

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "datetime" -> DATETIME;
            case "re" -> RE;
            case "pytz" -> PYTZ;
            case "itertools" -> ITERTOOLS;
            default -> MISSING;
        };
    }

    @Override
    public String typeName() {
        return "dict";
    }

    @Override
    public String toString() {
        return "{'pytz': " + PYTZ + ", 'datetime': " + DATETIME + ", 're': " + RE + ", 'itertools': " + ITERTOOLS
                + "}";
    }
}
