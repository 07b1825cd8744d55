"""The sections every site must have, by kind of unit, and where the law asks for them.

Provisioning creates what is missing (never moves or deletes what editors changed); the
completeness check reads the same catalogue, so the two cannot drift apart.
"""

from dataclasses import dataclass

from portal.completeness.registry import AGENCIES, ALL_KINDS, PEOPLES_COMMITTEES
from portal.units.constants import UnitKind

SECTION = "portal_pages.SectionPage"
STANDARD = "portal_pages.StandardPage"
P, A, S, D, C = UnitKind.PROVINCE, UnitKind.AGENCY, UnitKind.SERVICE_UNIT, UnitKind.DISTRICT, UnitKind.COMMUNE
NOT_COMMUNE = frozenset({P, A, S, D})
PROVINCE_AND_AGENCIES = frozenset({P, A, S})


@dataclass(frozen=True)
class SiteNode:
    path: str  # relative to the home: "gioi-thieu/lanh-dao"
    title: str
    model: str
    kinds: frozenset = ALL_KINDS
    intro: str = ""
    in_menu: bool = True
    # People's Committees name some pages differently from agencies.
    title_for_committees: str = ""
    # Completeness: (code, title, legal basis) when the section must hold at least one item.
    requires_items: tuple[str, str, str] | None = None
    order: int = 500
    # Field values only the main portal's copy of the section gets.
    main_portal_fields: tuple[tuple[str, object], ...] = ()

    @property
    def slug(self) -> str:
        return self.path.rsplit("/", 1)[-1]

    @property
    def parent_path(self) -> str:
        return self.path.rsplit("/", 1)[0] if "/" in self.path else ""

    def title_for(self, kind: str) -> str:
        if self.title_for_committees and kind in PEOPLES_COMMITTEES:
            return self.title_for_committees
        return self.title


