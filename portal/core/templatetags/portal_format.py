from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def vnd(value) -> str:
    """1234567 -> "1.234.567 đồng" (Vietnamese groups thousands with dots)."""
    if value in (None, ""):
        return ""
    amount = int(Decimal(value))
    return f"{amount:,}".replace(",", ".") + " đồng"
