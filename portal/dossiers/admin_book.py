"""Admin views of the tracking book (Mẫu 06). urlpatterns are mounted under /admin/mot-cua/so-theo-doi/."""

urlpatterns = []
