"""Demo content: articles, introductions and notes written for the demo (not taken from the press).

Texts are plain data so that editors can read and correct them without touching the seed
logic. An article body is a tuple of blocks: a block starting with "## " becomes an <h2>,
any other block a paragraph. Dates are relative (``days_ago``) so the demo always looks
recent; the texts avoid calendar dates for the same reason.
"""

from dataclasses import dataclass, field

PROPOSE_ACCEPT = "accept"
PROPOSE_PENDING = "pending"
PROPOSE_DECLINE = "decline"

BAO_QUANG_BINH = "Báo Quảng Bình"
BAO_QUANG_BINH_URL = "https://www.baoquangbinh.vn/"
QBTV = "Đài Phát thanh – Truyền hình Quảng Bình"
QBTV_URL = "https://qbtv.vn/"


@dataclass(frozen=True)
class Picture:
    scene: str  # a key of portal.core.demo.seed.SCENES
    alt: str  # what the generated picture shows, for people who cannot see it
    caption: str = "Ảnh minh họa"


@dataclass(frozen=True)
class Source:
    name: str
    author: str
    url: str
    hours_before: int = 6  # how long before our publication the source published it


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    lead: str
    body: tuple[str, ...]
    authors: str
    days_ago: int
    time: str  # "HH:MM", Asia/Ho_Chi_Minh
    tags: tuple[str, ...]
    picture: Picture | None = None
    source: Source | None = None
    proposal: str = ""  # PROPOSE_* for articles the unit proposes to the main portal
    decision_note: str = ""


@dataclass(frozen=True)
class AboutPage:
    slug: str
    title: str
    intro: str
    body: tuple[str, ...]


@dataclass(frozen=True)
class SiteContent:
    unit_code: str | None  # None: the main portal (the province unit)
    account_prefix: str = ""  # sites with demo accounts: "<prefix>.<role>"
    home_intro: str = ""
    about: AboutPage | None = None
    articles: tuple[Article, ...] = field(default_factory=tuple)


PROPOSAL_NOTE = "Đề nghị Ban Biên tập Trang chính xem xét, đưa tin lên chuyên mục Tin tức – Sự kiện của Cổng tỉnh."

# Pictures reused by several articles: the alt text describes the drawing, not the news.
_MEETING_ALT = "Tranh minh họa hội trường: phông nền màu đỏ, bục phát biểu có lẵng hoa và nhiều dãy bàn đại biểu phía trước"
_FLOOD_ALT = "Tranh minh họa vùng ngập lụt: nước lũ màu nâu dâng quanh những ngôi nhà mái đỏ, trời mưa xám và một xuồng cứu hộ màu cam"
_DIGITAL_ALT = "Tranh minh họa chuyển đổi số: màn hình máy tính hiển thị biểu mẫu điện tử, bên cạnh là điện thoại thông minh, phía sau là mạng lưới các điểm kết nối trên nền xanh thẫm"
_ROAD_ALT = "Tranh minh họa công trình giao thông: mặt đường nhựa có vạch kẻ giữa chạy về phía chân trời, hai bên là hàng cây xanh và một máy xúc màu vàng"
_KARST_ALT = "Tranh minh họa vùng núi đá vôi Phong Nha: những dãy núi xanh thẫm, cửa hang tối bên dòng sông và một chiếc thuyền nhỏ"
_SCHOOL_ALT = "Tranh minh họa trường học: dãy phòng học tường vàng mái đỏ, cột cờ đỏ sao vàng giữa sân và hàng cây xanh"
_HEALTH_ALT = "Tranh minh họa cơ sở y tế: tòa nhà màu trắng có biểu tượng chữ thập đỏ, phía trước là xe cứu thương"
_VILLAGE_ALT = "Tranh minh họa làng quê: đường bê tông thẳng tắp giữa hai dãy nhà mái ngói, hàng phi lao xanh và bầu trời trong"


