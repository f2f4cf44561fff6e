"""Demo programmes (LED videos), each left in a different workflow state.

``text`` holds the translatable fields; the live programme is translated into
the ``languages`` listed (its video and subtitle tracks are shared).

``state``: ``live`` (approved by secretariat and head), ``in_review`` (waiting
for the secretariat), ``draft`` (never submitted), ``changes_requested``
(passed the secretariat, sent back by the head with a comment).
"""

from .markup import T

BORDER_NEWS_VI = """1
00:00:00,000 --> 00:00:01,000
Bản tin biên giới Kon Tum

2
00:00:01,000 --> 00:00:02,000
Cửa khẩu Bờ Y mở cửa 07:00–19:00
"""

BORDER_NEWS_LO = """1
00:00:00,000 --> 00:00:01,000
ຂ່າວຊາຍແດນແຂວງກອນຕຸມ

2
00:00:01,000 --> 00:00:02,000
ດ່ານບໍອີ ເປີດ 07:00–19:00 ໂມງ
"""

MANG_DEN_VI = """1
00:00:00,000 --> 00:00:02,000
Măng Đen – cao nguyên thông xanh
"""

MANG_DEN_LO = """1
00:00:00,000 --> 00:00:02,000
ມັງແດນ – ພູພຽງປ່າແປກຂຽວ
"""

GONG_VI = """1
00:00:00,000 --> 00:00:02,000
Tiếng cồng chiêng Tây Nguyên
"""

GUIDE_VI = """1
00:00:00,000 --> 00:00:01,000
Chuẩn bị hộ chiếu hoặc giấy thông hành

2
00:00:01,000 --> 00:00:02,000
Xếp hàng tại quầy Biên phòng
"""

GUIDE_LO = """1
00:00:00,000 --> 00:00:01,000
ກະກຽມໜັງສືຜ່ານແດນ ຫຼື ບັດຜ່ານແດນ

2
00:00:01,000 --> 00:00:02,000
ລຽນແຖວຢູ່ຫ້ອງການປ້ອງກັນຊາຍແດນ
"""

PROGRAMMES = [
    {
        "key": "border-news",
        "text": {
            "title": T(
                "Bản tin biên giới Kon Tum",
                en="Kon Tum border news",
                zh="昆嵩边境新闻",
                lo="ຂ່າວຊາຍແດນແຂວງກອນຕຸມ",
                km="ព័ត៌មានព្រំដែនខេត្តកុនទុំ",
            ),
            "description": T(
                "Tin hoạt động tại các cửa khẩu và khu kinh tế trong tháng.",
                en="This month's news from the border gates and economic zones.",
                zh="本月各口岸及经济区动态。",
                lo="ຂ່າວຄວາມເຄື່ອນໄຫວປະຈຳເດືອນ ຢູ່ບັນດາດ່ານຊາຍແດນ ແລະ ເຂດເສດຖະກິດ.",
                km="ព័ត៌មានប្រចាំខែអំពីសកម្មភាពនៅច្រកព្រំដែន និងតំបន់សេដ្ឋកិច្ច។",
            ),
            "source_credit": T(
                "Đài Phát thanh – Truyền hình tỉnh Kon Tum",
                en="Kon Tum Radio and Television",
                zh="昆嵩省广播电视台",
                lo="ສະຖານີວິທະຍຸ-ໂທລະທັດແຂວງກອນຕຸມ",
                km="ស្ថានីយ៍វិទ្យុ និងទូរទស្សន៍ខេត្តកុនទុំ",
            ),
        },
        "languages": ("en", "zh-hans", "lo", "km"),
        "category": "border_foreign",
        "agency": "radio-tv",
        "submitter": "provider_radio",
        "state": "live",
        "clusters": ["bo-y"],
        "faces": [],
        "video": {"pattern": "testsrc2", "tone_hz": 440},
        "subtitles": {"vi": BORDER_NEWS_VI, "lo": BORDER_NEWS_LO},
    },
    {
        "key": "mang-den",
        "text": {
            "title": T("Măng Đen – cao nguyên thông xanh"),
            "description": T("Phóng sự ngắn giới thiệu khu du lịch Măng Đen."),
            "source_credit": T("Đài Phát thanh – Truyền hình tỉnh Kon Tum"),
        },
        "languages": (),
        "category": "essential.travel",
        "agency": "radio-tv",
        "submitter": "provider_radio",
        "state": "in_review",
        "clusters": None,
        "faces": [],
        "video": {"pattern": "smptehdbars", "tone_hz": 523},
        "subtitles": {"vi": MANG_DEN_VI, "lo": MANG_DEN_LO},
    },
    {
        "key": "gong",
        "text": {
            "title": T("Tiếng cồng chiêng Tây Nguyên"),
            "description": T("Trích đoạn biểu diễn cồng chiêng (bản nháp)."),
            "source_credit": T("Đài Phát thanh – Truyền hình tỉnh Kon Tum"),
        },
        "languages": (),
        "category": "essential.economy",
        "agency": "radio-tv",
        "submitter": "provider_radio",
        "state": "draft",
        "clusters": ["kon-tum-square"],
        "faces": [],
        "video": {"pattern": "rgbtestsrc", "tone_hz": 330},
        "subtitles": {"vi": GONG_VI},
    },
    {
        "key": "bo-y-guide",
        "text": {
            "title": T("Hướng dẫn làm thủ tục tại cửa khẩu Bờ Y"),
            "description": T("Các bước xuất trình giấy tờ tại nhà kiểm soát liên hợp."),
            "source_credit": T("Đồn Biên phòng Cửa khẩu quốc tế Bờ Y"),
        },
        "languages": (),
        "category": "border_rules",
        "agency": "border-guard",
        "submitter": "provider_border",
        "state": "changes_requested",
        "clusters": ["bo-y"],
        "faces": [("bo-y", "facing-laos"), ("bo-y", "portrait")],
        "video": {"pattern": "testsrc", "tone_hz": 660},
        "subtitles": {"vi": GUIDE_VI, "lo": GUIDE_LO},
        "review_comment": (
            "Đề nghị bổ sung giờ làm việc mới của cửa khẩu (07:00–19:00) vào "
            "phần cuối video trước khi phát."
        ),
    },
]

# The LED faces whose loop editors set (cms/broadcasting playlists): programme
# keys with their plays per loop. "bo-y-guide" waits for approval, so the LED
# plan page names it until the head of board approves it.
PLAYLISTS = [
    {
        "cluster": "bo-y",
        "face": "facing-laos",
        "entries": [("border-news", 2), ("bo-y-guide", 1)],
    },
]
