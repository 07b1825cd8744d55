"""Demo registries: structure, leaders, contacts, spokespersons, English and the introduction pages.

The main portal and Sở TTTT are complete; Đồng Hới has its structure only; Bảo Ninh is left empty,
so the completeness report shows what each kind of gap looks like. Names of people are invented.
"""

import datetime as dt
import hashlib
from io import BytesIO
from pathlib import Path

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model

from portal.core.text import fold, nfc
from portal.pages.selectors import home_for_unit, page_at
from portal.registry.models import (
    OrgUnit,
    OrgUnitKind,
    Person,
    Position,
    Spokesperson,
    SpokespersonRole,
    UnitProfile,
)

D = dt.date
OFFICE, SUBORDINATE, LEADERSHIP = OrgUnitKind.OFFICE, OrgUnitKind.SUBORDINATE, OrgUnitKind.LEADERSHIP

UNIT_CONTACT = {
    "main": {
        "address": "Số 12 đường Quang Trung, phường Hải Đình, thành phố Đồng Hới, tỉnh Quảng Bình",
        "phone": "0232 3822 540", "fax": "0232 3822 541", "email": "ubnd@quangbinh.gov.vn",
        "responsible_person": "Chánh Văn phòng UBND tỉnh Quảng Bình",
    },
    "stttt": {
        "address": "Số 2 đường Hữu Nghị, phường Nam Lý, thành phố Đồng Hới, tỉnh Quảng Bình",
        "phone": "0232 3810 797", "fax": "0232 3810 798", "email": "stttt@quangbinh.gov.vn",
        "responsible_person": "Giám đốc Sở Thông tin và Truyền thông",
    },
}

PROFILES = {
    "main": {
        "functions": (
            "Ủy ban nhân dân tỉnh do Hội đồng nhân dân tỉnh bầu, là cơ quan chấp hành của Hội đồng nhân dân tỉnh, "
            "cơ quan hành chính nhà nước ở địa phương, chịu trách nhiệm trước Nhân dân địa phương, Hội đồng nhân dân tỉnh "
            "và cơ quan hành chính nhà nước cấp trên.\n"
            "Ủy ban nhân dân tỉnh tổ chức thi hành Hiến pháp, pháp luật, nghị quyết của Hội đồng nhân dân tỉnh; quyết định "
            "các vấn đề thuộc thẩm quyền; quản lý nhà nước về kinh tế – xã hội, quốc phòng, an ninh trên địa bàn tỉnh."
        ),
        "name_en": "Quang Binh Provincial People's Committee",
        "functions_en": (
            "The Provincial People's Committee is elected by the Provincial People's Council. It is the executive body of the "
            "Council and the local state administrative body, accountable to the people, the Council and higher state "
            "administrative bodies.\n"
            "It implements the Constitution, the law and the Council's resolutions, decides on matters within its competence "
            "and manages the economy, society, defence and security of the province."
        ),
        "address_en": "12 Quang Trung Street, Hai Dinh Ward, Dong Hoi City, Quang Binh Province, Viet Nam",
    },
    "stttt": {
        "functions": (
            "Sở Thông tin và Truyền thông là cơ quan chuyên môn thuộc UBND tỉnh, tham mưu, giúp UBND tỉnh quản lý nhà nước về "
            "báo chí; xuất bản, in và phát hành; bưu chính; viễn thông; tần số vô tuyến điện; công nghệ thông tin; an toàn "
            "thông tin mạng; chuyển đổi số; thông tin cơ sở và thông tin đối ngoại.\n"
            "Sở có tư cách pháp nhân, con dấu và tài khoản riêng; chịu sự chỉ đạo, quản lý về tổ chức, biên chế và công tác "
            "của UBND tỉnh, đồng thời chịu sự chỉ đạo, hướng dẫn, kiểm tra về chuyên môn, nghiệp vụ của Bộ."
        ),
        "name_en": "Quang Binh Department of Information and Communications",
        "functions_en": (
            "The Department of Information and Communications is a specialised agency of the Provincial People's Committee. "
            "It advises and assists the Committee in the state management of the press; publishing, printing and distribution; "
            "postal services; telecommunications; radio frequencies; information technology; cybersecurity; digital "
            "transformation; grassroots information and external information."
        ),
        "address_en": "2 Huu Nghi Street, Nam Ly Ward, Dong Hoi City, Quang Binh Province, Viet Nam",
    },
}

