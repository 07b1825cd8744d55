from wagtail import hooks

LEGALDOCS_LOG_ACTIONS = {
    "portal.legaldoc.import_create": ("Nhập văn bản mới từ tệp dữ liệu", "Nhập văn bản"),
    "portal.legaldoc.import_update": ("Cập nhật văn bản từ tệp dữ liệu", "Cập nhật từ tệp"),
}


@hooks.register("register_log_actions")
def register_legaldocs_log_actions(actions):
    for action, (label, short) in LEGALDOCS_LOG_ACTIONS.items():
        actions.register_action(action, label, short)
