"""The domain, pure Python: the schema's vocabulary, typed values, the model, the rules of
SPEC §3, the computation, the checks and their findings catalogue, the results."""
