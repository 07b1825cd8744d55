"""Production behaviour lives here; dev and test only override.

Every value that differs between machines comes from the environment through
``portal.core.env.config`` (documented in docs/configuration.md).
"""

from pathlib import Path

import dj_database_url

from portal.core.env import config

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "portal"

SECRET_KEY = config("DJANGO_SECRET_KEY", help_text="Khoá bí mật của Django (bắt buộc ở production).", group="Django")
DEBUG = config("DJANGO_DEBUG", False, cast=bool, help_text="Bật chế độ gỡ lỗi; không bao giờ bật ở production.", group="Django")

PORTAL_BASE_DOMAIN = config(
    "PORTAL_BASE_DOMAIN",
    "quangbinh.gov.vn",
    help_text="Tên miền của Trang chính; trang thành phần là <nhãn>.<tên miền này> (Điều 3 Quy chế).",
    group="Cổng",
)
PORTAL_PROVINCE_CODE = config(
    "PORTAL_PROVINCE_CODE", "44", help_text="Mã GSO của tỉnh vận hành cổng (44 = Quảng Bình).", group="Cổng"
)
PORTAL_EMC_SCRIPT_URL = config(
    "PORTAL_EMC_SCRIPT_URL",
    "",
    help_text="Địa chỉ (https) tệp mã giám sát của hệ thống EMC (Cục Chuyển đổi số quốc gia), dùng khi thiết lập “Giám sát EMC” của trang không ghi địa chỉ riêng.",
    group="Cổng",
)
PORTAL_SITE_PORT = config(
    "PORTAL_SITE_PORT",
    443,
    cast=int,
    help_text="Cổng (port) công khai ghi vào các Site của Wagtail để tạo liên kết tuyệt đối (443 ở production, 8000 ở bản demo).",
    group="Cổng",
)
# Hosts are checked again, per site, by portal.core.middleware.HostRoutingMiddleware.
ALLOWED_HOSTS = config(
    "DJANGO_ALLOWED_HOSTS",
    [PORTAL_BASE_DOMAIN, "." + PORTAL_BASE_DOMAIN],
    cast=list,
    help_text="Danh sách tên miền được phục vụ, phân cách bằng dấu phẩy; mặc định là tên miền cổng và mọi tên miền con.",
    group="Django",
)
CSRF_TRUSTED_ORIGINS = config(
    "DJANGO_CSRF_TRUSTED_ORIGINS",
    [f"https://{PORTAL_BASE_DOMAIN}", f"https://*.{PORTAL_BASE_DOMAIN}"],
    cast=list,
    help_text="Origin tin cậy cho CSRF (có scheme).",
    group="Django",
)

INSTALLED_APPS = [
    "portal.core",
    "portal.units",
    "portal.editorial",
    "portal.pages",
    "portal.syndication",
    "portal.rules",
    "portal.moderation",
    "portal.completeness",
    "portal.registry",
    "portal.publicinfo",
    "portal.legaldocs",
    "portal.schedule",
    "portal.consultation",
    "portal.interaction",
    "portal.notifications",
    "portal.citizens",
    "portal.procedures",
    "portal.dossiers",
    "portal.payments",
    "portal.privacy",
    "portal.audit",
    "portal.compliance",
    "portal.takedown",
    "portal.search",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.core.charset.Utf8CharsetMiddleware",  # every text response declares UTF-8
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.core.middleware.HostRoutingMiddleware",
    "portal.core.middleware.NormalizeInputMiddleware",
    "portal.core.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "portal.audit.context.AuditOriginMiddleware",
    "portal.core.middleware.LoginRateLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "portal.pages.middleware.AdminValidationErrorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.core.middleware.PageRedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASE_URL = config(
    "DATABASE_URL",
    f"sqlite:///{BASE_DIR / 'var' / 'portal.sqlite3'}",
    help_text="Cơ sở dữ liệu: sqlite:///đường/dẫn (mặc định, nhúng sẵn) hoặc postgres://user@host:5432/tên.",
    group="Dữ liệu",
)
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL + BEGIN IMMEDIATE: no "database is locked" under concurrent writers
    # (shared/docs/performance-notes.md).
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }
else:
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

