package dev.mallard.core.jinja;

import com.hubspot.jinjava.objects.serialization.PyishSerializable;
import java.io.IOException;

/**
 * Objects that print in a template as their {@code toString()}: with Python-style output
 * on, Jinjava would otherwise print a Java bean as a dict of its properties.
 */
interface PrintsAsText extends PyishSerializable {
    @Override
    @SuppressWarnings("unchecked")
    default <T extends Appendable & CharSequence> T appendPyishString(T appendable) throws IOException {
        // written as a quoted string: Jinjava unquotes and unescapes a printed value, which
        // gives back exactly toString() (a bare text would lose its own quotes)
        return (T) appendable.append(com.hubspot.jinjava.objects.serialization.PyishObjectMapper
                .getAsPyishString(toString()));
    }
}
