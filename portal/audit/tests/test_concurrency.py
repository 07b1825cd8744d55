"""Concurrent writers never fork the chain (PostgreSQL: the chain lock is held until each transaction ends)."""

import threading

import pytest
from django.db import connection, connections, transaction

from portal.audit.models import AuditEntry
from portal.audit.selectors import chain_verify
from portal.audit.services import audit_append

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


def test_threads_appending_at_once_keep_one_gapless_chain():
    barrier = threading.Barrier(6)
    errors = []

    def writer(n):
        try:
            barrier.wait()
            for i in range(5):
                with transaction.atomic():
                    audit_append(action="portal.test.concurrent", actor_name=f"luong-{n}", data={"i": i})
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert AuditEntry.objects.filter(action="portal.test.concurrent").count() == 30
    seqs = list(AuditEntry.objects.order_by("seq").values_list("seq", flat=True))
    assert seqs == list(range(seqs[0], seqs[0] + len(seqs)))
    assert chain_verify().ok