MAIN = SiteContent(
    unit_code=None,
    account_prefix="trangchinh",
    home_intro=(
        "Cổng thông tin điện tử tỉnh Quảng Bình cung cấp thông tin chính thống về hoạt động chỉ đạo, điều hành "
        "của UBND tỉnh; chính sách, pháp luật; dịch vụ công trực tuyến và tin tức từ các sở, ngành, địa phương."
    ),
    about=AboutPage(
        slug="khai-quat-ve-quang-binh",
        title="Khái quát về tỉnh Quảng Bình",
        intro="Vị trí địa lý, điều kiện tự nhiên, đơn vị hành chính và tiềm năng phát triển của tỉnh Quảng Bình.",
        body=(
            "## Vị trí địa lý",
            "Quảng Bình nằm ở vùng Bắc Trung Bộ, phía bắc giáp tỉnh Hà Tĩnh, phía nam giáp tỉnh Quảng Trị, "
            "phía tây giáp nước Cộng hòa Dân chủ Nhân dân Lào và phía đông giáp Biển Đông. Tỉnh có diện tích "
            "tự nhiên hơn 8.000 km², bờ biển dài khoảng 116 km; nơi hẹp nhất tính từ biển đến biên giới chỉ "
            "khoảng 50 km.",
            "## Điều kiện tự nhiên",
            "Địa hình hẹp và dốc từ tây sang đông, gồm vùng núi cao, vùng gò đồi, đồng bằng nhỏ hẹp và vùng cát "
            "ven biển. Các sông chính là sông Gianh, sông Roòn, sông Lý Hòa, sông Dinh và sông Nhật Lệ. Khí hậu "
            "nhiệt đới gió mùa, mùa mưa bão thường tập trung từ tháng 9 đến tháng 11.",
            "## Đơn vị hành chính",
            "Tỉnh có thành phố Đồng Hới, thị xã Ba Đồn và các huyện Minh Hóa, Tuyên Hóa, Quảng Trạch, Bố Trạch, "
            "Quảng Ninh, Lệ Thủy; trung tâm hành chính của tỉnh đặt tại thành phố Đồng Hới.",
            "## Tiềm năng phát triển",
            "Vườn quốc gia Phong Nha – Kẻ Bàng là di sản thiên nhiên thế giới với hệ thống hang động kỳ vĩ. "
            "Cùng với bờ biển đẹp, cảng biển, khu kinh tế và nguồn nhân lực trẻ, Quảng Bình có nhiều lợi thế để "
            "phát triển du lịch, dịch vụ, công nghiệp và kinh tế biển.",
        ),
    ),
    articles=(
        Article(
            slug="ubnd-tinh-hop-phien-thuong-ky",
            title="UBND tỉnh họp phiên thường kỳ, tập trung các nhiệm vụ cuối năm",
            lead=(
                "Phiên họp đánh giá tình hình kinh tế – xã hội, thống nhất các giải pháp hoàn thành kế hoạch năm "
                "và chuẩn bị điều kiện cho năm mới."
            ),
            body=(
                "UBND tỉnh tổ chức phiên họp thường kỳ để đánh giá tình hình thực hiện nhiệm vụ phát triển kinh tế – "
                "xã hội, bảo đảm quốc phòng – an ninh và thảo luận các nội dung trình kỳ họp cuối năm của HĐND tỉnh.",
                "Theo báo cáo của Sở Kế hoạch và Đầu tư, sản xuất nông nghiệp cơ bản được bảo đảm dù chịu ảnh hưởng "
                "của các đợt mưa lũ; thương mại, dịch vụ và du lịch tiếp tục phục hồi; thu ngân sách trên địa bàn đạt "
                "khá so với dự toán. Cải cách hành chính và chuyển đổi số có nhiều chuyển biến, tỷ lệ hồ sơ trực tuyến "
                "tăng rõ rệt.",
                "## Không để dồn việc sang năm sau",
                "Kết luận phiên họp, lãnh đạo UBND tỉnh yêu cầu các sở, ngành và địa phương rà soát từng chỉ tiêu, "
                "tập trung tháo gỡ vướng mắc về giải phóng mặt bằng để đẩy nhanh giải ngân vốn đầu tư công; khẩn "
                "trương khắc phục hậu quả mưa lũ, sớm khôi phục sản xuất và ổn định đời sống người dân.",
                "Các đơn vị chủ động chuẩn bị hàng hóa phục vụ Tết, bảo đảm an sinh xã hội, chăm lo cho hộ nghèo và "
                "gia đình chính sách; hoàn thiện các đề án, báo cáo trình HĐND tỉnh đúng thời hạn, bảo đảm chất lượng.",
            ),
            authors="Minh Quân",
            days_ago=2,
            time="16:45",
            tags=("UBND tỉnh", "kinh tế – xã hội", "phiên họp thường kỳ"),
            picture=Picture("meeting", _MEETING_ALT),
        ),
        Article(
            slug="chu-dong-ung-pho-mua-lu-so-tan-dan",
            title="Quảng Bình chủ động ứng phó mưa lũ, sơ tán dân khỏi vùng trũng thấp",
            lead=(
                "Trước diễn biến mưa lớn kéo dài, tỉnh đã kích hoạt phương án ứng phó, đưa hàng nghìn hộ dân ở vùng "
                "trũng thấp, ven sông đến nơi an toàn."
            ),
            body=(
                "Những ngày qua, trên địa bàn tỉnh có mưa to đến rất to, mực nước các sông Gianh, Kiến Giang và Nhật "
                "Lệ lên nhanh. Ban Chỉ huy Phòng thủ dân sự tỉnh đã ban hành công điện yêu cầu các địa phương triển "
                "khai ngay phương án ứng phó theo phương châm “bốn tại chỗ”, không để người dân bị động, bất ngờ.",
                "Tại các huyện Lệ Thủy, Quảng Ninh và thành phố Đồng Hới, lực lượng quân sự, công an, biên phòng cùng "
                "chính quyền cơ sở đã giúp người dân di dời tài sản, gia súc lên vùng cao; chuẩn bị sẵn thuyền, áo "
                "phao, lương thực và thuốc men tại các điểm xung yếu.",
                "Các hồ chứa thủy lợi, thủy điện được yêu cầu vận hành đúng quy trình, thông báo sớm cho vùng hạ du "
                "trước khi xả lũ. Ngành giáo dục cho học sinh ở vùng ngập sâu tạm nghỉ học; ngành y tế bố trí các tổ "
                "cơ động sẵn sàng cấp cứu và xử lý môi trường sau lũ.",
                "Lãnh đạo tỉnh đề nghị người dân thường xuyên theo dõi bản tin dự báo, tuyệt đối không qua ngầm, tràn, "
                "không vớt củi trên sông khi nước lũ đang lên, và liên hệ ngay chính quyền địa phương khi cần hỗ trợ.",
            ),
            authors="Ban Biên tập Cổng TTĐT tỉnh (theo Báo Quảng Bình)",
            days_ago=31,
            time="20:10",
            tags=("phòng chống thiên tai", "mưa lũ", "bốn tại chỗ"),
            picture=Picture("flood", _FLOOD_ALT),
            source=Source(BAO_QUANG_BINH, "Phương Thảo", BAO_QUANG_BINH_URL, hours_before=4),
        ),
        Article(
            slug="day-nhanh-giai-ngan-von-dau-tu-cong",
            title="Đẩy nhanh giải ngân vốn đầu tư công những tháng cuối năm",
            lead=(
                "UBND tỉnh yêu cầu các chủ đầu tư tập trung nhân lực, thiết bị, tháo gỡ dứt điểm vướng mắc mặt bằng "
                "để hoàn thành kế hoạch giải ngân."
            ),
            body=(
                "Tại hội nghị trực tuyến với các huyện, thị xã, thành phố, UBND tỉnh đã nghe báo cáo tiến độ của từng "
                "dự án trọng điểm, trong đó có các tuyến đường kết nối vùng kinh tế ven biển, các công trình thủy lợi "
                "và hạ tầng y tế, giáo dục.",
                "Nhiều chủ đầu tư cho biết vướng mắc chủ yếu nằm ở khâu giải phóng mặt bằng, nguồn vật liệu đắp nền "
                "và thời tiết mưa nhiều. Một số dự án đã tổ chức thi công “ba ca, bốn kíp” để bù lại thời gian bị "
                "gián đoạn.",
                "## Phân công theo dõi từng dự án",
                "UBND tỉnh giao mỗi thành viên phụ trách, theo dõi một nhóm dự án và báo cáo kết quả hằng tuần. Những "
                "dự án chậm giải ngân sẽ được xem xét điều chuyển vốn sang công trình có khả năng giải ngân tốt hơn.",
                "Người đứng đầu các đơn vị chịu trách nhiệm trước UBND tỉnh về tiến độ giải ngân; kết quả giải ngân là "
                "một tiêu chí đánh giá mức độ hoàn thành nhiệm vụ của tập thể, cá nhân trong năm.",
            ),
            authors="Hoài Nam",
            days_ago=12,
            time="10:20",
            tags=("đầu tư công", "giải ngân", "hạ tầng giao thông"),
            picture=Picture("road", _ROAD_ALT),
        ),
        Article(
            slug="luong-khach-du-lich-tiep-tuc-tang",
            title="Lượng khách du lịch đến Quảng Bình tiếp tục tăng",
            lead=(
                "Nhờ đa dạng sản phẩm và đẩy mạnh quảng bá, du lịch Quảng Bình duy trì đà tăng trưởng, nhất là ở vùng "
                "di sản Phong Nha – Kẻ Bàng."
            ),
            body=(
                "Theo Sở Du lịch, từ đầu năm đến nay các điểm đến trong tỉnh đón lượng khách tăng khá so với cùng kỳ, "
                "trong đó khách quốc tế chiếm tỷ lệ ngày càng cao. Vườn quốc gia Phong Nha – Kẻ Bàng, các bãi biển "
                "Nhật Lệ, Bảo Ninh, Đá Nhảy vẫn là những điểm đến được lựa chọn nhiều nhất.",
                "Bên cạnh các tuyến tham quan hang động quen thuộc, nhiều sản phẩm mới như khám phá hang động, du lịch "
                "cộng đồng, trải nghiệm làng nghề và ẩm thực vùng biển đã góp phần kéo dài thời gian lưu trú của du khách.",
                "Tỉnh tiếp tục phối hợp với các hãng hàng không, doanh nghiệp lữ hành mở thêm đường bay, tour kết nối; "
                "đồng thời chấn chỉnh hoạt động kinh doanh du lịch, bảo đảm an toàn, văn minh, không để xảy ra tình "
                "trạng nâng giá, chèo kéo khách.",
            ),
            authors="Thanh Hà",
            days_ago=20,
            time="08:15",
            tags=("du lịch", "Phong Nha – Kẻ Bàng"),
            picture=Picture("karst", _KARST_ALT),
        ),
        Article(
            slug="nong-thon-moi-di-vao-chieu-sau",
            title="Xây dựng nông thôn mới đi vào chiều sâu, hướng tới chất lượng",
            lead=(
                "Diện mạo nông thôn Quảng Bình đổi thay rõ nét; tỉnh đặt trọng tâm vào nâng cao thu nhập và chất "
                "lượng sống của người dân."
            ),
            body=(
                "Chương trình mục tiêu quốc gia xây dựng nông thôn mới đã huy động được sự tham gia tích cực của người "
                "dân. Nhiều tuyến đường thôn, xóm được bê tông hóa; trường học, trạm y tế, nhà văn hóa được đầu tư "
                "khang trang, đáp ứng nhu cầu sinh hoạt của cộng đồng.",
                "Trong giai đoạn mới, các địa phương tập trung phát triển sản phẩm OCOP, liên kết sản xuất theo chuỗi "
                "giá trị, ứng dụng khoa học kỹ thuật vào trồng trọt, chăn nuôi để nâng cao thu nhập. Các tiêu chí về "
                "môi trường, cảnh quan và an ninh trật tự cũng được chú trọng.",
                "UBND tỉnh yêu cầu các xã đã đạt chuẩn tiếp tục rà soát, củng cố các tiêu chí, tránh tình trạng “về "
                "đích” rồi buông lỏng; các xã còn khó khăn được ưu tiên nguồn lực, nhất là ở vùng miền núi, vùng đồng "
                "bào dân tộc thiểu số.",
            ),
            authors="Quang Huy",
            days_ago=40,
            time="15:30",
            tags=("nông thôn mới", "OCOP", "nông nghiệp"),
            picture=Picture(
                "fields",
                "Tranh minh họa đồng quê: những thửa ruộng lúa xanh nối nhau đến chân đồi, ngôi nhà mái ngói đỏ và "
                "hàng cây bên bờ ruộng",
            ),
        ),
        Article(
            slug="bieu-duong-dien-hinh-tien-tien",
            title="Biểu dương các tập thể, cá nhân điển hình tiên tiến trong phong trào thi đua",
            lead=(
                "Nhiều tập thể, cá nhân có thành tích xuất sắc trên các lĩnh vực được UBND tỉnh tặng Bằng khen tại "
                "hội nghị điển hình tiên tiến."
            ),
            body=(
                "Hội nghị là dịp nhìn lại kết quả các phong trào thi đua yêu nước, tôn vinh những tấm gương lao động "
                "sáng tạo, tận tụy với công việc ở mọi ngành, mọi cấp.",
                "Các điển hình được biểu dương đến từ nhiều lĩnh vực: nông dân sản xuất, kinh doanh giỏi; ngư dân bám "
                "biển; giáo viên, y bác sĩ vùng khó; cán bộ cơ sở tận tụy với dân; doanh nghiệp tích cực tham gia công "
                "tác an sinh xã hội.",
                "Phát biểu tại hội nghị, lãnh đạo UBND tỉnh đề nghị các cấp, các ngành tiếp tục phát hiện, bồi dưỡng "
                "và nhân rộng điển hình tiên tiến; việc khen thưởng phải kịp thời, đúng người, đúng việc, chú trọng "
                "người lao động trực tiếp.",
            ),
            authors="Ngọc Mai",
            days_ago=50,
            time="11:00",
            tags=("thi đua khen thưởng",),
        ),
        Article(
            slug="quyet-liet-chong-khai-thac-iuu",
            title="Quyết liệt chống khai thác hải sản bất hợp pháp, không báo cáo và không theo quy định",
            lead=(
                "Các lực lượng chức năng tăng cường kiểm soát tàu cá ra vào cảng, bảo đảm chỉ những tàu đủ điều kiện "
                "mới được xuất bến."
            ),
            body=(
                "Tỉnh đã thành lập các tổ công tác liên ngành, kiểm tra thường xuyên tại các cảng cá Nhật Lệ, Sông "
                "Gianh và các cửa biển. Tàu cá chưa lắp thiết bị giám sát hành trình, chưa đăng ký, đăng kiểm hoặc "
                "không có giấy phép khai thác sẽ không được cho xuất bến.",
                "Cùng với kiểm soát, công tác tuyên truyền được đẩy mạnh đến từng chủ tàu, thuyền trưởng. Ngư dân được "
                "hướng dẫn ghi nhật ký khai thác, khai báo sản lượng và giữ thiết bị giám sát hành trình hoạt động "
                "liên tục trong suốt chuyến biển.",
                "Những trường hợp vi phạm được xử lý nghiêm và công khai. Tỉnh cũng hỗ trợ ngư dân chuyển đổi nghề, "
                "phát triển nuôi trồng thủy sản để giảm áp lực khai thác ven bờ, góp phần cùng cả nước gỡ cảnh báo "
                "“thẻ vàng” của Ủy ban châu Âu.",
            ),
            authors="Ban Biên tập Cổng TTĐT tỉnh (theo Đài PT-TH Quảng Bình)",
            days_ago=8,
            time="09:05",
            tags=("IUU", "biển đảo", "thủy sản"),
            picture=Picture(
                "sea",
                "Tranh minh họa vùng biển: mặt trời trên biển xanh, những con sóng nhẹ, bờ cát vàng và chiếc tàu cá "
                "cắm cờ đỏ gần bờ",
            ),
            source=Source(QBTV, "Đức Thắng", QBTV_URL, hours_before=10),
        ),
    ),
)


