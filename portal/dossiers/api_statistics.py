from ninja import Router

router = Router(tags=["Thống kê giải quyết hồ sơ"])