# unit key -> [(name, name_en, kind, functions, functions_en, phone, email, [children...])]
ORG_UNITS = {
    "main": [
        ("Văn phòng UBND tỉnh", "Office of the Provincial People's Committee", OFFICE,
         "Tham mưu tổng hợp, giúp UBND tỉnh tổ chức hoạt động chung; kiểm soát thủ tục hành chính; quản lý Cổng thông tin điện tử tỉnh.",
         "Advises and assists the Committee in its general work, administrative procedure control and the provincial web portal.",
         "0232 3822 540", "vpubnd@quangbinh.gov.vn", [
             ("Phòng Tổng hợp", "General Affairs Division", OFFICE,
              "Tổng hợp tình hình, xây dựng chương trình công tác của UBND tỉnh.",
              "Compiles reports and prepares the Committee's work programme.", "", "", []),
             ("Trung tâm Phục vụ hành chính công tỉnh", "Provincial Public Administration Service Centre", SUBORDINATE,
              "Tiếp nhận, trả kết quả hồ sơ thủ tục hành chính theo cơ chế một cửa, một cửa liên thông.",
              "Receives applications and returns results of administrative procedures through the one-stop shop.",
              "0232 3555 999", "hanhchinhcong@quangbinh.gov.vn", []),
         ]),
        ("Sở Nội vụ", "Department of Home Affairs", SUBORDINATE,
         "Tham mưu về tổ chức bộ máy, biên chế, cán bộ, công chức, viên chức, cải cách hành chính, thi đua – khen thưởng.",
         "Advises on organisation, staffing, civil servants, administrative reform and emulation and commendation.",
         "0232 3822 364", "snv@quangbinh.gov.vn", []),
        ("Sở Tài chính", "Department of Finance", SUBORDINATE,
         "Tham mưu về tài chính, ngân sách nhà nước, giá, đầu tư và kế hoạch phát triển kinh tế – xã hội.",
         "Advises on finance, the state budget, prices, investment and socio-economic planning.",
         "0232 3822 614", "stc@quangbinh.gov.vn", []),
        ("Sở Thông tin và Truyền thông", "Department of Information and Communications", SUBORDINATE,
         "Tham mưu về báo chí, xuất bản, bưu chính, viễn thông, công nghệ thông tin và chuyển đổi số.",
         "Advises on the press, publishing, postal services, telecommunications, IT and digital transformation.",
         "0232 3810 797", "stttt@quangbinh.gov.vn", []),
    ],
    "stttt": [
        ("Văn phòng Sở", "Office of the Department", OFFICE,
         "Tham mưu về tổng hợp, tổ chức, hành chính, quản trị, tài chính, kế toán, văn thư, lưu trữ của Sở.",
         "Advises on general affairs, organisation, administration, finance, accounting and records of the Department.",
         "0232 3810 797", "vanphong.stttt@quangbinh.gov.vn", []),
        ("Thanh tra Sở", "Department Inspectorate", OFFICE,
         "Thanh tra hành chính, thanh tra chuyên ngành; tiếp công dân, giải quyết khiếu nại, tố cáo; phòng, chống tham nhũng.",
         "Administrative and specialised inspection; citizen reception, complaints and denunciations; anti-corruption.",
         "0232 3810 799", "thanhtra.stttt@quangbinh.gov.vn", []),
        ("Phòng Bưu chính – Viễn thông", "Post and Telecommunications Division", OFFICE,
         "Quản lý nhà nước về bưu chính, viễn thông, tần số vô tuyến điện, hạ tầng kỹ thuật viễn thông thụ động.",
         "State management of postal services, telecommunications, radio frequencies and passive telecom infrastructure.",
         "0232 3810 801", "bcvt.stttt@quangbinh.gov.vn", []),
        ("Phòng Công nghệ thông tin", "Information Technology Division", OFFICE,
         "Quản lý nhà nước về công nghệ thông tin, an toàn thông tin mạng, chính quyền số và chuyển đổi số.",
         "State management of IT, cybersecurity, digital government and digital transformation.",
         "0232 3810 802", "cntt.stttt@quangbinh.gov.vn", []),
        ("Phòng Thông tin – Báo chí – Xuất bản", "Information, Press and Publishing Division", OFFICE,
         "Quản lý nhà nước về báo chí, xuất bản, in, phát hành, thông tin cơ sở, thông tin đối ngoại.",
         "State management of the press, publishing, printing, distribution, grassroots and external information.",
         "0232 3810 803", "ttbcxb.stttt@quangbinh.gov.vn", []),
        ("Trung tâm Công nghệ thông tin và Truyền thông", "Information and Communications Technology Centre", SUBORDINATE,
         "Đơn vị sự nghiệp công lập trực thuộc Sở; vận hành Trung tâm dữ liệu tỉnh, giám sát an toàn thông tin, hỗ trợ kỹ thuật.",
         "A public service unit of the Department; runs the provincial data centre, security monitoring and technical support.",
         "0232 3810 888", "ttcntt@quangbinh.gov.vn", []),
    ],
    "donghoi": [
        ("Văn phòng HĐND và UBND thành phố", "", OFFICE, "", "", "", "", []),
        ("Phòng Nội vụ", "", OFFICE, "", "", "", "", []),
        ("Phòng Tài chính – Kế hoạch", "", OFFICE, "", "", "", "", []),
        ("Phòng Văn hóa và Thông tin", "", OFFICE, "", "", "", "", []),
        ("Phòng Quản lý đô thị", "", OFFICE, "", "", "", "", []),
    ],
}

