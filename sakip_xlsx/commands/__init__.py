"""The verbs of the library: fill/check, dokumen, template (and --dari), impor-sipd, gabung,
and the guard that decides what each may write over."""
