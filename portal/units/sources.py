"""Where unit data comes from: the vietnamadminunits package and the agency lists shipped here."""

import json
from dataclasses import dataclass, field
from pathlib import Path

from vietnamadminunits.database import query

from portal.core.text import collapse_spaces, nfc

DATA_DIR = Path(__file__).parent / "data"


@dataclass
class UnitRecord:
    code: str
    kind: str
    name: str
    short_name: str = ""
    division_type: str = ""
    parent_code: str | None = None
    gso_code: str = ""
    abbreviation: str = ""
    extra: dict = field(default_factory=dict)


def _title(name: str) -> str:
    # The package writes "Thành Phố Đồng Hới"; official names capitalise only the place.
    name = collapse_spaces(nfc(name))
    for wrong, right in (("Thành Phố ", "Thành phố "), ("Thị Xã ", "Thị xã "), ("Thị Trấn ", "Thị trấn ")):
        if name.startswith(wrong):
            name = right + name[len(wrong) :]
    return name


def administrative_units(province_code: str) -> list[UnitRecord]:
    """The province, its district-level and commune-level units (pre-2025 structure)."""
    from portal.units.constants import UnitKind

    if not province_code.isdigit():
        raise ValueError("Mã tỉnh phải là chữ số, ví dụ 44.")
    code = province_code.zfill(2)
    rows = query(
        "SELECT DISTINCT province, provinceShort, provinceCode, district, districtShort, districtType, "
        "districtCode, ward, wardShort, wardType, wardCode FROM admin_units_legacy "
        f"WHERE provinceCode = '{code}' ORDER BY districtCode, wardCode"
    )
    if not rows:
        raise LookupError(f"Không tìm thấy tỉnh có mã {province_code} trong dữ liệu vietnamadminunits.")
    first = rows[0]
    records = [
        UnitRecord(
            code=code,
            kind=UnitKind.PROVINCE,
            name=_title(first["province"]),
            short_name=nfc(first["provinceShort"]),
            division_type="Tỉnh" if first["province"].startswith("Tỉnh") else "Thành phố",
            gso_code=code,
        )
    ]
    seen_districts = set()
    for row in rows:
        if row["districtCode"] not in seen_districts:
            seen_districts.add(row["districtCode"])
            records.append(
                UnitRecord(
                    code=row["districtCode"],
                    kind=UnitKind.DISTRICT,
                    name=_title(row["district"]),
                    short_name=nfc(row["districtShort"]),
                    division_type=nfc(row["districtType"]),
                    parent_code=code,
                    gso_code=row["districtCode"],
                )
            )
        if row["wardCode"]:
            records.append(
                UnitRecord(
                    code=row["wardCode"],
                    kind=UnitKind.COMMUNE,
                    name=_title(row["ward"]),
                    short_name=nfc(row["wardShort"]),
                    division_type=nfc(row["wardType"]),
                    parent_code=row["districtCode"],
                    gso_code=row["wardCode"],
                )
            )
    return records


def agency_records(province_code: str, path: Path | None = None) -> list[UnitRecord]:
    """The provincial agencies: the province's own list if shipped, else the Decree 24/2014 set."""
    from portal.core.text import fold
    from portal.units.constants import UnitKind

    code = province_code.zfill(2)
    if path is None:
        path = DATA_DIR / f"agencies-{code}.json"
        if not path.exists():
            path = DATA_DIR / "agencies-default.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    records = []
    for item in data["agencies"]:
        abbreviation = nfc(item["abbreviation"])
        records.append(
            UnitRecord(
                code=f"{code}-{fold(abbreviation).upper()}",
                kind=item.get("kind", UnitKind.AGENCY),
                name=nfc(item["name"]),
                abbreviation=abbreviation,
                division_type="Sở" if item["name"].startswith("Sở") else "Cơ quan",
                parent_code=code,
                extra={k: item[k] for k in ("address", "phone", "email", "identifier_code") if item.get(k)},
            )
        )
    return records
