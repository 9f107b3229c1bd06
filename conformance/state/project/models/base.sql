

  select 1 as id, {{ double("2") }} as amount, {{ spaced(3) }} as s, {{ uses_dispatch() }} as d  

