package dev.mallard.core.jinja;

import com.hubspot.jinjava.el.TypeConvertingMapELResolver;
import com.hubspot.jinjava.el.ext.JinjavaBeanELResolver;
import com.hubspot.jinjava.el.ext.JinjavaListELResolver;
import com.hubspot.jinjava.objects.SafeString;
import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import jinjava.javax.el.ArrayELResolver;
import jinjava.javax.el.CompositeELResolver;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;
import jinjava.javax.el.ResourceBundleELResolver;

/**
 * Resolves Python method calls on strings, lists and dicts, and attributes and methods of
 * {@link PyObject}s. Placed first in the resolver chain; anything it does not know falls
 * through to Jinjava's own resolvers.
 */
final class PyMethodResolver extends ELResolver {

    /** This resolver followed by the same read-only chain Jinjava uses by default. */
    static ELResolver chain() {
        CompositeELResolver chain = new CompositeELResolver();
        chain.add(new PyMethodResolver());
        chain.add(new ArrayELResolver(true));
        chain.add(new JinjavaListELResolver(true));
        chain.add(new TypeConvertingMapELResolver(true));
        chain.add(new ResourceBundleELResolver());
        chain.add(new JinjavaBeanELResolver(true));
        return chain;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base == null || method == null) {
            return null;
        }
        String name = method.toString();
        DbtFunctions.Args args = DbtFunctions.Args.of(params);
        Object result;
        if (base instanceof PyObject object) {
            result = object.call(name, args);
        } else if (base instanceof String || base instanceof SafeString) {
            result = PyStringMethods.call(base.toString(), name, args);
        } else if (base instanceof List<?> list) {
            result = PyCollectionMethods.callList(list, name, args);
        } else if (base instanceof Map<?, ?> map) {
            result = PyCollectionMethods.callDict(map, name, args);
        } else {
            return null;
        }
        if (result == PyStringMethods.NOT_HANDLED) {
            return null;
        }
        context.setPropertyResolved(true);
        return result;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base instanceof PyObject object && property != null) {
            Object value = object.attribute(property.toString());
            if (value != PyObject.MISSING) {
                context.setPropertyResolved(true);
                return value;
            }
        }
        return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        // read-only: assignments go through {% set %}
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return base instanceof PyObject ? String.class : null;
    }
}
