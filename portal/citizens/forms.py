"""Account forms: every label, help text and error in Vietnamese; autocomplete and inputmode for phones."""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError

from portal.citizens.constants import CODE_DIGITS, AccountKind
from portal.citizens.services import consent_notice
from portal.citizens.validators import (
    email_normalise,
    id_number_validate,
    phone_normalise,
    phone_validate,
    tax_code_validate,
)
from portal.interaction.forms import DescribedFieldsMixin
from portal.moderation.forms import PublicSubmissionForm

_REQUIRED = {
    "full_name": "Hãy nhập họ và tên.",
    "organisation_name": "Hãy nhập tên tổ chức, doanh nghiệp.",
    "password1": "Hãy nhập mật khẩu.",
    "password2": "Hãy nhập lại mật khẩu.",
    "identifier": "Hãy nhập thư điện tử hoặc số điện thoại.",
    "password": "Hãy nhập mật khẩu.",
    "code": "Hãy nhập mã xác minh.",
}


def _numeric(**attrs) -> dict:
    return {"inputmode": "numeric", "spellcheck": "false", **attrs}


class ContactFieldsMixin:
    """Name, organisation, identity numbers and contacts, shared by registration and the profile edit."""

    def _setup_contact_fields(self):
        for name, message in _REQUIRED.items():
            if name in self.fields:
                self.fields[name].error_messages["required"] = message
        if "email" in self.fields:
            self.fields["email"].error_messages["invalid"] = "Thư điện tử chưa đúng dạng, ví dụ: ten@example.com."

    def clean_phone(self):
        phone = phone_normalise(self.cleaned_data.get("phone", ""))
        if phone:
            phone_validate(phone)
        return phone

    def clean_email(self):
        return email_normalise(self.cleaned_data.get("email", ""))

    def clean_id_number(self):
        value = "".join(self.cleaned_data.get("id_number", "").split())
        if value:
            id_number_validate(value)
        return value

    def clean_tax_code(self):
        value = "".join(self.cleaned_data.get("tax_code", "").split())
        if value:
            tax_code_validate(value)
        return value

    def _clean_contacts(self, kind: str) -> None:
        data = self.cleaned_data
        if "email" in data and "phone" in data and not data["email"] and not data["phone"]:
            self.add_error("email", "Hãy nhập thư điện tử hoặc số điện thoại (ít nhất một) để nhận mã xác minh và thông báo về hồ sơ.")
        if kind == AccountKind.ORGANISATION and "organisation_name" in self.fields and not data.get("organisation_name", "").strip():
            self.add_error("organisation_name", _REQUIRED["organisation_name"])


def _contact_fields() -> dict:
    return {
        "email": forms.EmailField(
            label="Thư điện tử",
            required=False,
            max_length=254,
            help_text="Nhập thư điện tử, số điện thoại hoặc cả hai; mỗi liên lạc sẽ nhận một mã xác minh.",
            widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        ),
        "phone": forms.CharField(
            label="Số điện thoại di động",
            required=False,
            max_length=20,
            help_text="Ví dụ: 0912 345 678. Mã xác minh được gửi bằng tin nhắn SMS.",
            widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
        ),
    }


