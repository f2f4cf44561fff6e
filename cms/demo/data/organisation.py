"""The demo province: agencies, clusters with their LED faces and kiosks, users.

The province is modelled on Kon Tum (gates facing Laos and Cambodia, a town
e-board). Phone numbers other than 113/114/115 are made up for the demo.
"""

PROVINCE = "Kon Tum (demo)"

AGENCIES = [
    {
        "slug": "dept-information",
        "kind": "department",
        "name": "Sở Thông tin và Truyền thông tỉnh Kon Tum",
        "short_name": "Sở TT&TT",
        "email": "stttt@kontum-demo.example",
        "phone": "0260 3 800 001",
    },
    {
        "slug": "ngoc-hoi-district",
        "kind": "district",
        "name": "Ủy ban nhân dân huyện Ngọc Hồi",
        "short_name": "UBND huyện Ngọc Hồi",
        "email": "ubnd@ngochoi-demo.example",
        "phone": "0260 3 800 002",
    },
    {
        "slug": "border-guard",
        "kind": "border_guard",
        "name": "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Kon Tum",
        "short_name": "BĐBP Kon Tum",
        "email": "bienphong@kontum-demo.example",
        "phone": "0260 3 800 003",
    },
    {
        "slug": "police",
        "kind": "police",
        "name": "Công an tỉnh Kon Tum",
        "short_name": "Công an tỉnh",
        "email": "congan@kontum-demo.example",
        "phone": "0260 3 800 004",
    },
    {
        "slug": "kon-tum-newspaper",
        "kind": "press",
        "name": "Báo Kon Tum",
        "short_name": "Báo Kon Tum",
        "email": "toasoan@baokontum-demo.example",
        "phone": "0260 3 800 005",
    },
    {
        "slug": "radio-tv",
        "kind": "radio_tv",
        "name": "Đài Phát thanh – Truyền hình tỉnh Kon Tum",
        "short_name": "Đài PT-TH Kon Tum",
        "email": "bientap@ptth-kontum-demo.example",
        "phone": "0260 3 800 006",
    },
    {
        "slug": "economic-zone",
        "kind": "economic_zone",
        "name": "Ban Quản lý Khu kinh tế tỉnh Kon Tum",
        "short_name": "BQL Khu kinh tế",
        "email": "bqlkkt@kontum-demo.example",
        "phone": "0260 3 800 007",
    },
    {
        "slug": "foreign-affairs",
        "kind": "foreign_affairs",
        "name": "Sở Ngoại vụ tỉnh Kon Tum",
        "short_name": "Sở Ngoại vụ",
        "email": "songoaivu@kontum-demo.example",
        "phone": "0260 3 800 008",
    },
]

CLUSTERS = [
    {
        "code": "bo-y",
        "name": "Cụm thông tin điện tử Cửa khẩu quốc tế Bờ Y",
        "kind": "border_gate",
        "place": "Cửa khẩu quốc tế Bờ Y, xã Bờ Y, huyện Ngọc Hồi",
        "latitude": "14.721900",
        "longitude": "107.547300",
        "operating_agency": "economic-zone",
        "languages": ["vi", "en", "lo", "zh-hans"],
        "faces": [
            {
                "code": "facing-laos",
                "name": "Mặt hướng sang Lào",
                "width_px": 1344,
                "height_px": 756,
                "fps": 25,
                "max_kbps": 6000,
                "has_sound": True,
            },
            {
                "code": "facing-road",
                "name": "Mặt hướng Quốc lộ 40",
                "width_px": 2304,
                "height_px": 576,
                "fps": 50,
                "max_kbps": 10000,
                "has_sound": True,
            },
            {
                "code": "portrait",
                "name": "Mặt đứng cạnh nhà kiểm soát",
                "width_px": 768,
                "height_px": 1152,
                "fps": 30,
                "max_kbps": 4000,
                "has_sound": False,
            },
        ],
        "kiosks": [
            {
                "code": "hall",
                "name": "Tủ tra cứu sảnh nhà kiểm soát liên hợp",
                "screen_inches": 55,
                "width_px": 1080,
                "height_px": 1920,
                "orientation": "portrait",
                "idle_timeout_s": 90,
            },
            {
                "code": "waiting-room",
                "name": "Tủ tra cứu phòng chờ",
                "screen_inches": 43,
                "width_px": 1920,
                "height_px": 1080,
                "orientation": "landscape",
                "idle_timeout_s": 120,
            },
        ],
    },
    {
        "code": "le-thanh",
        "name": "Cụm thông tin điện tử Cửa khẩu quốc tế Lệ Thanh",
        "kind": "border_gate",
        "place": "Cửa khẩu quốc tế Lệ Thanh, giáp tỉnh Ratanakiri (Campuchia)",
        "latitude": "13.786000",
        "longitude": "107.582000",
        "operating_agency": "border-guard",
        "languages": ["vi", "en", "km"],
        "faces": [
            {
                "code": "wide",
                "name": "Mặt chính",
                "width_px": 2304,
                "height_px": 576,
                "fps": 25,
                "max_kbps": 8000,
                "has_sound": True,
            },
        ],
        "kiosks": [
            {
                "code": "hall",
                "name": "Tủ tra cứu sảnh cửa khẩu",
                "screen_inches": 55,
                "width_px": 1080,
                "height_px": 1920,
                "orientation": "portrait",
                "idle_timeout_s": 90,
            },
        ],
    },
    {
        "code": "kon-tum-square",
        "name": "Bảng điện tử Quảng trường 16/3, thành phố Kon Tum",
        "kind": "town",
        "place": "Quảng trường 16/3, phường Quyết Thắng, thành phố Kon Tum",
        "latitude": "14.354600",
        "longitude": "108.007400",
        "operating_agency": "dept-information",
        "languages": ["vi", "bdq"],
        "faces": [
            {
                "code": "main",
                "name": "Bảng điện tử chính",
                "width_px": 1920,
                "height_px": 960,
                "fps": 25,
                "max_kbps": 5000,
                "has_sound": True,
            },
        ],
        "kiosks": [],
    },
]

# (username, role, agency slug, language, full name)
USERS = [
    ("admin", "administrator", None, None, "Quản trị hệ thống"),
    ("head", "head", None, None, "Trưởng Ban Biên tập"),
    ("secretary", "secretariat", None, None, "Thư ký Ban Biên tập"),
    ("provider_border", "provider", "border-guard", None, "Cán bộ Biên phòng"),
    ("provider_radio", "provider", "radio-tv", None, "Biên tập viên Đài PT-TH"),
    ("translator_en", "translator", None, "en", "Biên dịch tiếng Anh"),
    ("translator_zh", "translator", None, "zh-hans", "Biên dịch tiếng Trung"),
    ("translator_lo", "translator", None, "lo", "Biên dịch tiếng Lào"),
    ("translator_km", "translator", None, "km", "Biên dịch tiếng Khmer"),
    ("operator", "operator", None, None, "Cán bộ vận hành cụm"),
    ("technician", "technician", None, None, "Kỹ thuật viên"),
    ("inspector", "inspector", None, None, "Thanh tra"),
]
USER_EMAIL_DOMAIN = "kontum-demo.example"

# Section slug -> agency slug whose provider group owns it.
PROVIDER_SECTIONS = {
    "cua-khau": "border-guard",
    "tin-tuc-chuong-trinh": "radio-tv",
}