STTTT = SiteContent(
    unit_code="44-STTTT",
    account_prefix="stttt",
    home_intro=(
        "Trang thông tin điện tử của Sở Thông tin và Truyền thông tỉnh Quảng Bình: tin hoạt động, chuyển đổi số, "
        "bưu chính – viễn thông, báo chí – xuất bản và an toàn thông tin."
    ),
    about=AboutPage(
        slug="chuc-nang-nhiem-vu",
        title="Chức năng, nhiệm vụ của Sở Thông tin và Truyền thông",
        intro="Vị trí, chức năng, nhiệm vụ và cơ cấu tổ chức của Sở.",
        body=(
            "## Vị trí, chức năng",
            "Sở Thông tin và Truyền thông là cơ quan chuyên môn thuộc UBND tỉnh, tham mưu, giúp UBND tỉnh quản lý "
            "nhà nước về báo chí; xuất bản, in và phát hành; bưu chính; viễn thông; tần số vô tuyến điện; công nghệ "
            "thông tin; phát thanh, truyền hình và thông tin điện tử; thông tin đối ngoại; thông tin cơ sở và chuyển "
            "đổi số trên địa bàn tỉnh.",
            "## Nhiệm vụ trọng tâm",
            "Sở chủ trì xây dựng chính quyền số, phát triển hạ tầng số và các nền tảng dùng chung của tỉnh; bảo đảm "
            "an toàn thông tin cho hệ thống thông tin của cơ quan nhà nước; hướng dẫn, kiểm tra hoạt động của các "
            "cơ quan báo chí, trang thông tin điện tử trên địa bàn.",
            "## Cơ cấu tổ chức",
            "Sở gồm Văn phòng, Thanh tra, các phòng chuyên môn, nghiệp vụ và Trung tâm Công nghệ thông tin và Truyền "
            "thông, đơn vị vận hành hạ tầng kỹ thuật và các hệ thống thông tin dùng chung của tỉnh.",
        ),
    ),
    articles=(
        Article(
            slug="soi-noi-hoat-dong-huong-ung-chuyen-doi-so",
            title="Sôi nổi các hoạt động hưởng ứng chuyển đổi số trên toàn tỉnh",
            lead=(
                "Các tổ công nghệ số cộng đồng đã xuống từng thôn, bản hướng dẫn người dân cài đặt, sử dụng các ứng "
                "dụng số thiết yếu."
            ),
            body=(
                "Hưởng ứng Ngày Chuyển đổi số quốc gia, Sở Thông tin và Truyền thông đã phối hợp với các địa phương tổ "
                "chức nhiều hoạt động thiết thực, tập trung vào những việc người dân cảm nhận được ngay: nộp hồ sơ "
                "trực tuyến, thanh toán không dùng tiền mặt, sử dụng tài khoản định danh điện tử.",
                "Tại nhiều xã, phường, các tổ công nghệ số cộng đồng đến tận nhà hướng dẫn người cao tuổi kích hoạt tài "
                "khoản VNeID, cài đặt ứng dụng ngân hàng, tra cứu thông tin trên Cổng Dịch vụ công quốc gia. Các chợ, "
                "điểm du lịch được hỗ trợ triển khai thanh toán bằng mã QR.",
                "## Lấy người dân làm trung tâm",
                "Theo Sở Thông tin và Truyền thông, chuyển đổi số chỉ thành công khi người dân thấy tiện lợi và chủ "
                "động tham gia. Vì vậy, các hoạt động năm nay chú trọng “cầm tay chỉ việc”, giải đáp trực tiếp những "
                "vướng mắc thường gặp.",
                "Thời gian tới, Sở tiếp tục phối hợp với các doanh nghiệp viễn thông mở rộng hạ tầng, đào tạo kỹ năng "
                "số cho cán bộ cơ sở và nâng cao chất lượng dịch vụ công trực tuyến.",
            ),
            authors="Thu Trang",
            days_ago=49,
            time="17:20",
            tags=("chuyển đổi số", "tổ công nghệ số cộng đồng", "VNeID"),
            picture=Picture("digital", _DIGITAL_ALT),
            proposal=PROPOSE_ACCEPT,
        ),
        Article(
            slug="ho-so-truc-tuyen-toan-trinh-tiep-tuc-tang",
            title="Tỷ lệ hồ sơ dịch vụ công trực tuyến toàn trình tiếp tục tăng",
            lead="Ngày càng nhiều người dân, doanh nghiệp chọn nộp hồ sơ qua mạng thay vì đến trực tiếp bộ phận một cửa.",
            body=(
                "Theo số liệu từ Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh, tỷ lệ hồ sơ được tiếp nhận "
                "và xử lý trực tuyến toàn trình đã tăng đáng kể so với đầu năm. Các lĩnh vực có nhiều hồ sơ trực tuyến "
                "là hộ tịch, đăng ký kinh doanh, cấp phiếu lý lịch tư pháp và đất đai.",
                "Người dân có thể đăng nhập bằng tài khoản định danh điện tử VNeID, nộp hồ sơ, thanh toán phí, lệ phí "
                "và nhận kết quả ngay trên Cổng Dịch vụ công. Việc tái sử dụng dữ liệu đã số hóa giúp giảm đáng kể "
                "giấy tờ phải nộp.",
                "Sở Thông tin và Truyền thông đề nghị các cơ quan tiếp tục rà soát, đơn giản hóa biểu mẫu điện tử, trả "
                "lời đúng hạn các phản ánh, kiến nghị và đẩy mạnh số hóa kết quả giải quyết thủ tục hành chính còn "
                "hiệu lực.",
            ),
            authors="Minh Đức",
            days_ago=25,
            time="14:00",
            tags=("dịch vụ công trực tuyến", "cải cách hành chính"),
            picture=Picture("digital", _DIGITAL_ALT),
            proposal=PROPOSE_ACCEPT,
        ),
        Article(
            slug="tap-huan-ky-nang-so-to-cong-nghe-so",
            title="Tập huấn kỹ năng số cho thành viên tổ công nghệ số cộng đồng",
            lead=(
                "Hơn 200 học viên từ các xã, phường được trang bị kiến thức về dịch vụ công trực tuyến, thanh toán số "
                "và an toàn thông tin."
            ),
            body=(
                "Lớp tập huấn do Sở Thông tin và Truyền thông tổ chức theo hình thức trực tiếp kết hợp trực tuyến, kết "
                "nối đến điểm cầu của các huyện, thị xã, thành phố.",
                "Học viên được hướng dẫn thao tác nộp hồ sơ trên Cổng Dịch vụ công, cách hỗ trợ người dân tạo và kích "
                "hoạt tài khoản định danh điện tử, nhận diện các thủ đoạn lừa đảo trực tuyến phổ biến và cách bảo vệ "
                "thông tin cá nhân trên mạng.",
                "Sau tập huấn, các thành viên tổ công nghệ số cộng đồng sẽ trở thành “hạt nhân” hướng dẫn lại cho người "
                "dân tại thôn, tổ dân phố, góp phần thu hẹp khoảng cách số giữa thành thị và nông thôn.",
            ),
            authors="Thu Trang",
            days_ago=15,
            time="11:30",
            tags=("kỹ năng số", "tổ công nghệ số cộng đồng"),
            picture=Picture("meeting", _MEETING_ALT),
        ),
        Article(
            slug="phu-song-4g-ban-vung-cao-minh-hoa",
            title="Phủ sóng di động 4G đến các bản vùng cao huyện Minh Hóa",
            lead=(
                "Các trạm phát sóng mới giúp người dân ở những bản xa xôi có thể gọi điện, học trực tuyến và dùng dịch "
                "vụ số ổn định."
            ),
            body=(
                "Thực hiện kế hoạch xóa vùng lõm sóng, các doanh nghiệp viễn thông đã lắp đặt thêm trạm phát sóng 4G "
                "tại các bản vùng cao của huyện Minh Hóa, nơi trước đây người dân phải đi bộ hàng cây số mới bắt được "
                "sóng điện thoại.",
                "Có sóng di động, học sinh có thể học trực tuyến, cán bộ bản kịp thời nắm bắt thông tin cảnh báo thiên "
                "tai, người dân liên lạc được với cơ sở y tế khi cần. Một số hộ đã bắt đầu giới thiệu, bán nông sản, "
                "dược liệu qua mạng.",
                "Sở Thông tin và Truyền thông cho biết sẽ tiếp tục phối hợp với các doanh nghiệp rà soát những khu vực "
                "còn sóng yếu, ưu tiên các điểm trường, trạm y tế và khu dân cư vùng biên giới.",
            ),
            authors="Ban Biên tập (theo Báo Quảng Bình)",
            days_ago=35,
            time="07:45",
            tags=("viễn thông", "vùng lõm sóng", "Minh Hóa"),
            picture=Picture(
                "highland",
                "Tranh minh họa vùng cao: cột phát sóng di động trên đỉnh đồi đang phát tín hiệu, những ngôi nhà sàn "
                "dưới chân các dãy đồi xanh",
            ),
            source=Source(BAO_QUANG_BINH, "Hồng Nhung", BAO_QUANG_BINH_URL, hours_before=20),
        ),
        Article(
            slug="canh-giac-thu-doan-lua-dao-qua-mang",
            title="Cảnh giác với các thủ đoạn lừa đảo qua mạng",
            lead=(
                "Sở Thông tin và Truyền thông khuyến cáo người dân không cung cấp mã OTP, không bấm vào đường link lạ "
                "và chỉ cài ứng dụng từ kho ứng dụng chính thức."
            ),
            body=(
                "Thời gian gần đây, các đối tượng xấu liên tục thay đổi thủ đoạn: giả danh cán bộ công an, ngân hàng, "
                "điện lực gọi điện yêu cầu “cập nhật thông tin”; gửi tin nhắn kèm đường link giả mạo cơ quan nhà nước; "
                "dụ dỗ làm “nhiệm vụ” trực tuyến để chiếm đoạt tiền.",
                "Người dân cần lưu ý: cơ quan nhà nước không yêu cầu cung cấp mật khẩu, mã OTP qua điện thoại; không "
                "cài đặt ứng dụng theo đường link do người lạ gửi; kiểm tra kỹ tên miền trước khi đăng nhập. Trang "
                "thông tin của các cơ quan nhà nước đều có tên miền kết thúc bằng .gov.vn.",
                "Khi phát hiện dấu hiệu lừa đảo, người dân có thể phản ánh qua kênh tiếp nhận của cơ quan chức năng "
                "hoặc báo ngay cho công an cấp xã gần nhất để được hỗ trợ.",
            ),
            authors="Minh Đức",
            days_ago=6,
            time="15:10",
            tags=("an toàn thông tin", "lừa đảo trực tuyến"),
            picture=Picture(
                "security",
                "Tranh minh họa an toàn thông tin: chiếc khiên có ổ khóa ở giữa, bên cạnh là biển cảnh báo hình tam "
                "giác màu vàng có dấu chấm than, trên nền xanh thẫm",
            ),
        ),
        Article(
            slug="tam-dung-thu-dien-tu-cong-vu-de-bao-tri",
            title="Thông báo tạm dừng hệ thống thư điện tử công vụ để bảo trì",
            lead="Hệ thống thư điện tử công vụ của tỉnh tạm dừng hoạt động trong thời gian bảo trì, nâng cấp vào cuối tuần.",
            body=(
                "Để nâng cao khả năng bảo mật và dung lượng lưu trữ, Sở Thông tin và Truyền thông tiến hành bảo trì, "
                "nâng cấp hệ thống thư điện tử công vụ của tỉnh từ 22 giờ tối thứ Bảy đến 6 giờ sáng Chủ nhật.",
                "Trong thời gian trên, cán bộ, công chức, viên chức không thể gửi, nhận thư. Thư gửi đến trong thời gian "
                "bảo trì sẽ được lưu lại và chuyển vào hộp thư sau khi hệ thống hoạt động trở lại.",
                "Mọi vướng mắc xin liên hệ Trung tâm Công nghệ thông tin và Truyền thông trong giờ hành chính để được "
                "hỗ trợ. Sở Thông tin và Truyền thông trân trọng thông báo.",
            ),
            authors="Văn phòng Sở",
            days_ago=3,
            time="09:40",
            tags=("thông báo", "thư điện tử công vụ"),
        ),
    ),
)


