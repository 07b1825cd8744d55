from ninja import Router

router = Router(tags=["Lịch công tác của lãnh đạo"])
