"""The demo site: the page tree's root, the home page with its demo content, and the default site."""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Collection, Locale, Page, Site

from home.models import HomePage

HOME_TITLE = "Đào tạo, tập huấn Chương trình OCOP"
HOME_LEAD = (
    "Nơi Văn phòng Điều phối Chương trình Mỗi xã một sản phẩm tổ chức các lớp tập huấn, hội nghị "
    "và chuyến tham quan học tập, theo dõi điểm danh và cấp giấy chứng nhận có thể xác minh bằng mã QR."
)
HOME_TRACKS = [
    {
        "code": "steering",
        "title": "Ban chỉ đạo và Hội đồng đánh giá",
        "audience": "Thành viên Ban chỉ đạo, Hội đồng đánh giá, phân hạng sản phẩm và Tổ tư vấn giúp việc",
        "description": (
            "Khung pháp lý của Chương trình, Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP (phần A, B, C; "
            "thang 100 điểm, năm hạng sao), cách thẩm định hồ sơ, minh chứng và quy trình làm việc của Hội đồng."
        ),
    },
    {
        "code": "officers",
        "title": "Cán bộ triển khai Chương trình",
        "audience": "Cán bộ cấp tỉnh, cấp xã (trước đây cả cấp huyện) trực tiếp triển khai OCOP tại địa phương",
        "description": (
            "Chu trình OCOP thường niên, hướng dẫn chủ thể chuẩn bị và hoàn thiện hồ sơ sản phẩm, "
            "theo dõi, tổng hợp và báo cáo kết quả thực hiện."
        ),
    },
    {
        "code": "producers",
        "title": "Chủ thể sản xuất, kinh doanh",
        "audience": "Giám đốc, cán bộ quản lý hợp tác xã, doanh nghiệp nhỏ, hộ kinh doanh và trang trại",
        "description": (
            "Tiêu chuẩn sản phẩm, nhãn hàng hóa và truy xuất nguồn gốc, bao bì, câu chuyện sản phẩm, "
            "phương án kinh doanh, tiếp thị và chuẩn bị hồ sơ đánh giá, phân hạng."
        ),
    },
]
HOME_BODY = (
    "<h2>Về Chương trình Mỗi xã một sản phẩm</h2>"
    "<p>Chương trình OCOP giúp hợp tác xã, doanh nghiệp nhỏ, hộ sản xuất và trang trại phát triển sản phẩm "
    "đặc trưng của địa phương thành hàng hóa có thương hiệu, được đánh giá và xếp hạng từ 1 đến 5 sao.</p>"
    "<p>Mỗi năm, Văn phòng Điều phối tổ chức hội nghị triển khai, các lớp tập huấn cho ba nhóm đối tượng và "
    "các chuyến tham quan học tập kinh nghiệm. Hệ thống này thay cho các tệp Excel rời rạc: danh sách học viên "
    "nhập một lần không trùng người, điểm danh quyết định việc cấp chứng nhận, và số liệu báo cáo luôn cập nhật.</p>"
    "<h3>Học viên</h3>"
    "<ul><li>Đăng ký tài khoản bằng email, xem lớp học, lịch học và bài giảng của mình.</li>"
    "<li>Làm bài kiểm tra, theo dõi tiến độ học tập.</li>"
    "<li>Tải giấy chứng nhận hoàn thành; ai cũng có thể xác minh bằng mã QR in trên giấy.</li></ul>"
)


def site_ensure() -> HomePage:
    """The page tree root, the home page and the default site, created if missing."""
    locale, _created = Locale.objects.get_or_create(language_code="vi")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(instance=HomePage(title=HOME_TITLE, slug="home", locale=locale))
    # The site's address is the configured base URL, which Wagtail's emails (a lesson to review) link to.
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    port = base.port or (443 if base.scheme == "https" else 80)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": base.hostname or "localhost", "port": port, "root_page": home, "site_name": "OCOP"},
    )
    return home


def home_page_fill(home: HomePage) -> None:
    """Write the demo content, unless an editor has already written some."""
    if home.tracks:
        return
    home.title = HOME_TITLE
    home.lead = HOME_LEAD
    home.body = HOME_BODY
    home.tracks = [("track", track) for track in HOME_TRACKS]
    home.save_revision().publish()