REDIS_URL = config(
    "REDIS_URL", "", help_text="Nếu đặt (redis://127.0.0.1:6379/0), bộ nhớ đệm dùng Redis; nếu trống, dùng bộ nhớ cục bộ.", group="Dữ liệu"
)
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": "portal"}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "portal"}}

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt")]
WAGTAIL_I18N_ENABLED = False
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["portal.formats"]
LOCALE_PATHS = [PROJECT_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = config("STATIC_ROOT", str(BASE_DIR / "var" / "static"), help_text="Thư mục thu gom tệp tĩnh.", group="Tệp")
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = config("MEDIA_ROOT", str(BASE_DIR / "var" / "media"), help_text="Thư mục lưu ảnh và tài liệu tải lên (khi không dùng S3).", group="Tệp")
PRIVATE_MEDIA_ROOT = config(
    "PORTAL_PRIVATE_MEDIA_ROOT",
    str(BASE_DIR / "var" / "private"),
    help_text="Thư mục lưu tệp người dân gửi (đính kèm câu hỏi, góp ý); không bao giờ phục vụ trực tiếp qua web.",
    group="Tệp",
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None}},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = config(
    "PORTAL_IMAGE_MAX_BYTES", 10 * 1024 * 1024, cast=int, help_text="Dung lượng tối đa của một ảnh tải lên (byte).", group="Tệp"
)
# The file formats of the standards list; uploads are also checked by content (portal/core/uploads.py).
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "gif", "tiff"]
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"tiff": "png"}  # browsers cannot show TIFF
WAGTAILDOCS_EXTENSIONS = [
    "pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "csv", "ppt", "pptx", "odp", "jpg", "jpeg", "png", "gif", "tif", "tiff", "zip",
]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.core.upload_forms.PortalDocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.core.upload_forms.PortalImageForm"
PORTAL_DOCUMENT_MAX_BYTES = config(
    "PORTAL_DOCUMENT_MAX_BYTES", 50 * 1024 * 1024, cast=int, help_text="Dung lượng tối đa của một tài liệu tải lên thư viện tài liệu (byte).", group="Tệp"
)

WAGTAIL_SITE_NAME = "Cổng thông tin điện tử tỉnh Quảng Bình"
WAGTAILADMIN_BASE_URL = config(
    "WAGTAILADMIN_BASE_URL", f"https://{PORTAL_BASE_DOMAIN}", help_text="Địa chỉ gốc của trang quản trị (dùng trong thư thông báo).", group="Cổng"
)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
# The editor's slug field keeps the Vietnamese letters (Wagtail's ASCII mode would drop them:
# "đẩy" -> "djy"); portal.pages.forms then folds them to ASCII (đ->d) on the server.
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAILADMIN_COMMENTS_ENABLED = True
# Moderators must not learn about other sites through notification e-mails.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

EMAIL_BACKEND = config(
    "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend", help_text="Lớp gửi thư của Django.", group="Thư điện tử"
)
EMAIL_HOST = config("EMAIL_HOST", "localhost", help_text="Máy chủ SMTP.", group="Thư điện tử")
EMAIL_PORT = config("EMAIL_PORT", 25, cast=int, help_text="Cổng SMTP.", group="Thư điện tử")
DEFAULT_FROM_EMAIL = config(
    "DEFAULT_FROM_EMAIL", f"no-reply@{PORTAL_BASE_DOMAIN}", help_text="Địa chỉ gửi thư thông báo.", group="Thư điện tử"
)
PORTAL_OPERATOR_EMAIL = config(
    "PORTAL_OPERATOR_EMAIL",
    "",
    help_text="Thư điện tử của bộ phận vận hành (nhiều địa chỉ cách nhau bằng dấu phẩy): nhận cảnh báo gỡ bỏ thông tin sắp quá 3 giờ.",
    group="Thư điện tử",
)

PORTAL_LOGIN_RATE_LIMIT = config(
    "PORTAL_LOGIN_RATE_LIMIT",
    10,
    cast=int,
    help_text="Số lần đăng nhập sai tối đa cho một tài khoản hoặc một địa chỉ IP trong 15 phút.",
    group="Bảo mật",
)

PORTAL_PAGE_CACHE_SECONDS = config(
    "PORTAL_PAGE_CACHE_SECONDS",
    60,
    cast=int,
    help_text="Số giây lưu đệm trang công khai cho người xem chưa đăng nhập (0 = tắt); mọi lần xuất bản, gỡ, xóa, chuyển trang và lệnh gỡ bỏ thông tin đều làm mới ngay.",
    group="Vận hành",
)

PORTAL_PUBLIC_FORM_RATE_LIMIT = config(
    "PORTAL_PUBLIC_FORM_RATE_LIMIT",
    5,
    cast=int,
    help_text="Số lần gửi tối đa từ một địa chỉ IP trong một giờ cho mỗi biểu mẫu công khai (hỏi đáp, góp ý dự thảo).",
    group="Bảo mật",
)
PORTAL_PUBLIC_FORM_MIN_SECONDS = config(
    "PORTAL_PUBLIC_FORM_MIN_SECONDS",
    3,
    cast=int,
    help_text="Biểu mẫu công khai gửi nhanh hơn số giây này sau khi mở bị coi là máy tự động gửi.",
    group="Bảo mật",
)
PORTAL_LOOKUP_RATE_LIMIT = config(
    "PORTAL_LOOKUP_RATE_LIMIT",
    30,
    cast=int,
    help_text="Số lần tra cứu theo mã (câu hỏi, hồ sơ) tối đa từ một địa chỉ IP trong 15 phút.",
    group="Bảo mật",
)
PORTAL_ATTACHMENT_MAX_BYTES = config(
    "PORTAL_ATTACHMENT_MAX_BYTES",
    10 * 1024 * 1024,
    cast=int,
    help_text="Dung lượng tối đa một tệp đính kèm người dân gửi (byte).",
    group="Tệp",
)

