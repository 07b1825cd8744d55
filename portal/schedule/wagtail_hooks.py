from wagtail import hooks

SCHEDULE_LOG_ACTIONS = {
    "portal.schedule.adjust": ("Điều chỉnh lịch công tác đã đăng", "Điều chỉnh lịch công tác"),
}


@hooks.register("register_log_actions")
def register_schedule_log_actions(actions):
    for action, (label, short) in SCHEDULE_LOG_ACTIONS.items():
        actions.register_action(action, label, short)
