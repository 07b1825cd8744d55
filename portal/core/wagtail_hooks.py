from wagtail import hooks

PORTAL_LOG_ACTIONS = {
    "portal.unit.relabel": ("Đổi tên miền của đơn vị", "Đổi tên miền"),
    "portal.site.provision": ("Khởi tạo trang của đơn vị", "Khởi tạo trang"),
    "portal.role.grant": ("Giao vai trò trong ban biên tập", "Giao vai trò"),
    "portal.role.revoke": ("Thu hồi vai trò trong ban biên tập", "Thu hồi vai trò"),
    "portal.proposal.create": ("Đề nghị đưa tin lên Trang chính", "Đề nghị lên Trang chính"),
    "portal.proposal.accept": ("Trang chính chấp nhận tin đề nghị", "Trang chính chấp nhận"),
    "portal.proposal.decline": ("Trang chính từ chối tin đề nghị", "Trang chính từ chối"),
    "portal.proposal.withdraw": ("Rút tin khỏi Trang chính", "Rút khỏi Trang chính"),
}


@hooks.register("register_log_actions")
def register_portal_log_actions(actions):
    for action, (label, short) in PORTAL_LOG_ACTIONS.items():
        actions.register_action(action, label, short)
