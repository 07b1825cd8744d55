"""Database guards that make the audit table append-only (used by migration 0002 and by the purge)."""

TABLE = "audit_auditentry"
MESSAGE = "Nhật ký hệ thống chỉ được ghi thêm: không được sửa hoặc xoá mục nhật ký."

PG_INSTALL = f"""
CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('portal.audit_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
"""
PG_REMOVE = f"""
DROP TRIGGER IF EXISTS audit_entry_append_only ON {TABLE};
DROP FUNCTION IF EXISTS audit_entry_append_only();
"""

SQLITE_UPDATE_TRIGGER_NAME = "audit_entry_no_update"
SQLITE_DELETE_TRIGGER_NAME = "audit_entry_no_delete"
SQLITE_UPDATE_TRIGGER = (
    f"CREATE TRIGGER {SQLITE_UPDATE_TRIGGER_NAME} BEFORE UPDATE ON {TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
)
# Emptying the whole database (`flush`) lifts this guard for its own transaction: see
# portal/audit/management/commands/flush.py.
SQLITE_DELETE_TRIGGER = (
    f"CREATE TRIGGER {SQLITE_DELETE_TRIGGER_NAME} BEFORE DELETE ON {TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
)
SQLITE_INSTALL = [SQLITE_UPDATE_TRIGGER, SQLITE_DELETE_TRIGGER]
SQLITE_REMOVE = [f"DROP TRIGGER IF EXISTS {SQLITE_UPDATE_TRIGGER_NAME}", f"DROP TRIGGER IF EXISTS {SQLITE_DELETE_TRIGGER_NAME}"]


def install(schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_INSTALL)
    elif vendor == "sqlite":
        for statement in SQLITE_INSTALL:
            schema_editor.execute(statement)


def remove(schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_REMOVE)
    elif vendor == "sqlite":
        for statement in SQLITE_REMOVE:
            schema_editor.execute(statement)
