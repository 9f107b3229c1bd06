package dev.mallard.core.jinja;

import dev.mallard.core.engine.Relation;
import dev.mallard.core.error.ErrorCode;
import dev.mallard.core.error.MallardException;

/** dbt's {@code api} namespace: {@code api.Relation.create(database=, schema=, identifier=, type=)}. */
final class ApiObject implements PyObject {
    private static final PyObject RELATION = new PyObject() {
        @Override
        public Object call(String method, DbtFunctions.Args args) {
            if (!"create".equals(method)) {
                return MISSING;
            }
            Object identifier = args.get(2, "identifier");
            if (identifier == null) {
                throw new MallardException(ErrorCode.JINJA, "api.Relation.create() needs an identifier");
            }
            Object type = args.named().get("type");
            return new RelationValue(new Relation(str(args.get(0, "database")), str(args.get(1, "schema")),
                    identifier.toString()), type == null ? "table" : type.toString());
        }
    };

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    @Override
    public Object attribute(String name) {
        return "Relation".equals(name) ? RELATION : MISSING;
    }
}