# unit key -> people: (name, birth year, biography, [(title, title_en, org unit name, duties, leader, contact, phone, email, start)])
PEOPLE = {
    "main": [
        ("Nguyễn Đức Minh", 1971,
         "Quê quán: huyện Lệ Thủy, tỉnh Quảng Bình. Trình độ: Tiến sĩ Kinh tế, Cao cấp lý luận chính trị.\n"
         "Từng giữ các chức vụ: Giám đốc Sở Kế hoạch và Đầu tư, Phó Chủ tịch UBND tỉnh. Được HĐND tỉnh bầu giữ chức Chủ tịch "
         "UBND tỉnh nhiệm kỳ 2021–2026.",
         [("Chủ tịch UBND tỉnh", "Chairman of the Provincial People's Committee", None,
           "Lãnh đạo, quản lý, điều hành toàn diện hoạt động của UBND tỉnh; trực tiếp phụ trách công tác tổ chức bộ máy, "
           "quy hoạch, kế hoạch, ngân sách, quốc phòng, an ninh.", True, False, "0232 3822 001", "chutich@quangbinh.gov.vn", D(2021, 6, 25))]),
        ("Lê Thị Hồng Nhung", 1974,
         "Quê quán: huyện Bố Trạch, tỉnh Quảng Bình. Trình độ: Thạc sĩ Quản lý công, Cao cấp lý luận chính trị.\n"
         "Từng giữ các chức vụ: Giám đốc Sở Văn hóa và Thể thao, Chánh Văn phòng UBND tỉnh.",
         [("Phó Chủ tịch UBND tỉnh", "Vice Chairwoman of the Provincial People's Committee", None,
           "Phụ trách khối văn hóa – xã hội: giáo dục, y tế, văn hóa, du lịch, lao động, thông tin và truyền thông, chuyển đổi số.",
           True, False, "0232 3822 002", "pct.nhunglth@quangbinh.gov.vn", D(2021, 6, 25))]),
        ("Hoàng Văn Sơn", 1969,
         "Quê quán: huyện Quảng Trạch, tỉnh Quảng Bình. Trình độ: Kỹ sư Xây dựng, Thạc sĩ Quản lý kinh tế.\n"
         "Từng giữ các chức vụ: Giám đốc Sở Xây dựng, Bí thư Huyện ủy Bố Trạch.",
         [("Phó Chủ tịch UBND tỉnh", "Vice Chairman of the Provincial People's Committee", None,
           "Phụ trách khối kinh tế: xây dựng, giao thông, nông nghiệp, tài nguyên và môi trường, công thương.",
           True, False, "0232 3822 003", "pct.sonhv@quangbinh.gov.vn", D(2021, 6, 25))]),
        ("Phan Thanh Tùng", 1976,
         "Quê quán: thành phố Đồng Hới. Trình độ: Thạc sĩ Luật. Từng giữ chức Phó Chánh Văn phòng UBND tỉnh.",
         [("Chánh Văn phòng UBND tỉnh", "Chief of the Office of the Provincial People's Committee", "Văn phòng UBND tỉnh",
           "Phụ trách chung Văn phòng; người phát ngôn của UBND tỉnh.", False, True, "0232 3822 540", "chanhvp@quangbinh.gov.vn",
           D(2022, 3, 1))]),
        ("Võ Thị Mai Anh", 1985,
         "Quê quán: huyện Quảng Ninh. Trình độ: Thạc sĩ Báo chí.",
         [("Phó Chánh Văn phòng UBND tỉnh, Trưởng Ban biên tập Cổng thông tin điện tử tỉnh",
           "Deputy Chief of Office, Editor-in-Chief of the Provincial Web Portal", "Văn phòng UBND tỉnh",
           "Phụ trách Cổng thông tin điện tử tỉnh, công tác thông tin, báo chí.", False, True, "0232 3822 545",
           "congthongtin@quangbinh.gov.vn", D(2023, 1, 1))]),
    ],
    "stttt": [
        ("Trần Quốc Bảo", 1975,
         "Quê quán: huyện Tuyên Hóa, tỉnh Quảng Bình. Trình độ: Tiến sĩ Khoa học máy tính, Cao cấp lý luận chính trị.\n"
         "Từng giữ các chức vụ: Giám đốc Trung tâm Công nghệ thông tin và Truyền thông, Phó Giám đốc Sở.",
         [("Giám đốc Sở", "Director", None,
           "Phụ trách chung; trực tiếp chỉ đạo công tác tổ chức cán bộ, tài chính, thanh tra, chuyển đổi số.",
           True, True, "0232 3810 001", "giamdoc.stttt@quangbinh.gov.vn", D(2022, 8, 1))]),
        ("Nguyễn Thị Thu Trang", 1980,
         "Quê quán: thành phố Đồng Hới. Trình độ: Thạc sĩ Báo chí học.\n"
         "Từng giữ chức Trưởng phòng Thông tin – Báo chí – Xuất bản.",
         [("Phó Giám đốc Sở", "Deputy Director", None,
           "Phụ trách lĩnh vực báo chí, xuất bản, thông tin cơ sở, thông tin đối ngoại; người phát ngôn của Sở.",
           True, True, "0232 3810 002", "trangntt.stttt@quangbinh.gov.vn", D(2023, 4, 1))]),
        ("Đặng Văn Hải", 1978,
         "Quê quán: huyện Quảng Ninh. Trình độ: Kỹ sư Điện tử – Viễn thông.\nTừng giữ chức Trưởng phòng Bưu chính – Viễn thông.",
         [("Phó Giám đốc Sở", "Deputy Director", None,
           "Phụ trách lĩnh vực bưu chính, viễn thông, công nghệ thông tin, an toàn thông tin mạng.",
           True, False, "0232 3810 003", "haidv.stttt@quangbinh.gov.vn", D(2023, 4, 1))]),
        ("Lê Minh Khoa", 1983,
         "Quê quán: huyện Bố Trạch. Trình độ: Cử nhân Luật.",
         [("Chánh Văn phòng Sở", "Chief of Office", "Văn phòng Sở", "Phụ trách Văn phòng Sở.", False, True, "0232 3810 797",
           "vanphong.stttt@quangbinh.gov.vn", D(2021, 1, 1))]),
        ("Phạm Thị Ngọc Hà", 1987,
         "Quê quán: huyện Minh Hóa. Trình độ: Thạc sĩ Hệ thống thông tin.",
         [("Trưởng phòng Công nghệ thông tin", "Head of the Information Technology Division", "Phòng Công nghệ thông tin",
           "Phụ trách Phòng Công nghệ thông tin; đầu mối ứng cứu sự cố an toàn thông tin mạng của tỉnh.", False, True,
           "0232 3810 802", "cntt.stttt@quangbinh.gov.vn", D(2022, 1, 1))]),
    ],
}