DONG_HOI = SiteContent(
    unit_code="450",
    account_prefix="donghoi",
    home_intro=(
        "Trang thông tin điện tử UBND thành phố Đồng Hới – thành phố biển bên dòng Nhật Lệ: tin tức, sự kiện, "
        "thông tin chỉ đạo điều hành và hướng dẫn thủ tục hành chính cho người dân, doanh nghiệp."
    ),
    about=AboutPage(
        slug="gioi-thieu-thanh-pho-dong-hoi",
        title="Giới thiệu thành phố Đồng Hới",
        intro="Thành phố tỉnh lỵ của Quảng Bình, trung tâm chính trị, kinh tế, văn hóa của tỉnh.",
        body=(
            "## Vị trí",
            "Đồng Hới là thành phố tỉnh lỵ, trung tâm chính trị, kinh tế, văn hóa của tỉnh Quảng Bình. Thành phố "
            "nằm bên bờ sông Nhật Lệ, phía đông giáp Biển Đông, phía bắc giáp huyện Bố Trạch, phía nam và phía tây "
            "giáp huyện Quảng Ninh.",
            "## Lịch sử, văn hóa",
            "Vùng đất Đồng Hới gắn với Lũy Thầy, Quảng Bình Quan và nhiều di tích lịch sử, văn hóa. Trong các cuộc "
            "kháng chiến, quân và dân Đồng Hới đã chịu nhiều hy sinh, mất mát; sau chiến tranh, thành phố được xây "
            "dựng lại và ngày càng khang trang.",
            "## Định hướng phát triển",
            "Với sân bay, nhà ga đường sắt, quốc lộ 1 và đường Hồ Chí Minh đi qua, cùng những bãi biển đẹp như Nhật "
            "Lệ, Bảo Ninh, Đồng Hới định hướng phát triển thành đô thị du lịch biển xanh – sạch – đẹp, văn minh và "
            "thân thiện.",
        ),
    ),
    articles=(
        Article(
            slug="ra-quan-tong-ve-sinh-moi-truong",
            title="Đồng Hới ra quân tổng vệ sinh môi trường, chỉnh trang đô thị",
            lead=(
                "Đông đảo cán bộ, đoàn viên và người dân các xã, phường đồng loạt ra quân thu gom rác thải, khơi thông "
                "cống rãnh sau mùa mưa."
            ),
            body=(
                "UBND thành phố Đồng Hới phát động đợt tổng vệ sinh môi trường với sự tham gia của các cơ quan, đơn vị, "
                "lực lượng vũ trang và người dân trên toàn địa bàn.",
                "Các lực lượng tập trung thu gom rác thải trên các tuyến phố chính, bờ sông Nhật Lệ, bãi biển và khu dân "
                "cư; khơi thông cống rãnh, phát quang bụi rậm, xử lý các điểm tập kết rác tự phát gây mất mỹ quan đô thị.",
                "Cùng với đợt ra quân, thành phố yêu cầu các phường, xã duy trì hoạt động vệ sinh vào sáng thứ Bảy hằng "
                "tuần, xử lý nghiêm các trường hợp đổ rác, xả thải không đúng nơi quy định và kịp thời biểu dương những "
                "khu dân cư làm tốt.",
                "Đồng Hới hướng đến mục tiêu trở thành đô thị xanh – sạch – đẹp, thân thiện với du khách, góp phần thu "
                "hút đầu tư và phát triển du lịch.",
            ),
            authors="Hải Yến",
            days_ago=45,
            time="10:00",
            tags=("môi trường", "đô thị văn minh"),
            picture=Picture(
                "city",
                "Tranh minh họa đô thị ven sông lúc hoàng hôn: dãy nhà cao tầng với nhiều ô cửa sáng đèn, cây cầu vòm "
                "bắc qua dòng sông phản chiếu ánh chiều",
            ),
        ),
        Article(
            slug="pho-di-bo-ven-song-nhat-le",
            title="Phố đi bộ ven sông Nhật Lệ thu hút người dân và du khách",
            lead=(
                "Không gian đi bộ về đêm với các hoạt động văn hóa, ẩm thực đang trở thành điểm hẹn cuối tuần mới của "
                "thành phố biển."
            ),
            body=(
                "Từ tối thứ Sáu đến tối Chủ nhật hằng tuần, tuyến đường ven sông Nhật Lệ được dành riêng cho người đi "
                "bộ. Các gian hàng ẩm thực, sản phẩm OCOP, biểu diễn nghệ thuật đường phố và trò chơi dân gian thu hút "
                "đông đảo người dân, du khách.",
                "Nhiều hộ kinh doanh cho biết doanh thu những ngày cuối tuần tăng rõ rệt. Các đơn vị lữ hành cũng đưa "
                "phố đi bộ vào lịch trình buổi tối của đoàn khách, góp phần kéo dài thời gian lưu trú tại thành phố.",
                "UBND thành phố yêu cầu các lực lượng chức năng bảo đảm an ninh trật tự, vệ sinh môi trường, niêm yết "
                "giá công khai và bố trí điểm trông giữ xe thuận tiện; đồng thời thường xuyên làm mới các hoạt động để "
                "phố đi bộ luôn hấp dẫn.",
            ),
            authors="Hải Yến",
            days_ago=22,
            time="21:15",
            tags=("du lịch", "phố đi bộ", "Nhật Lệ"),
            picture=Picture(
                "city",
                "Tranh minh họa thành phố ven sông lúc chiều tối: các tòa nhà nhiều ô cửa sáng đèn, cây cầu vòm và mặt "
                "sông lấp lánh ánh đèn",
            ),
            proposal=PROPOSE_ACCEPT,
        ),
        Article(
            slug="di-doi-nguoi-dan-vung-trung-thap-truoc-lu",
            title="Đồng Hới khẩn trương di dời người dân vùng trũng thấp trước lũ",
            lead="Hàng trăm hộ dân ở các xã, phường ven sông được đưa đến nơi an toàn trước khi nước lũ lên cao.",
            body=(
                "Ngay khi nhận được bản tin cảnh báo lũ, Ban Chỉ huy Phòng thủ dân sự thành phố Đồng Hới đã chỉ đạo các "
                "xã, phường ven sông Nhật Lệ, sông Lệ Kỳ triển khai phương án sơ tán dân ở những khu vực thường xuyên "
                "ngập sâu.",
                "Lực lượng dân quân, công an và đoàn viên thanh niên giúp người dân kê kích đồ đạc, đưa người già, trẻ "
                "em, người khuyết tật đến các điểm sơ tán tập trung tại trường học, nhà văn hóa kiên cố. Tại đây, chính "
                "quyền bố trí sẵn nước uống, lương thực và thuốc men.",
                "Thành phố cắm biển cảnh báo, bố trí người trực tại các điểm ngập, không cho phương tiện đi qua khu vực "
                "nước chảy xiết. Sau lũ, các đơn vị sẽ tập trung vệ sinh môi trường, phun hóa chất khử khuẩn phòng dịch "
                "bệnh.",
            ),
            authors="Văn Tuấn",
            days_ago=33,
            time="18:30",
            tags=("phòng chống thiên tai", "sơ tán dân"),
            picture=Picture("flood", _FLOOD_ALT),
            proposal=PROPOSE_PENDING,
        ),
        Article(
            slug="doi-thoai-voi-doanh-nghiep-ho-kinh-doanh",
            title="Lãnh đạo thành phố đối thoại với doanh nghiệp, hộ kinh doanh",
            lead=(
                "Nhiều kiến nghị về thủ tục đất đai, mặt bằng kinh doanh và tiếp cận vốn được giải đáp trực tiếp tại "
                "hội nghị."
            ),
            body=(
                "Hội nghị đối thoại do UBND thành phố Đồng Hới tổ chức nhằm lắng nghe khó khăn, vướng mắc của cộng đồng "
                "doanh nghiệp, hộ kinh doanh trong sản xuất, kinh doanh những tháng cuối năm.",
                "Các ý kiến tập trung vào thời gian giải quyết thủ tục cấp phép xây dựng, chuyển mục đích sử dụng đất, "
                "thuê mặt bằng tại các chợ, cũng như chính sách hỗ trợ chuyển đổi số cho hộ kinh doanh nhỏ. Đại diện "
                "các phòng, ban chuyên môn đã trả lời cụ thể từng nội dung.",
                "Lãnh đạo thành phố cam kết tiếp tục cải thiện môi trường đầu tư, công khai quy trình, thời hạn giải "
                "quyết thủ tục hành chính; những kiến nghị vượt thẩm quyền sẽ được tổng hợp, báo cáo UBND tỉnh xem xét.",
            ),
            authors="Minh Phương",
            days_ago=10,
            time="16:00",
            tags=("doanh nghiệp", "đối thoại", "môi trường đầu tư"),
            picture=Picture("meeting", _MEETING_ALT),
        ),
        Article(
            slug="nang-cap-cac-tuyen-duong-noi-thi",
            title="Nâng cấp nhiều tuyến đường nội thị, bảo đảm giao thông an toàn mùa mưa",
            lead="Các tuyến đường xuống cấp được thảm lại mặt nhựa, lắp đặt thêm hệ thống thoát nước và chiếu sáng.",
            body=(
                "Thành phố Đồng Hới đang triển khai nâng cấp một số tuyến đường nội thị xuống cấp sau thời gian dài sử "
                "dụng. Các hạng mục chính gồm thảm lại mặt đường, cải tạo vỉa hè, lắp đặt cống thoát nước dọc và hệ "
                "thống đèn chiếu sáng tiết kiệm năng lượng.",
                "Để hạn chế ảnh hưởng đến sinh hoạt của người dân, đơn vị thi công được yêu cầu phân đoạn thi công, bố "
                "trí biển báo, đèn tín hiệu và người hướng dẫn giao thông; thu dọn vật liệu gọn gàng sau mỗi ca làm việc.",
                "Các công trình dự kiến hoàn thành trước Tết, góp phần chống ngập úng cục bộ và tạo cảnh quan đô thị "
                "khang trang.",
            ),
            authors="Ban Biên tập (theo Báo Quảng Bình)",
            days_ago=18,
            time="08:50",
            tags=("hạ tầng đô thị", "giao thông"),
            picture=Picture("road", _ROAD_ALT),
            source=Source(BAO_QUANG_BINH, "Xuân Vũ", BAO_QUANG_BINH_URL, hours_before=8),
        ),
        Article(
            slug="tuyen-duong-nha-giao-tieu-bieu",
            title="Tuyên dương nhà giáo tiêu biểu của thành phố",
            lead=(
                "Nhiều thầy cô giáo có thành tích xuất sắc trong đổi mới phương pháp dạy học, bồi dưỡng học sinh giỏi "
                "được khen thưởng."
            ),
            body=(
                "Tại hội nghị tổng kết phong trào thi đua “Dạy tốt – học tốt”, UBND thành phố Đồng Hới đã tuyên dương "
                "các nhà giáo tiêu biểu ở các cấp học, từ mầm non đến trung học cơ sở.",
                "Những thầy cô được khen thưởng đều có nhiều sáng kiến trong giảng dạy, ứng dụng công nghệ thông tin "
                "vào bài giảng, tích cực bồi dưỡng học sinh giỏi và giúp đỡ học sinh có hoàn cảnh khó khăn vươn lên "
                "trong học tập.",
                "Lãnh đạo thành phố ghi nhận những đóng góp thầm lặng của đội ngũ nhà giáo và cho biết thành phố sẽ tiếp "
                "tục ưu tiên đầu tư cơ sở vật chất, trang thiết bị dạy học, từng bước xây dựng trường học thông minh.",
            ),
            authors="Thanh Bình",
            days_ago=9,
            time="10:30",
            tags=("giáo dục", "khen thưởng"),
            picture=Picture("school", _SCHOOL_ALT),
        ),
    ),
)


