KINDS = {
    "article": "Tin, bài",
    "legaldoc": "Văn bản",
    "procedure": "Thủ tục hành chính",
    "answer": "Hỏi đáp",
    "page": "Trang thông tin",
}
MAX_QUERY_LENGTH = 200
PER_PAGE = 20
# Each retrieval tier returns at most this many candidates (newest first); ranking is done on them.
TIER_LIMIT = 100
