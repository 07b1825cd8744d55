from ninja import Router

router = Router(tags=["Lấy ý kiến góp ý dự thảo"])