BAO_NINH = SiteContent(
    unit_code="18889",
    account_prefix="baoninh",
    home_intro=(
        "Trang thông tin điện tử UBND xã Bảo Ninh: tin hoạt động của chính quyền, thông báo đến người dân, hướng dẫn "
        "thủ tục hành chính và giới thiệu về vùng đất ven biển Bảo Ninh."
    ),
    about=AboutPage(
        slug="gioi-thieu-xa-bao-ninh",
        title="Giới thiệu xã Bảo Ninh",
        intro="Điều kiện tự nhiên, lịch sử, kinh tế và văn hóa của xã ven biển Bảo Ninh, thành phố Đồng Hới.",
        body=(
            "## Điều kiện tự nhiên",
            "Bảo Ninh là xã ven biển của thành phố Đồng Hới, nằm trên dải cát dài giữa sông Nhật Lệ ở phía tây và "
            "Biển Đông ở phía đông, đối diện trung tâm thành phố qua sông. Đất đai chủ yếu là cát ven biển, được che "
            "chắn bởi những rừng phi lao; khí hậu chịu ảnh hưởng rõ rệt của gió mùa và mùa mưa bão cuối năm.",
            "## Lịch sử",
            "Bảo Ninh là vùng đất có truyền thống làng biển lâu đời, cư dân gắn bó với nghề đánh bắt và chế biến hải "
            "sản. Trong các cuộc kháng chiến, quân và dân Bảo Ninh kiên cường bám biển, bám làng, góp phần bảo vệ cửa "
            "biển Nhật Lệ và thành phố Đồng Hới.",
            "## Kinh tế – xã hội",
            "Kinh tế của xã dựa vào khai thác, chế biến hải sản, làm nước mắm truyền thống và dịch vụ du lịch. Các cây "
            "cầu bắc qua sông Nhật Lệ giúp Bảo Ninh kết nối thuận lợi với trung tâm thành phố; nhiều khu nghỉ dưỡng, "
            "nhà hàng ven biển đã hình thành, tạo việc làm cho người dân địa phương.",
            "## Văn hóa",
            "Các thôn ven biển như Mỹ Cảnh, Trung Bính còn lưu giữ những sinh hoạt văn hóa của cư dân làng biển, "
            "tiêu biểu là lễ hội cầu ngư cầu mong mưa thuận gió hòa, trời yên biển lặng.",
        ),
    ),
    articles=(
        Article(
            slug="ngu-dan-bao-ninh-voi-va-vuon-khoi",
            title="Ngư dân Bảo Ninh hối hả vươn khơi sau những ngày biển động",
            lead=(
                "Khi thời tiết thuận lợi trở lại, nhiều tàu cá của ngư dân xã Bảo Ninh đồng loạt ra khơi, mở đầu chuyến "
                "biển mới."
            ),
            body=(
                "Những ngày này, bến cá dọc sông Nhật Lệ phía xã Bảo Ninh nhộn nhịp từ sáng sớm. Ngư dân tranh thủ sửa "
                "sang ngư lưới cụ, tiếp nhiên liệu, đá lạnh để chuẩn bị cho chuyến biển dài ngày.",
                "Trước khi xuất bến, các chủ tàu được lực lượng biên phòng hướng dẫn kiểm tra thiết bị giám sát hành "
                "trình, giấy phép khai thác và trang bị đầy đủ áo phao, phao cứu sinh theo quy định. Nhiều tàu đi theo "
                "tổ, đội để hỗ trợ nhau khi gặp sự cố trên biển.",
                "UBND xã Bảo Ninh đề nghị ngư dân thường xuyên theo dõi bản tin thời tiết, giữ liên lạc với đất liền, "
                "tuyệt đối không khai thác ở vùng biển nước ngoài và chấp hành nghiêm các quy định về chống khai thác "
                "hải sản bất hợp pháp.",
            ),
            authors="Hồng Vân",
            days_ago=14,
            time="06:40",
            tags=("ngư dân", "biển đảo", "Bảo Ninh"),
            picture=Picture(
                "sea",
                "Tranh minh họa biển Bảo Ninh buổi sáng: mặt trời trên biển xanh, sóng nhẹ, bờ cát vàng và chiếc tàu cá "
                "cắm cờ đỏ đang ra khơi",
            ),
            proposal=PROPOSE_ACCEPT,
        ),
        Article(
            slug="nang-cao-chat-luong-tieu-chi-nong-thon-moi",
            title="Bảo Ninh nâng cao chất lượng các tiêu chí nông thôn mới",
            lead=(
                "Xã tiếp tục huy động người dân chung tay chỉnh trang đường làng, phát triển kinh tế biển và dịch vụ "
                "du lịch."
            ),
            body=(
                "Là xã ven biển nằm đối diện trung tâm thành phố Đồng Hới qua sông Nhật Lệ, Bảo Ninh có nhiều lợi thế để "
                "phát triển kinh tế biển, dịch vụ và du lịch. Những năm qua, diện mạo nông thôn của xã đổi thay rõ rệt "
                "với hệ thống đường giao thông, trường học, trạm y tế được đầu tư đồng bộ.",
                "Năm nay, xã tập trung nâng cao chất lượng các tiêu chí về môi trường, cảnh quan: trồng thêm cây xanh, "
                "lắp đèn chiếu sáng đường thôn, phân loại rác tại nguồn. Nhiều hộ gia đình tự nguyện hiến đất, góp công "
                "mở rộng đường ngõ xóm.",
                "Bên cạnh đó, xã hỗ trợ người dân phát triển các sản phẩm đặc trưng như nước mắm, hải sản khô, xây dựng "
                "sản phẩm OCOP gắn với phát triển dịch vụ lưu trú, ẩm thực phục vụ khách du lịch.",
            ),
            authors="Văn Hòa",
            days_ago=40,
            time="09:15",
            tags=("nông thôn mới", "Bảo Ninh"),
            picture=Picture("village", _VILLAGE_ALT),
        ),
        Article(
            slug="giu-lua-nghe-lam-nuoc-mam-truyen-thong",
            title="Giữ lửa nghề làm nước mắm truyền thống ở Bảo Ninh",
            lead=(
                "Nghề làm nước mắm truyền thống vẫn được nhiều gia đình ở Bảo Ninh gìn giữ, vừa tạo thu nhập vừa trở "
                "thành điểm nhấn cho du lịch trải nghiệm."
            ),
            body=(
                "Nước mắm Bảo Ninh được làm theo cách truyền thống từ cá cơm, cá nục tươi trộn muối theo tỷ lệ riêng của "
                "từng gia đình, ủ trong chum, thùng gỗ từ một năm trở lên. Nước mắm có màu cánh gián, vị mặn đậm, hậu ngọt.",
                "Để sản phẩm đứng vững trên thị trường, nhiều cơ sở đã đầu tư nhà xưởng, đăng ký nhãn hiệu, in mã QR "
                "truy xuất nguồn gốc và đưa sản phẩm lên các sàn thương mại điện tử. Một số hộ mở cửa cơ sở sản xuất "
                "cho du khách tham quan, tìm hiểu quy trình làm mắm.",
                "UBND xã Bảo Ninh cho biết sẽ tiếp tục hỗ trợ các cơ sở hoàn thiện hồ sơ đánh giá, phân hạng sản phẩm "
                "OCOP, bảo đảm vệ sinh an toàn thực phẩm và quảng bá nước mắm Bảo Ninh đến đông đảo người tiêu dùng.",
            ),
            authors="Hồng Vân",
            days_ago=28,
            time="14:20",
            tags=("nước mắm", "làng nghề", "OCOP"),
            picture=Picture(
                "jars",
                "Tranh minh họa cơ sở làm nước mắm: nhiều hàng chum sành màu nâu có nắp đậy xếp ngoài sân dưới nắng",
            ),
            proposal=PROPOSE_DECLINE,
            decision_note=(
                "Bài viết hay nhưng phù hợp hơn với chuyên mục văn hóa – du lịch của trang xã. Đề nghị bổ sung ảnh chụp "
                "thực tế tại cơ sở sản xuất rồi gửi lại."
            ),
        ),
        Article(
            slug="don-ve-sinh-bo-bien-chong-rac-thai-nhua",
            title="Ra quân dọn vệ sinh bờ biển, chung tay chống rác thải nhựa",
            lead=(
                "Đoàn viên, hội viên và người dân các thôn đã thu gom hàng tấn rác thải dọc bờ biển Bảo Ninh sau đợt "
                "mưa lũ."
            ),
            body=(
                "Sau những ngày mưa lũ, một lượng lớn rác thải, cây gỗ trôi dạt vào bờ biển Bảo Ninh. Hưởng ứng lời kêu "
                "gọi của UBND xã, các tổ chức đoàn thể và người dân các thôn đã đồng loạt ra quân thu gom, phân loại và "
                "vận chuyển rác đến nơi xử lý.",
                "Hội Liên hiệp Phụ nữ xã phát động mô hình “Chống rác thải nhựa”, khuyến khích các hộ gia đình dùng giỏ "
                "đi chợ, hạn chế túi ni lông và đồ nhựa dùng một lần. Đoàn Thanh niên duy trì hoạt động “Ngày Chủ nhật "
                "xanh” trên bãi biển.",
                "Xã đề nghị các cơ sở kinh doanh dịch vụ ven biển bố trí thùng rác, nhắc nhở du khách giữ gìn vệ sinh, "
                "góp phần giữ bãi biển Bảo Ninh luôn sạch đẹp.",
            ),
            authors="Thảo Nguyên",
            days_ago=21,
            time="11:10",
            tags=("môi trường", "rác thải nhựa", "biển đảo"),
            picture=Picture(
                "sea",
                "Tranh minh họa bãi biển: bờ cát vàng, sóng biển xanh, mặt trời trên bầu trời trong và một chiếc thuyền "
                "gần bờ",
            ),
        ),
        Article(
            slug="huong-dan-nguoi-dan-dung-dich-vu-cong-truc-tuyen",
            title="Bảo Ninh hướng dẫn người dân sử dụng dịch vụ công trực tuyến",
            lead="Tổ công nghệ số cộng đồng của xã có mặt tại bộ phận một cửa và đến tận nhà hỗ trợ người cao tuổi.",
            body=(
                "Để người dân không phải đi lại nhiều lần, UBND xã Bảo Ninh bố trí thành viên tổ công nghệ số cộng đồng "
                "thường trực tại bộ phận tiếp nhận và trả kết quả, hướng dẫn người dân nộp hồ sơ đăng ký khai sinh, "
                "chứng thực, xác nhận tình trạng hôn nhân qua mạng.",
                "Với người cao tuổi, người khuyết tật, tổ công nghệ số đến tận nhà hỗ trợ kích hoạt tài khoản định danh "
                "điện tử, cài đặt và hướng dẫn sử dụng ứng dụng VNeID.",
                "Nhờ cách làm này, số hồ sơ trực tuyến của xã tăng rõ rệt. Người dân có thể theo dõi tiến độ giải quyết "
                "hồ sơ trên điện thoại và nhận kết quả qua dịch vụ bưu chính công ích.",
            ),
            authors="Văn Hòa",
            days_ago=7,
            time="16:35",
            tags=("dịch vụ công trực tuyến", "VNeID", "chuyển đổi số"),
            picture=Picture("digital", _DIGITAL_ALT),
        ),
        Article(
            slug="chang-chong-nha-cua-neo-dau-tau-thuyen",
            title="Bảo Ninh chằng chống nhà cửa, neo đậu tàu thuyền an toàn ứng phó bão",
            lead=(
                "Chính quyền xã cùng lực lượng biên phòng kêu gọi tàu thuyền vào nơi tránh trú, hỗ trợ người dân gia cố "
                "nhà cửa trước khi bão đổ bộ."
            ),
            body=(
                "Nhận được tin bão, UBND xã Bảo Ninh đã họp khẩn Ban Chỉ huy Phòng thủ dân sự xã, phân công cán bộ xuống "
                "từng thôn kiểm tra, hướng dẫn người dân chằng chống nhà cửa, chặt tỉa cây xanh có nguy cơ gãy đổ.",
                "Phối hợp với lực lượng biên phòng, xã liên lạc với các tàu cá đang hoạt động trên biển, hướng dẫn vào "
                "nơi tránh trú an toàn. Tại khu neo đậu trên sông Nhật Lệ, tàu thuyền được sắp xếp hợp lý, buộc neo "
                "chắc chắn.",
                "Các hộ dân ở khu vực ven biển có nguy cơ sạt lở được vận động sơ tán đến nhà người thân hoặc điểm sơ tán "
                "tập trung. Xã duy trì trực ban 24/24 giờ, sẵn sàng lực lượng, phương tiện cứu hộ.",
            ),
            authors="Ban Biên tập xã (theo Báo Quảng Bình)",
            days_ago=36,
            time="19:00",
            tags=("phòng chống thiên tai", "tránh trú bão", "tàu cá"),
            picture=Picture(
                "harbor",
                "Tranh minh họa tàu thuyền neo đậu tránh bão: nhiều tàu cá xếp hàng trên mặt sông dưới bầu trời mây đen "
                "và mưa xiên",
            ),
            source=Source(BAO_QUANG_BINH, "Ngọc Anh", BAO_QUANG_BINH_URL, hours_before=5),
        ),
    ),
)