SITE_TREE: tuple[SiteNode, ...] = (
    SiteNode(
        "tin-tuc-su-kien", "Tin tức – Sự kiện", SECTION, intro="Tin hoạt động, sự kiện của đơn vị và địa phương.",
        main_portal_fields=(("includes_accepted_proposals", True),),
    ),
    SiteNode("gioi-thieu", "Giới thiệu", SECTION, intro="Cơ cấu tổ chức, chức năng, nhiệm vụ, lịch sử và lãnh đạo."),
    SiteNode(
        "gioi-thieu/co-cau-to-chuc", "Cơ cấu tổ chức, chức năng, nhiệm vụ", "registry.OrganisationPage",
        title_for_committees="Tổ chức bộ máy hành chính",
    ),
    SiteNode("gioi-thieu/lanh-dao", "Lãnh đạo", "registry.LeadersPage"),
    SiteNode(
        "gioi-thieu/lich-su", "Quá trình hình thành và phát triển", STANDARD,
        title_for_committees="Lịch sử, truyền thống văn hóa",
    ),
    SiteNode("gioi-thieu/ban-do-hanh-chinh", "Bản đồ hành chính", "registry.AdministrativeMapPage", kinds=PEOPLES_COMMITTEES),
    SiteNode("gioi-thieu/dieu-kien-tu-nhien", "Điều kiện tự nhiên", STANDARD, kinds=PEOPLES_COMMITTEES),
    SiteNode("gioi-thieu/di-tich-danh-thang", "Di tích, danh thắng", STANDARD, kinds=PEOPLES_COMMITTEES),
    SiteNode(
        "chi-dao-dieu-hanh", "Chỉ đạo, điều hành", SECTION,
        intro="Ý kiến chỉ đạo, điều hành của lãnh đạo; xử lý, phản hồi kiến nghị; khen thưởng, xử phạt; lịch làm việc của lãnh đạo.",
        requires_items=("chi-dao-dieu-hanh", "Thông tin chỉ đạo, điều hành", "NĐ 43/2011/NĐ-CP Điều 10 khoản 3; NĐ 42/2022/NĐ-CP Điều 4"),
        order=300,
    ),
    SiteNode("chi-dao-dieu-hanh/lich-cong-tac", "Lịch công tác", "schedule.ScheduleIndexPage"),
    SiteNode("van-ban", "Văn bản", "legaldocs.LegalDocumentIndexPage"),
    SiteNode("cong-khai", "Công khai thông tin", SECTION, intro="Thông tin cơ quan nhà nước phải công khai theo quy định."),
    SiteNode(
        "cong-khai/pho-bien-phap-luat", "Phổ biến, giáo dục pháp luật", SECTION,
        intro="Tuyên truyền, phổ biến, hướng dẫn thực hiện pháp luật, chế độ, chính sách.",
        requires_items=("pho-bien-phap-luat", "Tuyên truyền, phổ biến pháp luật", "NĐ 43/2011/NĐ-CP Điều 10 khoản 4; NĐ 42/2022/NĐ-CP Điều 4 khoản 1 điểm d"),
        order=410,
    ),
    SiteNode(
        "cong-khai/chien-luoc-quy-hoach-ke-hoach", "Chiến lược, quy hoạch, kế hoạch", SECTION,
        intro="Chiến lược, định hướng, quy hoạch, kế hoạch phát triển và chương trình công tác hằng năm.",
        requires_items=("chien-luoc-quy-hoach", "Chiến lược, quy hoạch, kế hoạch", "NĐ 43/2011/NĐ-CP Điều 10 khoản 5; NĐ 42/2022/NĐ-CP Điều 4 khoản 1 điểm d"),
        order=420,
    ),
    SiteNode(
        "cong-khai/chuong-trinh-du-an", "Chương trình, dự án, đề án", SECTION, kinds=NOT_COMMUNE,
        requires_items=("chuong-trinh-du-an", "Chương trình, dự án, đề án", "NĐ 42/2022/NĐ-CP Điều 4 khoản 1 điểm d"),
        order=430,
    ),
    SiteNode(
        "cong-khai/dau-tu-dau-thau-mua-sam", "Đầu tư, đấu thầu, mua sắm công", "publicinfo.ProcurementSectionPage",
        intro="Dự án, hạng mục đầu tư; thông báo mời thầu, kết quả lựa chọn nhà thầu, mua sắm công.",
        requires_items=("dau-thau-mua-sam", "Dự án, đầu tư, đấu thầu, mua sắm công", "NĐ 43/2011/NĐ-CP Điều 10 khoản 9; NĐ 42/2022/NĐ-CP Điều 4"),
        order=440,
    ),
    SiteNode(
        "cong-khai/khoa-hoc-cong-nghe", "Chương trình, đề tài khoa học", SECTION, kinds=PROVINCE_AND_AGENCIES,
        requires_items=("khoa-hoc", "Chương trình, đề tài khoa học", "NĐ 43/2011/NĐ-CP Điều 10 khoản 13"),
        order=450,
    ),
    SiteNode(
        "cong-khai/tai-chinh-ngan-sach", "Báo cáo tài chính, ngân sách", SECTION,
        intro="Dự toán, quyết toán, báo cáo tài chính năm.",
        requires_items=("tai-chinh", "Báo cáo tài chính năm", "NĐ 42/2022/NĐ-CP Điều 4 khoản 1; Luật Kế toán 2015"),
        order=460,
    ),
    SiteNode(
        "cong-khai/thong-ke", "Số liệu thống kê", SECTION, kinds=NOT_COMMUNE,
        requires_items=("thong-ke", "Thông tin thống kê", "NĐ 42/2022/NĐ-CP Điều 4 khoản 1; Luật Thống kê 2015"),
        order=470,
    ),
    SiteNode(
        "cong-khai/tuyen-dung", "Tuyển dụng", SECTION, kinds=NOT_COMMUNE,
        requires_items=("tuyen-dung", "Thông tin tuyển dụng", "NĐ 42/2022/NĐ-CP Điều 4 khoản 1"),
        order=480,
    ),
    SiteNode(
        "cong-khai/dieu-uoc-quoc-te", "Điều ước, thỏa thuận quốc tế", SECTION, kinds=PROVINCE_AND_AGENCIES,
        requires_items=("dieu-uoc", "Điều ước quốc tế, thỏa thuận quốc tế", "NĐ 42/2022/NĐ-CP Điều 4 khoản 1 điểm b"),
        order=490,
    ),
    SiteNode("cong-khai/tiep-can-thong-tin", "Tiếp cận thông tin", "publicinfo.AccessToInformationPage"),
    SiteNode(
        "thong-tin-bao-chi", "Thông tin báo chí", SECTION, in_menu=False, order=600,
        intro="Thông cáo báo chí, nội dung phát ngôn và họp báo (Nghị định 09/2017/NĐ-CP).",
    ),
    SiteNode("thong-tin-bao-chi/nguoi-phat-ngon", "Người phát ngôn", "registry.SpokespersonPage"),
    SiteNode("hoi-dap", "Hỏi đáp – Phản ánh, kiến nghị", "interaction.InteractionIndexPage"),
    SiteNode("lay-y-kien", "Lấy ý kiến dự thảo", "consultation.ConsultationIndexPage"),
    SiteNode("lien-he", "Liên hệ", "registry.ContactPage"),
    SiteNode("en", "English", "registry.EnglishPage", in_menu=False),
)

