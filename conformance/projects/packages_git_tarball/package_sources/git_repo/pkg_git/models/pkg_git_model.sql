select * from (values (1, 'v1.0'), (2, 'v1.0')) as t(id, version_tag)
