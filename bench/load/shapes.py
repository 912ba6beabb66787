"""The shapes of the synthetic program: shares, weights, sizes, names, and the codes the rows carry."""

from collections.abc import Callable
from datetime import date, timedelta

from attendance.models import AttendanceRecord
from attendance.services import AFTERNOON, MORNING
from certificates.codes import ALPHABET
from enrollment import synthetic
from enrollment.models import AdministrativeUnit, Enrollment, Offering, Participant
from enrollment.units import CURRENT, PRE_2025

REFORM = date(2025, 7, 1)  # offerings from this day name current units
HANOI = "01"
FIRST_PHONE = 1_000_000  # synthetic.phone() numbers below this are the demo's
PHONE_LIMIT = len(synthetic.PHONE_PREFIXES) * 1_000_000
BATCH = 10_000

Kind, Status = Offering.Kind, Offering.Status
E = Enrollment.Status
R = AttendanceRecord.Status
Progress = Callable[[str, int, int | None], None]

# ---------------------------------------------------------------------------------------------- shapes of the plan

KIND_SHARES = [(Kind.CONFERENCE, 0.15), (Kind.CLASS, 0.75), (Kind.STUDY_TOUR, 0.10)]
TRACK_WEIGHTS = {"steering": 5, "officers": 35, "producers": 60}
# Fewer events in January and February, around Tết; more in the autumn, before the yearly evaluation.
MONTH_WEIGHTS = [0.5, 0.35, 1.0, 1.1, 1.1, 1.0, 0.9, 1.0, 1.1, 1.2, 1.2, 0.9]
# Where an offering is held: (province, district, commune) before the reform, (province, commune) after.
LEVEL_WEIGHTS = {
    (Kind.CONFERENCE, PRE_2025): (8, 85, 7),
    (Kind.CLASS, PRE_2025): (12, 55, 33),
    (Kind.STUDY_TOUR, PRE_2025): (50, 50, 0),
    (Kind.CONFERENCE, CURRENT): (10, 0, 90),
    (Kind.CLASS, CURRENT): (12, 0, 88),
    (Kind.STUDY_TOUR, CURRENT): (50, 0, 50),
}
# Rural districts and communes run far more of the program than urban ones.
UNIT_WEIGHTS = {"huyện": 3, "thị xã": 2, "quận": 1, "thành phố": 2, "xã": 3, "thị trấn": 2, "phường": 1}
# Enrolled people per offering before scaling to the attendance asked for.
RAW_SIZE = {Kind.CONFERENCE: (80, 250), Kind.CLASS: (25, 70), Kind.STUDY_TOUR: (15, 40)}
LOCAL_SHARE = 0.8  # of the people at a district's or commune's offering, the share from that district
INACTIVE_SHARE = 0.06  # cancelled or no-show, on top of the active enrollments
FIRST_COHORT = 0.3  # of the people, those in the program from its first offering

LATE_BY = timedelta(minutes=35)  # checked in this long after "on time" (five minutes before the start)
SHEET = AttendanceRecord.Method.SHEET.value
HALF_NAME = {MORNING: "Sáng", AFTERNOON: "Chiều"}

