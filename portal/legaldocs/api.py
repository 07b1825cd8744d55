from ninja import Router

router = Router(tags=["Văn bản quy phạm pháp luật, văn bản chỉ đạo điều hành"])
