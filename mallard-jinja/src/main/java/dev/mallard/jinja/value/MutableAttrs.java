package dev.mallard.jinja.value;

/** An object whose attributes a template may assign: {@code {% set ns.count = 1 %}}. */
public interface MutableAttrs {
    void setAttr(String name, Object value);
}