# unit key -> (person name, role, title, phone, email, decision number, decision date)
SPOKESPERSONS = {
    "main": [
        ("Nguyễn Đức Minh", SpokespersonRole.HEAD, "Chủ tịch UBND tỉnh", "0232 3822 001", "chutich@quangbinh.gov.vn", "", None),
        ("Phan Thanh Tùng", SpokespersonRole.SPOKESPERSON, "Chánh Văn phòng UBND tỉnh", "0232 3822 540", "chanhvp@quangbinh.gov.vn",
         "1245/QĐ-UBND", D(2024, 5, 20)),
    ],
    "stttt": [
        ("Nguyễn Thị Thu Trang", SpokespersonRole.SPOKESPERSON, "Phó Giám đốc Sở", "0232 3810 002", "trangntt.stttt@quangbinh.gov.vn",
         "86/QĐ-STTTT", D(2024, 3, 15)),
    ],
}

TEXT_PAGES = {
    "main": {
        "gioi-thieu/lich-su": [
            "Quảng Bình là vùng đất có lịch sử lâu đời. Dưới thời nhà Lý, vùng đất này thuộc châu Bố Chính, châu Địa Lý và châu "
            "Ma Linh; năm 1604 chúa Nguyễn Hoàng đổi tên phủ Tân Bình thành phủ Quảng Bình, tên gọi Quảng Bình có từ đó.",
            "Trong các cuộc kháng chiến chống thực dân Pháp và đế quốc Mỹ, Quảng Bình là tuyến đầu của miền Bắc, hậu phương trực "
            "tiếp của chiến trường miền Nam, nơi có những địa danh nổi tiếng như Cha Lo, Cổng Trời, Xuân Sơn, đường 20 Quyết Thắng.",
            "Năm 1976, Quảng Bình hợp nhất với Quảng Trị và Thừa Thiên thành tỉnh Bình Trị Thiên; ngày 01/7/1989 tỉnh Quảng Bình "
            "được tái lập. Vùng đất này có truyền thống hiếu học, là quê hương của nhiều danh nhân văn hóa và tướng lĩnh.",
        ],
        "gioi-thieu/dieu-kien-tu-nhien": [
            "Quảng Bình nằm ở Bắc Trung Bộ, phía bắc giáp Hà Tĩnh (qua Đèo Ngang), phía nam giáp Quảng Trị, phía tây giáp nước "
            "Cộng hòa Dân chủ Nhân dân Lào, phía đông giáp Biển Đông với bờ biển dài 116 km. Diện tích tự nhiên khoảng 8.000 km².",
            "Địa hình hẹp và dốc từ tây sang đông, với núi cao, gò đồi, đồng bằng và vùng cát ven biển. Khí hậu nhiệt đới gió mùa; "
            "mùa mưa từ tháng 9 đến tháng 11 thường có bão, lũ; mùa hè có gió Tây Nam khô nóng.",
            "Hệ thống sông ngòi gồm các sông Gianh, Nhật Lệ, Roòn, Lý Hòa, Dinh; vùng núi đá vôi Kẻ Bàng có hệ thống hang động "
            "và rừng nguyên sinh có giá trị đa dạng sinh học đặc biệt.",
        ],
        "gioi-thieu/di-tich-danh-thang": [
            "Vườn quốc gia Phong Nha – Kẻ Bàng được UNESCO công nhận là Di sản thiên nhiên thế giới năm 2003 (tiêu chí địa chất, "
            "địa mạo) và lần thứ hai năm 2015 (tiêu chí hệ sinh thái và đa dạng sinh học), với các hang động nổi tiếng như Phong "
            "Nha, Thiên Đường, Sơn Đoòng, Tiên Sơn.",
            "Đèo Ngang với di tích Hoành Sơn Quan nằm trên dãy Hoành Sơn, ranh giới tự nhiên giữa Quảng Bình và Hà Tĩnh. "
            "Vũng Chùa – Đảo Yến (thị xã Ba Đồn) là nơi an nghỉ của Đại tướng Võ Nguyên Giáp.",
            "Các di tích lịch sử – văn hóa tiêu biểu khác: Quảng Bình Quan và Lũy Thầy (Đồng Hới), Cửa Gianh, Khu di tích đường "
            "20 Quyết Thắng, bãi biển Nhật Lệ, Đá Nhảy, suối nước khoáng nóng Bang.",
        ],
    },
    "stttt": {
        "gioi-thieu/lich-su": [
            "Sở Bưu chính, Viễn thông Quảng Bình được thành lập năm 2004; năm 2008 được tổ chức lại thành Sở Thông tin và Truyền "
            "thông trên cơ sở tiếp nhận thêm chức năng quản lý nhà nước về báo chí, xuất bản từ Sở Văn hóa – Thông tin.",
            "Qua các giai đoạn, Sở đã tham mưu xây dựng hạ tầng viễn thông phủ khắp, Trung tâm dữ liệu tỉnh, Cổng dịch vụ công "
            "và hệ thống quản lý văn bản liên thông bốn cấp, góp phần đưa Quảng Bình vào nhóm khá về chuyển đổi số.",
        ],
    },
}

