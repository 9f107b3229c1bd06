select * from (values (1, 'after v1.0')) as t(id, version_tag)