PORTAL_DOSSIER_CODE_PATTERN = config(
    "PORTAL_DOSSIER_CODE_PATTERN",
    "{unit}-{date:%y%m%d}-{seq:04d}",
    help_text="Mẫu mã hồ sơ: {unit} = mã định danh của nơi tiếp nhận, {date:%y%m%d} = ngày nộp, {seq:04d} = số thứ tự trong ngày.",
    group="Dịch vụ công",
)
PORTAL_SUBMISSION_API_KEYS = config(
    "PORTAL_SUBMISSION_API_KEYS",
    "",
    help_text="Khóa cho hệ thống khác nộp hồ sơ qua API (POST /api/v1/dossiers), dạng tên:khóa,tên:khóa. Để trống: tắt.",
    group="Dịch vụ công",
)

PORTAL_EMAIL_PROVIDER = config(
    "PORTAL_EMAIL_PROVIDER",
    "local",
    help_text="Nhà cung cấp gửi thư thông báo: local (chỉ ghi vào hộp thư đi, cho demo và kiểm thử), django (gửi qua EMAIL_BACKEND, dùng khi triển khai) hoặc đường dẫn lớp Python.",
    group="Thông báo",
)
PORTAL_SMS_PROVIDER = config(
    "PORTAL_SMS_PROVIDER",
    "local",
    help_text="Nhà cung cấp SMS: local (chỉ ghi vào hộp thư đi) hoặc http (cổng SMS thương hiệu, JSON qua HTTPS).",
    group="Thông báo",
)
PORTAL_SMS_URL = config("PORTAL_SMS_URL", "", help_text="Địa chỉ API gửi tin của cổng SMS thương hiệu.", group="Thông báo")
PORTAL_SMS_TOKEN = config("PORTAL_SMS_TOKEN", "", help_text="Mã truy cập (Bearer) của cổng SMS.", group="Thông báo")
PORTAL_SMS_SENDER = config("PORTAL_SMS_SENDER", "", help_text="Tên thương hiệu (brandname) gửi tin.", group="Thông báo")
PORTAL_SMS_TIMEOUT = config("PORTAL_SMS_TIMEOUT", 10, cast=int, help_text="Thời gian chờ cổng SMS trả lời (giây).", group="Thông báo")
PORTAL_SMS_ASCII = config(
    "PORTAL_SMS_ASCII", True, cast=bool, help_text="Gửi SMS không dấu (160 ký tự mỗi tin thay vì 70).", group="Thông báo"
)
PORTAL_NOTIFY_MAX_ATTEMPTS = config(
    "PORTAL_NOTIFY_MAX_ATTEMPTS", 5, cast=int,
    help_text="Số lần gửi thông báo tối đa trước khi báo gửi không thành công.", group="Thông báo",
)
PORTAL_PAYMENT_GATEWAYS = config(
    "PORTAL_PAYMENT_GATEWAYS",
    {"sandbox": "portal.payments.gateways.SandboxGateway"},
    cast=dict,
    help_text="Các cổng thanh toán trực tuyến (JSON: tên → lớp Python cài đặt PaymentGateway); cổng đầu tiên là mặc định. "
    "Khi triển khai thật, bỏ \"sandbox\" (cổng thử nghiệm không trừ tiền thật).",
    group="Dịch vụ công",
)
PORTAL_PAYMENT_SANDBOX_SECRET = config(
    "PORTAL_PAYMENT_SANDBOX_SECRET",
    "",
    help_text="Khóa HMAC-SHA256 ký thông báo kết quả của cổng thanh toán thử nghiệm; để trống thì sinh từ DJANGO_SECRET_KEY.",
    group="Dịch vụ công",
)
PORTAL_DOCUMENT_SIGNER = config(
    "PORTAL_DOCUMENT_SIGNER",
    "",
    help_text="Hàm Python (đường dẫn dạng gói.mô_đun.hàm) ký số các biểu mẫu PDF (Mẫu 01–06) bằng chữ ký số của đơn vị; để trống: không ký.",
    group="Dịch vụ công",
)
LOGIN_URL = "/tai-khoan/dang-nhap/"
PORTAL_OIDC_ISSUER = config("PORTAL_OIDC_ISSUER", "", help_text="Định danh (issuer) của nhà cung cấp định danh điện tử OpenID Connect (VNeID); để trống thì tắt đăng nhập bằng định danh điện tử.", group="Tài khoản công dân")
PORTAL_OIDC_CLIENT_ID = config("PORTAL_OIDC_CLIENT_ID", "", help_text="Mã ứng dụng (client_id) cổng được nhà cung cấp định danh cấp.", group="Tài khoản công dân")
PORTAL_OIDC_CLIENT_SECRET = config("PORTAL_OIDC_CLIENT_SECRET", "", help_text="Khóa bí mật của ứng dụng (client_secret); để trống nếu là ứng dụng công khai chỉ dùng PKCE.", group="Tài khoản công dân")
PORTAL_OIDC_AUTHORIZE_URL = config("PORTAL_OIDC_AUTHORIZE_URL", "", help_text="Địa chỉ trang đăng nhập (authorization endpoint) của nhà cung cấp định danh.", group="Tài khoản công dân")
PORTAL_OIDC_TOKEN_URL = config("PORTAL_OIDC_TOKEN_URL", "", help_text="Địa chỉ đổi mã lấy token (token endpoint); phải là https nếu ID token ký bất đối xứng.", group="Tài khoản công dân")
PORTAL_OIDC_USERINFO_URL = config("PORTAL_OIDC_USERINFO_URL", "", help_text="Địa chỉ lấy thông tin người dùng (userinfo endpoint).", group="Tài khoản công dân")
PORTAL_OIDC_LABEL = config("PORTAL_OIDC_LABEL", "Đăng nhập bằng tài khoản định danh điện tử (VNeID)", help_text="Chữ trên nút đăng nhập bằng định danh điện tử.", group="Tài khoản công dân")
PORTAL_OIDC_SCOPES = config("PORTAL_OIDC_SCOPES", "openid profile email phone", help_text="Các scope yêu cầu, phân cách bằng dấu cách.", group="Tài khoản công dân")
PORTAL_OIDC_ID_NUMBER_CLAIM = config("PORTAL_OIDC_ID_NUMBER_CLAIM", "id_number", help_text="Tên claim chứa số định danh cá nhân (CCCD) trong userinfo.", group="Tài khoản công dân")
PORTAL_REGISTER_RATE_LIMIT = config(
    "PORTAL_REGISTER_RATE_LIMIT", 20, cast=int,
    help_text="Số lần đăng ký tài khoản tối đa từ một địa chỉ IP trong một giờ (bộ phận một cửa đăng ký hộ nhiều người).",
    group="Tài khoản công dân",
)

