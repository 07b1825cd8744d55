from ninja import Router

router = Router(tags=["Hỏi đáp, phản ánh, kiến nghị"])
