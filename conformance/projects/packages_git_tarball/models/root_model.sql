select
    g.id,
    g.version_tag,
    t.greeting,
    {{ pkg_git.version_label() }} as git_macro,
    {{ pkg_tar.shout("'hi'") }} as tar_macro
from {{ ref('pkg_git', 'pkg_git_model') }} as g
join {{ ref('pkg_tar_model') }} as t using (id)