PORTAL_SEARCH_BACKEND = config(
    "PORTAL_SEARCH_BACKEND", "database",
    help_text="Máy tìm kiếm: “database” (SQLite FTS5 hoặc PostgreSQL, theo cơ sở dữ liệu) hoặc “opensearch” (cho chỉ mục rất lớn; xem docs/search.md).",
    group="Tìm kiếm",
)
PORTAL_OPENSEARCH_URL = config(
    "PORTAL_OPENSEARCH_URL", "http://127.0.0.1:9200", help_text="Địa chỉ OpenSearch khi PORTAL_SEARCH_BACKEND=opensearch.", group="Tìm kiếm"
)
PORTAL_OPENSEARCH_INDEX_PREFIX = config(
    "PORTAL_OPENSEARCH_INDEX_PREFIX", "portal-", help_text="Tiền tố tên chỉ mục OpenSearch.", group="Tìm kiếm"
)

PORTAL_TRUSTED_PROXY_COUNT = config(
    "PORTAL_TRUSTED_PROXY_COUNT",
    0,
    cast=int,
    help_text="Số máy chủ proxy tin cậy phía trước (nginx = 1); dùng để lấy đúng IP người truy cập từ X-Forwarded-For.",
    group="Bảo mật",
)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = config(
    "DJANGO_SECURE_SSL_REDIRECT", True, cast=bool, help_text="Chuyển mọi yêu cầu HTTP sang HTTPS.", group="Bảo mật"
)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = config("DJANGO_HSTS_SECONDS", 31536000, cast=int, help_text="Thời gian HSTS (giây).", group="Bảo mật")
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
# Wagtail's live preview frames our own pages; SAMEORIGIN still blocks other sites.
SILENCED_SYSTEM_CHECKS = ["security.W019"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": config("LOG_LEVEL", "INFO", help_text="Mức ghi nhật ký.", group="Vận hành")},
    # Wagtail logs every page save at INFO; provisioning 175 sites would drown the console.
    "loggers": {"wagtail": {"level": "WARNING"}, "django_tasks": {"level": "WARNING"}},
}
