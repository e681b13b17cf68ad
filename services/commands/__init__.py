"""`sitrep` subcommands that talk to a running stack: status, tail, dead-letters, and the
record of where `sitrep up` listens (stack.json)."""
