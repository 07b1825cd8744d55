"""Removing personal data from rows that must stay (statistics, registers): one function per kind of row.

Every function clears the personal fields in place and schedules the deletion of personal files after commit.
Counts, dates, statuses, units and procedures stay, so statistics computed from them do not change.
"""

from django.db import transaction

from portal.privacy.constants import ANONYMISED


def _file_delete_on_commit(field_file) -> None:
    if not field_file:
        return
    storage, name = field_file.storage, field_file.name
    transaction.on_commit(lambda: storage.delete(name))


def dossier_anonymise(dossier, *, actor=None) -> None:
    """Applicant fields, form, postal address, files, the citizen's own notes and rating comment."""
    from portal.dossiers.models import Dossier, DossierEvent, DossierRating

    for stored in dossier.files.all():
        _file_delete_on_commit(stored.file)
    dossier.files.all().delete()
    Dossier.objects.filter(pk=dossier.pk).update(
        applicant_name=ANONYMISED, applicant_id_number="", applicant_phone="", applicant_email="", applicant_address="",
        form_data={}, postal_address="",
    )
    events = DossierEvent.objects.filter(dossier=dossier)
    if actor is not None:
        events.filter(actor=actor).update(actor_name=ANONYMISED, note="")
    DossierRating.objects.filter(dossier=dossier).update(comment="")


def question_anonymise(question) -> None:
    from portal.interaction.models import Question

    _file_delete_on_commit(question.attachment)
    Question.objects.filter(pk=question.pk).update(
        asker_name=ANONYMISED, asker_email="", asker_phone="", asker_address="", attachment="", attachment_content_type="",
    )


def comment_anonymise(comment) -> None:
    from portal.consultation.models import DraftComment

    _file_delete_on_commit(comment.attachment)
    DraftComment.objects.filter(pk=comment.pk).update(
        name=ANONYMISED, email="", organisation="", attachment="", attachment_name="", ip_address=None,
    )


def consents_anonymise(queryset, *, now) -> int:
    queryset.filter(withdrawn_at__isnull=True).update(withdrawn_at=now)
    return queryset.update(subject_name=ANONYMISED, subject_email="", ip_address=None)