class RegistrationForm(ContactFieldsMixin, DescribedFieldsMixin, PublicSubmissionForm):
    """“Đăng ký tài khoản”: honeypot, time token and unticked consent come from the public-form base."""

    kind = forms.ChoiceField(label="Bạn đăng ký cho", choices=AccountKind.choices, initial=AccountKind.INDIVIDUAL, widget=forms.RadioSelect)
    full_name = forms.CharField(
        label="Họ và tên", max_length=200, help_text="Với tổ chức, doanh nghiệp: họ tên người đại diện hoặc người liên hệ.",
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    organisation_name = forms.CharField(
        label="Tên tổ chức, doanh nghiệp", max_length=255, required=False, help_text="Chỉ điền khi đăng ký cho tổ chức, doanh nghiệp.",
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    tax_code = forms.CharField(
        label="Mã số thuế (không bắt buộc)", max_length=20, required=False, help_text="Mã số doanh nghiệp, ví dụ: 3100123456.",
        widget=forms.TextInput(attrs=_numeric(autocomplete="off")),
    )
    email = _contact_fields()["email"]
    phone = _contact_fields()["phone"]
    password1 = forms.CharField(
        label="Mật khẩu", strip=False, help_text="Ít nhất 10 ký tự, không toàn chữ số, không quá giống thông tin cá nhân.",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(label="Nhập lại mật khẩu", strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

    field_order = ["kind", "full_name", "organisation_name", "tax_code", "email", "phone", "password1", "password2", "consent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.notice = consent_notice()
        self._setup_contact_fields()

    def clean(self):
        data = super().clean()
        self._clean_contacts(data.get("kind", ""))
        password1, password2 = data.get("password1"), data.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", "Hai mật khẩu chưa giống nhau.")
        elif password1:
            # The similarity check compares with what the person typed about themselves.
            probe = get_user_model()(username="", email=data.get("email", ""), first_name=data.get("full_name", ""), last_name=data.get("phone", ""))
            try:
                password_validation.validate_password(password1, user=probe)
            except ValidationError as error:
                self.add_error("password1", error)
        return data


class ProfileForm(ContactFieldsMixin, DescribedFieldsMixin, forms.Form):
    """“Sửa thông tin tài khoản”; the kind of account does not change."""

    full_name = forms.CharField(label="Họ và tên", max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    organisation_name = forms.CharField(
        label="Tên tổ chức, doanh nghiệp", max_length=255, widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    tax_code = forms.CharField(
        label="Mã số thuế (không bắt buộc)", max_length=20, required=False, widget=forms.TextInput(attrs=_numeric(autocomplete="off")),
    )
    id_number = forms.CharField(
        label="Số định danh cá nhân (không bắt buộc)", max_length=20, required=False, help_text="Số căn cước gồm 12 chữ số.",
        widget=forms.TextInput(attrs=_numeric(autocomplete="off")),
    )
    email = _contact_fields()["email"]
    phone = _contact_fields()["phone"]
    address = forms.CharField(
        label="Địa chỉ (không bắt buộc)", max_length=300, required=False, widget=forms.TextInput(attrs={"autocomplete": "address-line1"}),
    )

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        if kind != AccountKind.ORGANISATION:
            del self.fields["organisation_name"], self.fields["tax_code"]
        self.fields["email"].help_text = "Thư điện tử hoặc số điện thoại mới phải được xác minh lại bằng mã gửi đến."
        self._setup_contact_fields()

    def clean(self):
        data = super().clean()
        self._clean_contacts(self.kind)
        return data


class LoginForm(DescribedFieldsMixin, forms.Form):
    identifier = forms.CharField(
        label="Thư điện tử hoặc số điện thoại", max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "username", "spellcheck": "false", "autocapitalize": "none"}),
    )
    password = forms.CharField(label="Mật khẩu", strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("identifier", "password"):
            self.fields[name].error_messages["required"] = _REQUIRED[name]


class CodeForm(DescribedFieldsMixin, forms.Form):
    """One per contact on the verification page; the prefix (email / sms) keeps their ids apart."""

    code = forms.CharField(
        label=f"Mã xác minh ({CODE_DIGITS} chữ số)",
        max_length=CODE_DIGITS + 4,
        widget=forms.TextInput(attrs=_numeric(autocomplete="one-time-code", pattern=f"[0-9]{{{CODE_DIGITS}}}", maxlength=str(CODE_DIGITS))),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].error_messages["required"] = _REQUIRED["code"]

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not code.isdigit() or len(code) != CODE_DIGITS:
            raise ValidationError(f"Mã xác minh gồm {CODE_DIGITS} chữ số.")
        return code
