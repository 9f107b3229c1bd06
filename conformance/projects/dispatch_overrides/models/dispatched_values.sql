select
    {{ pkg_d.fmt("'x'") }} as fmt,
    {{ pkg_d.tag() }} as tag,
    {{ pkg_d.untouched() }} as untouched,
    {{ pkg_d.wrapped() }} as wrapped,
    {{ pkg_e.mark() }} as mark,
    {{ pkg_e.only_pkg() }} as only_pkg
