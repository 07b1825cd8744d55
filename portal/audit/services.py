"""The one write path for the audit chain and for retaining deleted pages.

Every audit entry is appended by `audit_append`, inside the caller's transaction: the chain head is read under
a lock held until that transaction ends (PostgreSQL: a transaction-level advisory lock; SQLite serialises
writers itself), so concurrent writers never fork the chain and a rolled-back change leaves no entry and no gap.
"""

import datetime as dt
import hashlib
import json
import re

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone
from wagtail.log_actions import get_active_log_context, log

from portal.audit import guard_sql
from portal.audit.context import Origin, origin_current, request_current
from portal.audit.models import GENESIS_HASH, AuditAnchor, AuditEntry, RetainedPage

ANONYMOUS = "ẩn danh"
# pg_advisory_xact_lock key for the chain ("AUDIT" in ASCII).
CHAIN_LOCK_KEY = 0x4155444954
HASHED_FIELDS = (
    "seq", "occurred_at", "actor_id", "actor_name", "action", "object_type", "object_id", "object_label",
    "unit_code", "ip_address", "user_agent", "data", "prev_hash",
)
_SECRET_PARTS = ("password", "passwd", "secret", "token", "otp", "credential")
_CONTACT_PARTS = ("phone", "email", "sdt", "cccd", "cmnd", "identifier")
_UNIT_MAP_KEY = "audit:unit-map"
# Models whose label (their str()) is a person's name: the chain keeps only their id, so an erased account's
# name does not live on in entries that can never be changed.
PERSONAL_LABEL_TYPES = frozenset({
    "citizens.citizenprofile", "citizens.externalidentity", "consultation.draftcomment", "moderation.consentrecord",
    "takedown.takedownrequest",
})


class AuditError(Exception):
    """Raised with a message meant for the operator."""


# --- hashing and masking ----------------------------------------------------------------------------------------


def _timestamp(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def entry_digest(values: dict) -> str:
    """sha256 of the canonical JSON (sorted keys, no spaces, UTF-8) of the hashed fields, prev_hash included."""
    payload = {name: values[name] for name in HASHED_FIELDS}
    payload["occurred_at"] = _timestamp(values["occurred_at"])
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def identifier_mask(value: str) -> str:
    """Show enough of an e-mail or phone to recognise it, never all of it: 'a***@example.com', '09******78'."""
    value = str(value or "")
    if "@" in value:
        local, _, domain = value.partition("@")
        return f"{local[:1]}***@{domain}"
    digits = re.sub(r"\D", "", value)
    if len(digits) >= 6 and len(digits) >= len(value) - 3:
        return f"{digits[:2]}{'*' * (len(digits) - 4)}{digits[-2:]}"
    return value


def data_mask(value, key: str = ""):
    """A copy of `value` with secrets replaced and contacts masked (by key name), as plain JSON."""
    parts = re.split(r"[^a-z0-9]+", key.lower()) if key else []
    if parts and any(part.startswith(secret) for part in parts for secret in _SECRET_PARTS):
        return "***"
    if isinstance(value, dict):
        return {str(k): data_mask(v, str(k)) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [data_mask(v) for v in value]
    if isinstance(value, str) and parts and any(part.startswith(c) for part in parts for c in _CONTACT_PARTS):
        return identifier_mask(value)
    return value


def _plain_json(value) -> dict:
    value = json.loads(json.dumps(data_mask(value or {}), cls=DjangoJSONEncoder))
    return value if isinstance(value, dict) else {"value": value}


# --- units -----------------------------------------------------------------------------------------------------


def _unit_map(refresh: bool = False) -> dict:
    mapping = None if refresh else cache.get(_UNIT_MAP_KEY)
    if mapping is None:
        from portal.units.models import Unit

        rows = list(Unit.objects.values_list("pk", "code", "site_id", "label"))
        mapping = {
            "by_id": {pk: code for pk, code, _, _ in rows},
            "by_site": {site_id: code for _, code, site_id, _ in rows if site_id},
            "by_label": {label: code for _, code, _, label in rows if label},
        }
        cache.set(_UNIT_MAP_KEY, mapping, 3600)
    return mapping


def _unit_lookup(kind: str, key) -> str:
    if not key:
        return ""
    code = _unit_map()[kind].get(key)
    if code is None:
        code = _unit_map(refresh=True)[kind].get(key, "")
    return code


def unit_code_for_id(unit_id) -> str:
    return _unit_lookup("by_id", unit_id)


def unit_code_for_label(label: str) -> str:
    return _unit_lookup("by_label", (label or "").strip().lower())


def unit_code_for_hostname(hostname: str) -> str:
    from django.conf import settings

    hostname = (hostname or "").lower()
    base = settings.PORTAL_BASE_DOMAIN
    if hostname == base:
        from portal.units.services import unit_main

        main = unit_main()
        return main.code if main else ""
    if hostname.endswith("." + base):
        return unit_code_for_label(hostname[: -len(base) - 1])
    return ""


def unit_code_for_page(page) -> str:
    unit_id = getattr(page, "unit_id", None)
    if unit_id:
        return unit_code_for_id(unit_id)
    from wagtail.models import Site

    url_path = getattr(page, "url_path", "") or ""
    best = None
    for root in Site.get_site_root_paths():
        if url_path.startswith(root.root_path) and (best is None or len(root.root_path) > len(best.root_path)):
            best = root
    return _unit_lookup("by_site", best.site_id) if best else ""


# --- the chain -------------------------------------------------------------------------------------------------


def _chain_head() -> tuple[int, str]:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK_KEY])
    last = AuditEntry.objects.order_by("-seq").values_list("seq", "hash").first()
    if last is not None:
        return last
    anchor = AuditAnchor.objects.filter(pk=1).values_list("seq", "hash").first()
    if anchor is None:
        AuditAnchor.objects.create(pk=1, seq=0, hash=GENESIS_HASH)
        return 0, GENESIS_HASH
    return anchor


