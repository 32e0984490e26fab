// Being written: types, queries and mutations of this domain.
