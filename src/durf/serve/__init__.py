"""``durf serve``: durf in a browser tab, on this computer only.

``command`` binds the port and speaks to the person at the terminal; ``guard``
decides which requests may reach durf at all; ``server`` runs one durf process
per tab through textual-serve. Only ``durf serve`` imports this package, so no
other command pays for aiohttp or textual-serve.
"""