SO_Y_TE = SiteContent(
    unit_code="44-SYT",
    articles=(
        Article(
            slug="dung-can-cuoc-thay-the-bhyt-giay",
            title="Người bệnh dùng căn cước thay thẻ bảo hiểm y tế giấy khi đi khám",
            lead=(
                "Các cơ sở khám chữa bệnh trong tỉnh tra cứu thông tin bảo hiểm y tế bằng thẻ căn cước gắn chip và ứng "
                "dụng VNeID."
            ),
            body=(
                "Khi đến khám bệnh, người dân chỉ cần xuất trình thẻ căn cước gắn chip hoặc tài khoản định danh điện tử "
                "trên ứng dụng VNeID; nhân viên y tế tra cứu thông tin bảo hiểm y tế mà không cần thẻ giấy.",
                "Cách làm này giúp rút ngắn thời gian đăng ký khám, giảm giấy tờ và hạn chế tình trạng quên, mất thẻ. Sở "
                "Y tế yêu cầu các bệnh viện, trung tâm y tế bố trí đủ thiết bị đọc và hướng dẫn rõ ràng tại khu vực "
                "tiếp đón.",
                "Nếu gặp vướng mắc, người dân có thể liên hệ bộ phận tiếp đón của cơ sở khám chữa bệnh để được hỗ trợ.",
            ),
            authors="Phòng Nghiệp vụ Y",
            days_ago=16,
            time="08:00",
            tags=("y tế", "bảo hiểm y tế", "VNeID"),
            picture=Picture("health", _HEALTH_ALT),
        ),
        Article(
            slug="phong-chong-sot-xuat-huyet-sau-mua-lu",
            title="Chủ động phòng, chống sốt xuất huyết và dịch bệnh sau mùa mưa lũ",
            lead=(
                "Ngành y tế khuyến cáo người dân diệt lăng quăng, vệ sinh nhà cửa và đến cơ sở y tế ngay khi có dấu hiệu "
                "sốt cao."
            ),
            body=(
                "Sau mưa lũ, nguy cơ bùng phát các bệnh truyền nhiễm như sốt xuất huyết, tiêu chảy, đau mắt đỏ tăng cao. "
                "Sở Y tế đã chỉ đạo các trung tâm y tế xử lý môi trường, phun hóa chất diệt muỗi tại các ổ dịch.",
                "Người dân cần đậy kín dụng cụ chứa nước, thu dọn vật dụng phế thải đọng nước quanh nhà, ngủ màn kể cả "
                "ban ngày; ăn chín, uống chín và rửa tay thường xuyên bằng xà phòng.",
                "Khi sốt cao đột ngột, đau đầu, đau mỏi cơ hoặc có chấm xuất huyết dưới da, người bệnh cần đến ngay cơ sở "
                "y tế, không tự ý dùng thuốc tại nhà.",
            ),
            authors="Trung tâm Kiểm soát bệnh tật tỉnh",
            days_ago=26,
            time="10:45",
            tags=("sốt xuất huyết", "phòng chống dịch bệnh"),
            picture=Picture("health", _HEALTH_ALT),
        ),
    ),
)