# (category, weight, group, female share, birth years)
CATEGORIES = [
    (Participant.Category.STEERING.value, 1.0, "steering", 0.30, (1960, 1985)),
    (Participant.Category.COUNCIL.value, 0.7, "steering", 0.40, (1960, 1988)),
    (Participant.Category.ADVISORY.value, 0.8, "steering", 0.45, (1965, 1992)),
    (Participant.Category.OFFICER.value, 14.0, "officers", 0.45, (1965, 1998)),
    (Participant.Category.COOPERATIVE.value, 25.0, "producers", 0.40, (1960, 1995)),
    (Participant.Category.HOUSEHOLD.value, 28.5, "producers", 0.55, (1960, 1998)),
    (Participant.Category.FARM.value, 12.0, "producers", 0.30, (1960, 1995)),
    (Participant.Category.ENTERPRISE.value, 15.0, "producers", 0.45, (1965, 1998)),
    (Participant.Category.OTHER.value, 3.0, "producers", 0.50, (1960, 1998)),
]
GROUPS = ["steering", "officers", "producers"]
# Who comes: a class of a track brings its audience; conferences and tours a mix.
AUDIENCE = {
    "steering": [("steering", 1.0)],
    "officers": [("officers", 1.0)],
    "producers": [("producers", 1.0)],
    Kind.CONFERENCE: [("steering", 0.10), ("officers", 0.40), ("producers", 0.50)],
    Kind.STUDY_TOUR: [("officers", 0.25), ("producers", 0.75)],
}
POSITIONS = {
    "steering": ["Thành viên Ban chỉ đạo", "Phó Trưởng ban chỉ đạo"],
    "council": ["Thành viên Hội đồng đánh giá, phân hạng sản phẩm"],
    "advisory": ["Thành viên Tổ tư vấn giúp việc"],
    "officer": ["Cán bộ phụ trách OCOP", "Chuyên viên Phòng Kinh tế", "Cán bộ khuyến nông", "Công chức nông nghiệp"],
    "cooperative": ["Giám đốc HTX", "Phó giám đốc HTX", "Kế toán HTX", "Thành viên HTX"],
    "enterprise": ["Giám đốc", "Phó giám đốc", "Trưởng phòng kinh doanh"],
    "household": ["Chủ hộ kinh doanh"],
    "farm": ["Chủ trang trại"],
    "other": [""],
}
ORGANIZATION_OF = {"cooperative": "cooperative", "enterprise": "enterprise", "household": "household", "farm": "farm"}
ORGANIZATION_SHARE = 0.65  # of the producers, those with a recorded organization
ORGANIZATION_KINDS = [("cooperative", 35), ("household", 30), ("farm", 15), ("enterprise", 20)]
PRODUCTS = [
    "Nông nghiệp", "Dịch vụ nông nghiệp", "Rau an toàn", "Chăn nuôi", "Gốm sứ", "Mây tre đan", "Chè", "Bưởi",
    "Nhãn", "Sen", "Mật ong", "Nấm", "Miến dong", "Hoa cây cảnh", "Thủy sản", "Gạo nếp cái hoa vàng",
]  # fmt: skip
TOPICS = {
    "steering": ["Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm OCOP", "Thẩm định hồ sơ và minh chứng"],
    "officers": ["Triển khai chu trình OCOP thường niên", "Hướng dẫn chủ thể hoàn thiện hồ sơ sản phẩm"],
    "producers": [
        "Tiêu chuẩn, nhãn hàng hóa và truy xuất nguồn gốc", "Thiết kế bao bì và câu chuyện sản phẩm",
        "Xây dựng phương án kinh doanh", "Tiếp thị và bán hàng trực tuyến", "Chuẩn bị hồ sơ đánh giá, phân hạng",
    ],
}  # fmt: skip
DESTINATIONS = [
    "Hải Phòng", "Quảng Ninh", "Nam Định", "Hà Tĩnh", "Thái Lan", "Lào Cai", "Sơn La", "Ninh Bình", "Bắc Giang",
    "Thái Bình", "Lâm Đồng", "Nhật Bản", "Hàn Quốc",
]  # fmt: skip

# Enrollment statuses in the plan, one byte each.
REGISTERED, COMPLETED, CANCELLED, NO_SHOW = range(4)
# Plain strings in the tuples written without the ORM (a database driver may adapt an Enum by its name).
ENROLLMENT_STATUS = [E.REGISTERED.value, E.COMPLETED.value, E.CANCELLED.value, E.NO_SHOW.value]
ENROLLMENT_SOURCES = ["roster"] * 16 + ["staff"] * 3 + ["self"]
PRESENT, LATE, EXCUSED, ABSENT = (status.value for status in (R.PRESENT, R.LATE, R.EXCUSED, R.ABSENT))
TYPE_LABEL = dict(AdministrativeUnit.Type.choices)
_BASE32_TO_CROCKFORD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", ALPHABET)