MAP_ALT = (
    "Sơ đồ hành chính tỉnh Quảng Bình gồm 8 đơn vị cấp huyện, từ bắc xuống nam: huyện Minh Hóa, huyện Tuyên Hóa, "
    "huyện Quảng Trạch, thị xã Ba Đồn, huyện Bố Trạch, thành phố Đồng Hới, huyện Quảng Ninh và huyện Lệ Thủy."
)
MAP_BODY = (
    "<p>Tỉnh Quảng Bình có 8 đơn vị hành chính cấp huyện: thành phố Đồng Hới, thị xã Ba Đồn và các huyện Minh Hóa, Tuyên Hóa, "
    "Quảng Trạch, Bố Trạch, Quảng Ninh, Lệ Thủy. Sơ đồ chỉ có tính minh họa; ranh giới chính thức theo bản đồ địa giới hành "
    "chính do cơ quan có thẩm quyền ban hành.</p>"
)
# (name, polygon points, label position) on an 900×640 canvas; a schematic, not a survey map.
DISTRICTS = [
    ("Minh Hóa", [(60, 40), (300, 30), (320, 190), (90, 210)], (120, 110)),
    ("Tuyên Hóa", [(300, 30), (520, 40), (540, 180), (320, 190)], (360, 100)),
    ("Quảng Trạch", [(520, 40), (760, 60), (770, 160), (540, 180)], (570, 90)),
    ("TX Ba Đồn", [(770, 160), (860, 170), (850, 250), (760, 240)], (772, 195)),
    ("Bố Trạch", [(90, 210), (540, 180), (760, 240), (700, 360), (160, 380)], (360, 280)),
    ("TP Đồng Hới", [(700, 360), (800, 380), (780, 440), (690, 430)], (700, 395)),
    ("Quảng Ninh", [(160, 380), (690, 430), (640, 510), (220, 520)], (360, 450)),
    ("Lệ Thủy", [(220, 520), (640, 510), (600, 610), (260, 620)], (380, 560)),
]
COLOURS = [(198, 224, 180), (255, 230, 153), (180, 210, 235), (244, 204, 204), (217, 234, 211), (255, 242, 204), (207, 226, 243),
           (234, 209, 220)]


