"""The search index: one row per public item (page, procedure, published answer).

Display columns keep the original text; the ``*_f`` columns hold the same text folded
(`portal.core.text.fold`: no diacritics, đ → d, lowercase) and reduced to ``[a-z0-9]`` words
separated by single spaces, so SQLite FTS5 and PostgreSQL's 'simple' parser see exactly the
same words. The full-text indexes over them are created by migration 0001 per database vendor.
"""

from django.db import models


class SearchDocument(models.Model):
    source = models.CharField("Nguồn", max_length=16)  # "page", "procedure", "question"
    object_id = models.PositiveBigIntegerField("Mã đối tượng")
    kind = models.CharField("Loại nội dung", max_length=16, db_index=True)  # see constants.KINDS
    unit = models.ForeignKey(
        "units.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name="Đơn vị"
    )
    url = models.CharField("Địa chỉ", max_length=500)
    title = models.TextField("Tiêu đề")
    number = models.CharField("Số, ký hiệu / mã", max_length=100, blank=True)
    number_key = models.CharField(max_length=100, blank=True, db_index=True)
    abstract = models.TextField("Tóm tắt", blank=True)
    body = models.TextField("Nội dung", blank=True)
    published = models.DateField("Ngày", null=True, blank=True)
    title_f = models.TextField(blank=True)
    head_f = models.TextField(blank=True)  # title + number + abstract
    all_f = models.TextField(blank=True)  # head + body
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "Mục chỉ mục tìm kiếm"
        verbose_name_plural = "Chỉ mục tìm kiếm"
        constraints = [models.UniqueConstraint(fields=["source", "object_id"], name="sitesearch_doc_source_object")]
        indexes = [models.Index(fields=["unit", "kind"], name="sitesearch_doc_unit_kind")]

    def __str__(self):
        return self.title
