from django.db import models


class Role(models.TextChoices):
    """Roles of a site's editorial board (Quy chế Điều 9 khoản 2–3)."""

    BOARD_HEAD = "board_head", "Trưởng ban biên tập"  # approves and publishes, manages the board
    EDITOR = "editor", "Biên tập viên"  # edits and reviews
    CONTRIBUTOR = "contributor", "Cộng tác viên"  # writes drafts and submits; cannot publish
    SITE_ADMIN = "site_admin", "Quản trị trang"  # site settings, menus, the site's users
    ONE_STOP = "one_stop", "Cán bộ một cửa"  # receives and processes the unit's dossiers; no page rights


# Page permissions granted on the site's home page, per role.
PAGE_PERMISSIONS = {
    Role.BOARD_HEAD: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    Role.EDITOR: ["add_page", "change_page"],
    Role.CONTRIBUTOR: ["add_page"],
    Role.SITE_ADMIN: ["change_page", "lock_page", "unlock_page"],
    Role.ONE_STOP: [],
}

# Collection permissions on the site's image and document collections, per role.
COLLECTION_PERMISSIONS = {
    Role.BOARD_HEAD: ["add", "change", "delete", "choose"],
    Role.EDITOR: ["add", "change", "choose"],
    Role.CONTRIBUTOR: ["add", "choose"],
    Role.SITE_ADMIN: ["add", "change", "delete", "choose"],
    Role.ONE_STOP: [],
}

# Site-setting permissions (wagtail GroupSitePermission) per role.
SITE_SETTING_ROLES = {Role.SITE_ADMIN, Role.BOARD_HEAD}

# Roles whose holders may propose the unit's articles to the main portal.
PROPOSING_ROLES = {Role.BOARD_HEAD, Role.EDITOR}
# Roles of the main portal's board that decide on proposals.
DECIDING_ROLES = {Role.BOARD_HEAD, Role.EDITOR}
# Roles that manage the board's members.
USER_MANAGING_ROLES = {Role.SITE_ADMIN, Role.BOARD_HEAD}
