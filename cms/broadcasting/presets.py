"""Ready-made airtime policies for the three provinces' regulations.

Plain data (no models), so the data migration that creates them keeps working
as the models change. Times are (day types, start, end); names are stored in
the province's source language, Vietnamese.
"""

ALL_DAYS = ("working", "weekend", "holiday")

PRESETS = [
    {
        "name": "Kon Tum — tối thiểu 6 giờ/ngày (QĐ 03/2024/QĐ-UBND, Điều 6)",
        "regulation": "kon_tum",
        "notes": (
            "Điều 6 khoản 1: tối thiểu 6 giờ/ngày, 3 giờ buổi sáng và 3 giờ buổi "
            "chiều tối; khung giờ cụ thể do đơn vị quản lý, vận hành quyết định."
        ),
        "windows": [(ALL_DAYS, "07:00", "10:00"), (ALL_DAYS, "17:00", "20:00")],
    },
    {
        "name": "Cao Bằng — 8 giờ/ngày (QĐ 31/2020/QĐ-UBND, Điều 8)",
        "regulation": "cao_bang",
        "notes": (
            "Điều 8 khoản 1: ngày làm việc 07:30–11:00 và 13:30–18:00; ngày lễ, "
            "thứ Bảy, Chủ nhật từ 8 đến 10 giờ/ngày."
        ),
        "windows": [(ALL_DAYS, "07:30", "11:00"), (ALL_DAYS, "13:30", "18:00")],
    },
    {
        "name": "An Giang — 8 giờ/ngày, kể cả ngày lễ (QĐ 22/2024/QĐ-UBND, Điều 4)",
        "regulation": "an_giang",
        "notes": (
            "Điều 4 khoản 3: 07:00–11:00 và 14:00–18:00, kể cả ngày Lễ, Tết, "
            "thứ Bảy và Chủ nhật."
        ),
        "windows": [(ALL_DAYS, "07:00", "11:00"), (ALL_DAYS, "14:00", "18:00")],
    },
]