def _font(size):
    for path in ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"):
        if Path(path).exists():
            return ImageFont.truetype(path, size), True
    return ImageFont.load_default(), False


def _png(img) -> bytes:
    buffer = BytesIO()
    img.save(buffer, format="PNG")
    return buffer.getvalue()


def _map_png() -> bytes:
    img = PILImage.new("RGB", (900, 640), (220, 236, 250))
    draw = ImageDraw.Draw(img)
    font, unicode_ok = _font(22)
    for (name, points, label), colour in zip(DISTRICTS, COLOURS, strict=True):
        draw.polygon(points, fill=colour, outline=(60, 60, 60), width=3)
        draw.text(label, name if unicode_ok else fold(name), fill=(20, 20, 20), font=font)
    title_font, _ = _font(26)
    draw.text((560, 560), "BIỂN ĐÔNG" if unicode_ok else "BIEN DONG", fill=(30, 80, 140), font=title_font)
    draw.text((20, 600), "LÀO" if unicode_ok else "LAO", fill=(90, 90, 90), font=title_font)
    return _png(img)


def _portrait_png(seed: str) -> bytes:
    digest = hashlib.sha1(seed.encode()).digest()
    background = (200 + digest[0] % 40, 210 + digest[1] % 30, 225 + digest[2] % 25)
    img = PILImage.new("RGB", (240, 300), background)
    draw = ImageDraw.Draw(img)
    draw.ellipse((75, 50, 165, 150), fill=(236, 200, 170))  # head
    draw.pieslice((30, 160, 210, 400), 180, 360, fill=(40, 60, 100))  # shoulders, dark jacket
    draw.polygon([(105, 165), (135, 165), (120, 230)], fill=(250, 250, 250))  # shirt collar
    return _png(img)


