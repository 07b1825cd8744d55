"""Django's `flush`, which empties every table, with the audit table's SQLite guard lifted meanwhile.

The append-only triggers refuse deleting audit rows one by one; emptying the whole database (tests
between transactional cases, an operator resetting a demo) is a different act. PostgreSQL flushes with
TRUNCATE, which row triggers do not see, so only SQLite needs this.
"""

from django.core.management.commands.flush import Command as FlushCommand
from django.db import connections

from portal.audit import guard_sql


class Command(FlushCommand):
    def handle(self, **options):
        connection = connections[options["database"]]
        if connection.vendor != "sqlite":
            return super().handle(**options)
        with connection.cursor() as cursor:
            for statement in guard_sql.SQLITE_REMOVE:
                cursor.execute(statement)
        try:
            return super().handle(**options)
        finally:
            with connection.cursor() as cursor:
                for statement in guard_sql.SQLITE_INSTALL:
                    cursor.execute(statement)