def _actor(actor) -> tuple[int | None, str]:
    if actor is not None and getattr(actor, "is_authenticated", False):
        return actor.pk, actor.get_username()[:150]
    return None, ANONYMOUS


def audit_append(
    *, action: str, actor=None, actor_name: str = "", object_type: str = "", object_id="", object_label: str = "",
    unit_code: str = "", data: dict | None = None, occurred_at: dt.datetime | None = None, origin: Origin | None = None,
) -> AuditEntry:
    """Append one entry to the chain (in the caller's transaction). `actor_name` names who acted when there is no
    account (a failed login's attempted name)."""
    origin = origin or origin_current()
    actor_id, name = _actor(actor)
    values = {
        "occurred_at": occurred_at or timezone.now(),
        "actor_id": actor_id,
        "actor_name": (actor_name or name)[:150],
        "action": action[:255],
        "object_type": (object_type or "")[:100],
        "object_id": str(object_id if object_id is not None else "")[:64],
        "object_label": (object_label or "")[:255],
        "unit_code": (unit_code or "")[:20],
        "ip_address": (origin.ip_address or "")[:45],
        "user_agent": (origin.user_agent or "")[:300],
        "data": _plain_json(data),
    }
    with transaction.atomic():
        seq, prev_hash = _chain_head()
        values["seq"] = seq + 1
        values["prev_hash"] = prev_hash
        values["hash"] = entry_digest(values)
        return AuditEntry.objects.create(**values)


def _content_type_label(content_type_id) -> str:
    if not content_type_id:
        return ""
    content_type = ContentType.objects.get_for_id(content_type_id)
    return f"{content_type.app_label}.{content_type.model}"


def audit_from_log_entry(entry, *, unit_id=None) -> AuditEntry:
    """Mirror one Wagtail log entry (page or model) into the chain."""
    from wagtail.models import PageLogEntry

    user = None
    if entry.user_id:
        try:
            user = entry.user
        except get_user_model().DoesNotExist:
            user = None
    is_page = isinstance(entry, PageLogEntry)
    if is_page:
        page = entry._state.fields_cache.get("page")
        object_id = entry.page_id
        if unit_id:
            unit_code = unit_code_for_id(unit_id)
        elif page is not None:
            unit_code = unit_code_for_page(page)
        else:
            unit_code = ""
    else:
        object_id = entry.object_id
        unit_code = unit_code_for_id(unit_id) if unit_id else ""
        if not unit_code and isinstance(entry.data, dict) and isinstance(entry.data.get("unit"), str):
            unit_code = entry.data["unit"][:20]
    data = dict(entry.data) if isinstance(entry.data, dict) else {"value": entry.data}
    data["wagtail_log"] = {"model": "page" if is_page else "model", "id": entry.pk}
    if entry.revision_id:
        data["wagtail_log"]["revision"] = entry.revision_id
    object_type = _content_type_label(entry.content_type_id)
    label = f"#{object_id}" if object_type in PERSONAL_LABEL_TYPES else entry.label
    return audit_append(
        action=entry.action, actor=user, actor_name="" if user else ("" if not entry.user_id else f"#{entry.user_id}"),
        object_type=object_type, object_id=object_id, object_label=label,
        unit_code=unit_code, data=data, occurred_at=entry.timestamp,
    )


def audit_from_log_entries(entries, *, unit_id=None) -> None:
    """The bulk path: log entries written with bulk_create (no post_save) join the chain here."""
    for entry in entries:
        audit_from_log_entry(entry, unit_id=unit_id)


def actor_current():
    """Who is acting in this request or admin action: Wagtail's log context, else the request's user."""
    user = get_active_log_context().user
    if user is not None:
        return user
    request = request_current()
    user = getattr(request, "user", None) if request is not None else None
    return user if getattr(user, "is_authenticated", False) else None


# --- purge -----------------------------------------------------------------------------------------------------


def audit_purge_cutoff(today: dt.date | None = None) -> dt.date:
    """The earliest day whose entries must still be kept (rule audit.retention_days)."""
    from portal.rules.services import rule_value

    today = today or timezone.localdate()
    return today - dt.timedelta(days=int(rule_value("audit.retention_days", on=today)))


