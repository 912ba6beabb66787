"""The demo program, built by code (factories and services, never a dump).

Every function here is idempotent: ``load_demo_data`` may run on every
``make run``, and tests call ``demo_site_build`` after a database flush.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from wagtail.models import Collection, Locale, Page, Site

from accounts.models import User
from accounts.roles import Role, sync_roles
from accounts.services import user_create
from attendance.demo import attendance_demo_build
from certificates.demo import certificates_demo_build
from courses.demo import courses_demo_build
from courses.review import review_workflow_ensure
from enrollment.demo import enrollment_demo_build
from enrollment.units import hanoi_units_load

from .demo_program import current_year_build, program_2019_build
from .models import HomePage, TrainingTarget

DEMO_PASSWORD = "hocOCOP2025"


@dataclass(frozen=True)
class DemoLogin:
    role: Role
    email: str
    full_name: str


DEMO_LOGINS = [
    DemoLogin(Role.ADMINISTRATOR, "quantri@ocop.example", "Phạm Thị Thu Hà"),
    DemoLogin(Role.TRAINER, "giangvien@ocop.example", "Trần Quốc Đạt"),
    DemoLogin(Role.ORGANIZER, "tochuc@ocop.example", "Lê Thị Hồng Nhung"),
    DemoLogin(Role.LEARNER, "hocvien@ocop.example", "Đỗ Văn Đức"),
]

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
            "Tiêu chuẩn sản phẩm, nhãn hàng hoá và truy xuất nguồn gốc, bao bì, câu chuyện sản phẩm, "
            "phương án kinh doanh, tiếp thị và chuẩn bị hồ sơ đánh giá, phân hạng."
        ),
    },
]
HOME_BODY = (
    "<h2>Về Chương trình Mỗi xã một sản phẩm</h2>"
    "<p>Chương trình OCOP giúp hợp tác xã, doanh nghiệp nhỏ, hộ sản xuất và trang trại phát triển sản phẩm "
    "đặc trưng của địa phương thành hàng hoá có thương hiệu, được đánh giá và xếp hạng từ 1 đến 5 sao.</p>"
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
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "OCOP"}
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


def demo_users_ensure() -> list[User]:
    users = []
    for login in DEMO_LOGINS:
        user = User.objects.filter(email__iexact=login.email).first()
        if user is None:
            user = user_create(email=login.email, password=DEMO_PASSWORD, full_name=login.full_name, role=login.role)
        users.append(user)
    return users


def demo_user(role: Role) -> User:
    login = next(login for login in DEMO_LOGINS if login.role == role)
    return User.objects.get(email=login.email)


@transaction.atomic
def demo_site_build(*, with_courses: bool = True, with_history: bool = True) -> list[User]:
    """The demo program. Tests that need only the site and the users skip the courses; browser
    journeys skip the history (Hanoi's 2019 program and this year's classes), which takes seconds."""
    home = site_ensure()
    hanoi_units_load()  # a data migration loads them; a flushed test database needs them again
    sync_roles()
    review_workflow_ensure()
    home_page_fill(home)
    users = demo_users_ensure()
    if with_courses:
        courses_demo_build(home, demo_user(Role.TRAINER))
        enrollment_demo_build(organizer=demo_user(Role.ORGANIZER), learner=demo_user(Role.LEARNER))
        attendance_demo_build()
        certificates_demo_build(organizer=demo_user(Role.ORGANIZER), learner=demo_user(Role.LEARNER))
    if with_courses and with_history:
        program_2019_build(organizer=demo_user(Role.ORGANIZER))
        current_year_build(organizer=demo_user(Role.ORGANIZER))
        targets_demo_ensure()
    return users


# This year's plan per track: classes to hold and people to train (the dashboard's targets).
DEMO_TARGETS = {"steering": (2, 60), "officers": (6, 240), "producers": (12, 480)}


def targets_demo_ensure() -> None:
    year = timezone.localdate().year
    for track, (classes, people) in DEMO_TARGETS.items():
        TrainingTarget.objects.get_or_create(year=year, track=track, defaults={"classes": classes, "people": people})
