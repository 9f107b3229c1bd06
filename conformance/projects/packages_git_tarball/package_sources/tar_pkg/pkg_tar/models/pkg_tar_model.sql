select * from (values (1, 'hello'), (2, 'bonjour')) as t(id, greeting)