SO_GIAO_DUC = SiteContent(
    unit_code="44-SGDDT",
    articles=(
        Article(
            slug="day-manh-chuyen-doi-so-trong-truong-hoc",
            title="Đẩy mạnh chuyển đổi số trong trường học",
            lead="Toàn ngành giáo dục triển khai học bạ số, sổ điểm điện tử và thu phí không dùng tiền mặt.",
            body=(
                "Năm học này, các trường phổ thông trên địa bàn tỉnh tiếp tục triển khai học bạ số, sổ điểm điện tử và hệ "
                "thống quản lý trường học trực tuyến, giúp phụ huynh theo dõi kết quả học tập của con em thuận tiện hơn.",
                "Việc thu các khoản phí không dùng tiền mặt được mở rộng, giảm áp lực cho giáo viên chủ nhiệm và bảo đảm "
                "công khai, minh bạch. Nhiều trường đã xây dựng kho bài giảng điện tử dùng chung.",
                "Sở Giáo dục và Đào tạo yêu cầu các đơn vị chú trọng bồi dưỡng kỹ năng số cho giáo viên, bảo đảm an toàn "
                "thông tin và bảo vệ dữ liệu cá nhân của học sinh.",
            ),
            authors="Phòng Giáo dục Trung học",
            days_ago=9,
            time="14:30",
            tags=("giáo dục", "chuyển đổi số", "học bạ số"),
            picture=Picture("school", _SCHOOL_ALT),
        ),
        Article(
            slug="bao-dam-an-toan-hoc-sinh-mua-mua-lu",
            title="Bảo đảm an toàn cho học sinh trong mùa mưa lũ",
            lead=(
                "Các trường ở vùng trũng thấp chủ động cho học sinh nghỉ học khi có mưa lũ, kê cao thiết bị dạy học và "
                "tài liệu."
            ),
            body=(
                "Sở Giáo dục và Đào tạo đã chỉ đạo các phòng giáo dục, các trường học chủ động phương án phòng, chống "
                "thiên tai, bảo đảm an toàn tuyệt đối cho học sinh, giáo viên.",
                "Hiệu trưởng được quyền cho học sinh nghỉ học khi mưa lũ gây nguy hiểm trên đường đến trường, sau đó bố "
                "trí dạy bù hợp lý. Giáo viên chủ nhiệm thường xuyên liên lạc với phụ huynh để nắm tình hình từng em.",
                "Sau lũ, các trường khẩn trương dọn dẹp, khử khuẩn lớp học, kiểm tra an toàn điện, sớm đón học sinh trở "
                "lại trường.",
            ),
            authors="Văn phòng Sở",
            days_ago=34,
            time="17:00",
            tags=("giáo dục", "phòng chống thiên tai"),
            picture=Picture("flood", _FLOOD_ALT),
        ),
    ),
)


SO_DU_LICH = SiteContent(
    unit_code="44-SDL",
    articles=(
        Article(
            slug="phong-nha-ke-bang-them-san-pham-kham-pha",
            title="Phong Nha – Kẻ Bàng có thêm sản phẩm du lịch khám phá",
            lead=(
                "Các tour khám phá hang động, đi bộ xuyên rừng mới được đưa vào khai thác, đáp ứng nhu cầu của du khách "
                "ưa trải nghiệm."
            ),
            body=(
                "Sở Du lịch phối hợp với Ban Quản lý Vườn quốc gia Phong Nha – Kẻ Bàng và các doanh nghiệp lữ hành đưa "
                "vào khai thác một số tuyến khám phá mới, kết hợp tham quan hang động, đi bộ trong rừng và cắm trại.",
                "Các tour giới hạn số lượng khách, có hướng dẫn viên và người hỗ trợ là người dân địa phương được đào tạo "
                "bài bản, bảo đảm an toàn và hạn chế tác động đến môi trường di sản.",
                "Sở Du lịch khuyến cáo du khách chỉ đặt tour qua các đơn vị được cấp phép và tuân thủ quy định bảo vệ di sản.",
            ),
            authors="Phòng Quản lý du lịch",
            days_ago=19,
            time="09:30",
            tags=("du lịch", "Phong Nha – Kẻ Bàng", "hang động"),
            picture=Picture("karst", _KARST_ALT),
        ),
        Article(
            slug="quang-ba-du-lich-tai-hoi-cho-quoc-te",
            title="Quảng bá du lịch Quảng Bình tại hội chợ du lịch quốc tế",
            lead=(
                "Gian hàng của tỉnh giới thiệu các sản phẩm hang động, biển đảo và ẩm thực, thu hút nhiều doanh nghiệp "
                "lữ hành quan tâm."
            ),
            body=(
                "Tại hội chợ, Sở Du lịch cùng các doanh nghiệp trong tỉnh giới thiệu những sản phẩm nổi bật: tham quan "
                "hang động Phong Nha – Kẻ Bàng, nghỉ dưỡng biển, du lịch cộng đồng và ẩm thực vùng biển.",
                "Bên lề hội chợ, nhiều cuộc gặp gỡ giữa doanh nghiệp du lịch Quảng Bình với các hãng lữ hành trong nước "
                "và quốc tế đã diễn ra, mở ra cơ hội hợp tác khai thác khách trong mùa du lịch tới.",
                "Sở Du lịch sẽ tiếp tục quảng bá trên các nền tảng số, xây dựng ấn phẩm và video giới thiệu điểm đến "
                "bằng nhiều ngôn ngữ.",
            ),
            authors="Trung tâm Thông tin xúc tiến du lịch",
            days_ago=11,
            time="13:15",
            tags=("xúc tiến du lịch", "hội chợ"),
            picture=Picture("meeting", _MEETING_ALT),
        ),
    ),
)


