"""What feeds the audit chain: every Wagtail log entry, logins, logouts, failed logins and permission changes."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_init, post_save
from django.dispatch import receiver
from wagtail.models import ModelLogEntry, PageLogEntry

from portal.audit import services
from portal.audit.context import Origin, origin_current, origin_from_request

User = get_user_model()
_FLAGS = ("is_superuser", "is_staff", "is_active")


@receiver(post_save, sender=PageLogEntry, dispatch_uid="audit_page_log_entry")
@receiver(post_save, sender=ModelLogEntry, dispatch_uid="audit_model_log_entry")
def log_entry_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        services.audit_from_log_entry(instance)


def _request_unit(request) -> tuple[str, Origin]:
    origin = origin_from_request(request) if request is not None else origin_current()
    return services.unit_code_for_hostname(origin.hostname), origin


@receiver(user_logged_in, dispatch_uid="audit_login")
def logged_in(sender, request, user, **kwargs):
    unit_code, origin = _request_unit(request)
    services.audit_append(
        action="portal.auth.login", actor=user, object_type="auth.user", object_id=user.pk,
        object_label=user.get_username(), unit_code=unit_code, origin=origin,
        data={"path": getattr(request, "path", "")[:200]},
    )


@receiver(user_logged_out, dispatch_uid="audit_logout")
def logged_out(sender, request, user, **kwargs):
    unit_code, origin = _request_unit(request)
    services.audit_append(
        action="portal.auth.logout", actor=user, object_type="auth.user", object_id=getattr(user, "pk", "") or "",
        object_label=user.get_username() if user is not None else "", unit_code=unit_code, origin=origin,
    )


@receiver(user_login_failed, dispatch_uid="audit_login_failed")
def login_failed(sender, credentials, request=None, **kwargs):
    attempted = ""
    for key in (User.USERNAME_FIELD, "username", "identifier", "email", "phone"):
        if credentials.get(key):
            attempted = str(credentials[key])
            break
    attempted = services.identifier_mask(attempted.strip())[:150]
    unit_code, origin = _request_unit(request)
    services.audit_append(
        action="portal.auth.login_failed", actor_name=attempted or services.ANONYMOUS, object_type="auth.user",
        object_label=attempted, unit_code=unit_code, origin=origin,
        data={"path": getattr(request, "path", "")[:200] if request is not None else ""},
    )


# --- permission changes -----------------------------------------------------------------------------------------


def _names(model, pks) -> list[str]:
    if model is Permission:
        rows = Permission.objects.filter(pk__in=pks).values_list("content_type__app_label", "codename")
        return sorted(f"{app}.{codename}" for app, codename in rows)
    if model is Group:
        return sorted(Group.objects.filter(pk__in=pks).values_list("name", flat=True))
    return sorted(model.objects.filter(pk__in=pks).values_list(model.USERNAME_FIELD, flat=True))


def _group_unit(group) -> str:
    from portal.editorial.models import SiteRole

    unit_id = SiteRole.objects.filter(group=group).values_list("unit_id", flat=True).first()
    return services.unit_code_for_id(unit_id) if unit_id else ""


def _permission_change(kind: str, instance, action: str, model, pk_set) -> None:
    verb = {"post_add": "add", "post_remove": "remove", "pre_clear": "clear"}.get(action)
    if verb is None:
        return
    if verb == "clear":
        field = {"groups": "groups", "user_permissions": "user_permissions", "permissions": "permissions"}[kind]
        relation = getattr(instance, field, None)
        if relation is None:  # reverse side: group.user_set / permission.group_set
            return
        pk_set = set(relation.values_list("pk", flat=True))
    if not pk_set:
        return
    if isinstance(instance, Group):
        unit_code = _group_unit(instance)
        label = instance.name
        object_type = "auth.group"
    elif isinstance(instance, User):
        unit_code = ""
        label = instance.get_username()
        object_type = "auth.user"
    else:
        unit_code, label, object_type = "", str(instance), f"{instance._meta.app_label}.{instance._meta.model_name}"
    services.audit_append(
        action=f"portal.permission.{kind}.{verb}", actor=services.actor_current(), object_type=object_type,
        object_id=instance.pk, object_label=label, unit_code=unit_code,
        data={"changed": _names(model, pk_set)},
    )


@receiver(m2m_changed, sender=User.groups.through, dispatch_uid="audit_user_groups")
def user_groups_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    _permission_change("groups", instance, action, model, pk_set)


@receiver(m2m_changed, sender=User.user_permissions.through, dispatch_uid="audit_user_permissions")
def user_permissions_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    _permission_change("user_permissions", instance, action, model, pk_set)


@receiver(m2m_changed, sender=Group.permissions.through, dispatch_uid="audit_group_permissions")
def group_permissions_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    _permission_change("permissions", instance, action, model, pk_set)


@receiver(post_init, sender=User, dispatch_uid="audit_user_flags_init")
def user_flags_remember(sender, instance, **kwargs):
    instance._audit_flags = tuple(instance.__dict__.get(flag) for flag in _FLAGS)


@receiver(post_save, sender=User, dispatch_uid="audit_user_flags_saved")
def user_flags_saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields is not None and not set(update_fields) & set(_FLAGS)):
        return
    before = getattr(instance, "_audit_flags", (None, None, None))
    after = tuple(getattr(instance, flag) for flag in _FLAGS)
    instance._audit_flags = after
    if created:
        changes = {flag: value for flag, value in zip(_FLAGS, after, strict=True) if flag != "is_active" and value}
    else:
        changes = {
            flag: value for flag, old, value in zip(_FLAGS, before, after, strict=True)
            if old is not None and old != value
        }
    if changes:
        services.audit_append(
            action="portal.permission.flags", actor=services.actor_current(), object_type="auth.user",
            object_id=instance.pk, object_label=instance.get_username(), data=changes,
        )
