"""Production: everything comes from base.py and the environment."""

from .base import *  # noqa: F403

USE_S3 = config(  # noqa: F405
    "PORTAL_USE_S3", False, cast=bool, help_text="Lưu ảnh và tài liệu trên kho S3 tương thích (cần gói django-storages).", group="Tệp"
)
if USE_S3:
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": config("S3_BUCKET", "", help_text="Tên bucket S3.", group="Tệp"),  # noqa: F405
            "endpoint_url": config("S3_ENDPOINT_URL", "", help_text="Địa chỉ dịch vụ S3 tương thích.", group="Tệp"),  # noqa: F405
        },
    }