@transaction.atomic
def audit_purge(*, before: dt.date, actor_name: str = "", today: dt.date | None = None) -> int:
    """Delete entries that occurred before `before` (a local date) and move the anchor to the last deleted one,
    so the rest of the chain still verifies. Refuses anything younger than the retention period."""
    cutoff = audit_purge_cutoff(today)
    if before > cutoff:
        raise AuditError(
            f"Không được xoá nhật ký chưa đủ thời hạn lưu trữ: chỉ xoá được các mục trước ngày {cutoff:%d/%m/%Y}."
        )
    boundary = timezone.make_aware(dt.datetime.combine(before, dt.time.min))
    _chain_head()  # take the chain lock: no entry is appended while the anchor moves
    doomed = AuditEntry.objects.filter(occurred_at__lt=boundary)
    last = doomed.order_by("-seq").values_list("seq", "hash").first()
    if last is None:
        return 0
    # Entries are appended in time order; never cut the chain in the middle.
    last_seq, last_hash = last
    count = AuditEntry.objects.filter(seq__lte=last_seq).count()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL portal.audit_purge = 'on'")
        else:
            cursor.execute(f"DROP TRIGGER IF EXISTS {guard_sql.SQLITE_DELETE_TRIGGER_NAME}")
        cursor.execute(f"DELETE FROM {AuditEntry._meta.db_table} WHERE seq <= %s", [last_seq])
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL portal.audit_purge = 'off'")
        else:
            cursor.execute(guard_sql.SQLITE_DELETE_TRIGGER)
    now = timezone.now()
    AuditAnchor.objects.update_or_create(
        pk=1, defaults={"seq": last_seq, "hash": last_hash, "purged_before": boundary, "purged_at": now, "purged_by": actor_name[:150]},
    )
    audit_append(
        action="portal.audit.purge", actor_name=actor_name or "hệ thống",
        data={"before": before.isoformat(), "deleted": count, "anchor_seq": last_seq, "anchor_hash": last_hash},
    )
    return count


# --- retention of deleted pages ----------------------------------------------------------------------------------


def page_retain_until(page, *, today: dt.date | None = None) -> dt.date | None:
    """The last day `page` (or a page under it) must be kept, if that is today or later; None if it may be deleted.

    Counted from the latest first publication in the subtree (rule content.min_retention_days on that day)."""
    from wagtail.models import Page

    from portal.rules.services import rule_value

    first = Page.objects.descendant_of(page, inclusive=True).aggregate(last=Max("first_published_at"))["last"]
    if first is None:
        return None
    published_on = timezone.localdate(first)
    until = published_on + dt.timedelta(days=int(rule_value("content.min_retention_days", on=published_on)))
    today = today or timezone.localdate()
    return until if until >= today else None


@transaction.atomic
def page_soft_delete(*, page, user, retain_until: dt.date | None = None) -> RetainedPage:
    """Withdraw `page` and the pages under it from public view and keep them (with their revisions) until the
    retention ends. The page stays in the tree, hidden from the explorer and listed in the archive."""
    from wagtail.actions.unpublish_page import UnpublishPageAction

    page = page.specific
    until = retain_until or page_retain_until(page)
    if until is None:
        raise AuditError("Trang này không thuộc diện phải lưu trữ; có thể xoá hẳn.")
    for live_page in [page, *page.get_descendants().live().specific()]:
        if live_page.live:
            UnpublishPageAction(live_page, user=user).execute(skip_permission_checks=True)
    retained, _ = RetainedPage.objects.update_or_create(
        page=page,
        defaults={
            "unit_id": getattr(page, "unit_id", None),
            "title": page.title[:255],
            "url_path": page.url_path,
            "first_published_at": page.first_published_at or timezone.now(),
            "deleted_at": timezone.now(),
            "deleted_by": user if getattr(user, "pk", None) else None,
            "retain_until": until,
        },
    )
    log(page, "portal.page.soft_delete", user=user, data={"retain_until": until.isoformat()})
    return retained


@transaction.atomic
def page_restore(*, retained: RetainedPage, user) -> None:
    """Take a page out of the archive; it comes back as a draft in the explorer, to publish again if wanted."""
    page = retained.page.specific
    retained.delete()
    log(page, "portal.page.restore", user=user, data={"retain_until": retained.retain_until.isoformat()})


def retained_purge(*, today: dt.date | None = None, dry_run: bool = False) -> list[RetainedPage]:
    """Delete for good the retained pages whose retention has ended; younger ones are skipped."""
    from wagtail.actions.delete_page import DeletePageAction

    today = today or timezone.localdate()
    due = list(RetainedPage.objects.filter(retain_until__lt=today).select_related("page").order_by("retain_until", "pk")[:500])
    if dry_run:
        return due
    for retained in due:
        with transaction.atomic():
            page = retained.page.specific
            audit_append(
                action="portal.page.purge", actor_name="hệ thống", object_type=_content_type_label(page.content_type_id),
                object_id=page.pk, object_label=page.title, unit_code=unit_code_for_page(page),
                data={"retain_until": retained.retain_until.isoformat(), "url_path": retained.url_path},
            )
            DeletePageAction(page, user=None).execute(skip_permission_checks=True)
    return due