def _image(unit, title, data, filename, alt, user):
    model = get_image_model()
    collection = unit.collection_link.collection
    existing = model.objects.filter(title=title, collection=collection).first()
    if existing is not None:
        return existing, False
    image = model(
        title=title, description=alt, collection=collection, uploaded_by_user=user,
        file=ImageFile(BytesIO(data), name=filename), file_size=len(data), file_hash=hashlib.sha1(data).hexdigest(),
    )
    image.save()
    return image, True


def _ensure_unit_contact(unit, key, out) -> int:
    changed = [name for name, value in UNIT_CONTACT.get(key, {}).items() if not getattr(unit, name)]
    for name in changed:
        setattr(unit, name, nfc(UNIT_CONTACT[key][name]))
    if changed:
        unit.save(update_fields=[*changed, "updated_at"])
        out(f"  ~ Thông tin liên hệ của {unit.display_name}: {', '.join(changed)}")
    return 1 if changed else 0


def _ensure_org_units(unit, rows, parent=None) -> tuple[int, dict]:
    created, by_name = 0, {}
    for order, (name, name_en, kind, functions, functions_en, phone, email, children) in enumerate(rows, start=1):
        org_unit, made = OrgUnit.objects.get_or_create(
            unit=unit, name=nfc(name),
            defaults={
                "parent": parent, "kind": kind, "name_en": name_en, "functions": nfc(functions), "functions_en": functions_en,
                "phone": phone, "email": email, "sort_order": order * 10,
            },
        )
        created += made
        by_name[org_unit.name] = org_unit
        more, nested = _ensure_org_units(unit, children, org_unit)
        created += more
        by_name.update(nested)
    return created, by_name


