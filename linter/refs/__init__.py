"""Reference verification: the lock file (lock.py) and ``medlint refs sync`` (sync.py, the only
code in medlint that uses the network). ``check`` imports lock.py only when a lock exists."""