AGENCY_KINDS = AGENCIES
PRESS_PATH = "thong-tin-bao-chi"
NEWS_PATH = "tin-tuc-su-kien"


def nodes_for(kind: str) -> list[SiteNode]:
    return [node for node in SITE_TREE if kind in node.kinds]


# Luật Tiếp cận thông tin 2016 Điều 17 khoản 1 (points a–g as confirmed; the others are labelled without a
# point letter until checked against the text) and the items NĐ 13/2018 adds for the portal section,
# each pointing at the sections of a site where that information is published.
DISCLOSURE_POINTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Điều 17 khoản 1 điểm a", "Văn bản quy phạm pháp luật, văn bản hành chính có giá trị áp dụng chung; điều ước quốc tế",
     ("van-ban", "cong-khai/dieu-uoc-quoc-te")),
    ("Điều 17 khoản 1 điểm b", "Thông tin phổ biến, hướng dẫn thực hiện pháp luật, chế độ, chính sách",
     ("cong-khai/pho-bien-phap-luat",)),
    ("Điều 17 khoản 1 điểm c", "Dự thảo văn bản quy phạm pháp luật, chính sách lấy ý kiến", ("lay-y-kien",)),
    ("Điều 17 khoản 1 điểm d", "Chiến lược, chương trình, dự án, đề án, kế hoạch, quy hoạch",
     ("cong-khai/chien-luoc-quy-hoach-ke-hoach", "cong-khai/chuong-trinh-du-an")),
    ("Điều 17 khoản 1 điểm đ", "Dự toán, quyết toán ngân sách, báo cáo tài chính", ("cong-khai/tai-chinh-ngan-sach",)),
    ("Điều 17 khoản 1 điểm g", "Danh mục dự án đầu tư công, mua sắm công", ("cong-khai/dau-tu-dau-thau-mua-sam",)),
    ("Điều 17 khoản 1 (điểm khác)", "Chương trình, đề tài khoa học", ("cong-khai/khoa-hoc-cong-nghe",)),
    ("Điều 17; NĐ 13/2018/NĐ-CP Điều 11", "Cơ cấu tổ chức, chức năng, nhiệm vụ, quyền hạn; đầu mối liên hệ",
     ("gioi-thieu/co-cau-to-chuc", "lien-he")),
    ("Điều 17 khoản 1 (điểm khác)", "Thông tin thống kê", ("cong-khai/thong-ke",)),
    ("Điều 17 khoản 1 (điểm khác)", "Tuyển dụng, sử dụng, quản lý cán bộ, công chức, viên chức", ("cong-khai/tuyen-dung",)),
    ("Điều 17; NĐ 09/2017/NĐ-CP", "Thông tin báo chí, người phát ngôn", ("thong-tin-bao-chi",)),
    ("Điều 17; NĐ 42/2022/NĐ-CP Điều 8", "Kết quả trả lời câu hỏi, phản ánh, kiến nghị", ("hoi-dap",)),
)