def _ensure_people(unit, rows, org_units, user, with_photos) -> int:
    created = 0
    for order, (name, birth_year, biography, posts) in enumerate(rows, start=1):
        photo = None
        if with_photos:
            photo, made = _image(unit, f"Ảnh chân dung {name}", _portrait_png(name), f"chan-dung-{order}.png", f"Ảnh chân dung {name}", user)
            created += made
        person, made = Person.objects.get_or_create(
            owner_unit=unit, full_name=nfc(name), defaults={"birth_year": birth_year, "biography": nfc(biography), "photo": photo}
        )
        created += made
        for title, title_en, org_name, duties, leader, contact, phone, email, start in posts:
            _, made = Position.objects.get_or_create(
                person=person, unit=unit, title=nfc(title),
                defaults={
                    "title_en": title_en, "org_unit": org_units.get(nfc(org_name)) if org_name else None, "duties": nfc(duties),
                    "is_leader": leader, "is_contact_point": contact, "phone": phone, "email": email, "term_start": start, "sort_order": order * 10,
                },
            )
            created += made
    return created


def _ensure_spokespersons(unit, rows) -> int:
    created = 0
    for name, role, title, phone, email, number, date in rows:
        person = Person.objects.filter(owner_unit=unit, full_name=nfc(name)).first()
        if person is None:
            continue
        _, made = Spokesperson.objects.get_or_create(
            unit=unit, person=person, role=role,
            defaults={"title": nfc(title), "phone": phone, "email": email, "decision_number": number, "decision_date": date, "valid_from": date},
        )
        created += made
    return created


def _publish(page, user):
    page.save_revision(user=user).publish(user=user)


def _ensure_pages(unit, key, user, out) -> int:
    home = home_for_unit(unit)
    created = 0
    for path, paragraphs in TEXT_PAGES.get(key, {}).items():
        page = page_at(home, path)
        if page is None or (page.live and page.body):
            continue
        page.body = "".join(f"<p>{nfc(p)}</p>" for p in paragraphs)
        _publish(page, user)
        created += 1
        out(f"  + Trang “{page.title}” ({unit.display_name})")
    if key == "main":
        map_page = page_at(home, "gioi-thieu/ban-do-hanh-chinh")
        if map_page is not None and map_page.map_image_id is None:
            image, _ = _image(unit, "Sơ đồ hành chính tỉnh Quảng Bình", _map_png(), "so-do-hanh-chinh-quang-binh.png", MAP_ALT, user)
            map_page.map_image, map_page.map_alt, map_page.body = image, MAP_ALT, MAP_BODY
            _publish(map_page, user)
            created += 2
            out(f"  + Bản đồ hành chính ({unit.display_name})")
    if key in SPOKESPERSONS:
        # Publishing the spokesperson page after the decision records that it was announced on the portal.
        page = page_at(home, "thong-tin-bao-chi/nguoi-phat-ngon")
        if page is not None and page.last_published_at is None:
            _publish(page, user)
            created += 1
    return created


def seed(units, users, now, out) -> int:
    created = 0
    for key in ("main", "stttt", "donghoi"):
        unit = units.get(key)
        if unit is None:
            continue
        user = (users.get(key) or {}).get("board_head")
        complete = key in ("main", "stttt")
        made = _ensure_unit_contact(unit, key, out) if complete else 0
        if key in PROFILES:
            _, new = UnitProfile.objects.get_or_create(unit=unit, defaults={k: nfc(v) for k, v in PROFILES[key].items()})
            made += new
        more, org_units = _ensure_org_units(unit, ORG_UNITS.get(key, []))
        made += more
        made += _ensure_people(unit, PEOPLE.get(key, []), org_units, user, with_photos=complete)
        made += _ensure_spokespersons(unit, SPOKESPERSONS.get(key, []))
        if complete:
            made += _ensure_pages(unit, key, user, out)
        if made:
            out(f"  + Cơ cấu tổ chức, lãnh đạo, liên hệ của {unit.display_name}: {made} mục")
        created += made
    return created