LE_THUY = SiteContent(
    unit_code="457",
    articles=(
        Article(
            slug="le-thuy-khac-phuc-hau-qua-mua-lu",
            title="Lệ Thủy tập trung khắc phục hậu quả mưa lũ",
            lead=(
                "Khi nước rút, chính quyền và người dân các xã vùng trũng khẩn trương dọn dẹp nhà cửa, vệ sinh môi "
                "trường, khôi phục sản xuất."
            ),
            body=(
                "Đợt mưa lũ vừa qua khiến nhiều khu dân cư ở các xã vùng trũng dọc sông Kiến Giang bị ngập sâu, giao "
                "thông bị chia cắt. Ngay khi nước rút, UBND huyện Lệ Thủy đã chỉ đạo các xã huy động lực lượng giúp dân "
                "dọn bùn đất, vệ sinh trường học, trạm y tế.",
                "Ngành nông nghiệp huyện hướng dẫn người dân chăm sóc, phục hồi diện tích rau màu; tiêu độc khử trùng "
                "chuồng trại để phòng dịch bệnh cho đàn gia súc, gia cầm.",
                "Huyện rà soát, hỗ trợ kịp thời các hộ có nhà bị hư hỏng, hộ nghèo, gia đình chính sách, không để người "
                "dân nào bị đói, rét sau lũ.",
            ),
            authors="Văn phòng HĐND và UBND huyện",
            days_ago=29,
            time="15:40",
            tags=("khắc phục hậu quả lũ lụt", "Lệ Thủy"),
            picture=Picture("flood", _FLOOD_ALT),
        ),
        Article(
            slug="chuan-bi-dieu-kien-cho-vu-dong-xuan",
            title="Lệ Thủy chuẩn bị các điều kiện cho vụ Đông Xuân",
            lead="Huyện khuyến cáo nông dân gieo sạ tập trung, đúng khung lịch thời vụ và dùng giống lúa chất lượng cao.",
            body=(
                "Là một trong những vựa lúa lớn của tỉnh, huyện Lệ Thủy đang chỉ đạo các địa phương nạo vét kênh mương, "
                "tu sửa bờ vùng, bờ thửa, chuẩn bị đủ giống, phân bón cho vụ Đông Xuân.",
                "Nông dân được khuyến cáo gieo sạ tập trung theo khung lịch thời vụ; mở rộng diện tích lúa hữu cơ, lúa "
                "chất lượng cao gắn với liên kết tiêu thụ.",
                "Các hợp tác xã cung ứng dịch vụ làm đất, tưới tiêu bằng máy, giúp giảm chi phí sản xuất và tăng thu nhập "
                "cho nông dân.",
            ),
            authors="Phòng Nông nghiệp huyện",
            days_ago=5,
            time="07:30",
            tags=("nông nghiệp", "vụ Đông Xuân"),
            picture=Picture(
                "fields",
                "Tranh minh họa cánh đồng: những thửa ruộng xanh trải dài đến chân đồi, ngôi nhà mái ngói đỏ và hàng cây "
                "bên bờ ruộng",
            ),
        ),
    ),
)


PHONG_NHA = SiteContent(
    unit_code="19165",
    articles=(
        Article(
            slug="chinh-trang-canh-quan-don-mua-du-lich",
            title="Thị trấn Phong Nha chỉnh trang cảnh quan đón mùa du lịch",
            lead=(
                "Các tuyến đường chính được trồng thêm hoa, cây xanh và lắp đèn trang trí, tạo diện mạo mới cho thị trấn "
                "du lịch."
            ),
            body=(
                "UBND thị trấn Phong Nha đã vận động người dân, cơ sở kinh doanh chung tay chỉnh trang cảnh quan dọc các "
                "tuyến đường chính và khu vực bến thuyền du lịch bên sông Son.",
                "Các khu dân cư trồng hoa, cây xanh trước nhà; cơ sở lưu trú, nhà hàng sắp xếp biển hiệu gọn gàng, giữ vệ "
                "sinh khu vực kinh doanh. Lực lượng chức năng tăng cường nhắc nhở việc lấn chiếm vỉa hè.",
                "Thị trấn mong muốn mỗi người dân là một “hướng dẫn viên” thân thiện, giữ hình ảnh đẹp của vùng di sản "
                "trong mắt du khách.",
            ),
            authors="Văn phòng HĐND và UBND thị trấn",
            days_ago=24,
            time="10:10",
            tags=("du lịch", "cảnh quan", "Phong Nha"),
            picture=Picture("karst", _KARST_ALT),
        ),
        Article(
            slug="tap-huan-lam-du-lich-cong-dong",
            title="Hướng dẫn người dân làm du lịch cộng đồng",
            lead=(
                "Lớp tập huấn giúp các hộ gia đình nắm kỹ năng đón tiếp, phục vụ khách và giữ gìn bản sắc văn hóa địa "
                "phương."
            ),
            body=(
                "Thị trấn Phong Nha phối hợp với Sở Du lịch mở lớp tập huấn về du lịch cộng đồng cho các hộ gia đình đang "
                "và sẽ kinh doanh dịch vụ lưu trú tại nhà dân, ẩm thực, trải nghiệm nông nghiệp.",
                "Học viên được hướng dẫn kỹ năng giao tiếp, vệ sinh an toàn thực phẩm, quảng bá dịch vụ trên mạng và kiến "
                "thức cơ bản về bảo vệ môi trường, phòng cháy chữa cháy tại cơ sở lưu trú.",
                "Thị trấn khuyến khích người dân phát huy nét đẹp văn hóa, ẩm thực địa phương để tạo sản phẩm riêng, tránh "
                "làm du lịch trùng lặp.",
            ),
            authors="Văn phòng HĐND và UBND thị trấn",
            days_ago=13,
            time="16:20",
            tags=("du lịch cộng đồng", "homestay"),
            picture=Picture("village", _VILLAGE_ALT),
        ),
    ),
)


DUC_TRACH = SiteContent(
    unit_code="19162",
    articles=(
        Article(
            slug="ho-tro-ngu-dan-duy-tri-thiet-bi-giam-sat",
            title="Đức Trạch hỗ trợ ngư dân duy trì thiết bị giám sát hành trình tàu cá",
            lead=(
                "Xã phối hợp với lực lượng biên phòng và các đơn vị cung cấp dịch vụ kiểm tra, hướng dẫn chủ tàu sử dụng "
                "đúng thiết bị giám sát."
            ),
            body=(
                "Đức Trạch là xã có nghề khai thác hải sản phát triển, nhiều tàu cá công suất lớn hoạt động dài ngày trên "
                "biển. Thời gian qua, UBND xã đã phối hợp với các lực lượng chức năng kiểm tra thiết bị giám sát hành "
                "trình trên từng tàu cá.",
                "Những tàu có thiết bị hỏng, mất kết nối được hướng dẫn sửa chữa, thay thế trước khi xuất bến. Chủ tàu, "
                "thuyền trưởng được nhắc duy trì thiết bị hoạt động liên tục từ khi rời cảng đến khi cập cảng.",
                "Xã cũng tổ chức cho các chủ tàu ký cam kết không vi phạm vùng biển nước ngoài, góp phần cùng cả nước gỡ "
                "cảnh báo “thẻ vàng” của Ủy ban châu Âu.",
            ),
            authors="Văn phòng HĐND và UBND xã",
            days_ago=17,
            time="08:25",
            tags=("thủy sản", "IUU", "ngư dân"),
            picture=Picture(
                "harbor",
                "Tranh minh họa bến cá: nhiều tàu cá xếp hàng trên mặt nước dưới bầu trời nhiều mây và mưa xiên",
            ),
        ),
        Article(
            slug="ra-mat-to-tu-quan-an-ninh-trat-tu",
            title="Ra mắt mô hình tổ tự quản an ninh trật tự khu dân cư ven biển",
            lead=(
                "Mô hình do người dân tự bầu, tự quản, góp phần giữ gìn an ninh trật tự và hỗ trợ nhau khi có thiên tai."
            ),
            body=(
                "Tổ tự quản gồm các thành viên là người có uy tín trong thôn, đoàn viên thanh niên và lực lượng dân quân, "
                "do nhân dân bầu chọn tại hội nghị ra mắt.",
                "Tổ có nhiệm vụ nắm tình hình, hòa giải mâu thuẫn nhỏ trong cộng đồng, tuyên truyền pháp luật, phối hợp "
                "với công an xã tuần tra ban đêm và hỗ trợ người dân khi có mưa bão.",
                "UBND xã Đức Trạch đánh giá mô hình phát huy vai trò làm chủ của nhân dân và sẽ nhân rộng ra các thôn còn "
                "lại trong thời gian tới.",
            ),
            authors="Văn phòng HĐND và UBND xã",
            days_ago=38,
            time="20:00",
            tags=("an ninh trật tự", "khu dân cư"),
            picture=Picture("meeting", _MEETING_ALT),
        ),
    ),
)


# The four sites with accounts and richer content first; the seed proposes in this order.
SITES: tuple[SiteContent, ...] = (MAIN, STTTT, DONG_HOI, BAO_NINH, SO_Y_TE, SO_GIAO_DUC, SO_DU_LICH, LE_THUY, PHONG_NHA, DUC_TRACH)


# Demo accounts: (family and middle name, given name) per site prefix and role suffix.
ACCOUNT_NAMES = {
    "trangchinh": {
        "truongban": ("Nguyễn Văn", "Thành"),
        "bientapvien": ("Trần Thị", "Thu Hà"),
        "congtacvien": ("Lê Minh", "Tuấn"),
        "quantri": ("Phạm Quốc", "Bảo"),
        "motcua": ("Lê Thị", "Minh Châu"),
    },
    "stttt": {
        "truongban": ("Hoàng Văn", "Nam"),
        "bientapvien": ("Đặng Thị", "Lan Anh"),
        "congtacvien": ("Võ Đức", "Huy"),
        "quantri": ("Bùi Quang", "Khải"),
        "motcua": ("Phạm Thị", "Thanh Tâm"),
    },
    "donghoi": {
        "truongban": ("Phan Thị", "Mai"),
        "bientapvien": ("Ngô Văn", "Sơn"),
        "congtacvien": ("Đỗ Thị", "Hồng"),
        "quantri": ("Trương Minh", "Trí"),
        "motcua": ("Nguyễn Đức", "Long"),
    },
    "baoninh": {
        "truongban": ("Hồ Văn", "Lực"),
        "bientapvien": ("Lê Thị", "Thu"),
        "congtacvien": ("Nguyễn Thị", "Hoa"),
        "quantri": ("Trần Văn", "Dũng"),
        "motcua": ("Võ Thị", "Hằng"),
    },
}
OPERATOR_NAME = ("Nguyễn Hữu", "Phúc")

# Contact details for the main unit, filled only where the registry left them empty.
MAIN_UNIT_CONTACT = {
    "address": "Số 12 Quang Trung, phường Hải Đình, thành phố Đồng Hới, tỉnh Quảng Bình",
    "phone": "0232 3822 000",
    "email": "vanphong@demo.quangbinh.gov.vn",
    "responsible_person": "Chánh Văn phòng UBND tỉnh",
}
