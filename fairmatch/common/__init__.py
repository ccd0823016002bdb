"""Pure helpers every layer may import, below the features: identifiers and their check rules
(`keys`), text folding and the marker for translatable strings (`text`), the controlled
vocabularies (`vocabulary`) and the validation of `fairmatch-exchange/1` documents
(`exchange_validation`). They import no Flask, SQLAlchemy or WTForms, and no feature package."""
