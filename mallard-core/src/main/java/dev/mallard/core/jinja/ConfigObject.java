package dev.mallard.core.jinja;

/** The {@code config} variable: {@code config.get('key', default)}, {@code config.require('key')}. */
public final class ConfigObject implements PrintsAsText {
    private final DbtRuntime runtime;

    ConfigObject(DbtRuntime runtime) {
        this.runtime = runtime;
    }

    public Object get(String key) {
        return runtime.configValue(key, null);
    }

    public Object get(String key, Object defaultValue) {
        return runtime.configValue(key, defaultValue);
    }

    public Object require(String key) {
        Object v = runtime.configValue(key, null);
        if (v == null) {
            throw new dev.mallard.core.error.MallardException(dev.mallard.core.error.ErrorCode.JINJA,
                    "required config '" + key + "' is missing");
        }
        return v;
    }

    @Override
    public String toString() {
        return "";
    }
}
