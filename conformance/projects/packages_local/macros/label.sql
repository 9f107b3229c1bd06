{# the root's version of pkg_a's label(): wins in root nodes; in pkg_a's own nodes the
   package's macro wins (dbt searches the node's package before the root project) #}
{% macro label() %}root label{% endmacro %}

{# only the root defines it: pkg_a's model finds it through the root namespace #}
{% macro root_only_suffix() %}_from_root{% endmacro %}
