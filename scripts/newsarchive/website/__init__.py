"""The archive site: the only code that knows about the site engine (MkDocs + Material).

Everything here reads the durable archive (Markdown + front matter) and the registries;
nothing writes back into docs/.
"""
